/**
 * Proactive delivery end to end: schedulers claim due digests in a real Redis, send queues post
 * them through the real CloudAdapter (local mode, no app id) to a local connector that
 * throttles and fails at random, and every digest arrives exactly once.
 */
import { randomUUID } from 'node:crypto';
import { createCloudAdapter } from '../../src/adapters/botbuilder/cloud-adapter';
import { BotbuilderMessenger } from '../../src/adapters/botbuilder/messenger';
import { createRedisStore } from '../../src/adapters/redis/redis-store';
import { StoredConversationDirectory } from '../../src/app/conversation-directory';
import { DeliveryRecords } from '../../src/app/delivery/delivery-records';
import { SendQueue, teamsLimits } from '../../src/app/delivery/send-queue';
import { createLogger } from '../../src/log/logger';
import { systemClock, type Clock } from '../../src/ports/clock';
import type { ConversationRef } from '../../src/ports/conversation-directory';
import type { Store } from '../../src/ports/store';
import type { JobSource } from '../../src/scheduler/job';
import { Scheduler } from '../../src/scheduler/scheduler';
import { startFakeConnector, type FakeConnector, type ReceivedActivity } from '../support/connector';
import { removeKeyPrefix, testRedisUrl } from '../support/test-redis';

const TENANT = '11111111-2222-4333-8444-555555555555';
const BOT_ID = '28:bot-app-id';
const MINUTE = Date.parse('2026-12-01T07:00:00Z');
const DAY = 86_400_000;
const logger = createLogger('silent');

/** Deterministic pseudo-random numbers (mulberry32), so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 429 (Retry-After 1 s) to one request in ten, 500 or 503 to about one in six of the rest. */
function unreliable(seed: number): FakeConnector['behaviour'] {
  const random = seeded(seed);
  return ({ count }) => {
    if (count % 10 === 0) return { status: 429, headers: { 'Retry-After': '1' } };
    const roll = random();
    if (roll < 0.08) return { status: 500 };
    if (roll < 0.16) return { status: 503 };
    return { status: 200 };
  };
}

const channelOf = (forum: number): string => `19:forum-${forum}@thread.tacv2`;

function channelRef(forum: number, serviceUrl: string): ConversationRef {
  return {
    conversationId: channelOf(forum),
    serviceUrl,
    channelId: 'msteams',
    conversationType: 'channel',
    tenantId: TENANT,
    teamId: '19:team@thread.tacv2',
    teamsChannelId: channelOf(forum),
    botId: BOT_ID,
    botName: 'Yhdyspintabotti',
    updatedAt: MINUTE,
  };
}

/** The forum a received new-thread post went to. */
function postedChannel(received: ReceivedActivity): string | undefined {
  const parameters = received.activity as { channelData?: { channel?: { id?: string } } };
  return received.method === 'POST' && received.path === '/v3/conversations'
    ? parameters.channelData?.channel?.id
    : undefined;
}

interface Instance {
  readonly store: Store;
  readonly queue: SendQueue;
  readonly scheduler: Scheduler;
  stop(): Promise<void>;
}

/** One bot instance's delivery half: its own Redis connection, adapter, queue and scheduler. */
function startInstance(name: string, url: string, keyPrefix: string, forums: number, clock: Clock): Instance {
  const store = createRedisStore({ url, keyPrefix });
  const conversations = new StoredConversationDirectory(store);
  const adapter = createCloudAdapter({ MicrosoftAppType: 'MultiTenant' }, logger, 'fi');
  const messenger = new BotbuilderMessenger(adapter, { botAppId: '', requestTimeoutMs: 5_000 });
  const queue = new SendQueue(
    { messenger, conversations, store, clock: systemClock },
    {
      limits: teamsLimits(3),
      retry: { maxAttempts: 6, baseDelayMs: 50, maxDelayMs: 400, maxRetryAfterMs: 5_000 },
    },
  );
  const digests: JobSource = {
    name: 'digests',
    due: async () =>
      Array.from({ length: forums }, (_, forum) => ({
        key: `digest:forum-${forum}:meeting-1`,
        dueAt: MINUTE,
        notAfter: MINUTE + DAY,
        run: async () => {
          const ref = await conversations.findByTeamsChannel(channelOf(forum));
          if (!ref) throw new Error(`no reference for forum ${forum}`);
          const record = await queue.deliver({
            id: `digest:forum-${forum}:meeting-1`,
            ref,
            forumId: `forum-${forum}`,
            kind: 'digest',
            message: {
              text: `Tilannekuva, foorumi ${forum}`,
              card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `${forum}` }] },
              newThread: true,
              locale: 'fi-FI',
            },
          });
          if (record.status === 'failed') throw new Error(record.reason);
        },
      })),
  };
  const scheduler = new Scheduler(
    { store, clock, sources: [digests] },
    { instanceId: name, tickMs: 50, concurrency: 16 },
  );
  scheduler.start();
  return {
    store,
    queue,
    scheduler,
    stop: async () => {
      await scheduler.stop();
      await queue.close(1_000);
      await store.close();
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not done in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('digests posted by three instances through a connector that throttles and fails', () => {
  const FORUMS = 100;
  const clock: Clock = { now: () => MINUTE + 60_000 };
  let connector: FakeConnector;
  let keyPrefix: string;
  let instances: Instance[];

  beforeEach(async () => {
    connector = await startFakeConnector();
    keyPrefix = `test:delivery:${randomUUID()}:`;
    const setup = createRedisStore({ url: testRedisUrl(), keyPrefix });
    const directory = new StoredConversationDirectory(setup);
    for (let forum = 0; forum < FORUMS; forum++) await directory.save(channelRef(forum, connector.url));
    await setup.close();
    instances = [];
  });
  afterEach(async () => {
    await Promise.all(instances.map((instance) => instance.stop().catch(() => undefined)));
    await connector.close();
    await removeKeyPrefix(testRedisUrl(), keyPrefix);
  });

  const tally = (): { lost: number; duplicated: number; posts: Map<string, number> } => {
    const posts = new Map<string, number>();
    for (const received of connector.received) {
      const channel = postedChannel(received);
      if (channel) posts.set(channel, (posts.get(channel) ?? 0) + 1);
    }
    let lost = 0;
    let duplicated = 0;
    for (let forum = 0; forum < FORUMS; forum++) {
      const count = posts.get(channelOf(forum)) ?? 0;
      if (count === 0) lost += 1;
      duplicated += Math.max(0, count - 1);
    }
    return { lost, duplicated, posts };
  };

  const report = (scenario: string, requests: number): void => {
    const { lost, duplicated } = tally();
    process.stdout.write(
      `${scenario}: lost ${lost}, duplicated ${duplicated} (${FORUMS} digests, ${requests} connector requests)\n`,
    );
  };

  it('posts every digest exactly once', async () => {
    let requests = 0;
    const behaviour = unreliable(20261201);
    connector.behaviour = (request) => {
      requests += 1;
      return behaviour(request);
    };
    instances = ['a', 'b', 'c'].map((name) => startInstance(name, testRedisUrl(), keyPrefix, FORUMS, clock));
    await waitFor(() => tally().posts.size === FORUMS, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    report('connector answering 429/500/503 at random', requests);
    const { lost, duplicated } = tally();
    expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(requests).toBeGreaterThan(FORUMS);
    const records = new DeliveryRecords(instances[0]!.store);
    const statuses = await Promise.all(
      Array.from(
        { length: FORUMS },
        async (_, forum) => (await records.listByForum(`forum-${forum}`))[0]?.status,
      ),
    );
    expect(statuses.every((status) => status === 'delivered')).toBe(true);
  });

  it('posts every digest exactly once when one instance is stopped mid-way', async () => {
    let requests = 0;
    const behaviour = unreliable(7);
    connector.behaviour = (request) => {
      requests += 1;
      return behaviour(request);
    };
    instances = ['a', 'b', 'c'].map((name) => startInstance(name, testRedisUrl(), keyPrefix, FORUMS, clock));
    await waitFor(() => tally().posts.size >= 20, 30_000);
    const [, stopped] = instances;
    await stopped?.stop();
    instances = instances.filter((instance) => instance !== stopped);
    await waitFor(() => tally().posts.size === FORUMS, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    report('three instances, one stopped mid-way', requests);
    const { lost, duplicated } = tally();
    expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
  });
});

describe('BotbuilderMessenger against a local connector', () => {
  let connector: FakeConnector;
  let messenger: BotbuilderMessenger;
  const now = Date.parse('2026-12-01T07:00:00Z');

  beforeAll(async () => {
    connector = await startFakeConnector();
    const adapter = createCloudAdapter({ MicrosoftAppType: 'MultiTenant' }, logger, 'fi');
    messenger = new BotbuilderMessenger(adapter, { botAppId: '' }, { now: () => now });
  });
  afterAll(async () => {
    await connector.close();
  });
  beforeEach(() => {
    connector.clear();
    connector.behaviour = () => ({ status: 200 });
  });

  const personal = (): ConversationRef => ({
    conversationId: `a:personal-${randomUUID()}`,
    serviceUrl: connector.url,
    channelId: 'msteams',
    conversationType: 'personal',
    tenantId: TENANT,
    botId: BOT_ID,
    updatedAt: now,
  });

  it('posts into the conversation with the plain text', async () => {
    const ref = personal();
    const result = await messenger.send(ref, { text: 'Muistutus: <b>ei markupia</b>', locale: 'fi-FI' });
    expect(result).toMatchObject({ ok: true, conversationId: ref.conversationId });
    const [received] = connector.received;
    expect(received?.path).toBe(`/v3/conversations/${encodeURIComponent(ref.conversationId)}/activities`);
    expect(received?.activity).toMatchObject({
      type: 'message',
      text: 'Muistutus: <b>ei markupia</b>',
      textFormat: 'plain',
      from: { id: BOT_ID },
    });
    expect(received?.activity.replyToId).toBeUndefined();
  });

  it('opens a new thread in a Teams channel with the card and its fallback', async () => {
    const ref = channelRef(1, connector.url);
    const card = { type: 'AdaptiveCard', version: '1.5', body: [] };
    const result = await messenger.send(ref, { text: 'Tilannekuva\nrivi 2', card, newThread: true });
    expect(result).toMatchObject({ ok: true, activityId: expect.any(String) });
    const [received] = connector.received;
    expect(received?.method).toBe('POST');
    expect(received?.path).toBe('/v3/conversations');
    expect(received?.activity).toMatchObject({
      isGroup: true,
      bot: { id: BOT_ID },
      tenantId: TENANT,
      channelData: { channel: { id: channelOf(1) }, tenant: { id: TENANT } },
      activity: {
        type: 'message',
        summary: 'Tilannekuva',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: { ...card, fallbackText: 'Tilannekuva\nrivi 2' },
          },
        ],
      },
    });
  });

  it('updates a message in place', async () => {
    const ref = personal();
    const result = await messenger.update(ref, 'activity-7', { text: 'päivitetty' });
    expect(result).toEqual({ ok: true, activityId: 'activity-7', conversationId: ref.conversationId });
    const [received] = connector.received;
    expect(received?.method).toBe('PUT');
    expect(received?.path).toBe(
      `/v3/conversations/${encodeURIComponent(ref.conversationId)}/activities/activity-7`,
    );
  });

  it.each([
    [429, { 'Retry-After': '3' }, { status: 429, permanent: false, retryAfterMs: 3_000 }],
    [
      429,
      { 'Retry-After': new Date(now + 10_000).toUTCString() },
      { status: 429, permanent: false, retryAfterMs: 10_000 },
    ],
    [503, {}, { status: 503, permanent: false }],
    [412, {}, { status: 412, permanent: false }],
    [400, {}, { status: 400, permanent: true }],
    [403, {}, { status: 403, permanent: true }],
    [404, {}, { status: 404, permanent: true }],
  ])('maps HTTP %i to a failure, with one request and no hidden retry', async (status, headers, expected) => {
    let requests = 0;
    connector.behaviour = () => {
      requests += 1;
      return { status, headers };
    };
    const result = await messenger.send(personal(), { text: 'x' });
    expect(result).toMatchObject({ ok: false, ...expected });
    expect(result.ok ? '' : result.reason).toMatch(new RegExp(`^HTTP ${status}`));
    expect(requests).toBe(1);
  });

  it('maps an unreachable connector to status 0, worth retrying', async () => {
    const ref = { ...personal(), serviceUrl: 'http://127.0.0.1:1' };
    const result = await messenger.send(ref, { text: 'x' });
    expect(result).toMatchObject({ ok: false, status: 0, permanent: false });
  });

  it('removes the reference of a conversation the bot was removed from', async () => {
    const url = testRedisUrl();
    const keyPrefix = `test:delivery:${randomUUID()}:`;
    const store = createRedisStore({ url, keyPrefix });
    try {
      const directory = new StoredConversationDirectory(store);
      const ref = channelRef(2, connector.url);
      await directory.save(ref);
      connector.behaviour = () => ({ status: 403 });
      const queue = new SendQueue({ messenger, conversations: directory, store, clock: systemClock });
      const record = await queue.deliver({
        id: 'digest:forum-2:m',
        ref,
        message: { text: 'x' },
        forumId: 'forum-2',
      });
      expect(record).toMatchObject({ status: 'conversation-gone', attempts: 1, referenceRemoved: true });
      expect(await directory.findByTeamsChannel(channelOf(2))).toBeUndefined();
      expect((await new DeliveryRecords(store).listByForum('forum-2'))[0]?.status).toBe('conversation-gone');
    } finally {
      await store.close();
      await removeKeyPrefix(url, keyPrefix);
    }
  });
});
