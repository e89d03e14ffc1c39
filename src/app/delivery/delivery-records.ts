/**
 * Each delivery's final status, kept in the Store as `delivery:<id>` and listed per forum (newest
 * first) for the forum's secretaries. A delivered id is never posted again, so a job retried
 * after a crash between "posted" and "job done" does not post twice.
 */
import { z } from 'zod';
import type { Store } from '../../ports/store';

export const DELIVERY_STATUSES = ['delivered', 'failed', 'rejected', 'conversation-gone'] as const;
/**
 * delivered: posted. failed: transient errors until the retries ran out; worth a later try.
 * rejected: a permanent error (400, 401…). conversation-gone: 403 or 404; the stored reference
 * was removed and the forum's secretary should add the bot to the channel again.
 */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const deliveryRecordSchema = z.object({
  id: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  conversationId: z.string(),
  forumId: z.string().optional(),
  kind: z.string().optional(),
  attempts: z.number().int().min(0),
  /** HTTP status of the last answer; 0 for none (network error, timeout, shutdown). */
  lastStatus: z.number().int(),
  reason: z.string().optional(),
  activityId: z.string().optional(),
  /** Where the message lives, when it differs from `conversationId` (a new channel thread). */
  postedTo: z.string().optional(),
  referenceRemoved: z.boolean().optional(),
  queuedAt: z.number(),
  firstAttemptAt: z.number().optional(),
  lastAttemptAt: z.number().optional(),
  finishedAt: z.number(),
});

export type DeliveryRecord = z.infer<typeof deliveryRecordSchema>;

export const deliveryKey = (id: string): string => `delivery:${id}`;
export const forumDeliveriesIndex = (forumId: string): string => `delivery:forum:${forumId}`;

export interface DeliveryPage {
  readonly offset?: number;
  /** Default 50. */
  readonly limit?: number;
}

export class DeliveryRecords {
  constructor(private readonly store: Store) {}

  async get(id: string): Promise<DeliveryRecord | undefined> {
    const stored = await this.store.get<unknown>(deliveryKey(id));
    if (!stored) return undefined;
    const parsed = deliveryRecordSchema.safeParse(stored.value);
    return parsed.success ? parsed.data : undefined;
  }

  async save(record: DeliveryRecord): Promise<void> {
    await this.store.put(deliveryKey(record.id), record, {
      indexes: record.forumId
        ? [
            {
              op: 'add',
              index: forumDeliveriesIndex(record.forumId),
              member: record.id,
              score: record.finishedAt,
            },
          ]
        : [],
    });
  }

  /** A forum's deliveries, the latest finished first. */
  async listByForum(forumId: string, page: DeliveryPage = {}): Promise<DeliveryRecord[]> {
    const entries = await this.store.range(forumDeliveriesIndex(forumId), {
      reverse: true,
      offset: page.offset ?? 0,
      limit: page.limit ?? 50,
    });
    const stored = await this.store.getMany<unknown>(entries.map((entry) => deliveryKey(entry.member)));
    return stored.flatMap((item) => {
      const parsed = item ? deliveryRecordSchema.safeParse(item.value) : undefined;
      return parsed?.success ? [parsed.data] : [];
    });
  }
}
