/** The status life cycle of an action. */
import { ACTION_STATUSES, type Action, type ActionStatus } from './types';

const TRANSITIONS: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  avoin: ['kaynnissa', 'valmis', 'peruttu'],
  kaynnissa: ['avoin', 'valmis', 'peruttu'],
  // Done and cancelled actions can be taken back when that was a mistake or work resumes.
  valmis: ['kaynnissa'],
  peruttu: ['avoin'],
};

export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);
}

/** Open actions are the ones still to be done: they can be late and are reminded of. */
export function isOpenStatus(status: ActionStatus): boolean {
  return status === 'avoin' || status === 'kaynnissa';
}

export function allowedTransitions(from: ActionStatus): readonly ActionStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: ActionStatus, to: ActionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * The action in its new status at `now`: becoming done records when; any other status clears
 * it, so an action reopened and done again counts as done from the second time.
 */
export function withStatus(action: Action, to: ActionStatus, now: number): Action {
  const { doneAt: _doneAt, ...rest } = action;
  return to === 'valmis' ? { ...rest, status: to, doneAt: now } : { ...rest, status: to };
}

/** When a done action was done (ms since the epoch); undefined while it is not done. */
export function whenDone(action: Pick<Action, 'status' | 'doneAt' | 'updatedAt'>): number | undefined {
  if (action.status !== 'valmis') return undefined;
  // Actions done before `doneAt` was recorded have none; their last change is the best estimate
  // there is (exact unless they were commented on or edited after being done).
  return action.doneAt ?? action.updatedAt;
}
