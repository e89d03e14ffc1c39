/** The shared test Redis (started by jest's global setup) and clean-up of one test's keys. */
import Redis from 'ioredis';

/** Fails with the reason, never skips, when no Redis was started. */
export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) {
    throw new Error(
      'TEST_REDIS_URL is not set: the jest globalSetup starts redis-server (install it) or set REDIS_URL',
    );
  }
  return url;
}

/** Removes the keys of one test's (or benchmark's) prefix; the shared server outlives it. */
export async function removeKeyPrefix(url: string, prefix: string): Promise<void> {
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
