import { StoredConversationDirectory } from '../../../../src/app/conversation-directory';
import { DeliveryRecords, type DeliveryRecord } from '../../../../src/app/delivery/delivery-records';
import {
  SendQueue,
  type DeliveryRequest,
  type SendQueueOptions,
} from '../../../../src/app/delivery/send-queue';
import type { ConversationRef } from '../../../../src/ports/conversation-directory';
import { busiestWindow, delivered, failure, FakeMessenger } from './fake-messenger';
import { ManualTime } from './manual-time';
import { MemoryStore } from './memory-store';

const TENANT = 'tenant-a';

function ref(conversationId: string, tenantId = TENANT): ConversationRef {
  return {
    conversationId,
    serviceUrl: 'https://smba.example/emea/',
    channelId: 'msteams',
    conversationType: 'channel',
    tenantId,
    teamsChannelId: conversationId,
    botId: '28:bot',
    updatedAt: 0,
  };
}

function request(
  text: string,
  conversationId = 'conv-1',
  extra: Partial<DeliveryRequest> = {},
): DeliveryRequest {
  return { id: `delivery-${text}`, ref: ref(conversationId), message: { text }, ...extra };
}

describe('SendQueue', () => {
  let time: ManualTime;
  let store: MemoryStore;
  let messenger: FakeMessenger;
  let directory: StoredConversationDirectory;
  let queue: SendQueue;

  const open = (options: SendQueueOptions = {}): SendQueue =>
    new SendQueue(
      { messenger, conversations: directory, store, clock: time, timers: time, random: () => 0.5 },
      options,
    );

  beforeEach(() => {
    time = new ManualTime();
    store = new MemoryStore(time);
    messenger = new FakeMessenger(time);
    directory = new StoredConversationDirectory(store);
    queue = open();
  });

  const deliverAll = (requests: readonly DeliveryRequest[]): Promise<DeliveryRecord[]> =>
    time.until(Promise.all(requests.map((r) => queue.deliver(r))));

  describe('keeps Teams rate limits', () => {
    it('never more than 7 a second or 60 in 30 seconds to one conversation, and no slower than that', async () => {
      const records = await deliverAll(Array.from({ length: 150 }, (_, i) => request(`m${i}`)));
      expect(records.every((record) => record.status === 'delivered')).toBe(true);
      const times = messenger.times();
      expect(times).toHaveLength(150);
      expect(busiestWindow(times, 1_000)).toBe(7);
      expect(busiestWindow(times, 30_000)).toBe(60);
      // 60 go in the first 30 s, 60 more in the next, the last 30 at 7 a second.
      const span = (times.at(-1) as number) - (times[0] as number);
      expect(span).toBeGreaterThanOrEqual(60_000);
      expect(span).toBeLessThan(65_000);
    });

    it('keeps the messages of one conversation in the order they were queued', async () => {
      await deliverAll(Array.from({ length: 20 }, (_, i) => request(`m${i}`)));
      expect(messenger.calls.map((call) => call.text)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
    });

    it('never more than 50 requests a second for one tenant, over many conversations', async () => {
      const requests = Array.from({ length: 300 }, (_, i) => request(`m${i}`, `conv-${i % 100}`));
      await deliverAll(requests);
      const times = messenger.times();
      expect(times).toHaveLength(300);
      expect(busiestWindow(times, 1_000)).toBe(50);
      for (let c = 0; c < 100; c++)
        expect(
          busiestWindow(
            messenger.times((call) => call.conversationId === `conv-${c}`),
            1_000,
          ),
        ).toBeLessThanOrEqual(7);
      expect((times.at(-1) as number) - (times[0] as number)).toBeLessThan(6_000);
    });

    it('counts each tenant on its own', async () => {
      const requests = Array.from({ length: 200 }, (_, i) => ({
        ...request(`m${i}`),
        ref: ref(`conv-${i}`, i % 2 === 0 ? 'tenant-a' : 'tenant-b'),
      }));
      await deliverAll(requests);
      for (const tenant of ['tenant-a', 'tenant-b'])
        expect(
          busiestWindow(
            messenger.times((call) => call.tenantId === tenant),
            1_000,
          ),
        ).toBe(50);
      const times = messenger.times();
      expect((times.at(-1) as number) - (times[0] as number)).toBeLessThan(2_000);
    });

    it('counts retries against the windows too', async () => {
      messenger.answer = (call) => (call.attempt === 1 ? failure(503) : delivered(call));
      await deliverAll(Array.from({ length: 30 }, (_, i) => request(`m${i}`)));
      expect(messenger.calls).toHaveLength(60);
      expect(busiestWindow(messenger.times(), 1_000)).toBeLessThanOrEqual(7);
    });
  });

  describe('retries', () => {
    it('waits for Retry-After on 429, holding back the conversation meanwhile', async () => {
      messenger.answer = (call) =>
        call.text === 'a' && call.attempt === 1 ? failure(429, 5_000) : delivered(call);
      const [a, b] = await deliverAll([request('a'), request('b')]);
      expect(messenger.calls.map((call) => call.text)).toEqual(['a', 'a', 'b']);
      const [first, second] = messenger.times();
      expect((second as number) - (first as number)).toBeGreaterThanOrEqual(5_000);
      expect((second as number) - (first as number)).toBeLessThanOrEqual(5_500);
      expect(a).toMatchObject({
        status: 'delivered',
        attempts: 2,
        lastStatus: 200,
        activityId: 'activity-a-2',
      });
      expect(b).toMatchObject({ status: 'delivered', attempts: 1 });
    });

    it('lets other conversations go on while one waits', async () => {
      messenger.answer = (call) =>
        call.text === 'a' && call.attempt === 1 ? failure(429, 5_000) : delivered(call);
      await deliverAll([request('a', 'conv-1'), request('b', 'conv-2')]);
      expect(messenger.calls.map((call) => call.text)).toEqual(['a', 'b', 'a']);
      expect(messenger.calls[1]?.at).toBe(messenger.calls[0]?.at);
    });

    it('backs off exponentially with jitter on 429 without Retry-After and on 5xx, bounded', async () => {
      messenger.answer = () => failure(503);
      const [record] = await deliverAll([request('a')]);
      expect(record).toMatchObject({ status: 'failed', attempts: 6, lastStatus: 503 });
      expect(record?.reason).toMatch(/gave up after 6 attempts/);
      const times = messenger.times();
      // random() = 0.5: three quarters of 1, 2, 4, 8, 16 s.
      expect(times.slice(1).map((at, i) => at - (times[i] as number))).toEqual([
        750, 1_500, 3_000, 6_000, 12_000,
      ]);
    });

    it('caps the backoff', async () => {
      queue = open({
        retry: { maxAttempts: 9, baseDelayMs: 1_000, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 },
      });
      messenger.answer = (call) => (call.attempt < 9 ? failure(429) : delivered(call));
      const [record] = await deliverAll([request('a')]);
      expect(record).toMatchObject({ status: 'delivered', attempts: 9 });
      const times = messenger.times();
      expect(
        times
          .slice(1)
          .map((at, i) => at - (times[i] as number))
          .slice(-3),
      ).toEqual([22_500, 22_500, 22_500]);
    });

    it.each([412, 429, 500, 502, 503, 504, 0])('retries %i', async (status) => {
      messenger.answer = (call) => (call.attempt === 1 ? failure(status) : delivered(call));
      const [record] = await deliverAll([request('a')]);
      expect(record).toMatchObject({ status: 'delivered', attempts: 2 });
    });

    it('treats a messenger that throws as a transient failure', async () => {
      messenger.answer = (call) => {
        if (call.attempt === 1) throw new Error('socket hang up');
        return delivered(call);
      };
      const [record] = await deliverAll([request('a')]);
      expect(record).toMatchObject({ status: 'delivered', attempts: 2 });
    });

    it('gives up at once when Retry-After asks for more than it will wait', async () => {
      messenger.answer = () => failure(429, 3_600_000);
      const [record] = await deliverAll([request('a')]);
      expect(record).toMatchObject({ status: 'failed', attempts: 1, lastStatus: 429 });
      expect(record?.reason).toMatch(/asked to wait/);
    });

    it.each([400, 401, 413])('does not retry %i', async (status) => {
      messenger.answer = () => failure(status);
      const [record] = await deliverAll([request('a')]);
      expect(record).toMatchObject({ status: 'rejected', attempts: 1, lastStatus: status });
      expect(messenger.calls).toHaveLength(1);
    });

    it.each([403, 404])('on %i removes the conversation reference and says so', async (status) => {
      await directory.save(ref('conv-gone'));
      messenger.answer = () => failure(status);
      const [record] = await deliverAll([request('a', 'conv-gone', { forumId: 'forum-1', kind: 'digest' })]);
      expect(record).toMatchObject({
        status: 'conversation-gone',
        attempts: 1,
        lastStatus: status,
        referenceRemoved: true,
        forumId: 'forum-1',
      });
      expect(messenger.calls).toHaveLength(1);
      expect(await directory.get('conv-gone')).toBeUndefined();
    });
  });

  describe('records', () => {
    it('records every final status, listed per forum with the latest first', async () => {
      messenger.answer = (call) => (call.text === 'b' ? failure(404) : delivered(call));
      await deliverAll([request('a', 'conv-1', { forumId: 'f' })]);
      await time.advance(1_000);
      await deliverAll([request('b', 'conv-2', { forumId: 'f', kind: 'reminder' })]);
      await deliverAll([request('c', 'conv-3', { forumId: 'other' })]);
      const list = await new DeliveryRecords(store).listByForum('f');
      expect(list.map((record) => [record.id, record.status, record.kind])).toEqual([
        ['delivery-b', 'conversation-gone', 'reminder'],
        ['delivery-a', 'delivered', undefined],
      ]);
      expect(list[1]).toMatchObject({
        conversationId: 'conv-1',
        attempts: 1,
        queuedAt: expect.any(Number),
        firstAttemptAt: expect.any(Number),
        finishedAt: expect.any(Number),
      });
    });

    it('does not post a delivered id again', async () => {
      const first = await deliverAll([request('a')]);
      const again = await deliverAll([request('a')]);
      expect(messenger.calls).toHaveLength(1);
      expect(again).toEqual(first);
    });

    it('posts an id asked for twice at once only once', async () => {
      const [first, second] = await time.until(
        Promise.all([queue.deliver(request('a')), queue.deliver(request('a'))]),
      );
      expect(messenger.calls).toHaveLength(1);
      expect(second).toEqual(first);
    });

    it('posts a failed id again', async () => {
      messenger.answer = () => failure(400);
      await deliverAll([request('a')]);
      messenger.answer = delivered;
      const [record] = await deliverAll([request('a')]);
      expect(record?.status).toBe('delivered');
      expect(messenger.calls).toHaveLength(2);
    });

    it('still delivers when the store is down: the record is lost, not the post', async () => {
      store.down = true;
      const [record] = await deliverAll([request('a')]);
      expect(record?.status).toBe('delivered');
      expect(messenger.calls).toHaveLength(1);
    });

    it('updates a message in place when asked to', async () => {
      const [record] = await deliverAll([request('a', 'conv-1', { updateActivityId: 'activity-1' })]);
      expect(record).toMatchObject({ status: 'delivered', activityId: 'activity-a-1' });
      expect(messenger.calls.map((call) => call.op)).toEqual(['update']);
    });
  });

  describe('closing', () => {
    it('lets queued posts go for the grace period, then ends the rest as failed', async () => {
      const pending = Array.from({ length: 20 }, (_, i) => queue.deliver(request(`m${i}`)));
      const closed = queue.close(1_500);
      await time.until(closed);
      const records = await Promise.all(pending);
      // 7 in the first second, 7 more at 1 s; the rest were waiting for the window at 1.5 s.
      expect(records.filter((record) => record.status === 'delivered')).toHaveLength(14);
      const rest = records.filter((record) => record.status !== 'delivered');
      expect(rest).toHaveLength(6);
      expect(
        rest.every((record) => record.status === 'failed' && /shutting down/.test(record.reason ?? '')),
      ).toBe(true);
      const refused = await queue.deliver(request('late'));
      expect(refused).toMatchObject({ status: 'failed', attempts: 0 });
      expect(messenger.calls.map((call) => call.text)).not.toContain('late');
    });

    it('closes at once when idle', async () => {
      await deliverAll([request('a')]);
      await queue.close(10_000);
      await queue.idle();
    });
  });
});
