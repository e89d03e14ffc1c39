/**
 * A sorted index in memory with the ordering of a Redis sorted set: by score, ties by the
 * member's UTF-8 bytes (Redis compares members with memcmp). The sorted array is built lazily
 * on the first read, so replaying a long journal does not pay for ordered inserts.
 */
import type { IndexEntry } from '../../ports/store';

/**
 * UTF-16 code units sort surrogates (U+D800–DFFF, i.e. code points above U+FFFF) before
 * U+E000–FFFF, while UTF-8 bytes sort them after; this ranking restores byte order.
 */
function unitRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

export function compareUtf8(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitRank(x) - unitRank(y);
  }
  return a.length - b.length;
}

function compareEntries(a: IndexEntry, b: IndexEntry): number {
  return a.score - b.score || compareUtf8(a.member, b.member);
}

export class SortedIndex {
  private readonly scores = new Map<string, number>();
  private sorted: IndexEntry[] | undefined;

  get size(): number {
    return this.scores.size;
  }

  add(member: string, score: number): void {
    const previous = this.scores.get(member);
    if (previous === score) return;
    if (previous !== undefined) this.removeSorted({ member, score: previous });
    this.scores.set(member, score);
    if (this.sorted) {
      const entry = { member, score };
      this.sorted.splice(this.position(entry), 0, entry);
    }
  }

  remove(member: string): void {
    const previous = this.scores.get(member);
    if (previous === undefined) return;
    this.scores.delete(member);
    this.removeSorted({ member, score: previous });
  }

  /** Entries in [min, max], sliced by offset/limit after ordering (reversed when asked). */
  range(min: number, max: number, offset: number, limit: number | undefined, reverse: boolean): IndexEntry[] {
    const entries = this.entries();
    const low = this.lowerBound(entries, min);
    const high = this.upperBound(entries, max);
    if (high <= low) return [];
    if (!reverse) {
      const start = low + offset;
      const end = limit === undefined ? high : Math.min(high, start + limit);
      return start < end ? entries.slice(start, end).map((entry) => ({ ...entry })) : [];
    }
    const end = high - offset;
    const start = limit === undefined ? low : Math.max(low, end - limit);
    return start < end
      ? entries
          .slice(start, end)
          .reverse()
          .map((entry) => ({ ...entry }))
      : [];
  }

  count(min: number, max: number): number {
    const entries = this.entries();
    return Math.max(0, this.upperBound(entries, max) - this.lowerBound(entries, min));
  }

  /** All entries, ordered; used to write snapshots. */
  entries(): readonly IndexEntry[] {
    if (!this.sorted) {
      this.sorted = [...this.scores].map(([member, score]) => ({ member, score })).sort(compareEntries);
    }
    return this.sorted;
  }

  private removeSorted(entry: IndexEntry): void {
    if (!this.sorted) return;
    const at = this.position(entry);
    if (this.sorted[at]?.member === entry.member) this.sorted.splice(at, 1);
  }

  /** First position whose entry is not below `entry`. */
  private position(entry: IndexEntry): number {
    const sorted = this.sorted ?? [];
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareEntries(sorted[middle] as IndexEntry, entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** First position with score >= min. */
  private lowerBound(entries: readonly IndexEntry[], min: number): number {
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((entries[middle] as IndexEntry).score < min) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** First position with score > max. */
  private upperBound(entries: readonly IndexEntry[], max: number): number {
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((entries[middle] as IndexEntry).score <= max) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
