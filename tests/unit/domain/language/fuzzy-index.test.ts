import fc from 'fast-check';
import { FuzzyIndex, deletions, typoDistance } from '../../../../src/domain/language/fuzzy-index';

describe('deletions', () => {
  test('all strings left after deleting up to n letters', () => {
    expect([...deletions('abc', 1)].sort()).toEqual(['ab', 'abc', 'ac', 'bc']);
    expect(deletions('abcd', 2).size).toBe(1 + 4 + 6);
    expect([...deletions('aa', 1)].sort()).toEqual(['a', 'aa']);
  });
});

describe('FuzzyIndex', () => {
  const index = new FuzzyIndex<string>();
  index.add('orimattila', 'long', 2);
  index.add('laukaa', 'short', 1);
  index.add('salo', 'exact-only', 0);

  test('finds keys within their distance: substitution, insertion, deletion, transposition', () => {
    expect(index.search('orimatila').map((hit) => [hit.value, hit.distance])).toEqual([['long', 1]]);
    expect(index.search('orimatilaa').map((hit) => [hit.value, hit.distance])).toEqual([['long', 2]]);
    expect(index.search('luakaa').map((hit) => hit.value)).toEqual(['short']);
    expect(index.search('laukaaa').map((hit) => hit.value)).toEqual(['short']);
    expect(index.search('lawkaa').map((hit) => hit.value)).toEqual(['short']);
  });

  test('respects each key’s own limit and the query’s limit', () => {
    expect(index.search('laukoo')).toEqual([]);
    expect(index.search('sale')).toEqual([]);
    expect(index.search('salo').map((hit) => hit.distance)).toEqual([0]);
    expect(index.search('orimatilaa', 1)).toEqual([]);
  });

  test('closest hits come first', () => {
    const near = new FuzzyIndex<number>();
    near.add('kannus', 2, 2);
    near.add('kannas', 1, 2);
    expect(near.search('kannas').map((hit) => hit.value)).toEqual([1, 2]);
    expect(near.size).toBe(2);
  });
});

describe('typoDistance', () => {
  test('is the edit distance, with one adjacent swap counting as one edit', () => {
    expect(typoDistance('laukaa', 'laukaa')).toBe(0);
    expect(typoDistance('luakaa', 'laukaa')).toBe(1);
    expect(typoDistance('laukaa', 'lauka')).toBe(1);
    expect(typoDistance('uakaal', 'laukaa')).toBeGreaterThan(1);
    expect(typoDistance('lukaaa', 'laukaa')).toBe(2);
  });

  test('finds exactly what a scan of every key with the edit distance finds', () => {
    // A small alphabet makes near keys, shared deletions and long buckets common.
    const word = fc
      .array(fc.constantFrom('a', 'k', 'l', 's', 'ä', 'ö'), { minLength: 1, maxLength: 9 })
      .map((letters) => letters.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 40 }),
        fc.array(word, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 3 }),
        (keys, queries, limit) => {
          const fuzzy = new FuzzyIndex<number>();
          keys.forEach(([key, maxDistance], i) => fuzzy.add(key, i, maxDistance));
          const deepest = Math.max(...keys.map(([, maxDistance]) => maxDistance));
          for (const query of queries) {
            const found = fuzzy
              .search(query, limit)
              .map((hit) => `${hit.value}:${hit.distance}`)
              .sort();
            const scanned = keys
              .map(([key, maxDistance], i) => ({ i, maxDistance, distance: typoDistance(query, key) }))
              .filter((key) => key.distance <= Math.min(limit, deepest, key.maxDistance))
              .map((key) => `${key.i}:${key.distance}`)
              .sort();
            expect(found).toEqual(scanned);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
