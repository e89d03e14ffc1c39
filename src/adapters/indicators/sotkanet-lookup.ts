/**
 * Sotkanet's own ids for regions and indicators, looked up from the official codes and titles
 * the registry uses. Sotkanet has renumbered its wellbeing county regions once already, so the
 * ids are read from `/regions` rather than kept in the code.
 */
import { IndicatorSourceError } from './indicator-errors';

/** The part of a `/regions` row the mapping needs; small enough to cache. */
export interface RegionRef {
  readonly id: number;
  readonly code: string;
  readonly category: string;
}

export const MUNICIPALITY_CATEGORY = 'KUNTA';
export const WELLBEING_COUNTY_CATEGORY = 'HYVINVOINTIALUE';

const CODE_WIDTH: Readonly<Record<string, number>> = {
  [MUNICIPALITY_CATEGORY]: 3,
  [WELLBEING_COUNTY_CATEGORY]: 2,
};

function normaliseCode(category: string, code: string): string {
  const trimmed = code.trim();
  const width = CODE_WIDTH[category];
  return width !== undefined && /^\d+$/.test(trimmed) ? trimmed.padStart(width, '0') : trimmed;
}

export interface RegionIndex {
  /** Sotkanet region id of a municipality code such as `"179"` or `"91"`. */
  municipality(code: string): number | undefined;
  /** Sotkanet region id of a wellbeing services county code such as `"08"`. */
  wellbeingCounty(code: string): number | undefined;
  /** Category and official code of a Sotkanet region id. */
  describe(regionId: number): { readonly category: string; readonly code: string } | undefined;
}

export function indexRegions(regions: readonly RegionRef[]): RegionIndex {
  const byCode = new Map<string, number>();
  const byId = new Map<number, { category: string; code: string }>();
  for (const region of regions) {
    const category = region.category.toUpperCase();
    const code = normaliseCode(category, region.code);
    byCode.set(`${category}:${code}`, region.id);
    byId.set(region.id, { category, code });
  }
  const find = (category: string, code: string): number | undefined =>
    byCode.get(`${category}:${normaliseCode(category, code)}`);
  return {
    municipality: (code) => find(MUNICIPALITY_CATEGORY, code),
    wellbeingCounty: (code) => find(WELLBEING_COUNTY_CATEGORY, code),
    describe: (regionId) => byId.get(regionId),
  };
}

/** The part of an `/indicators` row the title lookup needs. */
export interface IndicatorTitleRef {
  readonly id: number;
  readonly title: { readonly fi: string; readonly sv?: string; readonly en?: string };
}

/** Case, Unicode form, dash kind and spacing differ between copies of the same title. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFC')
    .toLocaleLowerCase('fi')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The id of the one indicator whose fi, sv or en title equals `title` after normalising.
 * No match and several matches both fail: a near miss could silently show the wrong figure.
 */
export function findIndicatorByTitle(list: readonly IndicatorTitleRef[], title: string): number {
  const wanted = normaliseTitle(title);
  const ids = new Set<number>();
  for (const indicator of list) {
    const titles = [indicator.title.fi, indicator.title.sv, indicator.title.en];
    if (titles.some((candidate) => candidate !== undefined && normaliseTitle(candidate) === wanted)) {
      ids.add(indicator.id);
    }
  }
  const [first, ...rest] = [...ids];
  if (first === undefined) {
    throw new IndicatorSourceError('INDICATOR_UNKNOWN', `no Sotkanet indicator is titled "${title}"`);
  }
  if (rest.length > 0) {
    throw new IndicatorSourceError(
      'INDICATOR_UNKNOWN',
      `several Sotkanet indicators are titled "${title}" (${[first, ...rest].join(', ')}); give sotkanetId`,
    );
  }
  return first;
}
