/**
 * The state of the forum's agreed actions before a meeting: what is late, what falls due by the
 * meeting, what was done since the previous meeting. The few that need attention are listed,
 * late ones first, each group by due date; the rest are counted.
 */
import { isOpenStatus, isOverdue, whenDone, type Action, type IsoDate } from '../actions';
import type { RegistryIndex } from '../registry';
import type { ActionLine, ActionsSummary } from './types';

export interface ActionSummaryInput {
  readonly actions: readonly Action[];
  readonly today: IsoDate;
  readonly meetingDay: IsoDate;
  /** Start of the previous meeting (ISO); undefined: every done action counts. */
  readonly since?: string;
  readonly registry: RegistryIndex;
  readonly attentionLimit: number;
  readonly doneLimit: number;
}

function byDueDate(a: Action, b: Action): number {
  return (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.id.localeCompare(b.id);
}

function line(action: Action, today: IsoDate, registry: RegistryIndex): ActionLine {
  const person = action.ownerPerson ? registry.peopleById.get(action.ownerPerson) : undefined;
  const owner = person?.name ?? action.ownerText;
  return {
    id: action.id,
    title: action.title,
    status: action.status,
    ...(action.dueDate !== undefined ? { dueDate: action.dueDate } : {}),
    overdue: isOverdue(action, today),
    ...(owner ? { owner } : {}),
    organisations: action.organisations.flatMap((id) => {
      const organisation = registry.organisationsById.get(id);
      return organisation ? [organisation.shortName ?? organisation.name] : [{ fi: id }];
    }),
  };
}

export function summariseActions(input: ActionSummaryInput): ActionsSummary {
  const { today, meetingDay, registry } = input;
  const sinceMs = input.since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(input.since);
  const open = input.actions.filter((action) => isOpenStatus(action.status));
  const overdue = open.filter((action) => isOverdue(action, today)).sort(byDueDate);
  const dueSoon = open
    .filter(
      (action) => action.dueDate !== undefined && action.dueDate >= today && action.dueDate <= meetingDay,
    )
    .sort(byDueDate);
  const done = input.actions
    .flatMap((action) => {
      const at = whenDone(action);
      return at !== undefined && at >= sinceMs ? [{ action, at }] : [];
    })
    .sort((a, b) => b.at - a.at || a.action.id.localeCompare(b.action.id))
    .map(({ action }) => action);
  const attention = [...overdue, ...dueSoon];
  return {
    today,
    meetingDay,
    ...(input.since !== undefined ? { since: input.since } : {}),
    open: open.length,
    overdue: overdue.length,
    dueBeforeMeeting: dueSoon.length,
    doneSincePrevious: done.length,
    attention: {
      items: attention.slice(0, input.attentionLimit).map((action) => line(action, today, registry)),
      total: attention.length,
    },
    done: {
      items: done.slice(0, input.doneLimit).map((action) => line(action, today, registry)),
      total: done.length,
    },
  };
}
