/**
 * Decisions and agreed actions of a forum, as the model names them. Ids of registry
 * objects (forum, meeting, interface, organisation, person, goal) refer to the loaded registry.
 */
import type { IsoDate } from '../registry';

export type { IsoDate };

/** Status ids; their display names come from the message catalogues. */
export const ACTION_STATUSES = ['avoin', 'kaynnissa', 'valmis', 'peruttu'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The languages in which the log command is understood. */
export type ActionLanguage = 'fi' | 'sv' | 'en';

/** A forum decision (päätös). */
export interface Decision {
  /** Readable per forum and year, e.g. `ANK-2026-P003`. */
  readonly id: string;
  readonly forum: string;
  readonly meeting?: string;
  readonly text: string;
  /** The day it was decided. */
  readonly date: IsoDate;
  /** Person id. */
  readonly loggedBy: string;
  /** Milliseconds since the epoch. */
  readonly loggedAt: number;
  /** Link to the Teams message it was logged from. */
  readonly sourceMessageLink?: string;
}

export interface ActionComment {
  /** Milliseconds since the epoch. */
  readonly at: number;
  /** Person id. */
  readonly by: string;
  readonly text: string;
}

/** An agreed action (toimenpide). Overdue is derived (see isOverdue), never stored. */
export interface Action {
  /** Readable per forum and year, e.g. `ANK-2026-014`. */
  readonly id: string;
  readonly forum: string;
  readonly title: string;
  readonly description?: string;
  readonly meeting?: string;
  /** Decision id of the same forum. */
  readonly decision?: string;
  readonly interface?: string;
  /** Responsible organisation ids. */
  readonly organisations: readonly string[];
  /** Owner person id, when the owner is in the registry. */
  readonly ownerPerson?: string;
  /** The owner as typed, when not in the registry. */
  readonly ownerText?: string;
  readonly dueDate?: IsoDate;
  readonly goal?: string;
  readonly status: ActionStatus;
  /**
   * When the status last became done (valmis), milliseconds since the epoch; only while done.
   * Read it through whenDone, which covers actions stored before this field existed.
   */
  readonly doneAt?: number;
  readonly comments: readonly ActionComment[];
  readonly sourceMessageLink?: string;
  readonly createdAt: number;
  /** Person id. */
  readonly createdBy: string;
  readonly updatedAt: number;
  readonly updatedBy: string;
}
