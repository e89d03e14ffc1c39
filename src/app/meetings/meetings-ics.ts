/**
 * A forum's meetings as an iCalendar feed (`GET /forums/:id/meetings.ics`): every meeting with
 * local times in the registry's time zone (TZID). The UID is stable per meeting and SEQUENCE
 * counts its changes, so calendars replace a moved meeting; a cancelled meeting stays in the
 * feed as STATUS:CANCELLED, which removes it from subscribers' calendars.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { pick } from '../../domain/registry';
import type { Locale } from '../../i18n';
import { digestTranslator } from '../../i18n/digest-messages';
import { forumMeetings, type MeetingServiceDeps } from './context';
import { meetingNotFound, meetingSuccess, type MeetingOutcome } from './outcome';
import { vtimezoneOf } from './vtimezone';

export const DEFAULT_UID_DOMAIN = 'yhdyspinta-bot';

function localTime(iso: string, timeZone: string): DateTime {
  return DateTime.fromISO(iso, { setZone: true }).setZone(timeZone);
}

export async function forumMeetingsIcs(
  deps: MeetingServiceDeps,
  forumId: string,
  locale: Locale,
): Promise<MeetingOutcome<string>> {
  const registry = deps.registry();
  const forum = registry.forumsById.get(forumId);
  if (!forum) return meetingNotFound('forum', forumId);
  const tr = digestTranslator(locale);
  const timeZone = registry.registry.timeZone;
  const uidDomain = deps.calendarUidDomain ?? DEFAULT_UID_DOMAIN;
  const now = deps.clock.now();
  const calendar = ical({
    name: tr('meetings.ics.calendarName', { forum: pick(forum.name, locale) }),
    prodId: { company: 'yhdyspinta-bot', product: 'meetings', language: locale.toUpperCase() },
    // No calendar-wide zone name: ical-generator would then write DTSTAMP in local time, and
    // RFC 5545 wants it in UTC. The events carry the TZID; the generator defines it.
    timezone: { name: null, generator: vtimezoneOf },
    x: [{ key: 'X-WR-TIMEZONE', value: timeZone }],
  });
  for (const meeting of await forumMeetings(deps, forumId)) {
    const title = pick(meeting.title, locale);
    const agenda = meeting.agenda.map((item) => `• ${pick(item, locale)}`);
    calendar.createEvent({
      id: `${meeting.id}@${uidDomain}`,
      sequence: meeting.sequence,
      stamp: new Date(meeting.updatedAt ?? now),
      ...(meeting.updatedAt !== undefined ? { lastModified: new Date(meeting.updatedAt) } : {}),
      timezone: timeZone,
      start: localTime(meeting.start, timeZone),
      end: localTime(meeting.end, timeZone),
      summary: meeting.cancelled ? tr('meetings.ics.cancelledSummary', { title }) : title,
      ...(meeting.location ? { location: pick(meeting.location, locale) } : {}),
      ...(agenda.length > 0 ? { description: [tr('meetings.ics.agenda'), ...agenda].join('\n') } : {}),
      status: meeting.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return meetingSuccess(calendar.toString());
}
