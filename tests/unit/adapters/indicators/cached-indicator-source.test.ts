import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createCachedIndicatorSource,
  DAY_MS,
  type CachedIndicatorSourceOptions,
} from '../../../../src/adapters/indicators/cached-indicator-source';
import { createPxwebClient } from '../../../../src/adapters/indicators/pxweb-client';
import { createSotkanetClient } from '../../../../src/adapters/indicators/sotkanet-client';
import { createFileStore } from '../../../../src/adapters/file/file-store';
import type { Clock } from '../../../../src/ports/clock';
import type {
  IndicatorArea,
  IndicatorDescriptor,
  IndicatorSeriesRequest,
  IndicatorSource,
} from '../../../../src/ports/indicator-source';
import type { Store } from '../../../../src/ports/store';
import {
  fixture,
  PXWEB_PREFIX,
  pxwebHandler,
  SOTKANET_PREFIX,
  sotkanetHandler,
  TEST_HTTP,
  type SotkanetRow,
} from './fixtures';
import { refusedUrl, startReplayServer, type Handler, type ReplayServer } from './replay-server';

const START = Date.parse('2026-11-23T08:00:00Z');

// Real values of Sotkanet indicator 127, as the registry's snapshot holds them.
const population: IndicatorDescriptor = {
  id: 'vaesto-ks',
  name: { fi: 'Väestö', sv: 'Befolkning', en: 'Population' },
  source: 'sotkanet',
  sotkanetId: 127,
  values: [
    { area: 'hva-keski-suomi', year: 2020, value: 272617 },
    { area: 'hva-keski-suomi', year: 2021, value: 272683 },
    { area: 'kunta-179', year: 2020, value: 143420 },
    { area: 'kunta-179', year: 2021, value: 144473 },
    { area: 'kunta-179', year: 2019, value: 142400 },
    { area: 'kunta-992', year: 2020, value: 18577 },
  ],
};

const keskiSuomi: IndicatorArea[] = [
  { organisationId: 'hva-keski-suomi', kind: 'hyvinvointialue', hvaCode: '15' },
  { organisationId: 'kunta-179', kind: 'kunta', municipalityCode: '179' },
  { organisationId: 'kunta-992', kind: 'kunta', municipalityCode: '992' },
  { organisationId: 'liitto-keski-suomi', kind: 'maakunnan-liitto' },
];

const YEARS = [2020, 2021, 2022];
const request = (overrides: Partial<IndicatorSeriesRequest> = {}): IndicatorSeriesRequest => ({
  indicator: population,
  areas: keskiSuomi,
  years: YEARS,
  ...overrides,
});

describe('cached indicator source', () => {
  let dir: string;
  let server: ReplayServer;
  let sotkanet: Handler;
  let store: Store;
  let now: number;
  let warnings: { details: Record<string, unknown>; message: string }[];
  const clock: Clock = { now: () => now };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bot-indicators-'));
    now = START;
    warnings = [];
    sotkanet = sotkanetHandler();
    const pxweb = pxwebHandler();
    server = await startReplayServer((req) =>
      req.url.pathname.startsWith(SOTKANET_PREFIX) ? sotkanet(req) : pxweb(req),
    );
    store = await createFileStore({ dir, clock });
  });

  afterEach(async () => {
    await store.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  function source(overrides: Partial<CachedIndicatorSourceOptions> = {}): IndicatorSource {
    return createCachedIndicatorSource({
      sotkanet: createSotkanetClient({ baseUrl: `${server.url}${SOTKANET_PREFIX}`, http: TEST_HTTP }),
      pxweb: createPxwebClient({ baseUrl: `${server.url}/PxWeb/api/v1`, http: TEST_HTTP }),
      store,
      clock,
      logger: { warn: (details, message) => warnings.push({ details, message }) },
      ...overrides,
    });
  }

  it('answers the county and its municipalities from one Sotkanet data call', async () => {
    const series = await source().series(request());

    expect(series.map((one) => [one.area, one.source])).toEqual([
      ['hva-keski-suomi', 'sotkanet'],
      ['kunta-179', 'sotkanet'],
      ['kunta-992', 'sotkanet'],
      // No code to ask Sotkanet with, and no snapshot values either.
      ['liitto-keski-suomi', 'snapshot'],
    ]);
    expect(series[0]).toEqual({
      indicatorId: 'vaesto-ks',
      area: 'hva-keski-suomi',
      points: [
        { year: 2020, value: 272617 },
        { year: 2021, value: 272683 },
        { year: 2022, value: 272437 },
      ],
      source: 'sotkanet',
      fetchedAt: START,
    });
    expect(series[1]?.points.map((point) => point.value)).toEqual([143420, 144473, 145887]);
    expect(series[2]?.points.map((point) => point.value)).toEqual([18577, 18318, 18120]);
    expect(series[3]?.points).toEqual([]);
    expect(server.count(`${SOTKANET_PREFIX}/json`)).toBe(1);
    expect(server.count(`${SOTKANET_PREFIX}/regions`)).toBe(1);
    // The id was given, so the 2.5 MB indicator list is not needed.
    expect(server.requests.some((req) => req.url.pathname === `${SOTKANET_PREFIX}/indicators`)).toBe(false);
  });

  it('serves a repeated call from the store for a day, also after the store is reopened', async () => {
    const first = await source().series(request());
    const requests = server.requests.length;

    now += DAY_MS - 1;
    expect(await source().series(request())).toEqual(first);
    await store.close();
    store = await createFileStore({ dir, clock });
    expect(await source().series(request())).toEqual(first);
    expect(server.requests).toHaveLength(requests);

    now += 1;
    const refreshed = await source().series(request());
    expect(server.count(`${SOTKANET_PREFIX}/json`)).toBe(2);
    expect(refreshed[0]?.fetchedAt).toBe(START + DAY_MS);
  });

  it('keys the cache by years and areas, while the regions stay cached', async () => {
    await source().series(request());
    await source().series(request({ years: [2021, 2022] }));
    await source().series(request({ areas: keskiSuomi.slice(1) }));
    expect(server.count(`${SOTKANET_PREFIX}/json`)).toBe(3);
    expect(server.count(`${SOTKANET_PREFIX}/regions`)).toBe(1);
  });

  it('resolves a missing Sotkanet id by title, fetching the indicator list once', async () => {
    const { sotkanetId: _id, ...withoutId } = population;
    const byTitle = await source().series(
      request({ indicator: { ...withoutId, sotkanetTitle: 'Väestö 31.12.' } }),
    );
    expect(byTitle[1]).toMatchObject({
      source: 'sotkanet',
      points: [{ value: 143420 }, { value: 144473 }, { value: 145887 }],
    });
    expect(
      server.requests.find((req) => req.url.pathname.endsWith('/json'))?.url.searchParams.get('indicator'),
    ).toBe('127');

    const byName = { ...withoutId, id: 'vaesto-2', name: { fi: 'väestö 31.12.' } };
    expect((await source().series(request({ indicator: byName })))[0]?.source).toBe('sotkanet');
    const lists = server.requests.filter((req) => req.url.pathname === `${SOTKANET_PREFIX}/indicators`);
    expect(lists).toHaveLength(1);
  });

  it('falls back to the snapshot values when Sotkanet refuses connections, without throwing', async () => {
    const down = source({
      sotkanet: createSotkanetClient({ baseUrl: `${await refusedUrl()}${SOTKANET_PREFIX}`, http: TEST_HTTP }),
    });
    const series = await down.series(request());

    expect(series).toEqual([
      {
        indicatorId: 'vaesto-ks',
        area: 'hva-keski-suomi',
        points: [
          { year: 2020, value: 272617 },
          { year: 2021, value: 272683 },
        ],
        source: 'snapshot',
      },
      // 2019 is not among the years asked for.
      {
        indicatorId: 'vaesto-ks',
        area: 'kunta-179',
        points: [
          { year: 2020, value: 143420 },
          { year: 2021, value: 144473 },
        ],
        source: 'snapshot',
      },
      {
        indicatorId: 'vaesto-ks',
        area: 'kunta-992',
        points: [{ year: 2020, value: 18577 }],
        source: 'snapshot',
      },
      { indicatorId: 'vaesto-ks', area: 'liitto-keski-suomi', points: [], source: 'snapshot' },
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({
        details: expect.objectContaining({ indicator: 'vaesto-ks', code: 'INDICATOR_NETWORK' }),
      }),
    ]);
  });

  it('leaves an unreachable source alone for a while instead of waiting on it for every digest', async () => {
    sotkanet = () => ({ status: 503 });
    const bot = source({ unreachableTtlMs: 60_000 });

    expect((await bot.series(request()))[0]?.source).toBe('snapshot');
    expect(server.requests).toHaveLength(TEST_HTTP.maxAttempts);

    expect((await bot.series(request({ years: [2022] })))[1]?.source).toBe('snapshot');
    expect(server.requests).toHaveLength(TEST_HTTP.maxAttempts);

    sotkanet = sotkanetHandler();
    now += 60_001;
    expect((await bot.series(request()))[0]?.source).toBe('sotkanet');
  });

  it('does not count a wrong indicator as the source being down', async () => {
    const { sotkanetId: _id, ...withoutId } = population;
    const unknown = await source().series(
      request({ indicator: { ...withoutId, sotkanetTitle: 'Ei tällaista' } }),
    );
    expect(unknown.map((one) => one.source)).toEqual(['snapshot', 'snapshot', 'snapshot', 'snapshot']);
    expect(warnings[0]?.details.code).toBe('INDICATOR_UNKNOWN');

    expect((await source().series(request()))[0]?.source).toBe('sotkanet');
  });

  it('uses the snapshot for an area the source has no rows for', async () => {
    const rows = fixture<SotkanetRow[]>('sotkanet/json-127-2020-2022.json').filter(
      (row) => row.region !== 965,
    );
    sotkanet = sotkanetHandler(rows);
    const series = await source().series(request());
    expect(series[0]).toMatchObject({
      area: 'hva-keski-suomi',
      source: 'snapshot',
      points: [{ year: 2020 }, { year: 2021 }],
    });
    expect(series[1]).toMatchObject({ area: 'kunta-179', source: 'sotkanet' });
  });

  it('answers manual indicators from the snapshot without asking anyone', async () => {
    const series = await source().series(request({ indicator: { ...population, source: 'manual' } }));
    expect(series.every((one) => one.source === 'snapshot')).toBe(true);
    expect(series[1]?.points).toHaveLength(2);
    expect(server.requests).toHaveLength(0);
  });

  it('reads StatFin indicators through the table metadata, cached per table', async () => {
    const statfin: IndicatorDescriptor = {
      id: 'vaesto-px',
      name: { fi: 'Väestö' },
      source: 'statfin',
      statfin: { table: '11re', content: 'vaesto' },
      values: [{ area: 'hva-helsinki', year: 2024, value: 684018 }],
    };
    const helsinki = await source().series({
      indicator: statfin,
      areas: [
        { organisationId: 'kunta-091', kind: 'kunta', municipalityCode: '091' },
        { organisationId: 'hva-helsinki', kind: 'hyvinvointialue', hvaCode: '90' },
      ],
      years: [2021, 2022, 2023, 2024, 2025],
    });
    expect(helsinki[0]).toMatchObject({
      area: 'kunta-091',
      source: 'statfin',
      fetchedAt: START,
      title: { fi: 'Väestö 31.12.' },
      decimals: 0,
    });
    expect(helsinki[0]?.points.map((point) => point.value)).toEqual([658457, 664028, 674500, 684018, 694392]);
    // The table has no HV90 area code, so the county comes from the snapshot.
    expect(helsinki[1]).toEqual({
      indicatorId: 'vaesto-px',
      area: 'hva-helsinki',
      points: [{ year: 2024, value: 684018 }],
      source: 'snapshot',
    });

    const cities = await source().series({
      indicator: statfin,
      areas: ['049', '091', '092'].map((code) => ({
        organisationId: `kunta-${code}`,
        kind: 'kunta',
        municipalityCode: code,
      })),
      years: [2025],
    });
    expect(cities.map((one) => one.points[0]?.value)).toEqual([325716, 694392, 252956]);
    expect(
      server.requests.filter((req) => req.method === 'GET' && req.url.pathname.startsWith(PXWEB_PREFIX)),
    ).toHaveLength(1);
    expect(server.requests.filter((req) => req.method === 'POST')).toHaveLength(2);
  });

  it('falls back to the snapshot for a StatFin table it cannot use or a missing table reference', async () => {
    const unemployment: IndicatorDescriptor = {
      id: 'tyottomyys',
      name: { fi: 'Työttömyysaste' },
      source: 'statfin',
      statfin: { table: '135z', content: 'Tyottomyysaste' },
      values: [{ area: 'kunta-179', year: 2022, value: 11.2 }],
    };
    const areas = keskiSuomi.slice(1, 2);
    expect(await source().series({ indicator: unemployment, areas, years: YEARS })).toEqual([
      {
        indicatorId: 'tyottomyys',
        area: 'kunta-179',
        points: [{ year: 2022, value: 11.2 }],
        source: 'snapshot',
      },
    ]);
    const { statfin: _statfin, ...noTable } = unemployment;
    expect((await source().series({ indicator: noTable, areas, years: YEARS }))[0]?.source).toBe('snapshot');
    expect(warnings.map((warning) => warning.details.code)).toEqual([
      'INDICATOR_UNSUPPORTED',
      'INDICATOR_UNSUPPORTED',
    ]);
  });

  it('still answers from the source when the store fails', async () => {
    const failing = new Proxy(store, {
      get: (target, property, receiver) =>
        property === 'get' || property === 'put'
          ? () => Promise.reject(new Error('store down'))
          : Reflect.get(target, property, receiver),
    });
    const series = await source({ store: failing }).series(request());
    expect(series[1]).toMatchObject({
      source: 'sotkanet',
      points: [{ value: 143420 }, { value: 144473 }, { value: 145887 }],
    });
    expect(warnings.length).toBeGreaterThan(0);
  });
});
