/** Readiness follows the store: 503 with the reason while Redis is down, ready again after. */
import { messageActivity, postActivity, TENANT } from '../support/activities';
import { startHarness, type Harness } from '../support/bot-harness';
import { replyText, startFakeConnector, type FakeConnector } from '../support/connector';
import { startRedisServer, type RedisServer } from '../support/redis-server';

let redis: RedisServer;
let bot: Harness;
let connector: FakeConnector;

beforeAll(async () => {
  redis = await startRedisServer();
  connector = await startFakeConnector();
  bot = await startHarness({ REDIS_URL: redis.url, ALLOWED_TENANTS: TENANT });
});
afterAll(async () => {
  await bot.stop();
  await connector.close();
  await redis.destroy();
});

it('reports 503 and the reason while Redis is down, still answers help, and recovers', async () => {
  expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);

  await redis.stop(true);
  const down = await fetch(`${bot.url}/readyz`);
  expect(down.status).toBe(503);
  const body = (await down.json()) as { checks: Record<string, string> };
  expect(body.checks.store).toMatch(/^unreachable/);
  expect(body.checks.registry).toBe('ok');
  expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);

  await postActivity(bot.url, messageActivity({ serviceUrl: connector.url, text: 'help' }));
  const [reply] = await connector.waitFor(1);
  expect(replyText(reply!)).toContain('How I can help');

  await redis.restart();
  let status = 0;
  for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = (await fetch(`${bot.url}/readyz`)).status;
  }
  expect(status).toBe(200);
});
