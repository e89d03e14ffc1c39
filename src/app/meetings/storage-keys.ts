/** Where meetings added or changed in chat live in the Store. Registry ids never contain a colon. */
export function meetingKey(forumId: string, meetingId: string): string {
  return `meeting:${forumId}:${meetingId}`;
}

export const MEETING_INDEX = {
  /** Meetings of a forum that have a record (added or changed in chat), by start time in ms. */
  forum: (forumId: string): string => `meetings:forum:${forumId}`,
} as const;

export const MEETING_AUDIT = {
  meeting: (forumId: string, meetingId: string): string => `meeting:${forumId}:${meetingId}`,
} as const;
