/**
 * Remembers which inbound activities were already handled (Teams redelivers on timeouts)
 * and which conversations were already greeted, across restarts and instances.
 */
import type { Store } from '../ports/store';
import { StoreConflictError } from '../ports/store';

const DELIVERY_TTL_MS = 24 * 60 * 60 * 1000;

export class ActivityLedger {
  constructor(private readonly store: Store) {}

  /** True for the first delivery of this activity; false for a duplicate. */
  firstDelivery(conversationId: string, activityId: string): Promise<boolean> {
    return this.store.claimOnce(deliveryKey(conversationId, activityId), DELIVERY_TTL_MS);
  }

  /** Lets a redelivery through again when handling the first one failed. */
  forget(conversationId: string, activityId: string): Promise<void> {
    return this.store.releaseClaim(deliveryKey(conversationId, activityId));
  }

  /** True exactly once per conversation, ever. */
  async firstGreeting(conversationId: string, at: number): Promise<boolean> {
    try {
      await this.store.put(`greeted:${conversationId}`, { at }, { expectedVersion: 0 });
      return true;
    } catch (error) {
      if (error instanceof StoreConflictError) return false;
      throw error;
    }
  }
}

function deliveryKey(conversationId: string, activityId: string): string {
  return `delivery:${conversationId}:${activityId}`;
}
