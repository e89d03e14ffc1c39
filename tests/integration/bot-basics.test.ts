/**
 * The bot over real HTTP: Teams-shaped activities in, replies out to a local connector.
 * Runs against both store backends.
 */
import { randomUUID } from 'node:crypto';
import { startFakeConnector, replyText, type FakeConnector } from '../support/connector';
import {
  botAddedActivity,
  installationActivity,
  mentionMessage,
  messageActivity,
  OTHER_TENANT,
  postActivity,
  TENANT,
} from '../support/activities';
import { startHarness, type Harness } from '../support/bot-harness';

const backends: [string, () => Record<string, string>][] = [
  ['file store', () => ({})],
  [
    'redis store',
    () => {
      if (!process.env.TEST_REDIS_URL)
        throw new Error('TEST_REDIS_URL is not set: the jest global setup starts Redis');
      return { REDIS_URL: process.env.TEST_REDIS_URL, REDIS_KEY_PREFIX: `test:${randomUUID()}:` };
    },
  ],
];

describe.each(backends)('bot over HTTP with the %s', (_name, backendEnv) => {
  let connector: FakeConnector;
  let bot: Harness;

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startHarness({ ...backendEnv(), ALLOWED_TENANTS: TENANT });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.close();
  });
  beforeEach(() => connector.clear());

  const ask = async (activity: Record<string, unknown>): Promise<string> => {
    const conversationId = (activity.conversation as { id: string }).id;
    const response = await postActivity(bot.url, activity);
    expect(response.status).toBeLessThan(300);
    const [reply] = await connector.waitFor(1, (received) => received.conversationId === conversationId);
    return replyText(reply!);
  };

  it.each([
    ['apua', 'Näin voin auttaa', 'fi'],
    ['hjälp', 'Så här kan jag hjälpa', 'sv'],
    ['help', 'How I can help', 'en'],
  ])('answers %s with what it can do, in that language', async (word, title, locale) => {
    const activity = messageActivity({ serviceUrl: connector.url, text: word, locale: 'fi-FI' });
    const conversationId = (activity.conversation as { id: string }).id;
    await postActivity(bot.url, activity);
    const [reply] = await connector.waitFor(1, (received) => received.conversationId === conversationId);
    expect(replyText(reply!)).toContain(title);
    expect(reply!.activity.locale).toBe(locale);
    const card = reply!.activity.attachments?.[0]?.content as { version?: string; fallbackText?: string };
    expect(card.version).toBe('1.5');
    expect(card.fallbackText).toContain(title);
  });

  it('strips the @mention before routing', async () => {
    const text = await ask(
      mentionMessage({
        serviceUrl: connector.url,
        text: 'apua',
        conversationType: 'channel',
        teamsChannelId: `19:${randomUUID()}@thread.tacv2`,
      }),
    );
    expect(text).toContain('Näin voin auttaa');
  });

  it('handles a duplicate delivery of the same activity id once', async () => {
    const activity = messageActivity({ serviceUrl: connector.url, text: 'help' });
    const conversationId = (activity.conversation as { id: string }).id;
    const first = await postActivity(bot.url, activity);
    const second = await postActivity(bot.url, activity);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    await connector.waitFor(1, (received) => received.conversationId === conversationId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.received.filter((received) => received.conversationId === conversationId)).toHaveLength(
      1,
    );
  });

  it('answers an empty or unknown message politely, never with an error', async () => {
    expect(await ask(messageActivity({ serviceUrl: connector.url, text: '   ' }))).toContain('apua');
    expect(
      await ask(messageActivity({ serviceUrl: connector.url, text: '🙂🙂🙂', locale: 'en-US' })),
    ).toMatch(/did not|help/);
  });

  it('refuses and logs activities from a tenant that is not allowed', async () => {
    const activity = messageActivity({ serviceUrl: connector.url, text: 'help', tenantId: OTHER_TENANT });
    const response = await postActivity(bot.url, activity);
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.received).toHaveLength(0);
    expect(
      bot.logs.lines.some(
        (line) => line.msg === 'activity refused: tenant not allowed' && line.tenantId === OTHER_TENANT,
      ),
    ).toBe(true);
  });

  it('greets once on install and stores, then removes, the conversation reference', async () => {
    const teamsChannelId = `19:${randomUUID()}@thread.tacv2`;
    const options = {
      serviceUrl: connector.url,
      conversationType: 'channel' as const,
      teamsChannelId,
      locale: 'sv-SE',
    };
    await postActivity(bot.url, installationActivity(options, 'add'));
    await postActivity(bot.url, botAddedActivity(options));
    const [greeting] = await connector.waitFor(1);
    expect(replyText(greeting!)).toContain('Hej!');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.received).toHaveLength(1);
    const stored = await bot.service.store.get<{ teamsChannelId?: string; serviceUrl: string }>(
      `conv:ref:${teamsChannelId}`,
    );
    expect(stored?.value.serviceUrl).toBe(connector.url);
    await postActivity(bot.url, installationActivity(options, 'remove'));
    expect(await bot.service.store.get(`conv:ref:${teamsChannelId}`)).toBeUndefined();
  });

  it('logs one line per activity with its id and no message body', async () => {
    const secret = `salainen-${randomUUID()}`;
    const activity = messageActivity({ serviceUrl: connector.url, text: `help ${secret}` });
    await ask(activity);
    const handled = bot.logs.lines.filter(
      (line) => line.activityId === activity.id && line.msg === 'activity handled',
    );
    expect(handled).toHaveLength(1);
    expect(bot.logs.text()).not.toContain(secret);
  });

  it('answers malformed bodies with 4xx and keeps serving', async () => {
    expect((await postActivity(bot.url, '{"type": "message", ')).status).toBe(400);
    expect((await postActivity(bot.url, '[1,2,3]')).status).toBe(400);
    expect((await postActivity(bot.url, { text: 'no type' })).status).toBe(400);
    const huge = JSON.stringify({ type: 'message', text: 'x'.repeat(2 * 1024 * 1024) });
    expect((await postActivity(bot.url, huge)).status).toBe(413);
    const wrongType = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml' },
      body: '<a/>',
    });
    expect(wrongType.status).toBeGreaterThanOrEqual(400);
    expect(wrongType.status).toBeLessThan(500);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('answers a probe of the messages endpoint (HEAD) without a body, and refuses GET', async () => {
    const head = await fetch(`${bot.url}/api/messages`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('allow')).toBe('POST, HEAD');
    expect(await head.text()).toBe('');
    expect((await fetch(`${bot.url}/api/messages`)).status).toBe(405);
  });

  it('is ready when the store and registry are', async () => {
    const response = await fetch(`${bot.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', checks: { store: 'ok', registry: 'ok' } });
  });
});
