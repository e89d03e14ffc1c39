/**
 * The stores the scheduler is tested on: a real Redis (each instance with its own connection,
 * as separate processes would have) and the file store (one store shared by the instances of
 * one process). Claims on the file store expire by the test's clock, on Redis by real time.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { createFileStore } from '../../../src/adapters/file/file-store';
import { createRedisStore } from '../../../src/adapters/redis/redis-store';
import type { Clock } from '../../../src/ports/clock';
import type { Store } from '../../../src/ports/store';

export interface OpenedBackend {
  /** A store for one more instance: a new connection on Redis, the same store on files. */
  connect(): Store;
  dispose(): Promise<void>;
}

export interface Backend {
  readonly name: string;
  open(clock: Clock): Promise<OpenedBackend>;
}

export const fileBackend: Backend = {
  name: 'file store',
  open: async (clock) => {
    const dir = await mkdtemp(join(tmpdir(), 'bot-scheduler-'));
    const store = await createFileStore({ dir, clock });
    return {
      connect: () => store,
      dispose: async () => {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

export function redisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) {
    throw new Error(
      'TEST_REDIS_URL is not set: the jest globalSetup starts redis-server (install it) or set REDIS_URL',
    );
  }
  return url;
}

export const redisBackend: Backend = {
  name: 'redis',
  open: async () => {
    const url = redisUrl();
    const keyPrefix = `test:scheduler:${randomUUID()}:`;
    const stores: Store[] = [];
    return {
      connect: () => {
        const store = createRedisStore({ url, keyPrefix });
        stores.push(store);
        return store;
      },
      dispose: async () => {
        await Promise.all(stores.map((store) => store.close()));
        await removePrefix(url, keyPrefix);
      },
    };
  },
};

async function removePrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 0 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
