/**
 * The index entries of an action or decision, and the changes that move an action from its old
 * entries to its new ones; written in the same atomic step as the record itself.
 */
import { epochDay, isOpenStatus, whenDone, type Action, type Decision } from '../../domain/actions';
import type { IndexChange } from '../../ports/store';
import { INDEX, recordRef } from './storage-keys';

/** Undated actions sort after every dated one and are never overdue. */
export const NO_DUE_DATE = 10_000_000;

export function dueScore(action: Pick<Action, 'dueDate'>): number {
  return action.dueDate === undefined ? NO_DUE_DATE : epochDay(action.dueDate);
}

export function actionIndexEntries(action: Action): Map<string, number> {
  const due = dueScore(action);
  const entries = new Map<string, number>([[INDEX.forumAll(action.forum), action.createdAt]]);
  if (action.interface !== undefined) entries.set(INDEX.byInterface(action.interface), due);
  for (const organisation of action.organisations) entries.set(INDEX.byOrganisation(organisation), due);
  if (action.goal !== undefined) entries.set(INDEX.byGoal(action.goal), due);
  if (action.meeting !== undefined) entries.set(INDEX.byMeeting(action.meeting), action.createdAt);
  if (isOpenStatus(action.status)) {
    entries.set(INDEX.forumOpen(action.forum), due);
    if (action.ownerPerson !== undefined) entries.set(INDEX.ownerOpen(action.ownerPerson), due);
    if (action.dueDate !== undefined) entries.set(INDEX.due, due);
  } else {
    const closed = closedAt(action);
    entries.set(INDEX.forumClosed(action.forum, action.status), closed);
    if (action.ownerPerson !== undefined)
      entries.set(INDEX.ownerClosed(action.ownerPerson, action.status), closed);
  }
  return entries;
}

/** When a closed action was closed: when it was done, else its last change (the cancelling, unless edited since). */
export function closedAt(action: Action): number {
  return whenDone(action) ?? action.updatedAt;
}

export function decisionIndexEntries(decision: Decision): Map<string, number> {
  const day = epochDay(decision.date);
  const entries = new Map<string, number>([[INDEX.forumDecisions(decision.forum), day]]);
  if (decision.meeting !== undefined) entries.set(INDEX.meetingDecisions(decision.meeting), day);
  return entries;
}

export function additions(member: string, entries: ReadonlyMap<string, number>): IndexChange[] {
  return [...entries].map(([index, score]) => ({ op: 'add', index, member, score }));
}

/** Removes what is gone, adds what is new or re-scored, leaves the rest alone. */
export function actionIndexChanges(before: Action, after: Action): IndexChange[] {
  const member = recordRef(after.forum, after.id);
  const old = actionIndexEntries(before);
  const next = actionIndexEntries(after);
  const changes: IndexChange[] = [];
  for (const index of old.keys()) {
    if (!next.has(index)) changes.push({ op: 'remove', index, member });
  }
  for (const [index, score] of next) {
    if (old.get(index) !== score) changes.push({ op: 'add', index, member, score });
  }
  return changes;
}
