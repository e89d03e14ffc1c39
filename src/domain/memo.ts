/**
 * Memoises a pure function of a string key, keeping the most recently used results. Callers see
 * the same results with or without it, so it is a cache of computation, not state that could
 * make two instances behave differently.
 */
import { LRUCache } from 'lru-cache';

export function memoise<V extends NonNullable<unknown>>(
  compute: (key: string) => V,
  max: number,
  options: { readonly maxKeyLength?: number } = {},
): (key: string) => V {
  const results = new LRUCache<string, V>({ max });
  const maxKeyLength = options.maxKeyLength ?? Number.POSITIVE_INFINITY;
  return (key) => {
    // Very long keys (pasted text, junk) are computed but not kept, so they cannot crowd out the rest.
    if (key.length > maxKeyLength) return compute(key);
    const known = results.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    results.set(key, value);
    return value;
  };
}
