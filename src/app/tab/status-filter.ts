/**
 * The tab's status filter: `open` (the default: not started or in progress), `all`, or one
 * status. Open actions are listed by due date, closed ones (done, cancelled) newest first.
 */
import { ACTION_STATUSES, isOpenStatus, type ActionStatus } from '../../domain/actions';

export const TAB_STATUS_FILTERS = ['open', 'all', ...ACTION_STATUSES] as const;
export type TabStatusFilter = (typeof TAB_STATUS_FILTERS)[number];
export const DEFAULT_STATUS_FILTER: TabStatusFilter = 'open';

export interface StatusSelection {
  /** Open statuses to list from the open index; empty when none is wanted. */
  readonly open: readonly ActionStatus[];
  /** Closed statuses to list; empty when none is wanted. */
  readonly closed: readonly ActionStatus[];
}

export function statusSelection(filter: TabStatusFilter): StatusSelection {
  const statuses: readonly ActionStatus[] =
    filter === 'all' ? ACTION_STATUSES : filter === 'open' ? ACTION_STATUSES.filter(isOpenStatus) : [filter];
  return {
    open: statuses.filter(isOpenStatus),
    closed: statuses.filter((status) => !isOpenStatus(status)),
  };
}
