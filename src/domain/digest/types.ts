/**
 * The situational picture (tilannekuva) of a forum before a meeting, as data: registry texts stay
 * localised and numbers stay numbers, so one digest renders in any of the forum's languages.
 */
import type { ActionStatus, IsoDate } from '../actions';
import type { StatutoryFlag } from '../meetings';
import type {
  BetterDirection,
  ForumKind,
  GoalTarget,
  IndicatorSource as IndicatorSourceKind,
  IsoDateTime,
  LocalisedText,
} from '../registry';
import type { IndicatorTrend, TrendPoint } from './indicator-trend';

/** One area's yearly series as the indicator source gave it; the port's IndicatorSeries fits. */
export interface DigestSeries {
  /** Registry organisation id. */
  readonly area: string;
  readonly points: readonly TrendPoint[];
  /** `snapshot`: the registry's own values, because the source could not give any. */
  readonly source: 'sotkanet' | 'statfin' | 'snapshot';
  readonly decimals?: number;
}

/** Acknowledgements of one digest as stored: the first person of each organisation who acknowledged. */
export interface AcknowledgementRecord {
  readonly organisations: Readonly<Record<string, { readonly by: string; readonly at: number }>>;
}

/** A part of a longer list: the first few items and how many there are in all. */
export interface ListSlice<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface DigestMeeting {
  readonly id: string;
  readonly title: LocalisedText;
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
  readonly location?: LocalisedText;
  readonly agenda: readonly LocalisedText[];
  readonly cancelled: boolean;
  /** Changes since the meeting was first published; part of the digest id. */
  readonly sequence: number;
}

export interface AreaFigure {
  /** Registry organisation id. */
  readonly area: string;
  readonly name: LocalisedText;
  /** Undefined: no value for any requested year. */
  readonly trend?: IndicatorTrend;
  /** The registry's snapshot value stands in for the source's. */
  readonly fromSnapshot: boolean;
}

export interface IndicatorSection {
  readonly id: string;
  readonly name: LocalisedText;
  readonly unit: string;
  readonly better: BetterDirection;
  readonly source: IndicatorSourceKind;
  /** Decimals the source publishes the figure with, when it says. */
  readonly decimals?: number;
  /** The wellbeing services county of the region. */
  readonly county?: AreaFigure;
  /** The county's series, oldest first: what a trend chart draws. */
  readonly countyPoints: readonly TrendPoint[];
  /** The region's municipalities, by municipality code. */
  readonly municipalities: readonly AreaFigure[];
  /** Newest statistical year of any area; undefined without data. */
  readonly latestYear?: number;
  /** The newest figure is older than two years. */
  readonly stale: boolean;
  /** The source (Sotkanet, StatFin) could not be reached: every figure is the registry's snapshot. */
  readonly sourceUnreachable: boolean;
}

export interface ActionLine {
  readonly id: string;
  readonly title: string;
  readonly status: ActionStatus;
  readonly dueDate?: IsoDate;
  readonly overdue: boolean;
  /** The owner person's name, or the owner as typed. */
  readonly owner?: string;
  readonly organisations: readonly LocalisedText[];
}

export interface ActionsSummary {
  readonly today: IsoDate;
  /** The meeting's day: actions due on or before it count as due before the meeting. */
  readonly meetingDay: IsoDate;
  /** Start of the previous meeting; done actions count from it. Undefined: no previous meeting. */
  readonly since?: IsoDateTime;
  readonly open: number;
  readonly overdue: number;
  readonly dueBeforeMeeting: number;
  readonly doneSincePrevious: number;
  /** Overdue first, then due before the meeting, each by due date; `total` counts both. */
  readonly attention: ListSlice<ActionLine>;
  readonly done: ListSlice<ActionLine>;
}

export interface DecisionLine {
  readonly id: string;
  readonly text: string;
  readonly date: IsoDate;
}

export type GoalStatus =
  | 'met'
  | 'on-track'
  | 'off-track'
  | 'no-change'
  /** No value of the year before the latest, so no direction yet. */
  | 'unknown'
  | 'missed'
  | 'no-data'
  | 'no-target';

export interface GoalLine {
  readonly id: string;
  readonly title: LocalisedText;
  readonly interface: string;
  readonly target?: GoalTarget;
  readonly indicator?: { readonly id: string; readonly name: LocalisedText; readonly unit: string };
  /** The county's latest value of the goal's indicator. */
  readonly latest?: TrendPoint;
  /** `target.value - latest.value`, when both are known. */
  readonly gap?: number;
  readonly status: GoalStatus;
}

export interface OrganisationAck {
  readonly organisation: string;
  readonly name: LocalisedText;
  /** Person name; absent for an organisation that has not acknowledged. */
  readonly by?: string;
  readonly at?: number;
}

export interface AcknowledgementSummary {
  readonly acknowledged: readonly OrganisationAck[];
  /** Member organisations of the forum that have not acknowledged yet. */
  readonly pending: readonly OrganisationAck[];
}

export interface Digest {
  /** Stable: forum, meeting and the meeting's sequence (see digest-id.ts). */
  readonly id: string;
  readonly generatedAt: number;
  readonly timeZone: string;
  readonly forum: { readonly id: string; readonly name: LocalisedText; readonly kind: ForumKind };
  readonly region: { readonly id: string; readonly name: LocalisedText };
  readonly meeting: DigestMeeting;
  readonly previousMeeting?: {
    readonly id: string;
    readonly title: LocalisedText;
    readonly start: IsoDateTime;
  };
  readonly indicators: readonly IndicatorSection[];
  readonly actions: ActionsSummary;
  /** Decisions of the previous meeting. */
  readonly decisions: ListSlice<DecisionLine>;
  readonly goals: ListSlice<GoalLine>;
  readonly statutory: readonly StatutoryFlag[];
  readonly acknowledgements: AcknowledgementSummary;
}
