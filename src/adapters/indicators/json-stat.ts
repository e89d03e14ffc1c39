/**
 * A generic json-stat 2.0 dataset reader: `value` is row-major over `id`/`size` (the last
 * dimension varies fastest); `role.geo` and `role.time` name the area and time dimensions.
 */
import { z } from 'zod';
import { IndicatorSourceError } from './indicator-errors';

const categorySchema = z.looseObject({
  index: z.union([z.array(z.string()), z.record(z.string(), z.number().int().nonnegative())]).optional(),
  label: z.record(z.string(), z.string()).optional(),
  unit: z
    .record(z.string(), z.looseObject({ decimals: z.number().int().nonnegative().optional() }))
    .optional(),
});

export const jsonStatSchema = z.looseObject({
  class: z.literal('dataset').optional(),
  label: z.string().optional(),
  updated: z.string().optional(),
  id: z.array(z.string()),
  size: z.array(z.number().int().nonnegative()),
  role: z
    .looseObject({
      time: z.array(z.string()).optional(),
      geo: z.array(z.string()).optional(),
      metric: z.array(z.string()).optional(),
    })
    .optional(),
  dimension: z.record(z.string(), z.looseObject({ label: z.string().optional(), category: categorySchema })),
  value: z.union([z.array(z.number().nullable()), z.record(z.string(), z.number().nullable())]),
});

export type JsonStatDataset = z.output<typeof jsonStatSchema>;

export interface JsonStatCell {
  /** Category code of every dimension, by dimension id. */
  readonly coordinates: Readonly<Record<string, string>>;
  readonly value: number;
}

function bad(message: string): IndicatorSourceError {
  return new IndicatorSourceError('INDICATOR_BAD_RESPONSE', `json-stat dataset: ${message}`);
}

/** Category codes of a dimension in index order. */
export function categoryCodes(dataset: JsonStatDataset, dimensionId: string): string[] {
  const category = dataset.dimension[dimensionId]?.category;
  if (category === undefined) throw bad(`dimension ${dimensionId} is missing`);
  const index = category.index;
  if (Array.isArray(index)) return [...index];
  // json-stat allows a dimension of one category to leave the index out.
  if (index === undefined) return Object.keys(category.label ?? {});
  const codes: string[] = [];
  for (const [code, position] of Object.entries(index)) codes[position] = code;
  if (codes.length !== Object.keys(index).length || codes.some((code) => code === undefined)) {
    throw bad(`dimension ${dimensionId} has gaps in its index`);
  }
  return codes;
}

/** Every non-missing value with its coordinates. */
export function readJsonStat(dataset: JsonStatDataset): JsonStatCell[] {
  const { id: ids, size: sizes } = dataset;
  if (ids.length !== sizes.length) throw bad('id and size differ in length');
  const codes = ids.map((dimensionId, d) => {
    const list = categoryCodes(dataset, dimensionId);
    if (list.length !== sizes[d])
      throw bad(`dimension ${dimensionId} has ${list.length} categories, size says ${sizes[d]}`);
    return list;
  });
  const total = sizes.reduce((product, size) => product * size, 1);
  const entries: [number, number | null][] = Array.isArray(dataset.value)
    ? dataset.value.map((value, position) => [position, value])
    : Object.entries(dataset.value).map(([position, value]) => [Number(position), value]);
  if (Array.isArray(dataset.value) && dataset.value.length !== total) {
    throw bad(`${dataset.value.length} values for ${total} cells`);
  }

  const cells: JsonStatCell[] = [];
  for (const [position, value] of entries) {
    if (value === null) continue;
    if (!Number.isInteger(position) || position < 0 || position >= total)
      throw bad(`value index ${position} out of range`);
    const coordinates: Record<string, string> = {};
    let rest = position;
    for (let d = ids.length - 1; d >= 0; d -= 1) {
      const size = sizes[d] ?? 1;
      coordinates[ids[d] ?? ''] = codes[d]?.[rest % size] ?? '';
      rest = Math.floor(rest / size);
    }
    cells.push({ coordinates, value });
  }
  return cells;
}
