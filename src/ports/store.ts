/**
 * The Store port: the one persistence contract of the bot. Two adapters implement it
 * (adapters/redis for production and several instances, adapters/file as the embedded
 * default) and one contract suite (tests/contracts/store.contract.ts) runs against both.
 *
 * Every method that resolves has made its effect durable: a caller may acknowledge the
 * result to a user, and it survives a crash of the bot process.
 *
 * Keys are plain strings chosen by the use-cases, e.g. `action:ank-2026-014`.
 * Values are JSON-serialisable.
 */
export interface Versioned<T> {
  readonly value: T;
  /** Starts at 1 on create and grows by one on every write. */
  readonly version: number;
}

/** Change to a sorted index, applied atomically together with a `put`/`delete`. */
export type IndexChange =
  | { readonly op: 'add'; readonly index: string; readonly member: string; readonly score: number }
  | { readonly op: 'remove'; readonly index: string; readonly member: string };

export interface PutOptions {
  /**
   * Optimistic concurrency: `0` means "must not exist yet"; a positive number means
   * "must currently be at this version". Omitted: write unconditionally.
   */
  readonly expectedVersion?: number;
  /** Index changes applied in the same atomic step as the write. */
  readonly indexes?: readonly IndexChange[];
}

export interface RangeQuery {
  /** Inclusive score bounds; default -Infinity..+Infinity. */
  readonly min?: number;
  readonly max?: number;
  readonly offset?: number;
  readonly limit?: number;
  /** Highest score first. */
  readonly reverse?: boolean;
}

export interface IndexEntry {
  readonly member: string;
  readonly score: number;
}

export interface AuditEntry {
  /** Milliseconds since the epoch, assigned by the caller (injected clock). */
  readonly at: number;
  readonly actor: string;
  readonly event: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface Store {
  get<T>(key: string): Promise<Versioned<T> | undefined>;
  getMany<T>(keys: readonly string[]): Promise<(Versioned<T> | undefined)[]>;
  /** Resolves with the new version; rejects with `StoreConflictError` on a version mismatch. */
  put<T>(key: string, value: T, options?: PutOptions): Promise<number>;
  /** Resolves true when something was deleted; honours `expectedVersion` like `put`. */
  delete(key: string, options?: PutOptions): Promise<boolean>;

  /** Members of a sorted index by score (ties by member, ascending). */
  range(index: string, query?: RangeQuery): Promise<IndexEntry[]>;
  count(index: string, min?: number, max?: number): Promise<number>;

  /** Atomically adds one and returns the new value (first call returns 1). */
  increment(counter: string): Promise<number>;

  /**
   * Exactly-once work: true for the one caller that claims `key` first; false for every
   * other caller until the claim expires after `ttlMs`.
   */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a claim back, e.g. when the claimed work failed and may be retried. */
  releaseClaim(key: string): Promise<void>;

  /**
   * Context that may be forgotten after a while (e.g. the region a user last asked about): a
   * plain value with no version or index, gone `ttlMs` after it was last put.
   */
  putExpiring<T>(key: string, value: T, ttlMs: number): Promise<void>;
  getExpiring<T>(key: string): Promise<T | undefined>;

  /** Append-only log per stream, oldest first. */
  appendAudit(stream: string, entry: AuditEntry): Promise<void>;
  readAudit(stream: string, limit?: number): Promise<AuditEntry[]>;

  /** Resolves when the backend is reachable; rejects with the reason otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class StoreConflictError extends Error {
  readonly code = 'STORE_CONFLICT';
  constructor(
    readonly key: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`version conflict on ${key}: expected ${expected}, found ${actual}`);
    this.name = 'StoreConflictError';
  }
}

export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
