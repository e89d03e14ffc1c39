/**
 * The best in-order alignment of a phrase's words on a question's words: a beam search that
 * keeps the best few partial alignments after each phrase word. A word may be left unmatched,
 * and between two matched words at most MAX_GAP question words (plus one per skipped phrase
 * word) may lie.
 *
 * It runs for every phrase a question touches, hundreds of times per question on a large
 * registry, so the partial alignments live in reused typed arrays instead of fresh objects:
 * an aligner is not re-entrant, and each matcher owns one.
 */
const MAX_GAP = 2;
/** Enough for phrases of a few words. */
const BEAM = 8;

export class PhraseAligner {
  // Partial alignments ("nodes"): where the last match was, for which phrase word, the sum
  // so far, the content words so far, and the node it extended (-1 for the empty start).
  private last = new Int32Array(256);
  private lastWord = new Int32Array(256);
  private sum = new Float64Array(256);
  private content = new Int32Array(256);
  private parent = new Int32Array(256);
  private size = 0;
  private current = new Int32Array(BEAM);
  private next = new Int32Array(64);

  /** `multiWordBonus`: how much each matched content word after the first adds to a score. */
  constructor(private readonly multiWordBonus: number) {}

  /**
   * The phrase's score at its best alignment: the weighted share of its words matched, times
   * the multi-word bonus; -1 when a phrase word has no weight or no content word matched.
   * `phraseWords` index into `weights`; `hitsAt[i]` maps a word index to its hit quality at
   * question position i. `positions` is filled with the matched question positions, in order.
   */
  score(
    phraseWords: readonly number[],
    weights: readonly { readonly weight: number }[],
    hitsAt: readonly ReadonlyMap<number, number>[],
    positions: number[],
  ): number {
    positions.length = 0;
    const length = hitsAt.length;
    this.size = 0;
    this.current[0] = this.add(-1, -1, 0, 0, -1);
    let currentCount = 1;
    let totalWeight = 0;
    for (let k = 0; k < phraseWords.length; k++) {
      const wordIndex = phraseWords[k] as number;
      const word = weights[wordIndex];
      if (word === undefined) return -1;
      const weight = word.weight;
      totalWeight += weight;
      // Every alignment may also leave this word unmatched, so all of them go on.
      this.reserveNext(currentCount * (length + 1));
      let nextCount = 0;
      for (let i = 0; i < currentCount; i++) this.next[nextCount++] = this.current[i] as number;
      for (let i = 0; i < currentCount; i++) {
        const node = this.current[i] as number;
        const last = this.last[node] as number;
        const skipped = k - (this.lastWord[node] as number) - 1;
        const to = last === -1 ? length - 1 : Math.min(length - 1, last + MAX_GAP + skipped);
        for (let position = last + 1; position <= to; position += 1) {
          const quality = hitsAt[position]?.get(wordIndex);
          if (quality === undefined) continue;
          this.next[nextCount++] = this.add(
            position,
            k,
            (this.sum[node] as number) + weight * quality,
            (this.content[node] as number) + (weight === 1 ? 1 : 0),
            node,
          );
        }
      }
      currentCount = this.keepBest(nextCount);
    }
    let best = -1;
    for (let i = 0; i < currentCount; i++) {
      const node = this.current[i] as number;
      // The first of the highest sums, as a stable sort by sum would put first.
      if ((this.content[node] as number) > 0 && (best === -1 || this.sum[node]! > this.sum[best]!))
        best = node;
    }
    if (best === -1 || totalWeight === 0) return -1;
    for (let node = best; this.parent[node] !== -1; node = this.parent[node] as number)
      positions.push(this.last[node] as number);
    positions.reverse();
    const coverage = (this.sum[best] as number) / totalWeight;
    return coverage * (1 + this.multiWordBonus * ((this.content[best] as number) - 1));
  }

  /** Sorts `next` by sum, highest first and stable, and keeps the first BEAM as `current`. */
  private keepBest(count: number): number {
    const list = this.next;
    for (let i = 1; i < count; i++) {
      const node = list[i] as number;
      const sum = this.sum[node] as number;
      let j = i - 1;
      while (j >= 0 && (this.sum[list[j] as number] as number) < sum) {
        list[j + 1] = list[j] as number;
        j--;
      }
      list[j + 1] = node;
    }
    const kept = Math.min(count, BEAM);
    for (let i = 0; i < kept; i++) this.current[i] = list[i] as number;
    return kept;
  }

  private add(last: number, lastWord: number, sum: number, content: number, parent: number): number {
    if (this.size === this.last.length) this.grow();
    const node = this.size++;
    this.last[node] = last;
    this.lastWord[node] = lastWord;
    this.sum[node] = sum;
    this.content[node] = content;
    this.parent[node] = parent;
    return node;
  }

  private grow(): void {
    const capacity = this.last.length * 2;
    const widen = <A extends Int32Array | Float64Array>(from: A, to: A): A => {
      to.set(from);
      return to;
    };
    this.last = widen(this.last, new Int32Array(capacity));
    this.lastWord = widen(this.lastWord, new Int32Array(capacity));
    this.sum = widen(this.sum, new Float64Array(capacity));
    this.content = widen(this.content, new Int32Array(capacity));
    this.parent = widen(this.parent, new Int32Array(capacity));
  }

  private reserveNext(count: number): void {
    if (this.next.length >= count) return;
    let capacity = this.next.length;
    while (capacity < count) capacity *= 2;
    this.next = new Int32Array(capacity);
  }
}
