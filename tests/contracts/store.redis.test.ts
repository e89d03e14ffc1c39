import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createRedisStore } from '../../src/adapters/redis/redis-store';
import { describeStoreContract } from './store.contract';

function redisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) {
    throw new Error(
      'TEST_REDIS_URL is not set: the jest globalSetup starts redis-server (install it) or set REDIS_URL',
    );
  }
  return url;
}

/** Removes the keys of one test's prefix; the shared server outlives the test. */
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

describe('Redis test server', () => {
  it('is given by TEST_REDIS_URL', () => {
    expect(redisUrl()).toMatch(/^rediss?:\/\//);
  });
});

describeStoreContract('redis', async () => {
  const url = redisUrl();
  const keyPrefix = `test:${randomUUID()}:`;
  return {
    open: async () => createRedisStore({ url, keyPrefix }),
    dispose: () => removePrefix(url, keyPrefix),
  };
});
