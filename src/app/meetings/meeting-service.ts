/**
 * Meetings of the forums: the registry's, plus what secretaries add, move and cancel in chat.
 * The one entry point for the Teams surface, the digest and the calendar feed. Writes take the
 * acting user's Entra object id and change nothing when they are refused.
 */
import { nextMeeting, previousMeeting, type ForumMeeting } from '../../domain/meetings';
import type { Locale } from '../../i18n';
import type { AuditEntry } from '../../ports/store';
import { addMeeting, type AddedOutcome, type AddMeetingInput } from './add-meeting';
import {
  cancelMeeting,
  findMeeting,
  moveMeeting,
  type MeetingTarget,
  type MoveMeetingInput,
} from './change-meeting';
import { forumMeetings, type MeetingServiceDeps } from './context';
import { forumMeetingsIcs } from './meetings-ics';
import { meetingNotFound, meetingSuccess, type MeetingOutcome } from './outcome';
import { MEETING_AUDIT } from './storage-keys';

export class MeetingService {
  constructor(private readonly deps: MeetingServiceDeps) {}

  /** Every meeting of the forum, earliest first; cancelled ones are flagged, not dropped. */
  async list(forumId: string): Promise<MeetingOutcome<ForumMeeting[]>> {
    if (!this.deps.registry().forumsById.has(forumId)) return meetingNotFound('forum', forumId);
    return meetingSuccess(await forumMeetings(this.deps, forumId));
  }

  async get(forumId: string, meetingId: string): Promise<MeetingOutcome<ForumMeeting>> {
    if (!this.deps.registry().forumsById.has(forumId)) return meetingNotFound('forum', forumId);
    const found = await findMeeting(this.deps, forumId, meetingId);
    return found ? meetingSuccess(found.meeting) : meetingNotFound('meeting', meetingId);
  }

  /** The first meeting, not cancelled, that starts after `now`; undefined when none is scheduled. */
  async next(
    forumId: string,
    now: number = this.deps.clock.now(),
  ): Promise<MeetingOutcome<ForumMeeting | undefined>> {
    const listed = await this.list(forumId);
    return listed.ok ? meetingSuccess(nextMeeting(listed.value, now)) : listed;
  }

  /** The latest meeting, not cancelled, that started before the given one. */
  async previous(forumId: string, meetingId: string): Promise<MeetingOutcome<ForumMeeting | undefined>> {
    const listed = await this.list(forumId);
    if (!listed.ok) return listed;
    const meeting = listed.value.find((m) => m.id === meetingId);
    if (!meeting) return meetingNotFound('meeting', meetingId);
    return meetingSuccess(previousMeeting(listed.value, meeting));
  }

  add(actorAadObjectId: string, input: AddMeetingInput): Promise<MeetingOutcome<AddedOutcome>> {
    return addMeeting(this.deps, actorAadObjectId, input);
  }

  move(actorAadObjectId: string, input: MoveMeetingInput): Promise<MeetingOutcome<ForumMeeting>> {
    return moveMeeting(this.deps, actorAadObjectId, input);
  }

  cancel(actorAadObjectId: string, target: MeetingTarget): Promise<MeetingOutcome<ForumMeeting>> {
    return cancelMeeting(this.deps, actorAadObjectId, target);
  }

  /** The meeting's chat changes, oldest first. */
  async history(forumId: string, meetingId: string): Promise<MeetingOutcome<AuditEntry[]>> {
    const found = await this.get(forumId, meetingId);
    if (!found.ok) return found;
    return meetingSuccess(await this.deps.store.readAudit(MEETING_AUDIT.meeting(forumId, meetingId)));
  }

  forumMeetingsIcs(forumId: string, locale: Locale): Promise<MeetingOutcome<string>> {
    return forumMeetingsIcs(this.deps, forumId, locale);
  }
}
