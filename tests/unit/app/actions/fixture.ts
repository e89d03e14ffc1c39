/** An ActionService on a real store (file or Redis), the test registry and a clock tests move. */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStore } from '../../../../src/adapters/file/file-store';
import { createRedisStore } from '../../../../src/adapters/redis/redis-store';
import { ActionService } from '../../../../src/app/actions';
import type { RegistryIndex } from '../../../../src/domain/registry';
import type { Clock } from '../../../../src/ports/clock';
import type { Store } from '../../../../src/ports/store';
import { removeKeyPrefix, testRedisUrl } from '../../../support/test-redis';

export interface StoreBackend {
  readonly name: string;
  open(clock: Clock): Promise<{ store: Store; dispose: () => Promise<void> }>;
}

export interface ServiceFixture {
  readonly service: ActionService;
  readonly store: Store;
  readonly registry: RegistryIndex;
  /** Sets the clock, e.g. `at('2026-12-01T09:00:00+02:00')`. */
  at(isoDateTime: string): void;
  now(): number;
  /** Another service on the same store: a second bot instance. */
  instance(): ActionService;
  dispose(): Promise<void>;
}

export const START = '2026-11-23T10:00:00+02:00';

export async function openFixture(backend: StoreBackend, registry: RegistryIndex): Promise<ServiceFixture> {
  let now = Date.parse(START);
  const clock: Clock = { now: () => now };
  const { store, dispose } = await backend.open(clock);
  const make = (): ActionService => new ActionService({ store, clock, registry: () => registry });
  return {
    service: make(),
    store,
    registry,
    at: (iso) => {
      now = Date.parse(iso);
    },
    now: () => now,
    instance: make,
    dispose,
  };
}

export const fileBackend: StoreBackend = {
  name: 'file',
  open: async (clock) => {
    const dir = await mkdtemp(join(tmpdir(), 'bot-actions-'));
    const store = await createFileStore({ dir, clock });
    return {
      store,
      dispose: async () => {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

export const redisBackend: StoreBackend = {
  name: 'redis',
  open: async () => {
    const url = testRedisUrl();
    const keyPrefix = `test:actions:${randomUUID()}:`;
    const store = createRedisStore({ url, keyPrefix });
    return {
      store,
      dispose: async () => {
        await store.close();
        await removeKeyPrefix(url, keyPrefix);
      },
    };
  },
};
