/**
 * One parsed file against the schema, item by item: a broken item is reported and left out,
 * the rest of the file still counts, so every problem of every file shows up in one run.
 */
import { z } from 'zod';
import { describeZodIssue, valueAt } from './describe-zod-issue';
import type { IssueCollector, IssuePath } from './issues';
import type { ParsedDocument } from './parse-document';
import { ITEM_SCHEMAS, localisedTextSchema, TOP_LEVEL_FIELDS } from './schema';
import { nearest } from './suggest';
import { REGISTRY_LISTS, type RegistryItems, type RegistryList } from './types';

/** An item and where it was written: `file`, at `list[index]`. */
export interface Sourced<T> {
  readonly item: T;
  readonly file: string;
  readonly index: number;
}

export type SourcedLists = { [L in RegistryList]: Sourced<RegistryItems[L]>[] };
export type IdSets = { [L in RegistryList]: Set<string> };

export interface FileContent {
  readonly file: string;
  /** As written; undefined when the file does not say. */
  readonly version: unknown;
  readonly timeZone: unknown;
  readonly lists: SourcedLists;
  /** Ids of items that failed validation: references to them are not also reported as unknown. */
  readonly invalidIds: IdSets;
}

const SCHEMAS: { [L in RegistryList]: z.ZodType<RegistryItems[L]> } = ITEM_SCHEMAS;
const TOP_LEVEL_KEYS: readonly string[] = [...TOP_LEVEL_FIELDS, ...REGISTRY_LISTS];

export function emptyLists(): SourcedLists {
  return {
    regions: [],
    organisations: [],
    people: [],
    interfaces: [],
    responsibilities: [],
    forums: [],
    meetings: [],
    agreements: [],
    goals: [],
    indicators: [],
  };
}

export function emptyIdSets(): IdSets {
  return {
    regions: new Set(),
    organisations: new Set(),
    people: new Set(),
    interfaces: new Set(),
    responsibilities: new Set(),
    forums: new Set(),
    meetings: new Set(),
    agreements: new Set(),
    goals: new Set(),
    indicators: new Set(),
  };
}

export function validateFile(doc: ParsedDocument, issues: IssueCollector): FileContent {
  const content = {
    file: doc.file,
    version: undefined as unknown,
    timeZone: undefined as unknown,
    lists: emptyLists(),
    invalidIds: emptyIdSets(),
  };
  const { data, file } = doc;
  if (data === undefined || data === null) {
    issues.warn({ code: 'REGISTRY_EMPTY_FILE', file, path: [], message: 'the file is empty' });
    return content;
  }
  if (!isMapping(data)) {
    issues.error({
      code: 'REGISTRY_NOT_A_MAPPING',
      file,
      path: [],
      message: `the file must be a mapping of top-level fields (version, regions, organisations, ...), not ${
        Array.isArray(data) ? 'a list' : 'a single value'
      }`,
    });
    return content;
  }

  content.version = data.version;
  content.timeZone = data.timeZone;
  for (const key of Object.keys(data)) {
    if (!TOP_LEVEL_KEYS.includes(key)) warnIfTypo(key, TOP_LEVEL_KEYS, file, [key], issues);
  }
  for (const list of REGISTRY_LISTS) {
    if (data[list] !== undefined) validateList(list, data[list], doc, content, issues);
  }
  return content;
}

function validateList<L extends RegistryList>(
  list: L,
  items: unknown,
  doc: ParsedDocument,
  content: { lists: SourcedLists; invalidIds: IdSets },
  issues: IssueCollector,
): void {
  const { file } = doc;
  if (!Array.isArray(items)) {
    issues.error({
      code: 'REGISTRY_INVALID_VALUE',
      file,
      path: [list],
      message: `must be a list (one "- " item per line), got ${isMapping(items) ? 'a mapping' : 'a single value'}`,
    });
    return;
  }
  const schema = SCHEMAS[list];
  items.forEach((item: unknown, index) => {
    const path: IssuePath = [list, index];
    warnUnknownFields(item, ITEM_SCHEMAS[list], path, file, issues);
    const result = schema.safeParse(item);
    if (result.success) {
      content.lists[list].push({ item: result.data, file, index });
      return;
    }
    if (isMapping(item) && typeof item.id === 'string') content.invalidIds[list].add(item.id);
    for (const issue of result.error.issues) {
      const issuePath = issue.path.filter(
        (segment): segment is string | number => typeof segment !== 'symbol',
      );
      const described = describeZodIssue(issue, valueAt(item, issuePath));
      issues.error({ code: 'REGISTRY_INVALID_VALUE', file, path: [...path, ...issuePath], ...described });
    }
  });
}

/**
 * Unknown fields are allowed (users may add their own), but one a letter away from a known field
 * is most likely a typo that would silently drop the value, so it is worth a warning.
 */
function warnUnknownFields(
  value: unknown,
  schema: z.ZodType,
  path: IssuePath,
  file: string,
  issues: IssueCollector,
): void {
  // Other languages than fi, sv and en are legitimate in localised texts (e.g. se).
  if (schema === localisedTextSchema) return;
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && isMapping(value)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    const known = Object.keys(shape);
    for (const [key, item] of Object.entries(value)) {
      const fieldSchema = shape[key];
      if (fieldSchema) warnUnknownFields(item, fieldSchema, [...path, key], file, issues);
      else warnIfTypo(key, known, file, [...path, key], issues);
    }
  } else if (inner instanceof z.ZodArray && Array.isArray(value)) {
    const element = inner.element as z.ZodType;
    value.forEach((item: unknown, index) => warnUnknownFields(item, element, [...path, index], file, issues));
  }
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault)
      current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) {
      current = (current.out instanceof z.ZodTransform ? current.in : current.out) as z.ZodType;
    } else return current;
  }
}

function warnIfTypo(
  key: string,
  known: readonly string[],
  file: string,
  path: IssuePath,
  issues: IssueCollector,
): void {
  const suggestion = nearest(key, known);
  if (suggestion === undefined) return;
  issues.warn({
    code: 'REGISTRY_UNKNOWN_FIELD',
    file,
    path,
    message: `unknown field "${key}" is kept but not used`,
    suggestion,
  });
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}
