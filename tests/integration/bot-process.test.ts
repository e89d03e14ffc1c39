/**
 * The bot as a process: starts with one command, refuses bad configuration, keeps what it
 * stored across kill -9 and restarts (both backends), and shuts down gracefully.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeConnector, replyText, type FakeConnector } from '../support/connector';
import { installationActivity, messageActivity, postActivity, TENANT } from '../support/activities';
import { runMain, startBotProcess, type BotProcess } from '../support/bot-process';
import { startRedisServer, type RedisServer } from '../support/redis-server';

jest.setTimeout(60_000);

let connector: FakeConnector;
let dataDir: string;
const running: BotProcess[] = [];

beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector.close();
});
beforeEach(() => {
  connector.clear();
  connector.behaviour = () => ({ status: 200 });
  dataDir = mkdtempSync(join(tmpdir(), 'bot-process-'));
});
afterEach(async () => {
  for (const bot of running.splice(0)) {
    if (bot.child.exitCode === null) {
      bot.child.kill('SIGKILL');
      await bot.exited();
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<BotProcess> {
  const bot = await startBotProcess({ DATA_DIR: dataDir, ALLOWED_TENANTS: TENANT, ...env });
  running.push(bot);
  return bot;
}

async function installAndCountGreetings(bot: BotProcess, conversationId: string): Promise<number> {
  const options = {
    serviceUrl: connector.url,
    conversationType: 'channel' as const,
    conversationId,
    teamsChannelId: conversationId,
  };
  const response = await postActivity(bot.url, installationActivity(options, 'add'));
  expect(response.status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 400));
  return connector.received.filter((received) => received.conversationId === conversationId).length;
}

it('answers help over HTTP within seconds of start', async () => {
  const bot = await start({});
  const activity = messageActivity({ serviceUrl: connector.url, text: 'apua' });
  await postActivity(bot.url, activity);
  const [reply] = await connector.waitFor(1);
  expect(replyText(reply!)).toContain('Näin voin auttaa');
  expect(bot.startMs).toBeLessThan(20_000);
  expect(bot.output()).toContain('LOCAL MODE');
});

describe.each([
  ['file store', (): Promise<RedisServer | undefined> => Promise.resolve(undefined)],
  [
    'redis store (appendonly)',
    (): Promise<RedisServer | undefined> => startRedisServer({ appendOnly: true }),
  ],
])('with the %s, stored data survives', (_name, redisFactory) => {
  let redis: RedisServer | undefined;
  beforeEach(async () => {
    redis = await redisFactory();
  });
  afterEach(async () => {
    await redis?.destroy();
  });
  const env = (): Record<string, string> => (redis ? { REDIS_URL: redis.url } : {});

  it('a kill -9 of the bot and a restart', async () => {
    const conversationId = '19:kill-test@thread.tacv2';
    const first = await start(env());
    expect(await installAndCountGreetings(first, conversationId)).toBe(1);
    first.child.kill('SIGKILL');
    await first.exited();
    const second = await start(env());
    expect(await installAndCountGreetings(second, conversationId)).toBe(1);
  });

  it('a graceful restart', async () => {
    const conversationId = '19:restart-test@thread.tacv2';
    const first = await start(env());
    expect(await installAndCountGreetings(first, conversationId)).toBe(1);
    first.child.kill('SIGTERM');
    expect(await first.exited()).toBe(0);
    const second = await start(env());
    expect(await installAndCountGreetings(second, conversationId)).toBe(1);
  });
});

it('finishes in-flight work on SIGTERM, then stops accepting and exits 0', async () => {
  const bot = await start({});
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slow = await startSlowConnector(gate);
  const posting = postActivity(bot.url, messageActivity({ serviceUrl: slow.url, text: 'help' }));
  await slow.arrived;
  bot.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 200));
  release();
  const response = await posting;
  expect(response.status).toBe(200);
  expect(await bot.exited()).toBe(0);
  expect(slow.count()).toBe(1);
  expect(bot.output()).toContain('stopped');
  await slow.close();
});

it.each([
  [{ NODE_ENV: 'production' }, /MicrosoftAppId[\s\S]*ALLOWED_TENANTS/],
  [{ PORT: 'eighty' }, /PORT/],
  [
    { REGISTRY_PATH: 'tests/fixtures/registry/broken' },
    /does not load[\s\S]*values\.yaml:\d+: organisations\[1\]\.kind/,
  ],
])('refuses to start with %j and says why', async (env, message) => {
  const run = runMain({ DATA_DIR: dataDir, PORT: '0', ...env });
  const code = await run.exited();
  expect(code).not.toBe(0);
  expect(run.output()).toMatch(message);
});

/** A connector that holds its answer until `gate` opens, so a turn stays in flight. */
async function startSlowConnector(gate: Promise<void>) {
  let arrivedResolve: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (arrivedResolve = resolve));
  let count = 0;
  const server = createServer((req, res) => {
    req.resume();
    count += 1;
    arrivedResolve();
    void gate.then(() => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"id":"slow-1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const info = server.address();
  return {
    url: `http://127.0.0.1:${typeof info === 'object' && info ? info.port : 0}`,
    arrived,
    count: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
