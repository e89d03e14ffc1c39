/**
 * Posting 200 forums' digests due at the same minute (issue 5): three scheduler instances on one
 * store claim them, their send queues post them as new channel threads through the real
 * CloudAdapter (local mode) to a local connector. Run twice: a connector that never throttles
 * (the baseline) and one that answers 429 (Retry-After: 1) to one request in ten. Prints total
 * time, requests, 429s, lost and duplicated posts, and the queue-to-posted latency of each.
 *
 *   node -r ./tests/support/ts-register.js bench/delivery.bench.ts
 *
 * All forums are in one tenant, the worst case: Teams allows 50 requests a second per app and
 * tenant, of which each of the three instances keeps 16, so 200 posts take at least 4.2 s
 * however fast the connector is. BENCH_FORUMS changes
 * the count; REDIS_URL runs on Redis (keys under a unique prefix, removed afterwards) instead
 * of the file store.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { createCloudAdapter } from '../src/adapters/botbuilder/cloud-adapter';
import { BotbuilderMessenger } from '../src/adapters/botbuilder/messenger';
import { createFileStore } from '../src/adapters/file/file-store';
import { createRedisStore } from '../src/adapters/redis/redis-store';
import { StoredConversationDirectory } from '../src/app/conversation-directory';
import type { DeliveryRecord } from '../src/app/delivery/delivery-records';
import { SendQueue, teamsLimits } from '../src/app/delivery/send-queue';
import { createLogger } from '../src/log/logger';
import { systemClock, type Clock } from '../src/ports/clock';
import type { Store } from '../src/ports/store';
import type { JobSource } from '../src/scheduler/job';
import { Scheduler } from '../src/scheduler/scheduler';
import { startFakeConnector, type ConnectorBehaviour, type FakeConnector } from '../tests/support/connector';

const FORUMS = Number(process.env.BENCH_FORUMS ?? '200');
const INSTANCES = 3;
const TENANT = '11111111-2222-4333-8444-555555555555';
const MINUTE = Date.parse('2026-12-01T07:00:00Z');
const logger = createLogger('silent');

interface Backend {
  readonly name: string;
  /** A store per instance (the same one for the file store) and a way to clean up. */
  open(): Promise<{ connect(): Store; dispose(): Promise<void> }>;
}

const fileBackend: Backend = {
  name: 'file store',
  open: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-delivery-'));
    const store = await createFileStore({ dir });
    return {
      connect: () => store,
      dispose: async () => {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

function redisBackend(url: string): Backend {
  return {
    name: 'redis',
    open: async () => {
      const keyPrefix = `bench:delivery:${randomUUID()}:`;
      const stores: Store[] = [];
      return {
        connect: () => {
          const store = createRedisStore({ url, keyPrefix });
          stores.push(store);
          return store;
        },
        dispose: async () => {
          await Promise.all(stores.map((store) => store.close()));
          const redis = new Redis(url, { maxRetriesPerRequest: 0 });
          let cursor = '0';
          do {
            const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
            if (keys.length > 0) await redis.unlink(...keys);
            cursor = next;
          } while (cursor !== '0');
          redis.disconnect();
        },
      };
    },
  };
}

interface Scenario {
  readonly name: string;
  readonly behaviour: ConnectorBehaviour;
}

interface Result {
  readonly scenario: string;
  readonly seconds: number;
  readonly requests: number;
  readonly throttled: number;
  readonly posted: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly p50: number;
  readonly p99: number;
}

const channelOf = (forum: number): string => `19:bench-forum-${forum}@thread.tacv2`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

async function run(backend: Backend, scenario: Scenario): Promise<Result> {
  const connector: FakeConnector = await startFakeConnector();
  const opened = await backend.open();
  let requests = 0;
  let throttled = 0;
  connector.behaviour = (request) => {
    requests += 1;
    const answer = scenario.behaviour(request);
    if (answer.status === 429) throttled += 1;
    return answer;
  };
  const setup = new StoredConversationDirectory(opened.connect());
  for (let forum = 0; forum < FORUMS; forum++) {
    await setup.save({
      conversationId: channelOf(forum),
      serviceUrl: connector.url,
      channelId: 'msteams',
      conversationType: 'channel',
      tenantId: TENANT,
      teamsChannelId: channelOf(forum),
      botId: '28:bench-bot',
      updatedAt: MINUTE,
    });
  }

  const records: DeliveryRecord[] = [];
  const dueClock: Clock = { now: () => MINUTE + 30_000 };
  const instances = Array.from({ length: INSTANCES }, (_, i) => {
    const store = opened.connect();
    const conversations = new StoredConversationDirectory(store);
    const adapter = createCloudAdapter({ MicrosoftAppType: 'MultiTenant' }, logger, 'fi');
    const queue = new SendQueue(
      {
        messenger: new BotbuilderMessenger(adapter, { botAppId: '' }),
        conversations,
        store,
        clock: systemClock,
      },
      { limits: teamsLimits(INSTANCES) },
    );
    const digests: JobSource = {
      name: 'digests',
      due: async () =>
        Array.from({ length: FORUMS }, (_, forum) => ({
          key: `digest:bench-forum-${forum}:meeting-1`,
          dueAt: MINUTE,
          notAfter: MINUTE + 86_400_000,
          run: async () => {
            const ref = await conversations.findByTeamsChannel(channelOf(forum));
            if (!ref) throw new Error(`no reference for forum ${forum}`);
            const record = await queue.deliver({
              id: `digest:bench-forum-${forum}:meeting-1`,
              ref,
              forumId: `bench-forum-${forum}`,
              kind: 'digest',
              message: { text: `Tilannekuva ${forum}`, newThread: true },
            });
            if (record.status === 'failed') throw new Error(record.reason);
            records.push(record);
          },
        })),
    };
    const scheduler = new Scheduler(
      { store, clock: dueClock, sources: [digests] },
      { instanceId: `bench-${i}`, tickMs: 1_000, concurrency: 64 },
    );
    return { scheduler, queue };
  });

  const started = Date.now();
  instances.forEach((instance) => instance.scheduler.start());
  while (records.length < FORUMS) {
    if (Date.now() - started > 300_000)
      throw new Error(`only ${records.length} of ${FORUMS} posted in 5 min`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const seconds = (Date.now() - started) / 1000;
  // A few more ticks: nothing may be posted again.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await Promise.all(instances.map((instance) => instance.scheduler.stop()));
  await Promise.all(instances.map((instance) => instance.queue.close()));

  const posts = new Map<string, number>();
  for (const received of connector.received) {
    const channel = (received.activity as { channelData?: { channel?: { id?: string } } }).channelData
      ?.channel?.id;
    if (channel) posts.set(channel, (posts.get(channel) ?? 0) + 1);
  }
  let lost = 0;
  let duplicated = 0;
  for (let forum = 0; forum < FORUMS; forum++) {
    const count = posts.get(channelOf(forum)) ?? 0;
    if (count === 0) lost += 1;
    duplicated += Math.max(0, count - 1);
  }
  const latencies = records.map((record) => record.finishedAt - record.queuedAt).sort((a, b) => a - b);
  await connector.close();
  await opened.dispose();
  return {
    scenario: scenario.name,
    seconds,
    requests,
    throttled,
    posted: [...posts.values()].reduce((sum, n) => sum + n, 0),
    lost,
    duplicated,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

function table(rows: readonly Result[]): string {
  const header = ['scenario', 'total s', 'posted', 'requests', '429s', 'lost', 'dup', 'p50 ms', 'p99 ms'];
  const lines = rows.map((row) => [
    row.scenario,
    row.seconds.toFixed(2),
    String(row.posted),
    String(row.requests),
    String(row.throttled),
    String(row.lost),
    String(row.duplicated),
    String(row.p50),
    String(row.p99),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => (line[i] ?? '').length)),
  );
  const format = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [format(header), ...lines.map(format)].join('\n');
}

async function main(): Promise<void> {
  const backend = process.env.REDIS_URL ? redisBackend(process.env.REDIS_URL) : fileBackend;
  // Each instance keeps its share of the tenant's 50 requests a second.
  const tenantBudget = (teamsLimits(INSTANCES).perTenant[0]?.limit ?? 50) * INSTANCES;
  process.stdout.write(
    `delivery benchmark: ${FORUMS} digests due at the same minute, ${INSTANCES} instances, ` +
      `one tenant (floor ${(FORUMS / tenantBudget).toFixed(2)} s at ${tenantBudget} requests/s), ${backend.name}, node ${process.version}\n\n`,
  );
  const scenarios: Scenario[] = [
    { name: 'baseline: never throttles', behaviour: () => ({ status: 200 }) },
    {
      name: '429 to one request in ten',
      behaviour: ({ count }) =>
        count % 10 === 0 ? { status: 429, headers: { 'Retry-After': '1' } } : { status: 200 },
    },
  ];
  const rows: Result[] = [];
  for (const scenario of scenarios) rows.push(await run(backend, scenario));
  process.stdout.write(`${table(rows)}\n`);
  const [baseline, throttled] = rows;
  if (baseline && throttled)
    process.stdout.write(
      `\nthrottled / baseline total time: ${(throttled.seconds / baseline.seconds).toFixed(2)}×\n`,
    );
  for (const row of rows)
    process.stdout.write(`${row.scenario}: lost ${row.lost}, duplicated ${row.duplicated}\n`);
  if (rows.some((row) => row.lost > 0 || row.duplicated > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
