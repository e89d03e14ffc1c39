/**
 * Indicator series for a digest: the forum's indicators for the county and every municipality,
 * and the goals' indicators for the county. The IndicatorSource answers from the registry's
 * snapshot when a source is down; should it fail anyway, the snapshot is read here, so that a
 * data source never blocks the digest.
 */
import type { DigestSeries } from '../../domain/digest';
import type { Indicator, Organisation } from '../../domain/registry';
import type { IndicatorArea, IndicatorDescriptor, IndicatorSource } from '../../ports/indicator-source';
import type { DigestLogger } from './context';

/** Years of history asked for: enough for a trend chart. */
export const SERIES_YEARS = 10;

/** Two-digit county code (`08`), written into the registry as an extra field of the county. */
function hvaCodeOf(organisation: Organisation): string | undefined {
  const code = (organisation as { readonly hvaCode?: unknown }).hvaCode;
  if (typeof code === 'number') return String(code).padStart(2, '0');
  return typeof code === 'string' && /^\d{1,2}$/.test(code.trim()) ? code.trim().padStart(2, '0') : undefined;
}

export function indicatorArea(organisation: Organisation): IndicatorArea {
  const hvaCode = organisation.kind === 'hyvinvointialue' ? hvaCodeOf(organisation) : undefined;
  return {
    organisationId: organisation.id,
    kind: organisation.kind,
    ...(organisation.code !== undefined ? { municipalityCode: organisation.code } : {}),
    ...(hvaCode !== undefined ? { hvaCode } : {}),
  };
}

function snapshot(
  indicator: Indicator,
  areas: readonly IndicatorArea[],
  years: readonly number[],
): DigestSeries[] {
  const wanted = new Set(years);
  return areas.map((area) => ({
    area: area.organisationId,
    points: indicator.values
      .filter((value) => value.area === area.organisationId && wanted.has(value.year))
      .map(({ year, value }) => ({ year, value }))
      .sort((a, b) => a.year - b.year),
    source: 'snapshot' as const,
  }));
}

export interface SeriesPlan {
  readonly indicator: Indicator;
  readonly areas: readonly IndicatorArea[];
}

export async function fetchSeries(
  source: IndicatorSource,
  plans: readonly SeriesPlan[],
  currentYear: number,
  logger?: DigestLogger,
): Promise<Map<string, readonly DigestSeries[]>> {
  const years = Array.from({ length: SERIES_YEARS }, (_, i) => currentYear - SERIES_YEARS + 1 + i);
  const answers = await Promise.all(
    plans.map(async ({ indicator, areas }): Promise<readonly DigestSeries[]> => {
      try {
        return await source.series({ indicator: indicator as IndicatorDescriptor, areas, years });
      } catch (error) {
        logger?.warn(
          { indicator: indicator.id, err: error },
          'indicator source rejected; using the snapshot',
        );
        return snapshot(indicator, areas, years);
      }
    }),
  );
  return new Map(plans.map((plan, i) => [plan.indicator.id, answers[i] ?? []]));
}
