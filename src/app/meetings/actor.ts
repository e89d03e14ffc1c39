/** The acting secretary or chair of a forum, or why they may not change its meetings. */
import { meetingManagementRefusal } from '../../domain/meetings';
import type { Forum, Person } from '../../domain/registry';
import type { MeetingServiceDeps } from './context';
import { meetingFailure, meetingNotFound, type MeetingFailure } from './outcome';

export type Authorised =
  | { readonly ok: true; readonly person: Person; readonly forum: Forum }
  | { readonly ok: false; readonly failure: MeetingFailure };

export function authoriseMeetingChange(
  deps: MeetingServiceDeps,
  actorAadObjectId: string,
  forumId: string,
): Authorised {
  const registry = deps.registry();
  const person = actorAadObjectId ? registry.personByAadObjectId(actorAadObjectId) : undefined;
  if (!person) return meetingFailure({ code: 'MEETING_UNKNOWN_USER' });
  const forum = registry.forumsById.get(forumId);
  if (!forum) return meetingNotFound('forum', forumId);
  const refusal = meetingManagementRefusal(person, forum);
  return refusal ? meetingFailure(refusal) : { ok: true, person, forum };
}
