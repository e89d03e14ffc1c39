/**
 * The Messenger port: proactive posts into a conversation the bot already knows (digests,
 * reminders) and in-place refreshes of a card it posted. One attempt per call: retries,
 * rate limits and delivery records belong to app/delivery, so an adapter never retries.
 */
import type { ConversationRef } from './conversation-directory';

export interface OutgoingMessage {
  /** Plain text: the whole message without a card, the card's fallback with one. Never markup. */
  readonly text: string;
  /** An Adaptive Card (≤ 1.5) as JSON, built by cards/. */
  readonly card?: Readonly<Record<string, unknown>>;
  /** In a Teams channel, start a new thread instead of posting into the conversation as is. */
  readonly newThread?: boolean;
  /** BCP 47 tag of the message's language, e.g. `fi-FI`. */
  readonly locale?: string;
}

export interface SendSuccess {
  readonly ok: true;
  /** The id of the posted (or updated) message, for a later `update`. */
  readonly activityId: string;
  /** Where the message lives: the new thread's conversation id for `newThread` posts. */
  readonly conversationId: string;
}

export interface SendFailure {
  readonly ok: false;
  /** The HTTP status of the connector's answer; 0 when there was none (network, timeout). */
  readonly status: number;
  /** From the answer's Retry-After header, when it had one. */
  readonly retryAfterMs?: number;
  /** True when sending the same message again cannot succeed (400, 401, 403, 404…). */
  readonly permanent: boolean;
  /** Short, loggable; never the message body or credentials. */
  readonly reason: string;
}

export type SendResult = SendSuccess | SendFailure;

export interface Messenger {
  send(ref: ConversationRef, message: OutgoingMessage): Promise<SendResult>;
  /** Replaces an earlier message of the bot, e.g. a card refreshed with new acknowledgements. */
  update(ref: ConversationRef, activityId: string, message: OutgoingMessage): Promise<SendResult>;
}

/** HTTP statuses worth trying again; every other 4xx is the request's own fault. */
export function isTransientStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 412 || status === 429 || status >= 500;
}
