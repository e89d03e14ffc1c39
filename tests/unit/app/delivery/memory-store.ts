/**
 * A Store in memory for the send queue's unit tests, where manual time must not wait for real
 * I/O. The real backends are covered by the contract suite and by the scheduler tests.
 */
import type { Clock } from '../../../../src/ports/clock';
import {
  StoreConflictError,
  type AuditEntry,
  type IndexEntry,
  type PutOptions,
  type RangeQuery,
  type Store,
  type Versioned,
} from '../../../../src/ports/store';

export class MemoryStore implements Store {
  private readonly values = new Map<string, { json: string; version: number }>();
  private readonly indexes = new Map<string, Map<string, number>>();
  private readonly counters = new Map<string, number>();
  private readonly claims = new Map<string, number>();
  private readonly expiring = new Map<string, { json: string; expiresAt: number }>();
  private readonly audits = new Map<string, AuditEntry[]>();
  /** Makes every call fail, as a store outage would. */
  down = false;

  constructor(private readonly clock: Clock) {}

  async get<T>(key: string): Promise<Versioned<T> | undefined> {
    this.check();
    const stored = this.values.get(key);
    return stored ? { value: JSON.parse(stored.json) as T, version: stored.version } : undefined;
  }

  async getMany<T>(keys: readonly string[]): Promise<(Versioned<T> | undefined)[]> {
    return Promise.all(keys.map((key) => this.get<T>(key)));
  }

  async put<T>(key: string, value: T, options: PutOptions = {}): Promise<number> {
    this.check();
    const version = this.expect(key, options.expectedVersion) + 1;
    this.values.set(key, { json: JSON.stringify(value), version });
    this.applyIndexes(options);
    return version;
  }

  async delete(key: string, options: PutOptions = {}): Promise<boolean> {
    this.check();
    this.expect(key, options.expectedVersion);
    this.applyIndexes(options);
    return this.values.delete(key);
  }

  async range(index: string, query: RangeQuery = {}): Promise<IndexEntry[]> {
    this.check();
    const { min = -Infinity, max = Infinity, offset = 0, limit = Infinity, reverse = false } = query;
    const entries = [...(this.indexes.get(index) ?? new Map<string, number>())]
      .map(([member, score]) => ({ member, score }))
      .filter((entry) => entry.score >= min && entry.score <= max)
      .sort((a, b) => a.score - b.score || (a.member < b.member ? -1 : 1));
    if (reverse) entries.reverse();
    return entries.slice(offset, offset + limit);
  }

  async count(index: string, min?: number, max?: number): Promise<number> {
    return (
      await this.range(index, {
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
      })
    ).length;
  }

  async increment(counter: string): Promise<number> {
    this.check();
    const next = (this.counters.get(counter) ?? 0) + 1;
    this.counters.set(counter, next);
    return next;
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    this.check();
    const expiresAt = this.claims.get(key);
    if (expiresAt !== undefined && this.clock.now() <= expiresAt) return false;
    this.claims.set(key, this.clock.now() + ttlMs);
    return true;
  }

  async releaseClaim(key: string): Promise<void> {
    this.check();
    this.claims.delete(key);
  }

  async putExpiring<T>(key: string, value: T, ttlMs: number): Promise<void> {
    this.check();
    this.expiring.set(key, { json: JSON.stringify(value), expiresAt: this.clock.now() + ttlMs });
  }

  async getExpiring<T>(key: string): Promise<T | undefined> {
    this.check();
    const stored = this.expiring.get(key);
    return stored && this.clock.now() <= stored.expiresAt ? (JSON.parse(stored.json) as T) : undefined;
  }

  async appendAudit(stream: string, entry: AuditEntry): Promise<void> {
    this.check();
    this.audits.set(stream, [...(this.audits.get(stream) ?? []), entry]);
  }

  async readAudit(stream: string, limit?: number): Promise<AuditEntry[]> {
    this.check();
    return (this.audits.get(stream) ?? []).slice(0, limit);
  }

  async ping(): Promise<void> {
    this.check();
  }

  async close(): Promise<void> {}

  private check(): void {
    if (this.down) throw new Error('store is down');
  }

  private expect(key: string, expected: number | undefined): number {
    const actual = this.values.get(key)?.version ?? 0;
    if (expected !== undefined && expected !== actual) throw new StoreConflictError(key, expected, actual);
    return actual;
  }

  private applyIndexes(options: PutOptions): void {
    for (const change of options.indexes ?? []) {
      const index = this.indexes.get(change.index) ?? new Map<string, number>();
      if (change.op === 'add') index.set(change.member, change.score);
      else index.delete(change.member);
      this.indexes.set(change.index, index);
    }
  }
}
