import { canLog, canUpdate, canView, type Action } from '../../../../src/domain/actions';
import type { RegistryIndex } from '../../../../src/domain/registry';
import { AAD, testRegistry } from './registry-fixture';

describe('permissions', () => {
  let registry: RegistryIndex;
  const person = (aad: string) => registry.personByAadObjectId(aad);
  const forum = (id: string) => {
    const found = registry.forumsById.get(id);
    if (!found) throw new Error(`no forum ${id}`);
    return found;
  };
  const action = (over: Partial<Action> = {}): Action => ({
    id: 'ANK-2026-001',
    forum: 'neuvottelukunta-ks',
    title: 't',
    organisations: [],
    status: 'avoin',
    comments: [],
    ownerPerson: 'aino-esimerkki',
    createdAt: 0,
    createdBy: 'marja-malli',
    updatedAt: 0,
    updatedBy: 'marja-malli',
    ...over,
  });

  beforeAll(async () => {
    registry = await testRegistry();
  });

  it('lets the secretaries and the chair log', () => {
    expect(canLog(person(AAD.secretary), forum('neuvottelukunta-ks'))).toEqual({ ok: true });
    expect(canLog(person(AAD.chair), forum('neuvottelukunta-ks'))).toEqual({ ok: true });
  });

  it('refuses others with a stable code', () => {
    expect(canLog(person(AAD.otherSecretary), forum('neuvottelukunta-ks'))).toEqual({
      ok: false,
      refusal: { code: 'ACTION_FORBIDDEN', params: { forum: 'neuvottelukunta-ks', operation: 'log' } },
    });
    expect(canLog(person(AAD.owner), forum('neuvottelukunta-ks')).ok).toBe(false);
    expect(canLog(person(AAD.outsider), forum('neuvottelukunta-ks')).ok).toBe(false);
    expect(canLog(undefined, forum('neuvottelukunta-ks'))).toEqual({
      ok: false,
      refusal: { code: 'ACTION_UNKNOWN_USER' },
    });
  });

  it('lets the owner, the secretaries and the chair update', () => {
    const nk = forum('neuvottelukunta-ks');
    expect(canUpdate(person(AAD.owner), action(), nk).ok).toBe(true);
    expect(canUpdate(person(AAD.secretary), action(), nk).ok).toBe(true);
    expect(canUpdate(person(AAD.chair), action(), nk).ok).toBe(true);
  });

  it('refuses an owner of another action and a secretary of another forum', () => {
    const nk = forum('neuvottelukunta-ks');
    expect(canUpdate(person(AAD.owner), action({ ownerPerson: 'heli-hahmo' }), nk).ok).toBe(false);
    expect(canUpdate(person(AAD.otherSecretary), action(), nk)).toEqual({
      ok: false,
      refusal: { code: 'ACTION_FORBIDDEN', params: { forum: 'neuvottelukunta-ks', operation: 'update' } },
    });
    expect(canUpdate(person(AAD.outsider), action(), nk).ok).toBe(false);
    expect(canUpdate(undefined, action(), nk).ok).toBe(false);
  });

  it('gives no rights through a forum that is not the action’s', () => {
    // Jussi leads kotoutumisryhma-ks; naming it for an action of neuvottelukunta-ks does not help.
    expect(canUpdate(person(AAD.otherSecretary), action(), forum('kotoutumisryhma-ks')).ok).toBe(false);
  });

  it('lets anyone view', () => {
    expect(canView()).toEqual({ ok: true });
  });
});
