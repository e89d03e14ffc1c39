/** What every meeting use-case needs, and the one way to read a forum's meetings. */
import {
  mergeMeetings,
  type ForumMeeting,
  type MeetingRecord,
  type StoredMeetingRecord,
} from '../../domain/meetings';
import type { RegistryIndex } from '../../domain/registry';
import type { Clock } from '../../ports/clock';
import type { Store } from '../../ports/store';
import { MEETING_INDEX, meetingKey } from './storage-keys';

export interface MeetingServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** The registry in service now; a reload takes effect on the next call. */
  readonly registry: () => RegistryIndex;
  /** Host part of calendar UIDs; default `yhdyspinta-bot`. */
  readonly calendarUidDomain?: string;
}

export async function storedMeetingRecords(store: Store, forumId: string): Promise<StoredMeetingRecord[]> {
  const entries = await store.range(MEETING_INDEX.forum(forumId));
  const records = await store.getMany<MeetingRecord>(
    entries.map((entry) => meetingKey(forumId, entry.member)),
  );
  return records.flatMap((stored) =>
    stored && stored.value.forum === forumId ? [{ record: stored.value, version: stored.version }] : [],
  );
}

/** Registry meetings with their chat changes, plus chat meetings; earliest first. */
export async function forumMeetings(deps: MeetingServiceDeps, forumId: string): Promise<ForumMeeting[]> {
  const registry = deps.registry();
  return mergeMeetings(registry.meetingsOf(forumId), await storedMeetingRecords(deps.store, forumId));
}
