/**
 * The stores the scheduler is tested on: a real Redis (each instance with its own connection,
 * as separate processes would have) and the file store (one store shared by the instances of
 * one process). Claims on the file store expire by the test's clock, on Redis by real time.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStore } from '../../../src/adapters/file/file-store';
import { createRedisStore } from '../../../src/adapters/redis/redis-store';
import type { Clock } from '../../../src/ports/clock';
import type { Store } from '../../../src/ports/store';
import { removeKeyPrefix, testRedisUrl } from '../../support/test-redis';

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

export const redisBackend: Backend = {
  name: 'redis',
  open: async () => {
    const url = testRedisUrl();
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
        await removeKeyPrefix(url, keyPrefix);
      },
    };
  },
};
