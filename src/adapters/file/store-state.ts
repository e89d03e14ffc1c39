/**
 * The whole content of a file store, in memory. Live writes and recovery change it through the
 * same `apply`, so what a replay rebuilds is what was served before the crash.
 */
import type { IndexOp, Operation } from './operation';
import { encodeOperation } from './operation';
import { SortedIndex } from './sorted-index';

export interface StoredValue {
  readonly json: string;
  readonly version: number;
}

export class StoreState {
  readonly values = new Map<string, StoredValue>();
  readonly indexes = new Map<string, SortedIndex>();
  readonly counters = new Map<string, number>();
  /** Claim key → expiry in ms since the epoch; the claim holds while now <= expiry, as in Redis. */
  readonly claims = new Map<string, number>();
  /** Expiring values: the value holds while now <= expiresAt, as a claim does. */
  readonly expiring = new Map<string, { readonly json: string; readonly expiresAt: number }>();
  /** Stream → entries as JSON text, oldest first. */
  readonly audits = new Map<string, string[]>();

  apply(operation: Operation): void {
    switch (operation.op) {
      case 'put':
        this.values.set(operation.key, { json: operation.json, version: operation.version });
        this.applyIndexes(operation.indexes);
        return;
      case 'delete':
        this.values.delete(operation.key);
        this.applyIndexes(operation.indexes);
        return;
      case 'increment':
        this.counters.set(operation.counter, operation.value);
        return;
      case 'claim':
        this.claims.set(operation.key, operation.expiresAt);
        return;
      case 'release':
        this.claims.delete(operation.key);
        return;
      case 'expiring':
        this.expiring.set(operation.key, { json: operation.json, expiresAt: operation.expiresAt });
        return;
      case 'audit': {
        const entries = this.audits.get(operation.stream);
        if (entries) entries.push(operation.json);
        else this.audits.set(operation.stream, [operation.json]);
        return;
      }
      case 'index':
        this.applyIndexes([[operation.index, operation.member, operation.score]]);
        return;
    }
  }

  /** The state as snapshot records; claims and values that have expired by `now` are left out. */
  snapshot(now: number): string[] {
    const lines: string[] = [];
    for (const [key, { json, version }] of this.values) {
      lines.push(encodeOperation({ op: 'put', key, version, json, indexes: [] }));
    }
    for (const [index, sorted] of this.indexes) {
      for (const { member, score } of sorted.entries())
        lines.push(encodeOperation({ op: 'index', index, member, score }));
    }
    for (const [counter, value] of this.counters)
      lines.push(encodeOperation({ op: 'increment', counter, value }));
    for (const [key, expiresAt] of this.claims) {
      if (now <= expiresAt) lines.push(encodeOperation({ op: 'claim', key, expiresAt }));
    }
    for (const [key, { json, expiresAt }] of this.expiring) {
      if (now <= expiresAt) lines.push(encodeOperation({ op: 'expiring', key, json, expiresAt }));
    }
    for (const [stream, entries] of this.audits) {
      for (const json of entries) lines.push(encodeOperation({ op: 'audit', stream, json }));
    }
    return lines;
  }

  private applyIndexes(changes: readonly IndexOp[]): void {
    for (const [index, member, score] of changes) {
      let sorted = this.indexes.get(index);
      if (score === undefined) {
        sorted?.remove(member);
        if (sorted?.size === 0) this.indexes.delete(index);
        continue;
      }
      if (!sorted) {
        sorted = new SortedIndex();
        this.indexes.set(index, sorted);
      }
      sorted.add(member, score);
    }
  }
}
