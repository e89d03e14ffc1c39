/**
 * When to try a failed post again (Microsoft's "Rate limiting for bots"): 429 waits for its
 * Retry-After, other transient failures (412, 5xx, network) back off exponentially with
 * jitter, both bounded; permanent failures (400, 401, 403, 404…) are final at once.
 */
import type { SendFailure } from '../../ports/messenger';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A longer Retry-After ends the delivery as failed rather than holding its job's claim. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
};

export type RetryDecision =
  { readonly retry: true; readonly delayMs: number } | { readonly retry: false; readonly reason: string };

/** `attempts` is the number made so far; `random` returns [0, 1). */
export function nextRetry(
  failure: SendFailure,
  attempts: number,
  random: () => number,
  options: RetryOptions = DEFAULT_RETRY,
): RetryDecision {
  if (failure.permanent) return { retry: false, reason: failure.reason };
  if (attempts >= options.maxAttempts)
    return { retry: false, reason: `gave up after ${attempts} attempts: ${failure.reason}` };
  if (failure.retryAfterMs !== undefined) {
    if (failure.retryAfterMs > options.maxRetryAfterMs)
      return { retry: false, reason: `asked to wait ${failure.retryAfterMs} ms: ${failure.reason}` };
    // Retry-After is a minimum; a little spread keeps throttled senders from returning together.
    return { retry: true, delayMs: Math.ceil(failure.retryAfterMs * (1 + 0.1 * random())) };
  }
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempts - 1));
  // "Equal jitter": never an immediate retry, never in lockstep with other senders.
  return { retry: true, delayMs: Math.ceil(ceiling / 2 + (ceiling / 2) * random()) };
}
