/**
 * The records of the journal and the snapshot: one JSON line each. A record states the result
 * of an operation (the new version, the counter's new value, the claim's expiry), not the
 * request, so replaying it rebuilds exactly the state that was acknowledged.
 */
export type IndexOp =
  readonly [index: string, member: string] | readonly [index: string, member: string, score: number];

export type Operation =
  | {
      readonly op: 'put';
      readonly key: string;
      readonly version: number;
      readonly json: string;
      readonly indexes: readonly IndexOp[];
    }
  | { readonly op: 'delete'; readonly key: string; readonly indexes: readonly IndexOp[] }
  | { readonly op: 'increment'; readonly counter: string; readonly value: number }
  | { readonly op: 'claim'; readonly key: string; readonly expiresAt: number }
  | { readonly op: 'release'; readonly key: string }
  /** A value that expires (Store.putExpiring). */
  | { readonly op: 'expiring'; readonly key: string; readonly json: string; readonly expiresAt: number }
  | { readonly op: 'audit'; readonly stream: string; readonly json: string }
  /** Snapshot only: one member of a sorted index. */
  | { readonly op: 'index'; readonly index: string; readonly member: string; readonly score: number };

export interface DecodedOperation {
  /** Log sequence number; journal records have one, snapshot records do not. */
  readonly lsn: number | undefined;
  readonly operation: Operation;
}

/** Values and audit entries are embedded as their stored JSON text, not encoded twice. */
export function encodeOperation(operation: Operation, lsn?: number): string {
  const head = lsn === undefined ? '{' : `{"lsn":${lsn},`;
  switch (operation.op) {
    case 'put':
      return `${head}"op":"put","key":${JSON.stringify(operation.key)},"version":${operation.version},"indexes":${JSON.stringify(operation.indexes)},"value":${operation.json}}`;
    case 'expiring':
      return `${head}"op":"expiring","key":${JSON.stringify(operation.key)},"expiresAt":${operation.expiresAt},"value":${operation.json}}`;
    case 'audit':
      return `${head}"op":"audit","stream":${JSON.stringify(operation.stream)},"entry":${operation.json}}`;
    default:
      return head + JSON.stringify(operation).slice(1);
  }
}

type Fields = Record<string, unknown>;

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function isIndexOp(value: unknown): value is IndexOp {
  if (!Array.isArray(value) || !isString(value[0]) || !isString(value[1])) return false;
  return value.length === 2 || (value.length === 3 && isFiniteNumber(value[2]));
}

function indexOps(value: unknown): readonly IndexOp[] | undefined {
  return Array.isArray(value) && value.every(isIndexOp) ? value : undefined;
}

function operationOf(fields: Fields): Operation | undefined {
  switch (fields.op) {
    case 'put': {
      const indexes = indexOps(fields.indexes);
      if (!isString(fields.key) || !isCount(fields.version) || !indexes || !('value' in fields))
        return undefined;
      return {
        op: 'put',
        key: fields.key,
        version: fields.version,
        json: JSON.stringify(fields.value),
        indexes,
      };
    }
    case 'delete': {
      const indexes = indexOps(fields.indexes);
      return isString(fields.key) && indexes ? { op: 'delete', key: fields.key, indexes } : undefined;
    }
    case 'increment':
      return isString(fields.counter) && isCount(fields.value)
        ? { op: 'increment', counter: fields.counter, value: fields.value }
        : undefined;
    case 'claim':
      return isString(fields.key) && isFiniteNumber(fields.expiresAt)
        ? { op: 'claim', key: fields.key, expiresAt: fields.expiresAt }
        : undefined;
    case 'release':
      return isString(fields.key) ? { op: 'release', key: fields.key } : undefined;
    case 'expiring':
      return isString(fields.key) && isFiniteNumber(fields.expiresAt) && 'value' in fields
        ? { op: 'expiring', key: fields.key, json: JSON.stringify(fields.value), expiresAt: fields.expiresAt }
        : undefined;
    case 'audit':
      return isString(fields.stream) && typeof fields.entry === 'object' && fields.entry !== null
        ? { op: 'audit', stream: fields.stream, json: JSON.stringify(fields.entry) }
        : undefined;
    case 'index':
      return isString(fields.index) && isString(fields.member) && isFiniteNumber(fields.score)
        ? { op: 'index', index: fields.index, member: fields.member, score: fields.score }
        : undefined;
    default:
      return undefined;
  }
}

/** Undefined for anything that is not a whole, well-formed record (e.g. a torn write). */
export function decodeOperation(line: string): DecodedOperation | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const fields = parsed as Fields;
  if (fields.lsn !== undefined && !isCount(fields.lsn)) return undefined;
  const operation = operationOf(fields);
  return operation && { lsn: fields.lsn as number | undefined, operation };
}
