import { acknowledgingOrganisation } from '../../../../src/domain/digest';
import { RegistryIndex, type Forum, type Person } from '../../../../src/domain/registry';
import { loadSampleRegistry, withTestActors } from '../actions/registry-fixture';

it('acknowledges for the forum member a unit belongs to, else for the own organisation', async () => {
  const base = withTestActors(await loadSampleRegistry());
  const registry = new RegistryIndex({
    ...base,
    organisations: [
      ...base.organisations,
      {
        id: 'hva-ks-perhepalvelut',
        kind: 'muu',
        name: { fi: 'Perhepalvelut' },
        aliases: [],
        region: 'keski-suomi',
        municipalities: [],
        parent: 'hva-keski-suomi',
      },
    ],
  });
  const forum = registry.forumsById.get('neuvottelukunta-ks') as Forum;
  const unitPerson: Person = { id: 'u', name: 'U', title: { fi: 'x' }, organisation: 'hva-ks-perhepalvelut' };
  expect(acknowledgingOrganisation(unitPerson, forum, registry)?.id).toBe('hva-keski-suomi');
  const kela: Person = { ...unitPerson, organisation: 'kela-keski-suomi' };
  expect(acknowledgingOrganisation(kela, forum, registry)?.id).toBe('kela-keski-suomi');
});
