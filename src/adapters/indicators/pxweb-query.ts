/**
 * Builds a PxWeb v1 data query from a table's metadata. The area, time and content variables are
 * recognised by what survived the June 2026 renaming (code prefix `alue`, `time: true` or
 * `timeperiod_*`, `contentscode`) and by their texts (Alue, Vuosi, Tiedot), so both the old and
 * the versioned codes work.
 */
import { IndicatorSourceError } from './indicator-errors';
import type { PxTableMetadata, PxVariable } from './pxweb-client';

export interface PxSelection {
  readonly code: string;
  readonly selection: { readonly filter: 'item'; readonly values: readonly string[] };
}

export interface PxQueryBody {
  readonly query: readonly PxSelection[];
  readonly response: { readonly format: 'json-stat2' };
}

export interface PxQuerySpec {
  /** See StatfinTableRef.content. */
  readonly content?: string;
  readonly filters?: Readonly<Record<string, string>>;
  /** PxWeb area codes wanted, e.g. `KU179`, `SSS`. */
  readonly areaCodes: readonly string[];
  readonly years: readonly number[];
}

export interface PxQueryPlan {
  readonly body: PxQueryBody;
  readonly areaVariable: string;
  readonly timeVariable: string;
  readonly contentCode: string;
  readonly contentText: string;
  /** The asked-for area codes the table has; the others cannot come from this table. */
  readonly areaCodes: readonly string[];
}

const AREA_TEXTS = ['alue', 'område', 'area'];
const TIME_TEXTS = ['vuosi', 'år', 'year'];
const CONTENT_TEXTS = ['tiedot', 'uppgifter', 'information'];
/** Statistics Finland's code for "total" in classification variables (and the whole country in Alue). */
const TOTAL_CODE = 'SSS';

const lower = (text: string): string => text.trim().toLocaleLowerCase('fi');

function unsupported(table: string, message: string): IndicatorSourceError {
  return new IndicatorSourceError('INDICATOR_UNSUPPORTED', `StatFin table ${table}: ${message}`);
}

export function findAreaVariable(metadata: PxTableMetadata): PxVariable | undefined {
  return metadata.variables.find(
    (variable) => lower(variable.code).startsWith('alue') || AREA_TEXTS.includes(lower(variable.text)),
  );
}

export function findTimeVariable(metadata: PxTableMetadata): PxVariable | undefined {
  return (
    metadata.variables.find((variable) => variable.time === true) ??
    metadata.variables.find(
      (variable) =>
        lower(variable.code).startsWith('timeperiod_') ||
        TIME_TEXTS.includes(lower(variable.code)) ||
        TIME_TEXTS.includes(lower(variable.text)),
    )
  );
}

export function findContentVariable(metadata: PxTableMetadata): PxVariable | undefined {
  return metadata.variables.find(
    (variable) =>
      lower(variable.code) === 'contentscode' ||
      CONTENT_TEXTS.includes(lower(variable.code)) ||
      CONTENT_TEXTS.includes(lower(variable.text)),
  );
}

/** Exact code, then the code with a dataset prefix added (`vaesto` → `vaerak-vaesto`), then the text. */
function pickContent(table: string, variable: PxVariable, wanted: string | undefined): number {
  if (wanted === undefined) {
    if (variable.values.length === 1) return 0;
    throw unsupported(table, `name the content, one of ${variable.values.join(', ')}`);
  }
  const key = lower(wanted);
  const matchers: ((code: string, text: string) => boolean)[] = [
    (code) => lower(code) === key,
    (code) => lower(code).endsWith(`-${key}`),
    (_code, text) => lower(text) === key,
  ];
  for (const matches of matchers) {
    const hits = variable.values.flatMap((code, i) =>
      matches(code, variable.valueTexts[i] ?? '') ? [i] : [],
    );
    if (hits.length === 1 && hits[0] !== undefined) return hits[0];
    if (hits.length > 1) throw unsupported(table, `content "${wanted}" is ambiguous`);
  }
  throw unsupported(table, `no content "${wanted}"; it has ${variable.values.join(', ')}`);
}

function filterFor(
  filters: Readonly<Record<string, string>>,
  variable: PxVariable,
): { key: string; value: string } | undefined {
  for (const [key, value] of Object.entries(filters)) {
    if (lower(key) === lower(variable.code) || lower(key) === lower(variable.text)) return { key, value };
  }
  return undefined;
}

function valueCode(table: string, variable: PxVariable, wanted: string): string {
  if (variable.values.includes(wanted)) return wanted;
  const byText = variable.valueTexts.findIndex((text) => lower(text) === lower(wanted));
  const code = byText >= 0 ? variable.values[byText] : undefined;
  if (code === undefined) throw unsupported(table, `variable ${variable.text} has no value "${wanted}"`);
  return code;
}

/** Undefined when the table has none of the areas or none of the years: nothing to ask. */
export function planQuery(
  table: string,
  metadata: PxTableMetadata,
  spec: PxQuerySpec,
): PxQueryPlan | undefined {
  const area = findAreaVariable(metadata);
  const time = findTimeVariable(metadata);
  const content = findContentVariable(metadata);
  if (area === undefined) throw unsupported(table, 'no area (Alue) variable');
  if (time === undefined) throw unsupported(table, 'no time variable');
  if (content === undefined) throw unsupported(table, 'no content (Tiedot) variable');
  if (!time.values.some((value) => /^\d{4}$/.test(value))) {
    throw unsupported(table, `time variable ${time.text} is not yearly (${time.values[0] ?? 'empty'}…)`);
  }

  const filters = spec.filters ?? {};
  const used = new Set<string>();
  const areaCodes = spec.areaCodes.filter(
    (code, i, all) => area.values.includes(code) && all.indexOf(code) === i,
  );
  const years = [...new Set(spec.years)].map(String).filter((year) => time.values.includes(year));
  if (areaCodes.length === 0 || years.length === 0) return undefined;
  const contentIndex = pickContent(table, content, spec.content);

  const query: PxSelection[] = [];
  const select = (code: string, values: readonly string[]): void => {
    query.push({ code, selection: { filter: 'item', values } });
  };
  for (const variable of metadata.variables) {
    if (variable === area) select(variable.code, areaCodes);
    else if (variable === time) select(variable.code, years);
    else if (variable === content) select(variable.code, [content.values[contentIndex] ?? '']);
    else {
      const filter = filterFor(filters, variable);
      if (filter !== undefined) {
        used.add(filter.key);
        select(variable.code, [valueCode(table, variable, filter.value)]);
      } else if (variable.values.includes(TOTAL_CODE)) select(variable.code, [TOTAL_CODE]);
      else if (variable.values.length === 1 && variable.values[0] !== undefined)
        select(variable.code, [variable.values[0]]);
      else if (variable.elimination !== true) {
        throw unsupported(
          table,
          `variable ${variable.text} (${variable.code}) needs a value in statfin.filters`,
        );
      }
      // An eliminable variable left out is summed over by PxWeb.
    }
  }
  const unknown = Object.keys(filters).filter((key) => !used.has(key));
  if (unknown.length > 0) throw unsupported(table, `no variable ${unknown.join(', ')} to filter on`);

  return {
    body: { query, response: { format: 'json-stat2' } },
    areaVariable: area.code,
    timeVariable: time.code,
    contentCode: content.values[contentIndex] ?? '',
    contentText: content.valueTexts[contentIndex] ?? '',
    areaCodes,
  };
}
