/** What the meeting use-cases answer: a value, or a refusal the surface turns into text. */
import type { ForumMeeting, MeetingRefusal } from '../../domain/meetings';

export interface MeetingFailure extends MeetingRefusal {
  /** With MEETING_CONFLICT: the meeting as it is now, so the user sees what changed. */
  readonly current?: ForumMeeting;
}

export type MeetingOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: MeetingFailure };

export function meetingSuccess<T>(value: T): MeetingOutcome<T> {
  return { ok: true, value };
}

export function meetingFailure(failure: MeetingFailure): {
  readonly ok: false;
  readonly failure: MeetingFailure;
} {
  return { ok: false, failure };
}

export function meetingNotFound(
  kind: 'forum' | 'meeting',
  id: string,
): { readonly ok: false; readonly failure: MeetingFailure } {
  return meetingFailure({ code: 'MEETING_NOT_FOUND', params: { kind, id } });
}
