/**
 * One shared redis-server for the whole jest run, unless REDIS_URL names one already.
 * Tests read it from TEST_REDIS_URL. Tests that restart or stop Redis start their own.
 */
import { startRedisServer } from './redis-server';

export default async function globalSetup(): Promise<void> {
  if (process.env.REDIS_URL) {
    process.env.TEST_REDIS_URL = process.env.REDIS_URL;
    return;
  }
  const server = await startRedisServer();
  process.env.TEST_REDIS_URL = server.url;
  (globalThis as { __testRedis?: typeof server }).__testRedis = server;
}
