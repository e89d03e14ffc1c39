/**
 * One indicator of the digest: the county's figure and, compactly, each municipality's, read from
 * the series the indicator source gave. A series of a remote source that came back as the
 * registry's snapshot means the source did not answer; the digest says so rather than hide it.
 */
import type { Indicator, LocalisedText, Organisation } from '../registry';
import { indicatorTrend, isStale } from './indicator-trend';
import type { AreaFigure, DigestSeries, IndicatorSection } from './types';

export interface IndicatorAreas {
  readonly county?: Organisation;
  readonly municipalities: readonly Organisation[];
}

function displayName(organisation: Organisation): LocalisedText {
  return organisation.shortName ?? organisation.name;
}

function figure(
  organisation: Organisation,
  series: DigestSeries | undefined,
  indicator: Indicator,
  currentYear: number,
): AreaFigure {
  const trend = series ? indicatorTrend(series.points, indicator.better, currentYear) : undefined;
  return {
    area: organisation.id,
    name: displayName(organisation),
    ...(trend ? { trend } : {}),
    fromSnapshot: indicator.source !== 'manual' && series?.source === 'snapshot' && trend !== undefined,
  };
}

export function indicatorSection(
  indicator: Indicator,
  areas: IndicatorAreas,
  series: readonly DigestSeries[],
  currentYear: number,
): IndicatorSection {
  const byArea = new Map(series.map((s) => [s.area, s]));
  const countySeries = areas.county ? byArea.get(areas.county.id) : undefined;
  const county = areas.county ? figure(areas.county, countySeries, indicator, currentYear) : undefined;
  const municipalities = areas.municipalities.map((m) => figure(m, byArea.get(m.id), indicator, currentYear));
  const figures = [...(county ? [county] : []), ...municipalities];
  const years = figures.flatMap((f) => (f.trend ? [f.trend.latest.year] : []));
  const latestYear = years.length > 0 ? Math.max(...years) : undefined;
  const decimals = series.find((s) => s.decimals !== undefined)?.decimals;
  return {
    id: indicator.id,
    name: indicator.name,
    unit: indicator.unit,
    better: indicator.better,
    source: indicator.source,
    ...(decimals !== undefined ? { decimals } : {}),
    ...(county ? { county } : {}),
    countyPoints: countySeries
      ? [...countySeries.points].filter((p) => Number.isFinite(p.value)).sort((a, b) => a.year - b.year)
      : [],
    municipalities,
    ...(latestYear !== undefined ? { latestYear } : {}),
    stale: latestYear !== undefined && isStale(latestYear, currentYear),
    sourceUnreachable:
      indicator.source !== 'manual' && series.length > 0 && series.every((s) => s.source === 'snapshot'),
  };
}
