/**
 * A secretary or chair adds a meeting in chat. Its id is readable (`<forum>-<day>`, then `-2`,
 * `-3`… on the same day). Sending the same meeting twice (a double-clicked card) gives back the
 * first one instead of a duplicate: same forum, start and title.
 */
import {
  checkMeetingDetails,
  checkMeetingTimes,
  epochMs,
  meetingDay,
  mergeMeetings,
  type AddedMeeting,
  type ForumMeeting,
} from '../../domain/meetings';
import { StoreConflictError } from '../../ports/store';
import { authoriseMeetingChange } from './actor';
import { forumMeetings, type MeetingServiceDeps } from './context';
import { meetingFailure, meetingSuccess, type MeetingOutcome } from './outcome';
import { MEETING_AUDIT, MEETING_INDEX, meetingKey } from './storage-keys';

export interface AddMeetingInput {
  readonly forumId: string;
  readonly title: string;
  /** ISO 8601; without an offset, a wall-clock time in the registry's time zone. */
  readonly start: string;
  readonly end: string;
  readonly location?: string;
  readonly agenda?: readonly string[];
}

export interface AddedOutcome {
  readonly meeting: ForumMeeting;
  /** False when the same meeting was there already: nothing was written. */
  readonly created: boolean;
}

const ID_ATTEMPTS = 20;

function sameTitle(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('fi') === b.trim().toLocaleLowerCase('fi');
}

function duplicateOf(
  meetings: readonly ForumMeeting[],
  start: string,
  title: string,
): ForumMeeting | undefined {
  return meetings.find(
    (meeting) =>
      !meeting.cancelled &&
      epochMs(meeting.start) === epochMs(start) &&
      [meeting.title.fi, meeting.title.sv, meeting.title.en].some(
        (t) => t !== undefined && sameTitle(t, title),
      ),
  );
}

export async function addMeeting(
  deps: MeetingServiceDeps,
  actorAadObjectId: string,
  input: AddMeetingInput,
): Promise<MeetingOutcome<AddedOutcome>> {
  const who = authoriseMeetingChange(deps, actorAadObjectId, input.forumId);
  if (!who.ok) return meetingFailure(who.failure);
  const registry = deps.registry();
  const timeZone = registry.registry.timeZone;
  const now = deps.clock.now();
  const times = checkMeetingTimes(input.start, input.end, { now, timeZone });
  const problems = [...checkMeetingDetails(input), ...(times.ok ? [] : times.problems)];
  if (!times.ok || problems.length > 0) return meetingFailure({ code: 'MEETING_INVALID', problems });

  const title = input.title.trim();
  const location = input.location?.trim();
  const agenda = (input.agenda ?? []).map((item) => item.trim()).filter((item) => item !== '');
  const base = `${input.forumId}-${meetingDay(times.start, timeZone)}`;
  for (let attempt = 1; attempt <= ID_ATTEMPTS; attempt++) {
    const meetings = await forumMeetings(deps, input.forumId);
    const duplicate = duplicateOf(meetings, times.start, title);
    if (duplicate) return meetingSuccess({ meeting: duplicate, created: false });
    const taken = new Set(meetings.map((meeting) => meeting.id));
    let id = base;
    for (let n = 2; taken.has(id) || registry.meetingsById.has(id); n++) id = `${base}-${n}`;
    const record: AddedMeeting = {
      kind: 'added',
      id,
      forum: input.forumId,
      // As typed, in whatever language: `pick` falls back to the `fi` slot for every locale.
      title: { fi: title },
      start: times.start,
      end: times.end,
      ...(location ? { location: { fi: location } } : {}),
      agenda: agenda.map((item) => ({ fi: item })),
      cancelled: false,
      sequence: 0,
      createdBy: who.person.id,
      createdAt: now,
      updatedBy: who.person.id,
      updatedAt: now,
    };
    let version: number;
    try {
      version = await deps.store.put(meetingKey(input.forumId, id), record, {
        expectedVersion: 0,
        indexes: [
          { op: 'add', index: MEETING_INDEX.forum(input.forumId), member: id, score: epochMs(times.start) },
        ],
      });
    } catch (error) {
      // Another instance took the id (perhaps for this very meeting): look again.
      if (error instanceof StoreConflictError) continue;
      throw error;
    }
    await deps.store.appendAudit(MEETING_AUDIT.meeting(input.forumId, id), {
      at: now,
      actor: who.person.id,
      event: 'meeting.added',
      data: { version, sequence: 0, start: times.start, end: times.end, title },
    });
    const [meeting] = mergeMeetings([], [{ record, version }]);
    if (meeting) return meetingSuccess({ meeting, created: true });
  }
  throw new Error(`no free meeting id for ${base} after ${ID_ATTEMPTS} attempts`);
}
