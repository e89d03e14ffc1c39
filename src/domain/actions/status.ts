/** The status life cycle of an action. */
import { ACTION_STATUSES, type ActionStatus } from './types';

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
