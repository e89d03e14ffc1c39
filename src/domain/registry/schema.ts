/**
 * zod schemas of one item of each top-level list of registry format version 1
 * (docs/REGISTRY-FORMAT.md). Objects are loose: fields users add are kept, not rejected.
 * References between items are checked later, over all files merged (cross-references.ts).
 */
import { z } from 'zod';
import {
  AGREEMENT_KINDS,
  BETTER_DIRECTIONS,
  FORUM_KINDS,
  INDICATOR_SOURCES,
  ORGANISATION_KINDS,
  ROLES,
  TARGET_DIRECTIONS,
  type Agreement,
  type Forum,
  type Goal,
  type Indicator,
  type Interface,
  type LocalisedText,
  type Meeting,
  type Organisation,
  type Person,
  type Region,
  type RegistryItems,
  type RegistryList,
  type Responsibility,
} from './types';

export const ID_PATTERN = /^[a-z0-9-]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isIsoDateTimeWithOffset(value: string): boolean {
  const match = ISO_DATE_TIME.exec(value);
  return match !== null && isCalendarDate(match[1] ?? '') && !Number.isNaN(Date.parse(value));
}

const text = z.string().trim().min(1, 'must not be empty');

// Numbers are accepted where a person writing YAML easily forgets the quotes.
const numberAsText = (value: unknown): unknown => (typeof value === 'number' ? String(value) : value);

export const idSchema = z
  .preprocess(numberAsText, z.string())
  .refine((value) => ID_PATTERN.test(value), 'an id may contain only lower-case letters a-z, digits and "-"');

/** A reference to an id; whether it exists is checked over the merged registry. */
const ref = text;

export const localisedTextSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { fi: value } : value),
  z.looseObject(
    { fi: text, sv: text.optional(), en: text.optional() },
    { error: 'must be a text or { fi: ..., sv: ..., en: ... } with fi required' },
  ),
);
const localised = localisedTextSchema;

/** YAML reads an unquoted 077 as the number 77; the code is meant, so pad it back. */
export const municipalityCodeSchema = z.preprocess(
  (value) =>
    (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 999) ||
    (typeof value === 'string' && /^\d{1,2}$/.test(value))
      ? String(value).padStart(3, '0')
      : value,
  z.string().regex(/^\d{3}$/, 'must be a three-digit municipality code in quotes, e.g. "179"'),
);

// A YAML 1.1 document (%YAML 1.1) turns dates into Date objects; the default 1.2 core schema does not.
const dateAsIsoString = (value: unknown, length: number): unknown =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, length) : value;

export const isoDateSchema = z
  .preprocess((value) => dateAsIsoString(value, 10), z.string())
  .refine(isCalendarDate, 'must be a date written YYYY-MM-DD, e.g. 2026-09-01');

export const isoDateTimeSchema = z
  .preprocess((value) => dateAsIsoString(value, 24), z.string())
  .refine(isIsoDateTimeWithOffset, 'must be a date and time with an offset, e.g. 2026-12-10T09:00:00+02:00');

const textList = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(z.preprocess(numberAsText, text)),
);

const clauseId = z.preprocess(numberAsText, text);

export const regionSchema = z.looseObject({
  id: idSchema,
  name: localised,
  wellbeingCounty: ref,
  regionalCouncil: ref.optional(),
});

export const organisationSchema = z.looseObject({
  id: idSchema,
  kind: z.enum(ORGANISATION_KINDS),
  name: localised,
  shortName: localised.optional(),
  aliases: textList.default([]),
  region: ref,
  code: municipalityCodeSchema.optional(),
  municipalities: z.array(municipalityCodeSchema).default([]),
  unit: localised.optional(),
  parent: ref.optional(),
  description: localised.optional(),
});

export const personSchema = z.looseObject({
  id: idSchema,
  name: text,
  title: localised,
  organisation: ref,
  email: text.optional(),
  aadObjectId: text.optional(),
});

const NO_ALIASES = { fi: [], sv: [], en: [] };

/** `{ fi: [...], sv: [...], en: [...] }`, or one plain list that counts for every language. */
export const interfaceAliasesSchema = z.preprocess(
  (value) =>
    typeof value === 'string' || Array.isArray(value) ? { fi: value, sv: value, en: value } : value,
  z.looseObject(
    { fi: textList.default([]), sv: textList.default([]), en: textList.default([]) },
    { error: 'must be a list of words, or { fi: [...], sv: [...], en: [...] }' },
  ),
);

export const interfaceSchema = z.looseObject({
  id: idSchema,
  name: localised,
  aliases: interfaceAliasesSchema.default(NO_ALIASES),
  parent: ref.optional(),
  description: localised.optional(),
});

const basisSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { agreement: value } : value),
  z.looseObject(
    { agreement: ref, clause: clauseId.optional() },
    { error: 'must be { agreement: id, clause: "x" }' },
  ),
);

export const responsibilitySchema = z.looseObject({
  interface: ref,
  region: ref,
  municipalities: z.array(municipalityCodeSchema).optional(),
  organisation: ref,
  person: ref.optional(),
  role: z.enum(ROLES),
  task: localised.optional(),
  forum: ref.optional(),
  basis: basisSchema.optional(),
  deputy: ref.optional(),
  confirmed: isoDateSchema.optional(),
  validUntil: isoDateSchema.optional(),
});

export const forumSchema = z.looseObject({
  id: idSchema,
  name: localised,
  kind: z.enum(FORUM_KINDS),
  region: ref,
  interfaces: z.array(ref).optional(),
  chair: ref.optional(),
  secretaries: z.array(ref).default([]),
  members: z.array(ref).default([]),
  teams: z
    .looseObject({ tenantId: text.optional(), channelId: text.optional(), conversationId: text.optional() })
    .optional(),
  digest: z
    .looseObject({ leadHours: z.number().nonnegative().optional(), indicators: z.array(ref).optional() })
    .optional(),
});

export const meetingSchema = z.looseObject({
  id: idSchema,
  forum: ref,
  title: localised,
  start: isoDateTimeSchema,
  end: isoDateTimeSchema,
  location: localised.optional(),
  agenda: z.array(localised).default([]),
});

export const agreementSchema = z.looseObject({
  id: idSchema,
  title: localised,
  kind: z.enum(AGREEMENT_KINDS),
  parties: z.array(ref),
  signed: isoDateSchema,
  url: text.optional(),
  clauses: z.array(z.looseObject({ id: clauseId, title: localised.optional() })).optional(),
});

export const goalSchema = z.looseObject({
  id: idSchema,
  agreement: ref,
  title: localised,
  interface: ref,
  indicator: ref.optional(),
  target: z
    .looseObject({
      value: z.number().optional(),
      by: isoDateSchema.optional(),
      direction: z.enum(TARGET_DIRECTIONS).optional(),
    })
    .optional(),
});

export const indicatorSchema = z.looseObject({
  id: idSchema,
  name: localised,
  source: z.enum(INDICATOR_SOURCES),
  sotkanetId: z
    .preprocess(
      (value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value),
      z.number().int().positive(),
    )
    .optional(),
  unit: text,
  better: z.enum(BETTER_DIRECTIONS),
  region: ref.optional(),
  values: z.array(z.looseObject({ area: ref, year: z.number().int(), value: z.number() })).default([]),
});

export const ITEM_SCHEMAS = {
  regions: regionSchema,
  organisations: organisationSchema,
  people: personSchema,
  interfaces: interfaceSchema,
  responsibilities: responsibilitySchema,
  forums: forumSchema,
  meetings: meetingSchema,
  agreements: agreementSchema,
  goals: goalSchema,
  indicators: indicatorSchema,
} as const satisfies { [L in RegistryList]: z.ZodType<RegistryItems[L]> };

/** The top-level fields other than the lists. */
export const TOP_LEVEL_FIELDS = ['version', 'timeZone'] as const;

// The domain types name exactly the fields the schemas know: drift between the two fails the build.
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] };
type SameKeys<S extends z.ZodType, D> = [
  Exclude<keyof D, KnownKeys<z.output<S>>>,
  Exclude<KnownKeys<z.output<S>>, keyof D>,
] extends [never, never]
  ? true
  : false;
const _schemasMatchTypes: [
  SameKeys<typeof localisedTextSchema, LocalisedText>,
  SameKeys<typeof regionSchema, Region>,
  SameKeys<typeof organisationSchema, Organisation>,
  SameKeys<typeof personSchema, Person>,
  SameKeys<typeof interfaceSchema, Interface>,
  SameKeys<typeof responsibilitySchema, Responsibility>,
  SameKeys<typeof forumSchema, Forum>,
  SameKeys<typeof meetingSchema, Meeting>,
  SameKeys<typeof agreementSchema, Agreement>,
  SameKeys<typeof goalSchema, Goal>,
  SameKeys<typeof indicatorSchema, Indicator>,
] = [true, true, true, true, true, true, true, true, true, true, true];
