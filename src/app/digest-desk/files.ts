/** The digest's files over HTTP: trend chart images and the forum's meetings calendar. */
import type { ExportFile } from '../export-file';
import type { MeetingService } from '../meetings';
import type { Locale } from '../../i18n';
import type { CalendarTokens } from './calendar-tokens';
import type { ChartData, ChartRegistry } from './charts';

const NOT_FOUND: ExportFile = { status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found' };

export function chartFiles(charts: ChartRegistry, draw: (data: ChartData) => Buffer) {
  return async (token: string): Promise<ExportFile | undefined> => {
    const data = await charts.data(token);
    return data ? { status: 200, contentType: 'image/png', body: draw(data) } : undefined;
  };
}

export function meetingsCalendar(meetings: MeetingService, calendars: CalendarTokens, locale: Locale) {
  return async (forumId: string, token: string | undefined): Promise<ExportFile> => {
    if (!token || !(await calendars.verify(forumId, token)))
      return { status: 403, contentType: 'text/plain; charset=utf-8', body: 'forbidden' };
    const outcome = await meetings.forumMeetingsIcs(forumId, locale);
    return outcome.ok
      ? { status: 200, contentType: 'text/calendar; charset=utf-8', body: outcome.value }
      : NOT_FOUND;
  };
}
