/**
 * Closed actions are indexed by forum and by owner, per status, by when they were closed; actions
 * closed before those indexes existed get their entries once, at start-up.
 */
import { randomUUID } from 'node:crypto';
import { actionIndexEntries } from '../../../../src/app/actions/action-indexes';
import { backfillClosedIndexes } from '../../../../src/app/actions/closed-index-backfill';
import { actionKey, INDEX, recordRef } from '../../../../src/app/actions/storage-keys';
import { closedActions } from '../../../../src/app/tab/closed-actions';
import type { Action } from '../../../../src/domain/actions';
import { RegistryIndex } from '../../../../src/domain/registry';
import { AAD, loadSampleRegistry, withTestActors } from '../../domain/actions/registry-fixture';
import { fileBackend, openFixture, redisBackend, type ServiceFixture } from './fixture';

const FORUM = 'neuvottelukunta-ks';
const OWNER = 'olli-oletus';

let registry: RegistryIndex;
beforeAll(async () => {
  registry = new RegistryIndex(withTestActors(await loadSampleRegistry()));
});

async function logAndClose(
  fx: ServiceFixture,
  title: string,
  status?: 'valmis' | 'peruttu',
): Promise<string> {
  const logged = await fx.service.logAction(AAD.secretary, {
    forumId: FORUM,
    idempotencyKey: randomUUID(),
    title,
    ownerPersonId: OWNER,
  });
  if (!logged.ok) throw new Error(JSON.stringify(logged.failure));
  const id = logged.value.record.action.id;
  if (status) {
    const closed = await fx.service.updateStatus(AAD.secretary, { forumId: FORUM, actionId: id, status });
    if (!closed.ok) throw new Error(JSON.stringify(closed.failure));
  }
  return id;
}

describe.each([fileBackend, redisBackend])('closed-action indexes ($name store)', (backend) => {
  let fx: ServiceFixture;
  beforeEach(async () => {
    fx = await openFixture(backend, registry);
  });
  afterEach(async () => {
    await fx.dispose();
  });

  it('list an action under its forum and owner while it is closed, and no longer once reopened', async () => {
    const id = await logAndClose(fx, 'Selvitys', 'valmis');
    const byForum = () =>
      closedActions(fx.store, { scope: { forumId: FORUM }, statuses: ['valmis'], max: 10 });
    const byOwner = () =>
      closedActions(fx.store, { scope: { ownerPerson: OWNER }, statuses: ['valmis', 'peruttu'], max: 10 });
    expect((await byForum()).map((action) => action.id)).toEqual([id]);
    expect((await byOwner()).map((action) => action.id)).toEqual([id]);
    const reopened = await fx.service.updateStatus(AAD.secretary, {
      forumId: FORUM,
      actionId: id,
      status: 'kaynnissa',
    });
    expect(reopened.ok).toBe(true);
    expect(await byForum()).toEqual([]);
    expect(await byOwner()).toEqual([]);
  });

  it('read only the newest `max` of a long history, newest first', async () => {
    const closedIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      fx.at(`2026-11-23T1${i}:00:00+02:00`);
      closedIds.push(await logAndClose(fx, `Toimenpide ${i}`, i % 2 === 0 ? 'valmis' : 'peruttu'));
    }
    await logAndClose(fx, 'Yhä auki');
    const newest = await closedActions(fx.store, {
      scope: { forumId: FORUM },
      statuses: ['valmis', 'peruttu'],
      max: 3,
    });
    expect(newest.map((action) => action.id)).toEqual(closedIds.slice(-3).reverse());
  });

  it('are given once to actions closed before they existed', async () => {
    const done = await logAndClose(fx, 'Vanha valmis', 'valmis');
    const cancelled = await logAndClose(fx, 'Vanha peruttu', 'peruttu');
    const open = await logAndClose(fx, 'Vanha auki');
    // Make the store look as it did before: the closed entries removed.
    for (const id of [done, cancelled]) {
      const key = actionKey(FORUM, id);
      const record = await fx.store.get<Action>(key);
      if (!record) throw new Error('missing record');
      const closedIndexes = [...actionIndexEntries(record.value).keys()].filter((index) =>
        index.includes(':closed:'),
      );
      await fx.store.put(key, record.value, {
        indexes: closedIndexes.map((index) => ({ op: 'remove', index, member: recordRef(FORUM, id) })),
      });
    }
    const all = () =>
      closedActions(fx.store, { scope: { ownerPerson: OWNER }, statuses: ['valmis', 'peruttu'], max: 10 });
    expect(await all()).toEqual([]);

    expect(await backfillClosedIndexes(fx.store, [FORUM, 'no-such-forum'], fx.now())).toBe(2);
    expect((await all()).map((action) => action.id).sort()).toEqual([done, cancelled].sort());
    expect(await fx.store.count(INDEX.forumClosed(FORUM, 'valmis'))).toBe(1);
    expect((await fx.store.get<Action>(actionKey(FORUM, open)))?.value.status).toBe('avoin');
    // Finished once: a second start changes nothing.
    expect(await backfillClosedIndexes(fx.store, [FORUM], fx.now())).toBe(0);
  });
});
