import { memoise } from '../../../src/domain/memo';

describe('memoise', () => {
  it('computes a key once while it is among the most recently used, and again after eviction', () => {
    const calls: string[] = [];
    const upper = memoise((key) => {
      calls.push(key);
      return key.toUpperCase();
    }, 2);
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
    upper('c'); // evicts "b", the least recently used
    expect(upper('a')).toBe('A');
    expect(upper('b')).toBe('B');
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });

  it('computes keys longer than maxKeyLength every time without keeping them', () => {
    const calls: string[] = [];
    const length = memoise(
      (key) => {
        calls.push(key);
        return key.length;
      },
      10,
      { maxKeyLength: 3 },
    );
    expect([length('abcd'), length('abcd'), length('abc'), length('abc')]).toEqual([4, 4, 3, 3]);
    expect(calls).toEqual(['abcd', 'abcd', 'abc']);
  });
});
