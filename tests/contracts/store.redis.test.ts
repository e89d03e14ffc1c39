import { randomUUID } from 'node:crypto';
import { createRedisStore } from '../../src/adapters/redis/redis-store';
import { describeStoreContract } from './store.contract';
import { removeKeyPrefix, testRedisUrl } from '../support/test-redis';

describe('Redis test server', () => {
  it('is given by TEST_REDIS_URL', () => {
    expect(testRedisUrl()).toMatch(/^rediss?:\/\//);
  });
});

describeStoreContract('redis', async () => {
  const url = testRedisUrl();
  const keyPrefix = `test:${randomUUID()}:`;
  return {
    open: async () => createRedisStore({ url, keyPrefix }),
    dispose: () => removeKeyPrefix(url, keyPrefix),
  };
});
