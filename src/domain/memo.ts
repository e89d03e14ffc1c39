/**
 * Memoises a pure function of a string key, keeping the most recently used results. Callers see
 * the same results with or without it, so it is a cache of computation, not state that could
 * make two instances behave differently.
 */
import { LRUCache } from 'lru-cache';

export function memoise<V extends NonNullable<unknown>>(
  compute: (key: string) => V,
  max: number,
): (key: string) => V {
  const results = new LRUCache<string, V>({ max });
  return (key) => {
    const known = results.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    results.set(key, value);
    return value;
  };
}
