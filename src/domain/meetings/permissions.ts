/** Who may change a forum's meetings: its secretaries and its chair, as the registry names them. */
import type { Forum, Person } from '../registry';
import { meetingRefusal, type MeetingRefusal } from './refusal';

/** Undefined when allowed. */
export function meetingManagementRefusal(
  person: Person | undefined,
  forum: Forum,
): MeetingRefusal | undefined {
  if (!person) return meetingRefusal('MEETING_UNKNOWN_USER');
  if (forum.secretaries.includes(person.id) || forum.chair === person.id) return undefined;
  return meetingRefusal('MEETING_FORBIDDEN', { forum: forum.id });
}
