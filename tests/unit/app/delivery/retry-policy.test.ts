import { DEFAULT_RETRY, nextRetry } from '../../../../src/app/delivery/retry-policy';
import type { SendFailure } from '../../../../src/ports/messenger';

const failure = (status: number, extra: Partial<SendFailure> = {}): SendFailure => ({
  ok: false,
  status,
  permanent: false,
  reason: `HTTP ${status}`,
  ...extra,
});

describe('nextRetry', () => {
  it('waits at least Retry-After, with at most a tenth more', () => {
    expect(nextRetry(failure(429, { retryAfterMs: 2_000 }), 1, () => 0)).toEqual({
      retry: true,
      delayMs: 2_000,
    });
    expect(nextRetry(failure(429, { retryAfterMs: 2_000 }), 1, () => 0.999)).toEqual({
      retry: true,
      delayMs: 2_200,
    });
  });

  it('doubles the backoff ceiling per attempt up to the cap, jittered between half and all of it', () => {
    const delays = (random: number) =>
      [1, 2, 3, 4, 5, 6, 7].map((attempts) => {
        const decision = nextRetry(failure(503), attempts, () => random, {
          ...DEFAULT_RETRY,
          maxAttempts: 99,
        });
        return decision.retry ? decision.delayMs : -1;
      });
    expect(delays(0)).toEqual([500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
    expect(delays(0.999999)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('stops after the last attempt', () => {
    expect(nextRetry(failure(503), 5, () => 0).retry).toBe(true);
    expect(nextRetry(failure(503), 6, () => 0)).toEqual({
      retry: false,
      reason: 'gave up after 6 attempts: HTTP 503',
    });
  });

  it('never retries a permanent failure', () => {
    expect(nextRetry(failure(404, { permanent: true }), 1, () => 0)).toEqual({
      retry: false,
      reason: 'HTTP 404',
    });
  });

  it('does not wait longer than it is willing to', () => {
    expect(nextRetry(failure(429, { retryAfterMs: 61_000 }), 1, () => 0).retry).toBe(false);
  });
});
