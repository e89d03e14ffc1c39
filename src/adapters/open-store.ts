/** Chooses the Store backend: Redis when REDIS_URL is set, the embedded file store otherwise. */
import type { Logger } from '../log/logger';
import type { Store } from '../ports/store';
import { createFileStore } from './file/file-store';
import { createRedisStore } from './redis/redis-store';

export interface StoreSettings {
  readonly REDIS_URL?: string;
  readonly REDIS_KEY_PREFIX: string;
  readonly DATA_DIR: string;
}

export async function openStore(settings: StoreSettings, logger: Logger): Promise<Store> {
  if (settings.REDIS_URL) {
    logger.info({ backend: 'redis' }, 'store: Redis');
    return createRedisStore({
      url: settings.REDIS_URL,
      keyPrefix: settings.REDIS_KEY_PREFIX,
      logger: logger.child({ component: 'redis-store' }),
    });
  }
  logger.info({ backend: 'file', dir: settings.DATA_DIR }, 'store: embedded file store');
  return createFileStore({ dir: settings.DATA_DIR, logger: logger.child({ component: 'file-store' }) });
}
