/** Checks of what a secretary types for a meeting; each problem names its field. */
import type { IsoDateTime } from '../registry';
import { epochMs, parseMeetingTime } from './meeting-time';
import type { MeetingProblem } from './refusal';

export const MEETING_LIMITS = {
  title: 200,
  location: 300,
  agendaItems: 30,
  agendaItem: 300,
  /** A meeting longer than this is a typing mistake (a two-day seminar still fits). */
  durationHours: 72,
} as const;

export interface MeetingDetails {
  readonly title: string;
  readonly location?: string;
  readonly agenda?: readonly string[];
}

export function checkMeetingDetails(details: MeetingDetails): MeetingProblem[] {
  const problems: MeetingProblem[] = [];
  const title = details.title.trim();
  if (title === '') problems.push({ field: 'title', code: 'titleEmpty' });
  else if (title.length > MEETING_LIMITS.title)
    problems.push({ field: 'title', code: 'titleTooLong', params: { max: MEETING_LIMITS.title } });
  if ((details.location?.trim().length ?? 0) > MEETING_LIMITS.location)
    problems.push({ field: 'location', code: 'locationTooLong', params: { max: MEETING_LIMITS.location } });
  const agenda = details.agenda ?? [];
  if (agenda.length > MEETING_LIMITS.agendaItems)
    problems.push({
      field: 'agenda',
      code: 'tooManyAgendaItems',
      params: { max: MEETING_LIMITS.agendaItems },
    });
  if (agenda.some((item) => item.trim().length > MEETING_LIMITS.agendaItem))
    problems.push({ field: 'agenda', code: 'agendaItemTooLong', params: { max: MEETING_LIMITS.agendaItem } });
  return problems;
}

export type MeetingTimesCheck =
  | { readonly ok: true; readonly start: IsoDateTime; readonly end: IsoDateTime }
  | { readonly ok: false; readonly problems: readonly MeetingProblem[] };

/** Parses and checks a start and end; a new time must not be in the past. */
export function checkMeetingTimes(
  start: string,
  end: string,
  options: { readonly now: number; readonly timeZone: string },
): MeetingTimesCheck {
  const from = parseMeetingTime(start, options.timeZone);
  const to = parseMeetingTime(end, options.timeZone);
  const problems: MeetingProblem[] = [];
  if (from === undefined) problems.push({ field: 'start', code: 'timeInvalid', params: { text: start } });
  if (to === undefined) problems.push({ field: 'end', code: 'timeInvalid', params: { text: end } });
  if (from === undefined || to === undefined) return { ok: false, problems };
  const duration = epochMs(to) - epochMs(from);
  if (duration <= 0) problems.push({ field: 'end', code: 'endNotAfterStart' });
  else if (duration > MEETING_LIMITS.durationHours * 3_600_000)
    problems.push({ field: 'end', code: 'tooLong', params: { max: MEETING_LIMITS.durationHours } });
  if (epochMs(from) <= options.now) problems.push({ field: 'start', code: 'startPast' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, start: from, end: to };
}
