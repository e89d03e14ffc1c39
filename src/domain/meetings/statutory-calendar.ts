/**
 * The statutory negotiations a region must hold, and whether they are in the calendar:
 * - Act on wellbeing services counties (611/2021) §14: the county and its municipalities negotiate
 *   at least once per municipal council term (forums of kind `hva-neuvottelu`);
 * - Act on organising social and health care (612/2021) §7: HYTE negotiations every year (forums
 *   of kind `hyte-neuvottelu`).
 * A meeting held or scheduled anywhere in the period counts; a cancelled one does not.
 */
import type { Forum, ForumKind, IsoDate } from '../registry';
import { councilTermOn, type CouncilTerm } from './council-term';
import { meetingDay } from './meeting-time';
import type { ForumMeeting } from './types';

export type StatutoryFlag =
  | {
      readonly kind: 'council-term-negotiation-missing';
      readonly term: CouncilTerm;
      /** Forums of kind hva-neuvottelu in the region; empty when the registry has none. */
      readonly forums: readonly string[];
    }
  | {
      readonly kind: 'hyte-negotiation-missing';
      readonly year: number;
      /** Forums of kind hyte-neuvottelu in the region; empty when the registry has none. */
      readonly forums: readonly string[];
    };

export interface StatutoryCalendarInput {
  /** The region's forums. */
  readonly forums: readonly Forum[];
  /** Merged meetings of a forum (cancelled ones flagged). */
  readonly meetingsOf: (forumId: string) => readonly ForumMeeting[];
  /** Today in Finland. */
  readonly today: IsoDate;
  readonly timeZone: string;
}

function scheduledBetween(
  input: StatutoryCalendarInput,
  kind: ForumKind,
  from: IsoDate,
  to: IsoDate,
): { forums: string[]; found: boolean } {
  const forums = input.forums.filter((forum) => forum.kind === kind).map((forum) => forum.id);
  const found = forums.some((forumId) =>
    input.meetingsOf(forumId).some((meeting) => {
      if (meeting.cancelled) return false;
      const day = meetingDay(meeting.start, input.timeZone);
      return from <= day && day <= to;
    }),
  );
  return { forums, found };
}

export function statutoryFlags(input: StatutoryCalendarInput): StatutoryFlag[] {
  const flags: StatutoryFlag[] = [];
  const term = councilTermOn(input.today);
  const termCheck = scheduledBetween(input, 'hva-neuvottelu', term.start, term.end);
  if (!termCheck.found)
    flags.push({ kind: 'council-term-negotiation-missing', term, forums: termCheck.forums });
  const year = Number(input.today.slice(0, 4));
  const yearCheck = scheduledBetween(input, 'hyte-neuvottelu', `${year}-01-01`, `${year}-12-31`);
  if (!yearCheck.found) flags.push({ kind: 'hyte-negotiation-missing', year, forums: yearCheck.forums });
  return flags;
}
