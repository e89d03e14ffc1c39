import fc from 'fast-check';
import { PhraseAligner } from '../../../../src/domain/language/phrase-alignment';

const BONUS = 0.1;

/** The beam search as first written, with a fresh object per partial alignment: the reference. */
function reference(
  phraseWords: readonly number[],
  weights: readonly { weight: number }[],
  hitsAt: readonly ReadonlyMap<number, number>[],
): { score: number; positions: number[] } {
  interface State {
    last: number;
    lastWord: number;
    sum: number;
    content: number;
    positions: number[];
  }
  let states: State[] = [{ last: -1, lastWord: -1, sum: 0, content: 0, positions: [] }];
  let totalWeight = 0;
  for (const [k, wordIndex] of phraseWords.entries()) {
    const word = weights[wordIndex];
    if (word === undefined) return { score: -1, positions: [] };
    totalWeight += word.weight;
    const next = states.slice();
    for (const state of states) {
      const skipped = k - state.lastWord - 1;
      const to =
        state.last === -1 ? hitsAt.length - 1 : Math.min(hitsAt.length - 1, state.last + 2 + skipped);
      for (let position = state.last + 1; position <= to; position += 1) {
        const quality = hitsAt[position]?.get(wordIndex);
        if (quality === undefined) continue;
        next.push({
          last: position,
          lastWord: k,
          sum: state.sum + word.weight * quality,
          content: state.content + (word.weight === 1 ? 1 : 0),
          positions: [...state.positions, position],
        });
      }
    }
    states = next.length > 1 ? next.sort((a, b) => b.sum - a.sum).slice(0, 8) : next;
  }
  const best = states.filter((state) => state.content > 0).sort((a, b) => b.sum - a.sum)[0];
  if (best === undefined || totalWeight === 0) return { score: -1, positions: [] };
  return {
    score: (best.sum / totalWeight) * (1 + BONUS * (best.content - 1)),
    positions: best.positions,
  };
}

const hits = (...perPosition: [number, number][][]): Map<number, number>[] =>
  perPosition.map((entries) => new Map(entries));

describe('PhraseAligner', () => {
  const weights = [{ weight: 1 }, { weight: 1 }, { weight: 0.3 }, { weight: 1 }];

  it('aligns the words in order and scores the weighted share matched with the multi-word bonus', () => {
    const aligner = new PhraseAligner(BONUS);
    const positions: number[] = [];
    // Question: [word 0 at 0.9] [nothing] [word 1 at 1.0]
    const score = aligner.score([0, 1], weights, hits([[0, 0.9]], [], [[1, 1]]), positions);
    expect(positions).toEqual([0, 2]);
    expect(score).toBeCloseTo(((0.9 + 1) / 2) * 1.1, 10);
  });

  it('does not match a phrase word before the one matched for an earlier phrase word', () => {
    const aligner = new PhraseAligner(BONUS);
    const positions: number[] = [];
    const score = aligner.score([0, 1], weights, hits([[1, 1]], [[0, 1]]), positions);
    // Only one of the two words can be used in order: half the phrase, no bonus.
    expect(score).toBeCloseTo(0.5, 10);
    expect(positions).toHaveLength(1);
  });

  it('leaves a word unmatched when the next one lies too far away', () => {
    const aligner = new PhraseAligner(BONUS);
    const positions: number[] = [];
    const far = hits([[0, 1]], [], [], [], [], [[1, 1]]);
    expect(aligner.score([0, 1], weights, far, positions)).toBeCloseTo(0.5, 10);
    expect(positions).toEqual([0]);
  });

  it('scores -1 when only function words match or a word is unknown', () => {
    const aligner = new PhraseAligner(BONUS);
    const positions: number[] = [];
    expect(aligner.score([2, 0], weights, hits([[2, 1]]), positions)).toBe(-1);
    expect(positions).toEqual([]);
    expect(aligner.score([0, 9], weights, hits([[0, 1]]), positions)).toBe(-1);
  });

  it('gives what the straightforward search gives, for any phrase and question, reused or not', () => {
    const shared = new PhraseAligner(BONUS);
    const lexicon = [{ weight: 1 }, { weight: 1 }, { weight: 1 }, { weight: 0.3 }, { weight: 0.3 }];
    const question = fc.array(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom(0.5, 0.72, 0.85, 0.9, 1)), {
        maxLength: 3,
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 6 }),
        question,
        (phrase, perPosition) => {
          const hitsAt = perPosition.map((entries) => new Map(entries));
          const expected = reference(phrase, lexicon, hitsAt);
          for (const aligner of [shared, new PhraseAligner(BONUS)]) {
            const positions: number[] = [];
            expect(aligner.score(phrase, lexicon, hitsAt, positions)).toBe(expected.score);
            expect(positions).toEqual(expected.score < 0 ? [] : expected.positions);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('grows its lists for long questions where every word matches everywhere', () => {
    const aligner = new PhraseAligner(BONUS);
    const everywhere = Array.from(
      { length: 400 },
      () =>
        new Map([
          [0, 1],
          [1, 1],
          [3, 1],
        ]),
    );
    const positions: number[] = [];
    const expected = reference([0, 1, 3, 0, 1], weights, everywhere);
    expect(aligner.score([0, 1, 3, 0, 1], weights, everywhere, positions)).toBe(expected.score);
    expect(positions).toEqual(expected.positions);
  });
});
