/**
 * The forum's actions and the previous meeting's decisions, read straight from the indexes the
 * action tracker keeps (app/actions/storage-keys.ts): the digest needs every action of the forum
 * once, which the tracker's paged queries would read several times over.
 */
import { epochDay, type Action, type Decision } from '../../domain/actions';
import { meetingDay, type ForumMeeting } from '../../domain/meetings';
import type { Store } from '../../ports/store';
import { INDEX, keyOfRef } from '../actions/storage-keys';

const READ_SLICE = 1000;

export async function forumActions(store: Store, forumId: string): Promise<Action[]> {
  const actions: Action[] = [];
  for (let offset = 0; ; offset += READ_SLICE) {
    const entries = await store.range(INDEX.forumAll(forumId), { offset, limit: READ_SLICE });
    const records = await store.getMany<Action>(entries.map((entry) => keyOfRef('action', entry.member)));
    for (const record of records) if (record) actions.push(record.value);
    if (entries.length < READ_SLICE) return actions;
  }
}

/** Decisions linked to the meeting, and the forum's decisions dated on its day. */
export async function meetingDecisions(
  store: Store,
  forumId: string,
  meeting: ForumMeeting | undefined,
  timeZone: string,
): Promise<Decision[]> {
  if (!meeting) return [];
  const day = epochDay(meetingDay(meeting.start, timeZone));
  const [linked, sameDay] = await Promise.all([
    store.range(INDEX.meetingDecisions(meeting.id)),
    store.range(INDEX.forumDecisions(forumId), { min: day, max: day }),
  ]);
  const refs = [...new Set([...linked, ...sameDay].map((entry) => entry.member))];
  const records = await store.getMany<Decision>(refs.map((ref) => keyOfRef('decision', ref)));
  return records.flatMap((record) => (record ? [record.value] : []));
}
