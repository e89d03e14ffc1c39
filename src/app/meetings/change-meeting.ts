/**
 * Moving and cancelling a meeting, whether it came from the registry or was added in chat. The
 * change is written with the version the caller saw (or the current one, retried when someone
 * wrote in between), bumps the meeting's sequence, and is audited as old → new.
 */
import {
  checkMeetingTimes,
  epochMs,
  mergeMeetings,
  type ForumMeeting,
  type MeetingRecord,
  type MeetingRefusal,
} from '../../domain/meetings';
import { StoreConflictError } from '../../ports/store';
import { authoriseMeetingChange } from './actor';
import type { MeetingServiceDeps } from './context';
import { meetingFailure, meetingNotFound, meetingSuccess, type MeetingOutcome } from './outcome';
import { MEETING_AUDIT, MEETING_INDEX, meetingKey } from './storage-keys';

export interface MeetingTarget {
  readonly forumId: string;
  readonly meetingId: string;
  /** `ForumMeeting.version` as the user saw it; omitted: whatever is current. */
  readonly expectedVersion?: number;
}

export interface MoveMeetingInput extends MeetingTarget {
  /** ISO 8601; without an offset, a wall-clock time in the registry's time zone. */
  readonly start: string;
  readonly end: string;
}

interface Found {
  readonly meeting: ForumMeeting;
  readonly record?: MeetingRecord;
}

interface Change {
  readonly start?: string;
  readonly end?: string;
  readonly cancelled: boolean;
  readonly event: string;
  readonly data: Readonly<Record<string, unknown>>;
}

// Each retry follows a write that succeeded, so this many concurrent editors always get through.
const RETRIES = 10;

export async function findMeeting(
  deps: MeetingServiceDeps,
  forumId: string,
  meetingId: string,
): Promise<Found | undefined> {
  const fromRegistry = deps.registry().meetingsById.get(meetingId);
  const stored = await deps.store.get<MeetingRecord>(meetingKey(forumId, meetingId));
  const registryMeetings = fromRegistry?.forum === forumId ? [fromRegistry] : [];
  const records =
    stored && stored.value.forum === forumId ? [{ record: stored.value, version: stored.version }] : [];
  const [meeting] = mergeMeetings(registryMeetings, records);
  return meeting ? { meeting, ...(stored ? { record: stored.value } : {}) } : undefined;
}

function nextRecord(found: Found, change: Change, personId: string, now: number): MeetingRecord {
  const { meeting, record } = found;
  const times = {
    ...(change.start !== undefined ? { start: change.start } : {}),
    ...(change.end !== undefined ? { end: change.end } : {}),
  };
  const stamp = { sequence: meeting.sequence + 1, updatedBy: personId, updatedAt: now };
  if (record?.kind === 'added') return { ...record, ...times, cancelled: change.cancelled, ...stamp };
  return {
    kind: 'override',
    id: meeting.id,
    forum: meeting.forum,
    ...(record?.start !== undefined ? { start: record.start } : {}),
    ...(record?.end !== undefined ? { end: record.end } : {}),
    ...times,
    cancelled: change.cancelled,
    ...stamp,
  };
}

async function changeMeeting(
  deps: MeetingServiceDeps,
  actorAadObjectId: string,
  target: MeetingTarget,
  decide: (current: ForumMeeting, now: number) => Change | MeetingRefusal,
): Promise<MeetingOutcome<ForumMeeting>> {
  const who = authoriseMeetingChange(deps, actorAadObjectId, target.forumId);
  if (!who.ok) return meetingFailure(who.failure);
  const key = meetingKey(target.forumId, target.meetingId);
  for (let attempt = 1; ; attempt++) {
    const found = await findMeeting(deps, target.forumId, target.meetingId);
    if (!found) return meetingNotFound('meeting', target.meetingId);
    const current = found.meeting;
    if (target.expectedVersion !== undefined && target.expectedVersion !== current.version) {
      return conflict(current);
    }
    const now = deps.clock.now();
    if (current.cancelled) return meetingFailure({ code: 'MEETING_CANCELLED', params: { id: current.id } });
    if (epochMs(current.start) <= now)
      return meetingFailure({ code: 'MEETING_STARTED', params: { id: current.id } });
    const change = decide(current, now);
    if (!('cancelled' in change)) return meetingFailure(change);
    const next = nextRecord(found, change, who.person.id, now);
    let version: number;
    try {
      version = await deps.store.put(key, next, {
        expectedVersion: current.version,
        indexes: [
          {
            op: 'add',
            index: MEETING_INDEX.forum(target.forumId),
            member: current.id,
            score: epochMs(next.start ?? current.start),
          },
        ],
      });
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
      if (target.expectedVersion === undefined && attempt < RETRIES) continue;
      const latest = await findMeeting(deps, target.forumId, target.meetingId);
      return latest ? conflict(latest.meeting) : meetingNotFound('meeting', target.meetingId);
    }
    await deps.store.appendAudit(MEETING_AUDIT.meeting(target.forumId, current.id), {
      at: now,
      actor: who.person.id,
      event: change.event,
      data: { version, sequence: next.sequence, ...change.data },
    });
    const [changed] = mergeMeetings(
      current.origin === 'registry'
        ? deps
            .registry()
            .meetingsOf(target.forumId)
            .filter((m) => m.id === current.id)
        : [],
      [{ record: next, version }],
    );
    return meetingSuccess(changed ?? current);
  }
}

function conflict(current: ForumMeeting): MeetingOutcome<ForumMeeting> {
  return meetingFailure({
    code: 'MEETING_CONFLICT',
    params: { id: current.id, version: current.version },
    current,
  });
}

export function moveMeeting(
  deps: MeetingServiceDeps,
  actorAadObjectId: string,
  input: MoveMeetingInput,
): Promise<MeetingOutcome<ForumMeeting>> {
  return changeMeeting(deps, actorAadObjectId, input, (current, now): Change | MeetingRefusal => {
    const timeZone = deps.registry().registry.timeZone;
    const times = checkMeetingTimes(input.start, input.end, { now, timeZone });
    if (!times.ok) return { code: 'MEETING_INVALID', problems: times.problems };
    if (epochMs(times.start) === epochMs(current.start) && epochMs(times.end) === epochMs(current.end)) {
      return { code: 'MEETING_INVALID', problems: [{ field: 'start', code: 'unchanged' }] };
    }
    return {
      start: times.start,
      end: times.end,
      cancelled: false,
      event: 'meeting.moved',
      data: { from: { start: current.start, end: current.end }, to: { start: times.start, end: times.end } },
    };
  });
}

export function cancelMeeting(
  deps: MeetingServiceDeps,
  actorAadObjectId: string,
  target: MeetingTarget,
): Promise<MeetingOutcome<ForumMeeting>> {
  return changeMeeting(deps, actorAadObjectId, target, (current) => ({
    cancelled: true,
    event: 'meeting.cancelled',
    data: { start: current.start, end: current.end },
  }));
}
