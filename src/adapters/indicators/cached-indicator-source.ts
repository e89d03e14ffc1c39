/**
 * The IndicatorSource of the bot: Sotkanet and StatFin behind a Store cache (a day by default),
 * and the registry's snapshot values whenever a source cannot answer. The digest is never
 * blocked by a data source, so `series` does not reject for a source failure; it logs it.
 *
 * A source that could not be reached (network error, timeout, 5xx or 429 after the retries) is
 * skipped for `unreachableTtlMs`, so a burst of digests does not each wait out the timeouts.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../ports/clock';
import type {
  IndicatorArea,
  IndicatorSeries,
  IndicatorSeriesRequest,
  IndicatorSource,
  StatfinTableRef,
} from '../../ports/indicator-source';
import type { Store } from '../../ports/store';
import { createExpiringCache, type IndicatorLogger } from './indicator-cache';
import { IndicatorSourceError, isUnreachable } from './indicator-errors';
import { normaliseTableId, type PxTableMetadata, type PxwebClient } from './pxweb-client';
import { hasSnapshot, snapshotSeries } from './snapshot';
import { localisedTitle, type SotkanetClient } from './sotkanet-client';
import type { IndicatorTitleRef, RegionRef } from './sotkanet-lookup';
import { fetchSotkanetSeries } from './sotkanet-series';
import type { SourceAnswer } from './source-answer';
import { fetchStatfinSeries } from './statfin-series';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface CachedIndicatorSourceOptions {
  readonly sotkanet: SotkanetClient;
  readonly pxweb: PxwebClient;
  readonly store: Store;
  readonly clock: Clock;
  /** Lifetime of cached answers, regions, indicator lists and table metadata; default a day. */
  readonly ttlMs?: number;
  /** How long an unreachable source is skipped; default five minutes, 0 never skips. */
  readonly unreachableTtlMs?: number;
  readonly logger?: IndicatorLogger;
}

type RemoteSource = 'sotkanet' | 'statfin';

interface CachedAnswer {
  readonly fetchedAt: number;
  readonly answer: SourceAnswer;
}

// Extra registry fields are not checked by the registry loader, so they are checked here.
const statfinRefSchema = z.object({
  table: z.string().trim().min(1),
  content: z.string().trim().min(1).optional(),
  filters: z.record(z.string(), z.string()).optional(),
});
const titleSchema = z.string().trim().min(1).optional();

const KEY_PREFIX = 'indicators';

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24);
}

function seriesKey(request: IndicatorSeriesRequest, source: RemoteSource, params: unknown): string {
  const areas = [...request.areas]
    .map((area) => [area.organisationId, area.kind, area.municipalityCode ?? '', area.hvaCode ?? ''])
    .sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
  const years = [...new Set(request.years)].sort((a, b) => a - b);
  return `${KEY_PREFIX}:series:${request.indicator.id}:${hash({ v: 1, source, params, areas, years })}`;
}

function compactMetadata(metadata: PxTableMetadata): PxTableMetadata {
  return {
    title: metadata.title,
    variables: metadata.variables.map(({ code, text, values, valueTexts, time, elimination }) => ({
      code,
      text,
      values,
      valueTexts,
      ...(time === undefined ? {} : { time }),
      ...(elimination === undefined ? {} : { elimination }),
    })),
  };
}

export function createCachedIndicatorSource(options: CachedIndicatorSourceOptions): IndicatorSource {
  const { sotkanet, pxweb, clock, logger } = options;
  const ttlMs = options.ttlMs ?? DAY_MS;
  const unreachableTtlMs = options.unreachableTtlMs ?? 5 * 60 * 1000;
  const cache = createExpiringCache(options.store, clock, logger);
  const downKey = (source: RemoteSource): string => `${KEY_PREFIX}:unreachable:${source}`;

  const sotkanetDeps = {
    client: sotkanet,
    regions: () =>
      cache.remember<RegionRef[]>(`${KEY_PREFIX}:sotkanet:regions`, ttlMs, async () =>
        (await sotkanet.regions()).map(({ id, code, category }) => ({ id, code, category })),
      ),
    catalogue: () =>
      cache.remember<IndicatorTitleRef[]>(`${KEY_PREFIX}:sotkanet:indicators`, ttlMs, async () =>
        (await sotkanet.indicators()).map(({ id, title }) => ({ id, title: localisedTitle(title) })),
      ),
  };
  const statfinDeps = {
    client: pxweb,
    metadata: (table: string) =>
      cache.remember(`${KEY_PREFIX}:statfin:metadata:${normaliseTableId(table)}`, ttlMs, async () =>
        compactMetadata(await pxweb.metadata(table)),
      ),
  };

  /** Where to ask, and everything that decides the answer besides areas and years. */
  function plan(request: IndicatorSeriesRequest): {
    source: RemoteSource;
    params: unknown;
    fetch: () => Promise<SourceAnswer>;
  } {
    const { indicator, areas, years } = request;
    if (indicator.source === 'statfin') {
      const parsed = statfinRefSchema.safeParse(indicator.statfin);
      if (!parsed.success) {
        throw new IndicatorSourceError(
          'INDICATOR_UNSUPPORTED',
          `indicator ${indicator.id} has no valid statfin.table`,
        );
      }
      const ref: StatfinTableRef = parsed.data;
      return {
        source: 'statfin',
        params: ref,
        fetch: () => fetchStatfinSeries(statfinDeps, ref, areas, years),
      };
    }
    const title = titleSchema.safeParse(indicator.sotkanetTitle);
    const descriptor = { ...indicator, sotkanetTitle: title.success ? title.data : undefined };
    return {
      source: 'sotkanet',
      params: { id: indicator.sotkanetId, title: descriptor.sotkanetTitle ?? indicator.name.fi },
      fetch: () => fetchSotkanetSeries(sotkanetDeps, descriptor, areas, years),
    };
  }

  /** Undefined while the source is being skipped as unreachable (already logged when it failed). */
  async function answer(
    request: IndicatorSeriesRequest,
  ): Promise<{ source: RemoteSource; cached: CachedAnswer } | undefined> {
    const { source, params, fetch } = plan(request);
    const key = seriesKey(request, source, params);
    const hit = await cache.get<CachedAnswer>(key);
    if (hit !== undefined) return { source, cached: hit };
    if (unreachableTtlMs > 0 && (await cache.get<boolean>(downKey(source))) === true) return undefined;
    try {
      const cached: CachedAnswer = { fetchedAt: clock.now(), answer: await fetch() };
      await cache.put(key, cached, ttlMs);
      return { source, cached };
    } catch (error) {
      if (unreachableTtlMs > 0 && isUnreachable(error))
        await cache.put(downKey(source), true, unreachableTtlMs);
      throw error;
    }
  }

  function fromAnswer(
    request: IndicatorSeriesRequest,
    area: IndicatorArea,
    source: RemoteSource,
    { fetchedAt, answer: { points, title, decimals } }: CachedAnswer,
  ): IndicatorSeries {
    const { indicator, years } = request;
    const found = points[area.organisationId];
    // Not asked (no code, not in the table) or answered empty: the snapshot is better than nothing.
    if (found === undefined || (found.length === 0 && hasSnapshot(indicator, area.organisationId, years))) {
      return snapshotSeries(indicator, area.organisationId, years);
    }
    return {
      indicatorId: indicator.id,
      area: area.organisationId,
      points: found,
      source,
      fetchedAt,
      ...(title === undefined ? {} : { title }),
      ...(decimals === undefined ? {} : { decimals }),
    };
  }

  return {
    async series(request) {
      const snapshot = (): IndicatorSeries[] =>
        request.areas.map((area) => snapshotSeries(request.indicator, area.organisationId, request.years));
      if (request.indicator.source === 'manual') return snapshot();
      try {
        const answered = await answer(request);
        if (answered === undefined) return snapshot();
        return request.areas.map((area) => fromAnswer(request, area, answered.source, answered.cached));
      } catch (error) {
        logger?.warn(
          {
            indicator: request.indicator.id,
            source: request.indicator.source,
            code: error instanceof IndicatorSourceError ? error.code : undefined,
            err: error,
          },
          'indicator source failed; using the registry snapshot values',
        );
        return snapshot();
      }
    },
  };
}
