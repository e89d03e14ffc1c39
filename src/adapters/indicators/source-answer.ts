import type { LocalisedText } from '../../domain/registry/types';
import type { SeriesPoint } from '../../ports/indicator-source';

/** What a source answered for one indicator, by registry organisation id; plain data, so it can be cached. */
export interface SourceAnswer {
  /** Areas the source could not be asked about (no code, or not in the table) are absent. */
  readonly points: Readonly<Record<string, readonly SeriesPoint[]>>;
  readonly title?: LocalisedText;
  readonly decimals?: number;
}

export function sortedPoints(points: readonly SeriesPoint[]): SeriesPoint[] {
  const byYear = new Map<number, number>();
  for (const point of points) if (Number.isFinite(point.value)) byYear.set(point.year, point.value);
  return [...byYear].sort(([a], [b]) => a - b).map(([year, value]) => ({ year, value }));
}
