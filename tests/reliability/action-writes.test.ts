/**
 * What survives: every action write the bot acknowledged is there after a kill -9 of the bot
 * and after a Redis restart, and none is there twice. Prints one summary line per scenario.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStore } from '../../src/adapters/file/file-store';
import type { Store } from '../../src/ports/store';
import { cardActionInvoke, messageActivity, postActivity, TENANT, USER_AAD } from '../support/activities';
import { startHarness } from '../support/bot-harness';
import { startBotProcess } from '../support/bot-process';
import { replyText, startFakeConnector, type FakeConnector } from '../support/connector';
import { startRedisServer } from '../support/redis-server';

jest.setTimeout(120_000);
const FORUM = 'neuvottelukunta-ks';
const WRITES = 200;

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector.close();
});

interface Attempt {
  readonly key: string;
  acknowledgedId?: string;
}

/** Sends one log invoke; returns the action id when the bot acknowledged it with the action card. */
async function logAction(url: string, key: string): Promise<string | undefined> {
  const data = {
    verb: 'actions.log.v1',
    kind: 'action',
    idempotencyKey: key,
    forumId: FORUM,
    title: `Toimenpide ${key}`,
  };
  try {
    const response = await postActivity(
      url,
      cardActionInvoke({ serviceUrl: connector.url, aadObjectId: USER_AAD, verb: data.verb, data }),
    );
    if (response.status !== 200) return undefined;
    const body = (await response.json()) as { type?: string; value?: unknown };
    if (body.type !== 'application/vnd.microsoft.card.adaptive') return undefined;
    return /([A-Z]{2,8}-\d{4}-\d{3,})/.exec(JSON.stringify(body.value))?.[1];
  } catch {
    return undefined;
  }
}

async function burst(
  url: string,
  attempts: Attempt[],
  parallel: number,
  onAck?: (count: number) => void,
): Promise<void> {
  let next = 0;
  let acks = 0;
  const worker = async (): Promise<void> => {
    while (next < attempts.length) {
      const attempt = attempts[next++]!;
      attempt.acknowledgedId = await logAction(url, attempt.key);
      if (attempt.acknowledgedId) onAck?.(++acks);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

async function storedActions(store: Store): Promise<{ ids: string[]; titles: string[] }> {
  const entries = await store.range(`actions:forum:${FORUM}:all`);
  const titles: string[] = [];
  for (const entry of entries) {
    const record = await store.get<{ title: string }>(`action:${entry.member}`);
    if (record) titles.push(record.value.title);
  }
  return { ids: entries.map((e) => e.member), titles };
}

function summarise(
  scenario: string,
  attempts: Attempt[],
  stored: { ids: string[]; titles: string[] },
): { lost: number; duplicated: number } {
  const acknowledged = attempts.filter((a) => a.acknowledgedId);
  const lost = acknowledged.filter((a) => !stored.titles.includes(`Toimenpide ${a.key}`)).length;
  const counts = new Map<string, number>();
  for (const title of stored.titles) counts.set(title, (counts.get(title) ?? 0) + 1);
  const duplicated =
    [...counts.values()].filter((n) => n > 1).length + (stored.ids.length - new Set(stored.ids).size);
  process.stdout.write(
    `${scenario}: acknowledged ${acknowledged.length}/${attempts.length}, lost ${lost}, duplicated ${duplicated}\n`,
  );
  return { lost, duplicated };
}

it('kill -9 of the bot during a burst of 200 action writes loses nothing acknowledged and duplicates nothing', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bot-kill-'));
  try {
    const bot = await startBotProcess({
      DATA_DIR: dataDir,
      ALLOWED_TENANTS: TENANT,
      WRITES_PER_USER_PER_MINUTE: '10000',
    });
    const attempts: Attempt[] = Array.from({ length: WRITES }, () => ({ key: randomUUID() }));
    await burst(bot.url, attempts, 8, (acks) => {
      if (acks === 100) bot.child.kill('SIGKILL');
    });
    await bot.exited();
    // Retrying every request after the restart, as Teams would, must not create anything twice.
    const again = await startBotProcess({
      DATA_DIR: dataDir,
      ALLOWED_TENANTS: TENANT,
      WRITES_PER_USER_PER_MINUTE: '10000',
    });
    for (const attempt of attempts.filter((a) => a.acknowledgedId)) {
      expect(await logAction(again.url, attempt.key)).toBe(attempt.acknowledgedId);
    }
    again.child.kill('SIGTERM');
    await again.exited();
    const store = await createFileStore({ dir: dataDir });
    const result = summarise('kill -9 during 200 writes (file store)', attempts, await storedActions(store));
    await store.close();
    expect(attempts.filter((a) => a.acknowledgedId).length).toBeGreaterThanOrEqual(100);
    expect(result).toEqual({ lost: 0, duplicated: 0 });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it('a Redis restart (AOF) during writes loses nothing acknowledged; the bot reconnects and keeps answering', async () => {
  const redis = await startRedisServer({ appendOnly: true });
  const bot = await startHarness({
    REDIS_URL: redis.url,
    ALLOWED_TENANTS: TENANT,
    LOG_LEVEL: 'warn',
    WRITES_PER_USER_PER_MINUTE: '10000',
  });
  try {
    const attempts: Attempt[] = Array.from({ length: WRITES }, () => ({ key: randomUUID() }));
    let outage: Promise<void> | undefined;
    const writing = burst(bot.url, attempts, 4, (acks) => {
      if (acks === 60) {
        outage = (async () => {
          await redis.stop(true);
          // While Redis is down: questions are still answered, writes are refused with a message.
          const conversationId = `a:${randomUUID()}`;
          await postActivity(
            bot.url,
            messageActivity({
              serviceUrl: connector.url,
              text: 'kuka vastaa kotoutumisesta Jyväskylässä?',
              conversationId,
            }),
          );
          const [answer] = await connector.waitFor(1, (r) => r.conversationId === conversationId);
          expect(replyText(answer!)).toContain('Aino Esimerkki');
          const refused = await postActivity(
            bot.url,
            cardActionInvoke({
              serviceUrl: connector.url,
              aadObjectId: USER_AAD,
              verb: 'actions.log.v1',
              data: {
                verb: 'actions.log.v1',
                kind: 'action',
                idempotencyKey: randomUUID(),
                forumId: FORUM,
                title: 'Katkon aikana',
              },
            }),
          );
          expect(JSON.stringify(await refused.json())).toMatch(/Tallennus ei ole juuri nyt käytettävissä/);
          await new Promise((resolve) => setTimeout(resolve, 500));
          await redis.restart();
        })();
      }
    });
    await writing;
    await outage;
    // The same bot instance works again without a restart.
    let reconnected: string | undefined;
    for (let i = 0; i < 50 && !reconnected; i++) {
      reconnected = await logAction(bot.url, randomUUID());
      if (!reconnected) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(reconnected).toBeDefined();
    const retry = attempts.filter((a) => a.acknowledgedId);
    for (const attempt of retry) expect(await logAction(bot.url, attempt.key)).toBe(attempt.acknowledgedId);
    const result = summarise(
      'redis restart during 200 writes (AOF)',
      attempts,
      await storedActions(bot.service.store),
    );
    expect(result).toEqual({ lost: 0, duplicated: 0 });
  } finally {
    await bot.stop();
    await redis.destroy();
  }
});
