import { DEFAULT_USER_AGENT } from '../../../../src/adapters/indicators/http-json';
import { createSotkanetClient } from '../../../../src/adapters/indicators/sotkanet-client';
import { findIndicatorByTitle, indexRegions } from '../../../../src/adapters/indicators/sotkanet-lookup';
import { fixture, SOTKANET_PREFIX, sotkanetHandler, TEST_HTTP, type SotkanetRow } from './fixtures';
import { startReplayServer, type Handler, type ReplayServer } from './replay-server';

describe('Sotkanet client', () => {
  let server: ReplayServer;
  let handler: Handler;

  beforeEach(async () => {
    handler = sotkanetHandler();
    server = await startReplayServer((request) => handler(request));
  });

  afterEach(async () => {
    await server.close();
  });

  const client = (http: Partial<typeof TEST_HTTP & { userAgent: string }> = {}) =>
    createSotkanetClient({ baseUrl: `${server.url}${SOTKANET_PREFIX}/`, http: { ...TEST_HTTP, ...http } });

  it('asks /json with the indicator, each year as its own `years` parameter and genders=total', async () => {
    const rows = await client({ userAgent: 'test-agent/1.0' }).data(127, [2021, 2022]);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url.pathname).toBe('/rest/1.1/json');
    expect(request?.url.searchParams.get('indicator')).toBe('127');
    expect(request?.url.searchParams.getAll('years')).toEqual(['2021', '2022']);
    expect(request?.url.searchParams.getAll('genders')).toEqual(['total']);
    expect(request?.headers['user-agent']).toBe('test-agent/1.0');

    // Every region comes back; picking Jyväskylä's (placeholder id 100179) is the caller's job.
    expect(rows).toHaveLength(2 * 29);
    expect(rows.filter((row) => row.region === 100179).map((row) => [row.year, row.value])).toEqual([
      [2021, 144473],
      [2022, 145887],
    ]);
  });

  it('sends a User-Agent even when none is configured (Sotkanet answers 403 without one)', async () => {
    await client().regions();
    expect(server.requests[0]?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
  });

  it('accepts rows with extra fields and an absValue, and null values', async () => {
    const rows = fixture<SotkanetRow[]>('sotkanet/json-127-2020-2022.json');
    handler = sotkanetHandler(
      rows.map((row, i) => ({
        ...row,
        absValue: row.value,
        quality: 'ok',
        ...(i === 0 ? { value: null } : {}),
      })) as never,
    );
    const parsed = await client().data(127, [2020]);
    expect(parsed[0]?.value).toBeNull();
    expect(parsed[1]).toMatchObject({ region: 960, value: 656920, absValue: 656920 });
  });

  it('rejects an answer whose shape changed, naming the field', async () => {
    handler = () => ({ json: [{ indicator: 127, region: 965, year: '2022', gender: 'total', value: 1 }] });
    await expect(client().data(127, [2022])).rejects.toMatchObject({
      code: 'INDICATOR_BAD_RESPONSE',
      message: expect.stringContaining('0.year'),
    });
  });

  it('parses the real indicator metadata of 186 and 5074', async () => {
    const mortality = await client().indicator(186);
    expect(mortality.title).toMatchObject({
      fi: 'Kuolleisuus / 100 000 asukasta',
      sv: 'Dödlighet / 100 000 invånare',
    });
    expect(mortality.decimals).toBe(1);
    expect(mortality.range).toEqual({ start: 1990, end: 2024 });
    expect(mortality.primaryValueType?.code).toBe('PER100000');
    expect(server.requests[0]?.url.pathname).toBe('/rest/1.1/indicators/186');

    const complications = await client().indicator(5074);
    expect(complications.organization?.title.fi).toBe('Terveyden ja hyvinvoinnin laitos (THL)');
    expect(complications.classifications?.sex?.values).toEqual(['total']);
  });

  it('maps municipality and wellbeing county codes to Sotkanet region ids and back', async () => {
    const index = indexRegions(await client().regions());
    expect(index.municipality('179')).toBe(100179);
    expect(index.municipality('91')).toBe(100091);
    expect(index.wellbeingCounty('15')).toBe(965);
    expect(index.wellbeingCounty('8')).toBe(970);
    expect(index.wellbeingCounty('90')).toBe(960);
    // Maakunta Keski-Suomi also has code 13: the category decides.
    expect(index.wellbeingCounty('13')).toBe(974);
    expect(index.municipality('999')).toBeUndefined();
    expect(index.describe(965)).toEqual({ category: 'HYVINVOINTIALUE', code: '15' });
    expect(index.describe(100992)).toEqual({ category: 'KUNTA', code: '992' });
  });

  it('resolves an indicator id by its title in any language, refusing near misses and ties', async () => {
    const list = await client().indicators();
    expect(findIndicatorByTitle(list, 'Väestö 31.12.')).toBe(127);
    expect(findIndicatorByTitle(list, '  VÄESTÖ  31.12. ')).toBe(127);
    expect(findIndicatorByTitle(list, 'Dödlighet / 100 000 invånare')).toBe(186);
    expect(findIndicatorByTitle(list, '0-6-vuotiaat, % väestöstä')).toBe(7);
    expect(() => findIndicatorByTitle(list, 'Väestö')).toThrow(
      expect.objectContaining({ code: 'INDICATOR_UNKNOWN' }),
    );
    const tie = [...list, { id: 9999, title: { fi: 'Väestö 31.12.' } }];
    expect(() => findIndicatorByTitle(tie, 'Väestö 31.12.')).toThrow(/127, 9999/);
  });

  it('retries 503 twice and then succeeds', async () => {
    const fixtureHandler = handler;
    handler = (request) =>
      server.requests.length <= 2 ? { status: 503, text: 'busy' } : fixtureHandler(request);
    const rows = await client().data(127, [2022]);
    expect(server.requests).toHaveLength(3);
    expect(rows).toHaveLength(29);
  });

  it('waits for Retry-After on 429', async () => {
    const fixtureHandler = handler;
    handler = (request) =>
      server.requests.length === 1
        ? { status: 429, headers: { 'retry-after': '1' } }
        : fixtureHandler(request);
    const started = Date.now();
    await client().regions();
    const elapsed = Date.now() - started;
    expect(server.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
  });

  it('does not retry 404', async () => {
    await expect(client().indicator(424242)).rejects.toMatchObject({
      code: 'INDICATOR_HTTP_STATUS',
      details: { status: 404 },
      unreachable: false,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after the bounded attempts on a server that stays down', async () => {
    handler = () => ({ status: 502 });
    await expect(client({ maxAttempts: 4 }).regions()).rejects.toMatchObject({
      code: 'INDICATOR_HTTP_STATUS',
      unreachable: true,
    });
    expect(server.requests).toHaveLength(4);
  });

  it('rejects within the timeout when the server never answers, without retrying', async () => {
    handler = () => 'hang';
    const started = Date.now();
    await expect(client({ timeoutMs: 300 }).data(127, [2022])).rejects.toMatchObject({
      code: 'INDICATOR_TIMEOUT',
      unreachable: true,
    });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1500);
    expect(server.requests).toHaveLength(1);
  });
});
