import { isOpenStatus } from './status';
import type { Action, IsoDate } from './types';

/** Late: still open and its due date is before `today` (a deadline day itself is not late). */
export function isOverdue(action: Pick<Action, 'status' | 'dueDate'>, today: IsoDate): boolean {
  return isOpenStatus(action.status) && action.dueDate !== undefined && action.dueDate < today;
}
