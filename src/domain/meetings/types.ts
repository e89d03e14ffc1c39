/**
 * Meetings of a forum as the bot knows them: the registry's meetings, with the changes
 * secretaries made in chat, plus the meetings they added in chat. Chat changes are kept in the
 * Store as records beside the registry, which is never written to.
 */
import type { IsoDateTime, LocalisedText } from '../registry';

export type MeetingOrigin = 'registry' | 'chat';

export interface ForumMeeting {
  readonly id: string;
  readonly forum: string;
  readonly title: LocalisedText;
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
  readonly location?: LocalisedText;
  readonly agenda: readonly LocalisedText[];
  readonly origin: MeetingOrigin;
  /** Cancelled meetings stay in the list (and in the calendar feed) so that calendars drop them. */
  readonly cancelled: boolean;
  /** Changes since the meeting was first published; the calendar's SEQUENCE. */
  readonly sequence: number;
  /** Version of its Store record, for optimistic concurrency; 0 when it has none. */
  readonly version: number;
  /** Milliseconds since the epoch of the last change made in chat. */
  readonly updatedAt?: number;
}

/** A whole meeting added in chat. */
export interface AddedMeeting {
  readonly kind: 'added';
  readonly id: string;
  readonly forum: string;
  readonly title: LocalisedText;
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
  readonly location?: LocalisedText;
  readonly agenda: readonly LocalisedText[];
  readonly cancelled: boolean;
  readonly sequence: number;
  /** Person ids and milliseconds since the epoch. */
  readonly createdBy: string;
  readonly createdAt: number;
  readonly updatedBy: string;
  readonly updatedAt: number;
}

/** The chat changes of a registry meeting: a new time, a cancellation, or both. */
export interface MeetingOverride {
  readonly kind: 'override';
  readonly id: string;
  readonly forum: string;
  readonly start?: IsoDateTime;
  readonly end?: IsoDateTime;
  readonly cancelled: boolean;
  readonly sequence: number;
  readonly updatedBy: string;
  readonly updatedAt: number;
}

export type MeetingRecord = AddedMeeting | MeetingOverride;

export interface StoredMeetingRecord {
  readonly record: MeetingRecord;
  readonly version: number;
}
