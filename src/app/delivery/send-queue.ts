/**
 * The way out for proactive posts: keeps Teams' rate limits, retries what is worth retrying,
 * forgets conversations the bot was removed from, and records each delivery's final status.
 *
 * One lane per conversation, first in first out, one request in flight per lane: posts to a
 * conversation arrive in the order they were queued, and a retrying post holds back the ones
 * after it. The rate windows are kept in this process. With several instances each keeps its
 * own: a conversation's posts come from the one instance whose scheduler claimed the job, so
 * the per-conversation limits hold; the per-tenant budget is shared, so give each instance its
 * share (`teamsLimits(instances)`). A 429 that still happens is waited out like any other.
 * Sharing the windows through the Store would cost a round trip per post and leave keys behind.
 */
import type { Clock } from '../../ports/clock';
import type { ConversationDirectory, ConversationRef } from '../../ports/conversation-directory';
import type { Messenger, OutgoingMessage, SendFailure, SendResult } from '../../ports/messenger';
import type { Store } from '../../ports/store';
import { DeliveryRecords, type DeliveryRecord, type DeliveryStatus } from './delivery-records';
import { RateWindows, type RateWindow } from './rate-windows';
import { DEFAULT_RETRY, nextRetry, type RetryOptions } from './retry-policy';
import { systemTimers, type TimerHandle, type Timers } from './timers';

export interface DeliveryRequest {
  /** Stable per message, e.g. `digest:<forum>:<meeting>`: a delivered id is not posted again. */
  readonly id: string;
  readonly ref: ConversationRef;
  readonly message: OutgoingMessage;
  /** Refresh this earlier message in place instead of posting a new one. */
  readonly updateActivityId?: string;
  /** Lists the delivery among the forum's deliveries for its secretaries. */
  readonly forumId?: string;
  /** What is delivered, e.g. `digest` or `reminder`. */
  readonly kind?: string;
}

export interface SendLimits {
  readonly perConversation: readonly RateWindow[];
  readonly perTenant: readonly RateWindow[];
}

/**
 * Microsoft's "Rate limiting for bots": per bot and conversation 7 requests a second, 60 in
 * 30 seconds and 1800 in an hour; per app and tenant 50 a second, shared by `instances`.
 */
export function teamsLimits(instances = 1): SendLimits {
  return {
    perConversation: [
      { limit: 7, periodMs: 1_000 },
      { limit: 60, periodMs: 30_000 },
      { limit: 1_800, periodMs: 3_600_000 },
    ],
    perTenant: [{ limit: Math.max(1, Math.floor(50 / Math.max(1, instances))), periodMs: 1_000 }],
  };
}

/** The part of the structured logger (pino) the queue uses. */
export interface DeliveryLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface SendQueueDeps {
  readonly messenger: Messenger;
  readonly conversations: Pick<ConversationDirectory, 'remove'>;
  readonly store: Store;
  readonly clock: Clock;
  readonly timers?: Timers;
  /** [0, 1); jitter of the retry delays. */
  readonly random?: () => number;
  readonly logger?: DeliveryLogger;
}

export interface SendQueueOptions {
  readonly limits?: SendLimits;
  readonly retry?: RetryOptions;
  /** Requests in flight at once, over all conversations; default 32. */
  readonly maxInFlight?: number;
}

interface Pending {
  readonly request: DeliveryRequest;
  readonly queuedAt: number;
  readonly settle: (record: DeliveryRecord) => void;
  attempts: number;
  notBefore: number;
  firstAttemptAt?: number;
  lastAttemptAt?: number;
}

interface Lane {
  readonly items: Pending[];
  busy: boolean;
}

interface Conclusion {
  readonly status: DeliveryStatus;
  readonly lastStatus: number;
  readonly reason?: string;
  readonly activityId?: string;
  readonly postedTo?: string;
}

const PRUNE_EVERY_MS = 10_000;
const SHUTDOWN_REASON = 'not sent: the bot is shutting down';

/** 403: the bot was removed or blocked; 404: the conversation is gone. Either way the reference is dead. */
const isConversationGone = (status: number): boolean => status === 403 || status === 404;

export class SendQueue {
  private readonly records: DeliveryRecords;
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly retry: RetryOptions;
  private readonly maxInFlight: number;
  private readonly conversationWindows: RateWindows;
  private readonly tenantWindows: RateWindows;
  private readonly lanes = new Map<string, Lane>();
  /** Deliveries by id until settled: asking twice at once posts once. */
  private readonly underway = new Map<string, Promise<DeliveryRecord>>();
  private readonly idleWaiters: (() => void)[] = [];
  private inFlight = 0;
  /** Deliveries accepted and not yet settled. */
  private active = 0;
  private wake: { readonly at: number; readonly handle: TimerHandle } | undefined;
  private prunedAt = 0;
  private closing = false;
  private abandoned = false;

  constructor(
    private readonly deps: SendQueueDeps,
    options: SendQueueOptions = {},
  ) {
    const limits = options.limits ?? teamsLimits();
    this.records = new DeliveryRecords(deps.store);
    this.timers = deps.timers ?? systemTimers;
    this.random = deps.random ?? Math.random;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.maxInFlight = options.maxInFlight ?? 32;
    this.conversationWindows = new RateWindows(limits.perConversation);
    this.tenantWindows = new RateWindows(limits.perTenant);
  }

  /**
   * Resolves with the final record once the message is delivered or will not be (it never
   * rejects). After `close` nothing new is accepted: the result is a `failed` record, unsaved.
   */
  deliver(request: DeliveryRequest): Promise<DeliveryRecord> {
    const queuedAt = this.deps.clock.now();
    if (this.closing) return Promise.resolve(this.refused(request, queuedAt));
    const current = this.underway.get(request.id);
    if (current) return current;
    const delivery = this.enqueue(request, queuedAt).finally(() => this.underway.delete(request.id));
    this.underway.set(request.id, delivery);
    return delivery;
  }

  /** Resolves when every accepted delivery has settled. */
  idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops accepting, lets queued posts go out for `graceMs`, then ends the ones still waiting
   * as failed (their jobs are released and run again elsewhere). A request in flight finishes.
   */
  async close(graceMs = 10_000): Promise<void> {
    this.closing = true;
    if (this.active === 0) return;
    const timer = this.timers.setTimeout(() => this.abandon(), graceMs);
    await this.idle();
    this.timers.clearTimeout(timer);
  }

  private async enqueue(request: DeliveryRequest, queuedAt: number): Promise<DeliveryRecord> {
    this.active += 1;
    const previous = await this.records.get(request.id).catch((error: unknown) => {
      // Posting beats de-duplicating: the record only guards against a rare second run.
      this.deps.logger?.warn({ id: request.id, err: messageOf(error) }, 'delivery record unreadable');
      return undefined;
    });
    if (previous?.status === 'delivered') {
      this.settled();
      return previous;
    }
    return new Promise<DeliveryRecord>((resolve) => {
      const pending: Pending = { request, queuedAt, settle: resolve, attempts: 0, notBefore: queuedAt };
      const key = request.ref.conversationId;
      const lane = this.lanes.get(key) ?? { items: [], busy: false };
      lane.items.push(pending);
      this.lanes.set(key, lane);
      this.pump();
    });
  }

  private pump(): void {
    const now = this.deps.clock.now();
    if (now - this.prunedAt >= PRUNE_EVERY_MS) {
      this.conversationWindows.prune(now);
      this.tenantWindows.prune(now);
      this.prunedAt = now;
    }
    let wakeAt = Infinity;
    for (const [key, lane] of this.lanes) {
      if (lane.busy) continue;
      const head = lane.items[0];
      if (!head) {
        this.lanes.delete(key);
        continue;
      }
      if (this.inFlight >= this.maxInFlight) break;
      const tenant = tenantKey(head.request.ref);
      const at = Math.max(
        head.notBefore,
        this.conversationWindows.earliest(key, now),
        this.tenantWindows.earliest(tenant, now),
      );
      if (at > now) {
        wakeAt = Math.min(wakeAt, at);
        continue;
      }
      this.conversationWindows.record(key, now);
      this.tenantWindows.record(tenant, now);
      lane.busy = true;
      this.inFlight += 1;
      void this.attempt(lane, head, now);
    }
    this.wakeAt(wakeAt, now);
  }

  private wakeAt(at: number, now: number): void {
    if (at === Infinity || (this.wake && this.wake.at <= at)) return;
    if (this.wake) this.timers.clearTimeout(this.wake.handle);
    const handle = this.timers.setTimeout(() => {
      this.wake = undefined;
      this.pump();
    }, at - now);
    this.wake = { at, handle };
  }

  private async attempt(lane: Lane, item: Pending, startedAt: number): Promise<void> {
    item.attempts += 1;
    item.firstAttemptAt ??= startedAt;
    item.lastAttemptAt = startedAt;
    const result = await this.post(item.request);
    lane.busy = false;
    this.inFlight -= 1;
    const now = this.deps.clock.now();
    const conclusion = this.conclusionOf(item, result, now);
    if (conclusion) {
      lane.items.shift();
      void this.conclude(item, conclusion);
    }
    this.pump();
  }

  /** Undefined: try again later (the item keeps its place at the head of its lane). */
  private conclusionOf(item: Pending, result: SendResult, now: number): Conclusion | undefined {
    if (result.ok) {
      const postedTo =
        result.conversationId !== item.request.ref.conversationId ? { postedTo: result.conversationId } : {};
      return { status: 'delivered', lastStatus: 200, activityId: result.activityId, ...postedTo };
    }
    const decision = nextRetry(result, item.attempts, this.random, this.retry);
    if (decision.retry && !this.abandoned) {
      item.notBefore = now + decision.delayMs;
      this.deps.logger?.info(
        { id: item.request.id, attempt: item.attempts, status: result.status, delayMs: decision.delayMs },
        'delivery will be retried',
      );
      return undefined;
    }
    const reason = decision.retry ? `${SHUTDOWN_REASON} (last: ${result.reason})` : decision.reason;
    if (isConversationGone(result.status))
      return { status: 'conversation-gone', lastStatus: result.status, reason };
    return failed(result, reason);
  }

  private async post(request: DeliveryRequest): Promise<SendResult> {
    const { messenger } = this.deps;
    try {
      return request.updateActivityId
        ? await messenger.update(request.ref, request.updateActivityId, request.message)
        : await messenger.send(request.ref, request.message);
    } catch (error) {
      return { ok: false, status: 0, permanent: false, reason: `messenger failed: ${messageOf(error)}` };
    }
  }

  private async conclude(item: Pending, conclusion: Conclusion): Promise<void> {
    const { request } = item;
    let referenceRemoved = false;
    if (conclusion.status === 'conversation-gone') {
      referenceRemoved = await this.deps.conversations.remove(request.ref.conversationId).catch((error) => {
        this.deps.logger?.warn(
          { id: request.id, err: messageOf(error) },
          'conversation reference not removed',
        );
        return false;
      });
    }
    const record = this.recordOf(item, conclusion, referenceRemoved);
    try {
      await this.records.save(record);
    } catch (error) {
      this.deps.logger?.warn({ id: request.id, err: messageOf(error) }, 'delivery record not saved');
    }
    const details = {
      id: request.id,
      status: record.status,
      attempts: record.attempts,
      lastStatus: record.lastStatus,
      ms: record.finishedAt - record.queuedAt,
    };
    if (record.status === 'delivered') this.deps.logger?.info(details, 'delivered');
    else this.deps.logger?.warn({ ...details, reason: record.reason }, 'not delivered');
    item.settle(record);
    this.settled();
  }

  private recordOf(item: Pending, conclusion: Conclusion, referenceRemoved: boolean): DeliveryRecord {
    const { request } = item;
    return {
      id: request.id,
      status: conclusion.status,
      conversationId: request.ref.conversationId,
      attempts: item.attempts,
      lastStatus: conclusion.lastStatus,
      queuedAt: item.queuedAt,
      finishedAt: this.deps.clock.now(),
      ...(request.forumId !== undefined ? { forumId: request.forumId } : {}),
      ...(request.kind !== undefined ? { kind: request.kind } : {}),
      ...(conclusion.reason !== undefined ? { reason: conclusion.reason } : {}),
      ...(conclusion.activityId !== undefined ? { activityId: conclusion.activityId } : {}),
      ...(conclusion.postedTo !== undefined ? { postedTo: conclusion.postedTo } : {}),
      ...(conclusion.status === 'conversation-gone' ? { referenceRemoved } : {}),
      ...(item.firstAttemptAt !== undefined ? { firstAttemptAt: item.firstAttemptAt } : {}),
      ...(item.lastAttemptAt !== undefined ? { lastAttemptAt: item.lastAttemptAt } : {}),
    };
  }

  private settled(): void {
    this.active -= 1;
    if (this.active > 0) return;
    if (this.wake) {
      this.timers.clearTimeout(this.wake.handle);
      this.wake = undefined;
    }
    this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  private abandon(): void {
    this.abandoned = true;
    for (const lane of this.lanes.values()) {
      const waiting = lane.items.splice(lane.busy ? 1 : 0);
      for (const item of waiting)
        void this.conclude(item, { status: 'failed', lastStatus: 0, reason: SHUTDOWN_REASON });
    }
  }

  private refused(request: DeliveryRequest, now: number): DeliveryRecord {
    return {
      id: request.id,
      status: 'failed',
      conversationId: request.ref.conversationId,
      attempts: 0,
      lastStatus: 0,
      reason: SHUTDOWN_REASON,
      queuedAt: now,
      finishedAt: now,
      ...(request.forumId !== undefined ? { forumId: request.forumId } : {}),
      ...(request.kind !== undefined ? { kind: request.kind } : {}),
    };
  }
}

function failed(result: SendFailure, reason: string): Conclusion {
  return { status: result.permanent ? 'rejected' : 'failed', lastStatus: result.status, reason };
}

function tenantKey(ref: ConversationRef): string {
  return ref.tenantId ?? '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
