/** One Sotkanet indicator for a set of areas: id and regions resolved, `/json` rows picked per area. */
import type { IndicatorArea, IndicatorDescriptor, SeriesPoint } from '../../ports/indicator-source';
import { localisedTitle, type SotkanetClient } from './sotkanet-client';
import {
  findIndicatorByTitle,
  indexRegions,
  type IndicatorTitleRef,
  type RegionIndex,
  type RegionRef,
} from './sotkanet-lookup';
import { sortedPoints, type SourceAnswer } from './source-answer';

export interface SotkanetSeriesDeps {
  readonly client: SotkanetClient;
  /** `/regions`, possibly cached. */
  readonly regions: () => Promise<readonly RegionRef[]>;
  /** `/indicators`, possibly cached; only read when an indicator has no `sotkanetId`. */
  readonly catalogue: () => Promise<readonly IndicatorTitleRef[]>;
}

function regionOf(index: RegionIndex, area: IndicatorArea): number | undefined {
  if (area.kind === 'kunta' && area.municipalityCode !== undefined)
    return index.municipality(area.municipalityCode);
  if (area.kind === 'hyvinvointialue' && area.hvaCode !== undefined)
    return index.wellbeingCounty(area.hvaCode);
  return undefined;
}

export async function resolveSotkanetId(
  deps: Pick<SotkanetSeriesDeps, 'catalogue'>,
  indicator: Pick<IndicatorDescriptor, 'sotkanetId' | 'sotkanetTitle' | 'name'>,
): Promise<number> {
  if (indicator.sotkanetId !== undefined) return indicator.sotkanetId;
  return findIndicatorByTitle(await deps.catalogue(), indicator.sotkanetTitle ?? indicator.name.fi);
}

export async function fetchSotkanetSeries(
  deps: SotkanetSeriesDeps,
  indicator: IndicatorDescriptor,
  areas: readonly IndicatorArea[],
  years: readonly number[],
): Promise<SourceAnswer> {
  const id = await resolveSotkanetId(deps, indicator);
  const index = indexRegions(await deps.regions());
  const wanted = new Map<number, string[]>();
  for (const area of areas) {
    const region = regionOf(index, area);
    if (region !== undefined) wanted.set(region, [...(wanted.get(region) ?? []), area.organisationId]);
  }
  if (wanted.size === 0 || years.length === 0) return { points: {} };

  const [rows, metadata] = await Promise.all([
    deps.client.data(id, years, 'total'),
    // The title is a nicety: the figures are still right without it.
    deps.client.indicator(id).catch(() => undefined),
  ]);
  const yearSet = new Set(years);
  const collected = new Map<number, SeriesPoint[]>([...wanted.keys()].map((region) => [region, []]));
  for (const row of rows) {
    if (row.indicator !== id || row.gender !== 'total' || !yearSet.has(row.year)) continue;
    if (row.value === null || row.value === undefined) continue;
    collected.get(row.region)?.push({ year: row.year, value: row.value });
  }
  const points: Record<string, SeriesPoint[]> = {};
  for (const [region, list] of collected) {
    for (const organisationId of wanted.get(region) ?? []) points[organisationId] = sortedPoints(list);
  }
  return {
    points,
    ...(metadata === undefined
      ? {}
      : {
          title: localisedTitle(metadata.title),
          ...(metadata.decimals === undefined ? {} : { decimals: metadata.decimals }),
        }),
  };
}
