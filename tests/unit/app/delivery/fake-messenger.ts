/** A Messenger that records every request with its (manual) time and answers as the test says. */
import type { Clock } from '../../../../src/ports/clock';
import type { ConversationRef } from '../../../../src/ports/conversation-directory';
import type { Messenger, OutgoingMessage, SendResult } from '../../../../src/ports/messenger';

export interface MessengerCall {
  readonly at: number;
  readonly op: 'send' | 'update';
  readonly conversationId: string;
  readonly tenantId: string;
  readonly text: string;
  /** 1 for the first request carrying this text, 2 for its first retry… */
  readonly attempt: number;
}

export type Answer = (call: MessengerCall) => SendResult | Promise<SendResult>;

export const delivered: Answer = (call) => ({
  ok: true,
  activityId: `activity-${call.text}-${call.attempt}`,
  conversationId: call.conversationId,
});

export const failure = (status: number, retryAfterMs?: number): SendResult => ({
  ok: false,
  status,
  permanent: status >= 400 && ![408, 412, 429].includes(status) && status < 500,
  reason: `HTTP ${status}`,
  ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
});

export class FakeMessenger implements Messenger {
  readonly calls: MessengerCall[] = [];
  answer: Answer = delivered;

  constructor(private readonly clock: Clock) {}

  send(ref: ConversationRef, message: OutgoingMessage): Promise<SendResult> {
    return this.call('send', ref, message);
  }

  update(ref: ConversationRef, _activityId: string, message: OutgoingMessage): Promise<SendResult> {
    return this.call('update', ref, message);
  }

  /** Request times of one conversation (or of all), in order. */
  times(filter: (call: MessengerCall) => boolean = () => true): number[] {
    return this.calls.filter(filter).map((call) => call.at);
  }

  private async call(
    op: 'send' | 'update',
    ref: ConversationRef,
    message: OutgoingMessage,
  ): Promise<SendResult> {
    const attempt = this.calls.filter((call) => call.text === message.text).length + 1;
    const call: MessengerCall = {
      at: this.clock.now(),
      op,
      conversationId: ref.conversationId,
      tenantId: ref.tenantId ?? '',
      text: message.text,
      attempt,
    };
    this.calls.push(call);
    return this.answer(call);
  }
}

/** The most requests found in any window of `periodMs` (half-open: (t - period, t]). */
export function busiestWindow(times: readonly number[], periodMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  let from = 0;
  sorted.forEach((at, i) => {
    while ((sorted[from] as number) <= at - periodMs) from += 1;
    busiest = Math.max(busiest, i - from + 1);
  });
  return busiest;
}
