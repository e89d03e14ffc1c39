/**
 * The meetings of a forum: registry meetings with their chat changes applied, plus meetings added
 * in chat, earliest first. A change whose registry meeting has since been removed from the
 * registry is ignored: the registry decides which of its meetings exist.
 */
import type { Meeting } from '../registry';
import { epochMs } from './meeting-time';
import type { AddedMeeting, ForumMeeting, MeetingOverride, StoredMeetingRecord } from './types';

function fromRegistry(meeting: Meeting, change?: { record: MeetingOverride; version: number }): ForumMeeting {
  const override = change?.record;
  return {
    id: meeting.id,
    forum: meeting.forum,
    title: meeting.title,
    start: override?.start ?? meeting.start,
    end: override?.end ?? meeting.end,
    ...(meeting.location ? { location: meeting.location } : {}),
    agenda: meeting.agenda,
    origin: 'registry',
    cancelled: override?.cancelled ?? false,
    sequence: override?.sequence ?? 0,
    version: change?.version ?? 0,
    ...(override ? { updatedAt: override.updatedAt } : {}),
  };
}

function fromChat(record: AddedMeeting, version: number): ForumMeeting {
  return {
    id: record.id,
    forum: record.forum,
    title: record.title,
    start: record.start,
    end: record.end,
    ...(record.location ? { location: record.location } : {}),
    agenda: record.agenda,
    origin: 'chat',
    cancelled: record.cancelled,
    sequence: record.sequence,
    version,
    updatedAt: record.updatedAt,
  };
}

export function compareMeetings(a: ForumMeeting, b: ForumMeeting): number {
  return epochMs(a.start) - epochMs(b.start) || a.id.localeCompare(b.id);
}

export function mergeMeetings(
  registryMeetings: readonly Meeting[],
  stored: readonly StoredMeetingRecord[],
): ForumMeeting[] {
  const overrides = new Map<string, { record: MeetingOverride; version: number }>();
  const merged: ForumMeeting[] = [];
  const registryIds = new Set(registryMeetings.map((meeting) => meeting.id));
  for (const { record, version } of stored) {
    if (record.kind === 'override') overrides.set(record.id, { record, version });
    // A chat meeting never shadows a registry meeting that later got the same id.
    else if (!registryIds.has(record.id)) merged.push(fromChat(record, version));
  }
  for (const meeting of registryMeetings) merged.push(fromRegistry(meeting, overrides.get(meeting.id)));
  return merged.sort(compareMeetings);
}
