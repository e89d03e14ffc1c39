/**
 * Why a meeting change was refused: a stable code the surface maps to localised text
 * (`meetings.error.*`), with parameters, never a sentence.
 */
export type MeetingRefusalCode =
  /** The acting user is not in the registry. */
  | 'MEETING_UNKNOWN_USER'
  /** Only the forum's secretaries and chair manage its meetings. */
  | 'MEETING_FORBIDDEN'
  /** No such forum or meeting; `params.kind` tells which. */
  | 'MEETING_NOT_FOUND'
  /** Someone changed the meeting since the caller saw it; `current` is how it is now. */
  | 'MEETING_CONFLICT'
  /** The input has problems; see `problems`. */
  | 'MEETING_INVALID'
  /** The meeting is cancelled already. */
  | 'MEETING_CANCELLED'
  /** The meeting has started: it can no longer be moved or cancelled. */
  | 'MEETING_STARTED';

export type MeetingProblemCode =
  | 'titleEmpty'
  | 'titleTooLong'
  | 'timeInvalid'
  | 'endNotAfterStart'
  | 'tooLong'
  | 'startPast'
  | 'locationTooLong'
  | 'tooManyAgendaItems'
  | 'agendaItemTooLong'
  | 'unchanged';

export interface MeetingProblem {
  /** The input field it concerns: `title`, `start`, `end`, `location`, `agenda`. */
  readonly field: string;
  readonly code: MeetingProblemCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface MeetingRefusal {
  readonly code: MeetingRefusalCode;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly problems?: readonly MeetingProblem[];
}

export function meetingRefusal(
  code: MeetingRefusalCode,
  params?: Readonly<Record<string, string | number>>,
): MeetingRefusal {
  return params ? { code, params } : { code };
}
