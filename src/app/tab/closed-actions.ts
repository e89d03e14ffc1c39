/**
 * Closed actions (done, cancelled) for the tab, most recently closed first. The tracker indexes
 * only open actions by status and owner, so these are read from each forum's all-actions index
 * as the digest reads it; only when the tab asks for a closed status, never for its default view.
 */
import { whenDone, type Action, type ActionStatus } from '../../domain/actions';
import type { Store } from '../../ports/store';
import { forumActions } from '../digest/forum-records';

/** Where to look. */
export interface ClosedScope {
  readonly forumIds: readonly string[];
  /** Only the actions this person (registry id) owns: the personal tab. */
  readonly ownerPerson?: string;
}

export interface ClosedQuery extends ClosedScope {
  readonly statuses: readonly ActionStatus[];
  /** The newest this many. */
  readonly max: number;
}

export async function closedActions(store: Store, query: ClosedQuery): Promise<Action[]> {
  const { statuses, ownerPerson } = query;
  if (statuses.length === 0 || query.max <= 0) return [];
  const perForum = await Promise.all(query.forumIds.map((forumId) => forumActions(store, forumId)));
  return perForum
    .flat()
    .filter(
      (action) =>
        statuses.includes(action.status) && (ownerPerson === undefined || action.ownerPerson === ownerPerson),
    )
    .sort(newestFirst)
    .slice(0, query.max);
}

/** When it was done, else its last change (a cancelling, unless edited since); ties by creation, id. */
function closedAt(action: Action): number {
  return whenDone(action) ?? action.updatedAt;
}

function newestFirst(a: Action, b: Action): number {
  return closedAt(b) - closedAt(a) || b.createdAt - a.createdAt || b.id.localeCompare(a.id);
}
