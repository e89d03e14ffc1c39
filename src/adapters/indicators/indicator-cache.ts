/**
 * Values with an expiry time in the Store. The Store keeps no TTL itself, so the expiry is stored
 * beside the value and checked on reading; an expired entry is overwritten by the next fetch.
 * The cache is an optimisation: a Store failure is logged and the caller fetches instead.
 */
import type { Clock } from '../../ports/clock';
import type { Store } from '../../ports/store';

/** The part of the structured logger (pino) the indicator adapters use. */
export interface IndicatorLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

interface Entry<T> {
  readonly expiresAt: number;
  readonly value: T;
}

export interface ExpiringCache {
  get<T>(key: string): Promise<T | undefined>;
  put<T>(key: string, value: T, ttlMs: number): Promise<void>;
  /** The cached value, or `load()`'s result stored for `ttlMs`. */
  remember<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
}

export function createExpiringCache(store: Store, clock: Clock, logger?: IndicatorLogger): ExpiringCache {
  const cache: ExpiringCache = {
    async get<T>(key: string) {
      try {
        const entry = (await store.get<Entry<T>>(key))?.value;
        return entry !== undefined && entry.expiresAt > clock.now() ? entry.value : undefined;
      } catch (error) {
        logger?.warn({ key, err: error }, 'indicator cache could not be read');
        return undefined;
      }
    },
    async put<T>(key: string, value: T, ttlMs: number) {
      try {
        await store.put<Entry<T>>(key, { expiresAt: clock.now() + ttlMs, value });
      } catch (error) {
        logger?.warn({ key, err: error }, 'indicator cache could not be written');
      }
    },
    async remember<T>(key: string, ttlMs: number, load: () => Promise<T>) {
      const cached = await cache.get<T>(key);
      if (cached !== undefined) return cached;
      const value = await load();
      await cache.put(key, value, ttlMs);
      return value;
    },
  };
  return cache;
}
