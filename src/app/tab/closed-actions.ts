/**
 * Closed actions (done, cancelled) for the tab, most recently closed first, read from the
 * tracker's closed indexes (a forum's, or an owner's across forums): only the newest `max` of
 * each status are read, however long the history. Only when the tab asks for a closed status.
 */
import type { Action, ActionStatus } from '../../domain/actions';
import type { Store } from '../../ports/store';
import { closedAt } from '../actions/action-indexes';
import { INDEX, keyOfRef } from '../actions/storage-keys';

/** Where to look: one forum's closed actions, or one person's in every forum. */
export type ClosedScope = { readonly forumId: string } | { readonly ownerPerson: string };

export interface ClosedQuery {
  readonly scope: ClosedScope;
  readonly statuses: readonly ActionStatus[];
  /** The newest this many. */
  readonly max: number;
}

export async function closedActions(store: Store, query: ClosedQuery): Promise<Action[]> {
  const { scope, statuses, max } = query;
  if (statuses.length === 0 || max <= 0) return [];
  const indexes = statuses.map((status) =>
    'forumId' in scope
      ? INDEX.forumClosed(scope.forumId, status)
      : INDEX.ownerClosed(scope.ownerPerson, status),
  );
  const entries = (
    await Promise.all(indexes.map((index) => store.range(index, { reverse: true, limit: max })))
  ).flat();
  const records = await store.getMany<Action>(entries.map((entry) => keyOfRef('action', entry.member)));
  return records
    .flatMap((record) => (record && statuses.includes(record.value.status) ? [record.value] : []))
    .sort(newestFirst)
    .slice(0, max);
}

function newestFirst(a: Action, b: Action): number {
  return closedAt(b) - closedAt(a) || b.createdAt - a.createdAt || b.id.localeCompare(a.id);
}
