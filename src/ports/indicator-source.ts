/**
 * Indicator data for the digest: one call per indicator returns a yearly series for every area
 * asked for (typically the region's wellbeing county and its municipalities).
 *
 * An implementation never rejects because a data source is down or answers nonsense: it answers
 * from the registry's snapshot values instead and says so in `source`. Our own DTOs, so the
 * digest does not know Sotkanet region ids or PxWeb variable codes.
 */
import type {
  IndicatorSource as RegistryIndicatorSource,
  IndicatorValue,
  LocalisedText,
  OrganisationKind,
} from '../domain/registry/types';

/** A StatFin PxWeb table and the figure in it; variable codes are read from the table's metadata. */
export interface StatfinTableRef {
  /** Table id after the June 2026 renaming, e.g. `11re`; an old `statfin_vaerak_pxt_11re` id also works. */
  readonly table: string;
  /**
   * The content (`Tiedot`) value: its code (`vaerak-vaesto`), the code without its new dataset
   * prefix (`vaesto`), or its text. May be omitted when the table has one content value.
   */
  readonly content?: string;
  /** Values for further variables, keyed by variable code or text, e.g. `{ Sukupuoli: "1" }`. */
  readonly filters?: Readonly<Record<string, string>>;
}

/**
 * What the source needs to know of an indicator. A registry `Indicator` fits as it is; the two
 * optional fields below may be written into the registry entry as extra fields.
 */
export interface IndicatorDescriptor {
  /** Registry indicator id. */
  readonly id: string;
  readonly name: LocalisedText;
  readonly source: RegistryIndicatorSource;
  readonly sotkanetId?: number;
  /** Sotkanet title to resolve the id by when `sotkanetId` is absent; default `name.fi`. */
  readonly sotkanetTitle?: string;
  /** Required for `source: statfin`. */
  readonly statfin?: StatfinTableRef;
  /** The registry's snapshot values: the answer whenever the source cannot give one. */
  readonly values: readonly IndicatorValue[];
}

export interface IndicatorArea {
  /** Registry organisation id; the series carries it back as `area`. */
  readonly organisationId: string;
  readonly kind: OrganisationKind;
  /** Three-digit Statistics Finland municipality code, for kind `kunta`. */
  readonly municipalityCode?: string;
  /** Two-digit wellbeing services county code (`08`), for kind `hyvinvointialue`. */
  readonly hvaCode?: string;
}

export interface IndicatorSeriesRequest {
  readonly indicator: IndicatorDescriptor;
  readonly areas: readonly IndicatorArea[];
  /** Statistical years wanted; points outside them are not returned. */
  readonly years: readonly number[];
}

export type SeriesSource = 'sotkanet' | 'statfin' | 'snapshot';

export interface SeriesPoint {
  readonly year: number;
  readonly value: number;
}

export interface IndicatorSeries {
  /** Registry indicator id. */
  readonly indicatorId: string;
  /** Registry organisation id. */
  readonly area: string;
  /** Ascending by year; empty when neither the source nor the snapshot has a value. */
  readonly points: readonly SeriesPoint[];
  readonly source: SeriesSource;
  /** Milliseconds since the epoch when the source answered; absent for snapshot values. */
  readonly fetchedAt?: number;
  /** The source's own name of the indicator (Sotkanet in fi/sv/en, StatFin in Finnish). */
  readonly title?: LocalisedText;
  /** Decimals the source publishes the figure with, when it says. */
  readonly decimals?: number;
}

export interface IndicatorSource {
  /** One series per requested area, in the order of `request.areas`. Never rejects for a source failure. */
  series(request: IndicatorSeriesRequest): Promise<IndicatorSeries[]>;
}
