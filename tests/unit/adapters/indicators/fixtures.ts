/** Readers of tests/fixtures/indicators and the replay handlers that serve them like the real APIs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Handler, RecordedRequest, Reply } from './replay-server';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'indicators');

export function fixture<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, path), 'utf8')) as T;
}

export interface SotkanetRow {
  readonly indicator: number;
  readonly region: number;
  readonly year: number;
  readonly gender: string;
  readonly value: number;
}

export const SOTKANET_PREFIX = '/rest/1.1';
export const PXWEB_PREFIX = '/PxWeb/api/v1/fi/StatFin';

/** Sotkanet as far as the fixtures go; like the real API, 403 without a User-Agent. */
export function sotkanetHandler(
  rows: readonly SotkanetRow[] = fixture('sotkanet/json-127-2020-2022.json'),
): Handler {
  return (request: RecordedRequest): Reply => {
    if (!request.headers['user-agent']) return { status: 403, text: 'Forbidden' };
    const path = request.url.pathname.slice(SOTKANET_PREFIX.length);
    const params = request.url.searchParams;
    if (path === '/json') {
      const indicator = Number(params.get('indicator'));
      const years = params.getAll('years').map(Number);
      return { json: rows.filter((row) => row.indicator === indicator && years.includes(row.year)) };
    }
    if (path === '/regions') return { json: fixture('sotkanet/regions.json') };
    if (path === '/indicators') return { json: fixture('sotkanet/indicators.json') };
    if (path === '/indicators/186' || path === '/indicators/5074') {
      return { json: fixture(`sotkanet/indicator-${path.slice('/indicators/'.length)}.json`) };
    }
    return { status: 404, text: 'Not Found' };
  };
}

interface PxBody {
  readonly query: readonly {
    readonly code: string;
    readonly selection: { readonly values: readonly string[] };
  }[];
}

function selected(body: PxBody, code: string): string {
  return body.query.find((entry) => entry.code === code)?.selection.values.join(',') ?? '';
}

/** StatFin 11re and 135z; the POST answers the two saved real queries and 400 to anything else. */
export function pxwebHandler(): Handler {
  return (request: RecordedRequest): Reply => {
    const table = request.url.pathname.slice(PXWEB_PREFIX.length + 1);
    if (request.method === 'GET' && table === '11re.px')
      return { json: fixture('pxweb/11re-metadata-GET.json') };
    if (request.method === 'GET' && table === '135z.px')
      return { json: fixture('pxweb/135z-metadata-GET.json') };
    if (request.method === 'POST' && table === '11re.px') {
      const body = JSON.parse(request.body) as PxBody;
      const key = `${selected(body, 'alue_23_20260101')}|${selected(body, 'timeperiod_y')}|${selected(body, 'contentscode')}`;
      if (key === 'KU049,KU091,KU092|2025|vaerak-vaesto')
        return { json: fixture('pxweb/11re-query-three-cities-2025.json') };
      if (key === 'KU091|2021,2022,2023,2024,2025|vaerak-vaesto') {
        return { json: fixture('pxweb/11re-query-helsinki-2021-2025.json') };
      }
      return { status: 400, text: 'Bad Request' };
    }
    return { status: 404, text: 'Not Found' };
  };
}

/** Fast retries for tests. */
export const TEST_HTTP = {
  timeoutMs: 1000,
  maxAttempts: 3,
  baseDelayMs: 5,
  maxDelayMs: 20,
  maxRetryAfterMs: 2000,
};
