/** Where a meeting stands among the forum's other meetings. Cancelled meetings never count. */
import { epochMs } from './meeting-time';
import type { ForumMeeting } from './types';

/** The first meeting that starts after `now`; `meetings` sorted as mergeMeetings sorts them. */
export function nextMeeting(meetings: readonly ForumMeeting[], now: number): ForumMeeting | undefined {
  return meetings.find((meeting) => !meeting.cancelled && epochMs(meeting.start) > now);
}

/** The latest meeting that started before `meeting` did. */
export function previousMeeting(
  meetings: readonly ForumMeeting[],
  meeting: Pick<ForumMeeting, 'id' | 'start'>,
): ForumMeeting | undefined {
  const start = epochMs(meeting.start);
  let previous: ForumMeeting | undefined;
  for (const candidate of meetings) {
    if (candidate.cancelled || candidate.id === meeting.id) continue;
    const at = epochMs(candidate.start);
    if (at < start && (previous === undefined || at >= epochMs(previous.start))) previous = candidate;
  }
  return previous;
}
