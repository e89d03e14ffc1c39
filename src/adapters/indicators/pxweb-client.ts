/**
 * Statistics Finland's PxWeb API v1 (StatFin): table metadata by GET, data by POST of a query in
 * json-stat2, in Finnish (codes are the same in every language; the texts are Finnish). Since the June 2026 migration table ids have no `statfin_<dataset>_pxt_` prefix and
 * variable codes are versioned (`alue_23_20260101`), so queries are built from the metadata
 * (pxweb-query.ts), never from remembered codes.
 */
import { z } from 'zod';
import { DEFAULT_HTTP_OPTIONS, requestJson, type HttpOptions } from './http-json';
import { parseResponse } from './parse-response';
import type { PxQueryBody } from './pxweb-query';
import { jsonStatSchema, type JsonStatDataset } from './json-stat';

export const PXWEB_BASE_URL = 'https://pxdata.stat.fi/PxWeb/api/v1';

const variableSchema = z.looseObject({
  code: z.string(),
  text: z.string(),
  values: z.array(z.string()),
  valueTexts: z.array(z.string()),
  time: z.boolean().optional(),
  elimination: z.boolean().optional(),
});

const metadataSchema = z.looseObject({
  title: z.string(),
  variables: z.array(variableSchema),
});

export type PxVariable = z.output<typeof variableSchema>;
export type PxTableMetadata = z.output<typeof metadataSchema>;

export interface PxwebClient {
  metadata(table: string): Promise<PxTableMetadata>;
  query(table: string, body: PxQueryBody): Promise<JsonStatDataset>;
}

export interface PxwebClientOptions {
  readonly baseUrl?: string;
  /** Database under the language, default `StatFin`. */
  readonly database?: string;
  readonly http?: Partial<HttpOptions>;
}

/** `statfin_vaerak_pxt_11re.px` and `11re.px` both name table `11re` after the migration. */
export function normaliseTableId(table: string): string {
  return table
    .trim()
    .replace(/\.px$/i, '')
    .replace(/^statfin_[a-z0-9]+_pxt_/i, '');
}

export function createPxwebClient(options: PxwebClientOptions = {}): PxwebClient {
  const base = (options.baseUrl ?? PXWEB_BASE_URL).replace(/\/+$/, '');
  const http: HttpOptions = { ...DEFAULT_HTTP_OPTIONS, ...options.http };
  const tableUrl = (table: string): string =>
    `${base}/fi/${encodeURIComponent(options.database ?? 'StatFin')}/${encodeURIComponent(
      normaliseTableId(table),
    )}.px`;

  return {
    async metadata(table) {
      const url = tableUrl(table);
      return parseResponse(metadataSchema, await requestJson(url, { method: 'GET' }, http), url);
    },
    async query(table, body) {
      const url = tableUrl(table);
      return parseResponse(jsonStatSchema, await requestJson(url, { method: 'POST', body }, http), url);
    },
  };
}
