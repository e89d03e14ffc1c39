/**
 * Checks of Store arguments, shared by both adapters (the Redis adapter imports them from here)
 * so that a bad argument fails the same way on either backend and never reaches the disk or
 * the server. The contract suite holds both backends to these rules.
 */
import type { IndexChange, RangeQuery } from '../ports/store';

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

export interface NormalizedRange extends Bounds {
  readonly offset: number;
  /** Undefined means "all". */
  readonly limit: number | undefined;
  readonly reverse: boolean;
}

/** JSON text of a value; what both backends store, so values round-trip identically. */
export function serialize(value: unknown, what = 'value'): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError(`${what} is not JSON-serialisable`);
  return json;
}

export function checkExpectedVersion(expected: number | undefined): void {
  if (expected !== undefined && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new RangeError(`expectedVersion must be a non-negative integer, got ${String(expected)}`);
  }
}

/** Redis stores scores as doubles and formats -0 as 0; the file backend does the same. */
export function checkScore(score: number): number {
  if (typeof score !== 'number' || !Number.isFinite(score)) {
    throw new RangeError(`index score must be a finite number, got ${String(score)}`);
  }
  return score === 0 ? 0 : score;
}

export function checkIndexChanges(changes: readonly IndexChange[] | undefined): readonly IndexChange[] {
  if (!changes) return [];
  return changes.map((change) => {
    if (change.op === 'add') return { ...change, score: checkScore(change.score) };
    if (change.op === 'remove') return change;
    throw new TypeError(`unknown index change ${JSON.stringify(change)}`);
  });
}

export function checkBounds(min = -Infinity, max = Infinity): Bounds {
  if (Number.isNaN(min) || Number.isNaN(max)) throw new RangeError('score bounds must be numbers');
  return { min, max };
}

function checkCount(value: number | undefined, what: string): number | undefined {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
    throw new RangeError(`${what} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

export function normalizeRange(query: RangeQuery = {}): NormalizedRange {
  return {
    ...checkBounds(query.min, query.max),
    offset: checkCount(query.offset, 'offset') ?? 0,
    limit: checkCount(query.limit, 'limit'),
    reverse: query.reverse === true,
  };
}

export function checkLimit(limit: number | undefined): number | undefined {
  return checkCount(limit, 'limit');
}

/** Redis PX takes whole milliseconds; round up so a claim never ends early. */
export function checkTtl(ttlMs: number): number {
  if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`ttlMs must be a positive number, got ${String(ttlMs)}`);
  }
  return Math.ceil(ttlMs);
}
