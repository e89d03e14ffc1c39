/**
 * The digest's reading of one indicator series: the latest value, its change from the year before,
 * whether that change is good, and whether the figure is stale. Numbers and flags only; turning
 * them into text is the i18n layer's job.
 */
import type { BetterDirection } from '../registry/types';

export interface TrendPoint {
  readonly year: number;
  readonly value: number;
}

export type ChangeDirection = 'up' | 'down' | 'flat';
export type ChangeVerdict = 'good' | 'bad' | 'neutral';

export interface YearChange {
  /** `latest.value - previous.value`. */
  readonly absolute: number;
  /** Relative to the previous value, in percent; absent when the previous value is 0. */
  readonly percent?: number;
  readonly direction: ChangeDirection;
  readonly verdict: ChangeVerdict;
}

export interface IndicatorTrend {
  readonly latest: TrendPoint;
  /** The value of the year right before `latest.year`, when the series has it. */
  readonly previous?: TrendPoint;
  /** Absent without a previous year: a change across a gap is not a change "from the previous year". */
  readonly change?: YearChange;
  /** The latest year is older than two years before the current year. */
  readonly stale: boolean;
}

/** Years a figure may lag behind the current year before it counts as stale. */
export const STALE_AFTER_YEARS = 2;

// Values are decimals read from text; a difference this small is rounding, not a change.
const RELATIVE_EPSILON = 1e-9;

function directionOf(previous: number, latest: number): ChangeDirection {
  const difference = latest - previous;
  const scale = Math.max(Math.abs(previous), Math.abs(latest), 1);
  if (Math.abs(difference) <= RELATIVE_EPSILON * scale) return 'flat';
  return difference > 0 ? 'up' : 'down';
}

export function verdictOf(direction: ChangeDirection, better: BetterDirection): ChangeVerdict {
  if (direction === 'flat' || better === 'neither') return 'neutral';
  return (direction === 'up') === (better === 'higher') ? 'good' : 'bad';
}

export function isStale(latestYear: number, currentYear: number): boolean {
  return latestYear < currentYear - STALE_AFTER_YEARS;
}

/**
 * Undefined for a series without a finite value. Points need not be sorted; of two points for the
 * same year the later one counts.
 */
export function indicatorTrend(
  points: readonly TrendPoint[],
  better: BetterDirection,
  currentYear: number,
): IndicatorTrend | undefined {
  const byYear = new Map<number, number>();
  for (const point of points) {
    if (Number.isInteger(point.year) && Number.isFinite(point.value)) byYear.set(point.year, point.value);
  }
  if (byYear.size === 0) return undefined;
  const latestYear = Math.max(...byYear.keys());
  const latest = { year: latestYear, value: byYear.get(latestYear) ?? 0 };
  const stale = isStale(latestYear, currentYear);
  const previousValue = byYear.get(latestYear - 1);
  if (previousValue === undefined) return { latest, stale };

  const previous = { year: latestYear - 1, value: previousValue };
  const direction = directionOf(previous.value, latest.value);
  const absolute = direction === 'flat' ? 0 : latest.value - previous.value;
  const change: YearChange = {
    absolute,
    ...(previous.value === 0 ? {} : { percent: (absolute / Math.abs(previous.value)) * 100 }),
    direction,
    verdict: verdictOf(direction, better),
  };
  return { latest, previous, change, stale };
}
