/** One StatFin indicator for a set of areas: metadata → query → json-stat2 → points per area. */
import type { IndicatorArea, SeriesPoint, StatfinTableRef } from '../../ports/indicator-source';
import { IndicatorSourceError } from './indicator-errors';
import { readJsonStat } from './json-stat';
import type { PxTableMetadata, PxwebClient } from './pxweb-client';
import { planQuery } from './pxweb-query';
import { sortedPoints, type SourceAnswer } from './source-answer';

/**
 * PxWeb area code of an area: `KU179` for a municipality. Wellbeing services counties are assumed
 * to be `HV08`, which no saved response confirms; a table without such a code simply gives no
 * value for the county, because only codes listed in the table's metadata are asked for.
 */
export function pxAreaCode(area: IndicatorArea): string | undefined {
  if (area.kind === 'kunta' && area.municipalityCode !== undefined) return `KU${area.municipalityCode}`;
  if (area.kind === 'hyvinvointialue' && area.hvaCode !== undefined)
    return `HV${area.hvaCode.padStart(2, '0')}`;
  return undefined;
}

export interface StatfinSeriesDeps {
  readonly client: PxwebClient;
  /** The table's metadata, possibly cached. */
  readonly metadata: (table: string) => Promise<PxTableMetadata>;
}

export async function fetchStatfinSeries(
  deps: StatfinSeriesDeps,
  ref: StatfinTableRef,
  areas: readonly IndicatorArea[],
  years: readonly number[],
): Promise<SourceAnswer> {
  const metadata = await deps.metadata(ref.table);
  const codes = new Map<string, string[]>();
  for (const area of areas) {
    const code = pxAreaCode(area);
    if (code !== undefined) codes.set(code, [...(codes.get(code) ?? []), area.organisationId]);
  }
  const plan = planQuery(ref.table, metadata, {
    content: ref.content,
    filters: ref.filters,
    areaCodes: [...codes.keys()],
    years,
  });
  if (plan === undefined) return { points: {} };

  const dataset = await deps.client.query(ref.table, plan.body);
  const geo = dataset.role?.geo?.[0] ?? plan.areaVariable;
  const time = dataset.role?.time?.[0] ?? plan.timeVariable;
  dataset.id.forEach((dimension, i) => {
    // One value was asked for in every other dimension; more would mix figures into one series.
    if (dimension !== geo && dimension !== time && (dataset.size[i] ?? 0) > 1) {
      throw new IndicatorSourceError(
        'INDICATOR_BAD_RESPONSE',
        `StatFin ${ref.table}: ${dimension} has several values`,
      );
    }
  });

  const collected = new Map<string, SeriesPoint[]>(plan.areaCodes.map((code) => [code, []]));
  for (const cell of readJsonStat(dataset)) {
    const code = cell.coordinates[geo];
    const year = Number(cell.coordinates[time]);
    if (code !== undefined && Number.isInteger(year)) collected.get(code)?.push({ year, value: cell.value });
  }
  const points: Record<string, SeriesPoint[]> = {};
  for (const [code, list] of collected) {
    for (const organisationId of codes.get(code) ?? []) points[organisationId] = sortedPoints(list);
  }
  const decimals =
    dataset.dimension[dataset.role?.metric?.[0] ?? '']?.category.unit?.[plan.contentCode]?.decimals;
  return {
    points,
    ...(plan.contentText === '' ? {} : { title: { fi: plan.contentText } }),
    ...(decimals === undefined ? {} : { decimals }),
  };
}
