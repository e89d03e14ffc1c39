import type { IndicatorDescriptor, IndicatorSeries } from '../../ports/indicator-source';
import { sortedPoints } from './source-answer';

/** The registry's snapshot values of one area for the requested years. */
export function snapshotSeries(
  indicator: Pick<IndicatorDescriptor, 'id' | 'values'>,
  area: string,
  years: readonly number[],
): IndicatorSeries {
  const wanted = new Set(years);
  return {
    indicatorId: indicator.id,
    area,
    points: sortedPoints(indicator.values.filter((value) => value.area === area && wanted.has(value.year))),
    source: 'snapshot',
  };
}

export function hasSnapshot(
  indicator: Pick<IndicatorDescriptor, 'values'>,
  area: string,
  years: readonly number[],
): boolean {
  return indicator.values.some((value) => value.area === area && years.includes(value.year));
}
