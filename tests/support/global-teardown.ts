import type { RedisServer } from './redis-server';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __testRedis?: RedisServer }).__testRedis;
  if (server) await server.destroy();
}
