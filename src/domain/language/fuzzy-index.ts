/**
 * Typo lookup by the symmetric-deletion method: every key is stored under the strings left
 * after deleting up to its allowed number of letters, and a query looks up its own deletions.
 * Two words within edit distance d share such a string, so a search costs a few dozen map
 * lookups instead of a scan over all keys. Candidates are confirmed with a real edit distance,
 * in which swapping two adjacent letters (a common typo: "Jyväskylsä") counts as one edit.
 *
 * The deletions are stored by a hash, not as strings, and a bucket of one key as the bare
 * number: a registry's names give tens of thousands of deletions, and as strings and arrays
 * they were a fifth of the objects in the bot's heap, which every full collection walks. A hash
 * collision only adds a candidate, and every candidate is confirmed by its edit distance.
 */
import { distance } from 'fastest-levenshtein';

export interface FuzzyHit<T> {
  readonly key: string;
  readonly value: T;
  readonly distance: number;
}

interface Entry<T> {
  readonly key: string;
  readonly value: T;
  readonly maxDistance: number;
}

/** The strings left after deleting up to `depth` letters from `word`, the word included. */
export function deletions(word: string, depth: number): Set<string> {
  const found = new Set<string>([word]);
  let frontier = [word];
  for (let level = 0; level < depth; level += 1) {
    const next: string[] = [];
    for (const current of frontier) {
      for (let i = 0; i < current.length; i += 1) {
        const shorter = current.slice(0, i) + current.slice(i + 1);
        if (!found.has(shorter)) {
          found.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return found;
}

/** 30-bit FNV-1a over UTF-16 code units: a small integer, stored in a Map without a heap object. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash & 0x3fffffff;
}

function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let first = 0;
  while (first < a.length && a.charAt(first) === b.charAt(first)) first += 1;
  return (
    first < a.length - 1 &&
    a.charAt(first) === b.charAt(first + 1) &&
    a.charAt(first + 1) === b.charAt(first) &&
    a.slice(first + 2) === b.slice(first + 2)
  );
}

/** Levenshtein distance, except that one swap of adjacent letters counts as a single edit. */
export function typoDistance(a: string, b: string): number {
  const edits = distance(a, b);
  return edits === 2 && isAdjacentSwap(a, b) ? 1 : edits;
}

export class FuzzyIndex<T> {
  private readonly entries: Entry<T>[] = [];
  /** Hash of a deletion -> index of the entry (most buckets) or indices of the entries. */
  private readonly byDeletion = new Map<number, number | readonly number[]>();
  private deepest = 0;

  /** Adds a key that may be found with up to `maxDistance` edits (0 stores it for exact lookup only). */
  add(key: string, value: T, maxDistance: number): void {
    const index = this.entries.length;
    this.entries.push({ key, value, maxDistance });
    this.deepest = Math.max(this.deepest, maxDistance);
    for (const variant of deletions(key, maxDistance)) {
      const hash = hashOf(variant);
      const bucket = this.byDeletion.get(hash);
      // New arrays of the exact length: push would leave room for 16 more in every bucket.
      if (bucket === undefined) this.byDeletion.set(hash, index);
      else if (typeof bucket === 'number') {
        if (bucket !== index) this.byDeletion.set(hash, [bucket, index]);
      } else if (!bucket.includes(index)) this.byDeletion.set(hash, [...bucket, index]);
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** Keys within `maxDistance` of the query and within their own allowed distance, closest first. */
  search(query: string, maxDistance: number = this.deepest): FuzzyHit<T>[] {
    const limit = Math.min(maxDistance, this.deepest);
    const seen = new Set<number>();
    const hits: FuzzyHit<T>[] = [];
    const consider = (index: number): void => {
      if (seen.has(index)) return;
      seen.add(index);
      const entry = this.entries[index];
      if (
        entry === undefined ||
        Math.abs(entry.key.length - query.length) > Math.min(limit, entry.maxDistance)
      )
        return;
      const found = typoDistance(query, entry.key);
      if (found <= Math.min(limit, entry.maxDistance))
        hits.push({ key: entry.key, value: entry.value, distance: found });
    };
    for (const variant of deletions(query, limit)) {
      const bucket = this.byDeletion.get(hashOf(variant));
      if (bucket === undefined) continue;
      if (typeof bucket === 'number') consider(bucket);
      else for (const index of bucket) consider(index);
    }
    return hits.sort((a, b) => a.distance - b.distance);
  }
}
