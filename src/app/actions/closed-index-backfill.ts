/**
 * One-time upgrade: actions closed before the closed indexes existed (storage-keys.ts,
 * `forumClosed`/`ownerClosed`) get their entries. Runs at start-up until it has finished once
 * (a marker in the store); several instances may run it at once.
 */
import { isOpenStatus, type Action } from '../../domain/actions';
import { StoreConflictError, type Store } from '../../ports/store';
import { actionIndexEntries } from './action-indexes';
import { INDEX, keyOfRef } from './storage-keys';

const MARKER = 'upgrade:closed-action-indexes';
const SLICE = 500;
const ATTEMPTS = 3;

/** The number of actions given entries; 0 when the upgrade had already run. */
export async function backfillClosedIndexes(
  store: Store,
  forumIds: readonly string[],
  now: number,
): Promise<number> {
  if (await store.get(MARKER)) return 0;
  let added = 0;
  for (const forumId of forumIds) {
    for (let offset = 0; ; offset += SLICE) {
      const entries = await store.range(INDEX.forumAll(forumId), { offset, limit: SLICE });
      for (const entry of entries) if (await addClosedEntries(store, entry.member)) added += 1;
      if (entries.length < SLICE) break;
    }
  }
  await store.put(MARKER, { finishedAt: now, actions: added });
  return added;
}

async function addClosedEntries(store: Store, member: string): Promise<boolean> {
  const key = keyOfRef('action', member);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const record = await store.get<Action>(key);
    if (!record || isOpenStatus(record.value.status)) return false;
    const closed = [...actionIndexEntries(record.value)].filter(([index]) => index.includes(':closed:'));
    try {
      await store.put(key, record.value, {
        expectedVersion: record.version,
        indexes: closed.map(([index, score]) => ({ op: 'add', index, member, score })),
      });
      return true;
    } catch (error) {
      // Changed meanwhile: read it again, since the change may have been made by older code.
      if (!(error instanceof StoreConflictError)) throw error;
    }
  }
  return false;
}
