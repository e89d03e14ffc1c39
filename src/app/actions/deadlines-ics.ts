/**
 * A forum's due dates as an iCalendar feed (`GET /forums/:id/deadlines.ics`, token-protected):
 * one all-day event per action with a due date. The UID is stable per action and SEQUENCE is the
 * action's version, so a calendar replaces an event when the action changes; a cancelled action
 * stays in the feed as a cancelled event, which removes it from subscribers' calendars.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { addDays } from '../../domain/actions';
import { translator, type Locale } from '../../i18n';
import { forumActions } from './action-queries';
import type { ActionContext } from './context';
import { localised, organisationNames, ownerName } from './display';
import { statusName } from './messages';
import { notFound, success, type Outcome } from './outcome';

export async function forumDeadlinesIcs(
  ctx: ActionContext,
  forumId: string,
  locale: Locale,
): Promise<Outcome<string>> {
  const forum = ctx.forum(forumId);
  if (!forum) return notFound('forum', forumId);
  const tr = translator(locale);
  const registry = ctx.registry();
  const uidDomain = ctx.deps.calendarUidDomain ?? 'yhdyspinta-bot';
  const calendar = ical({
    name: tr('actions.ics.calendarName', { forum: localised(forum.name, locale) }),
    prodId: { company: 'yhdyspinta-bot', product: 'actions', language: locale.toUpperCase() },
  });
  for await (const { action, version } of forumActions(ctx, forumId)) {
    if (action.dueDate === undefined) continue;
    const owner = [ownerName(action, registry), ...organisationNames(action, registry, locale)]
      .filter((name): name is string => Boolean(name))
      .join(', ');
    calendar.createEvent({
      id: `action-${forumId}-${action.id.toLowerCase()}@${uidDomain}`,
      sequence: version,
      stamp: new Date(action.updatedAt),
      start: action.dueDate,
      end: addDays(action.dueDate, 1),
      allDay: true,
      summary: tr('actions.ics.summary', { id: action.id, title: action.title }),
      description: [
        `${tr('actions.field.status')}: ${statusName(action.status, locale)}`,
        ...(owner ? [`${tr('actions.field.owner')}: ${owner}`] : []),
        ...(action.description ? ['', action.description] : []),
      ].join('\n'),
      ...(action.status === 'peruttu' ? { status: ICalEventStatus.CANCELLED } : {}),
    });
  }
  return success(calendar.toString());
}
