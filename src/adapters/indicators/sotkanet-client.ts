/**
 * THL Sotkanet REST API 1.1 (https://sotkanet.fi/rest/1.1): indicator data, indicator metadata,
 * the indicator list and the regions. What the API is known to answer is in
 * docs/DATA-SOURCES.md; the schemas accept extra fields so that additions do not break us.
 */
import { z } from 'zod';
import type { LocalisedText } from '../../domain/registry/types';
import { DEFAULT_HTTP_OPTIONS, requestJson, type HttpOptions } from './http-json';
import { parseResponse } from './parse-response';

export const SOTKANET_BASE_URL = 'https://sotkanet.fi/rest/1.1';

const localisedSchema = z.looseObject({
  fi: z.string(),
  sv: z.string().optional(),
  en: z.string().optional(),
});

const dataRowSchema = z.looseObject({
  indicator: z.number().int(),
  region: z.number().int(),
  year: z.number().int(),
  gender: z.string(),
  value: z.number().nullable().optional(),
  absValue: z.number().nullable().optional(),
});

const regionSchema = z.looseObject({
  id: z.number().int(),
  code: z.union([z.string(), z.number()]).transform(String),
  category: z.string(),
  title: localisedSchema.optional(),
});

const indicatorSummarySchema = z.looseObject({
  id: z.number().int(),
  title: localisedSchema,
});

const indicatorSchema = z.looseObject({
  id: z.number().int(),
  title: localisedSchema,
  'data-updated': z.string().optional(),
  range: z.looseObject({ start: z.number().int(), end: z.number().int() }).optional(),
  decimals: z.number().int().nonnegative().optional(),
  primaryValueType: z.looseObject({ code: z.string() }).optional(),
  classifications: z
    .looseObject({ sex: z.looseObject({ values: z.array(z.string()) }).optional() })
    .optional(),
  organization: z.looseObject({ id: z.number().int(), title: localisedSchema }).optional(),
});

export type SotkanetDataRow = z.output<typeof dataRowSchema>;
export type SotkanetRegion = z.output<typeof regionSchema>;
export type SotkanetIndicatorSummary = z.output<typeof indicatorSummarySchema>;
export type SotkanetIndicator = z.output<typeof indicatorSchema>;
export type SotkanetGender = 'total' | 'male' | 'female';

/** Only the three languages, without any further keys a title object may carry. */
export function localisedTitle(title: z.output<typeof localisedSchema>): LocalisedText {
  const { fi, sv, en } = title;
  return { fi, ...(sv === undefined ? {} : { sv }), ...(en === undefined ? {} : { en }) };
}

export interface SotkanetClient {
  /** `/json`: every region's rows for the years; the caller picks its regions from them. */
  data(indicatorId: number, years: readonly number[], gender?: SotkanetGender): Promise<SotkanetDataRow[]>;
  /** `/indicators/{id}`. */
  indicator(id: number): Promise<SotkanetIndicator>;
  /** `/indicators`: the whole list (about 2.5 MB); cache what you keep of it. */
  indicators(): Promise<SotkanetIndicatorSummary[]>;
  /** `/regions`. */
  regions(): Promise<SotkanetRegion[]>;
}

export interface SotkanetClientOptions {
  readonly baseUrl?: string;
  readonly http?: Partial<HttpOptions>;
}

export function createSotkanetClient(options: SotkanetClientOptions = {}): SotkanetClient {
  const base = (options.baseUrl ?? SOTKANET_BASE_URL).replace(/\/+$/, '');
  const http: HttpOptions = { ...DEFAULT_HTTP_OPTIONS, ...options.http };
  const get = async <S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> => {
    const url = `${base}${path}`;
    return parseResponse(schema, await requestJson(url, { method: 'GET' }, http), url);
  };

  return {
    data(indicatorId, years, gender = 'total') {
      const query = new URLSearchParams({ indicator: String(indicatorId) });
      for (const year of years) query.append('years', String(year));
      query.append('genders', gender);
      return get(`/json?${query.toString()}`, z.array(dataRowSchema));
    },
    indicator: (id) => get(`/indicators/${encodeURIComponent(String(id))}`, indicatorSchema),
    indicators: () => get('/indicators', z.array(indicatorSummarySchema)),
    regions: () => get('/regions', z.array(regionSchema)),
  };
}
