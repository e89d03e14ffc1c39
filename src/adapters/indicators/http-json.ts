/**
 * JSON over HTTP for the indicator clients (Node's global fetch): a User-Agent on every request,
 * a timeout per attempt, and bounded retries with jittered exponential backoff.
 */
import { IndicatorSourceError } from './indicator-errors';

export interface HttpOptions {
  /** Sotkanet answers 403 to requests without one. */
  readonly userAgent: string;
  /** Per attempt, covering the headers and the body. */
  readonly timeoutMs: number;
  /** Attempts in all, the first one included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A longer Retry-After than this ends the retries instead of waiting. */
  readonly maxRetryAfterMs: number;
  /** Jitter source in [0, 1); tests pass their own. */
  readonly random?: () => number;
}

export const DEFAULT_USER_AGENT = 'yhdyspinta-bot/0.1 (Microsoft Teams bot for Finnish cooperation forums)';

export const DEFAULT_HTTP_OPTIONS: HttpOptions = {
  userAgent: DEFAULT_USER_AGENT,
  timeoutMs: 10_000,
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

export interface JsonRequest {
  readonly method: 'GET' | 'POST';
  /** Sent as JSON. */
  readonly body?: unknown;
}

type Attempt =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter: string | null }
  | { readonly kind: 'network'; readonly cause: unknown };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** "Full jitter": a random delay up to the exponential bound, so clients that failed together spread out. */
export function backoffDelay(attempt: number, options: HttpOptions): number {
  const bound = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round((options.random ?? Math.random)() * bound);
}

async function attempt(url: string, request: JsonRequest, options: HttpOptions): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: 'application/json',
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: controller.signal,
    });
    // The body is read (or dropped) under the same timer, so a stalled body also times out.
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'status', status: response.status, retryAfter: response.headers.get('retry-after') };
    }
    return { kind: 'ok', text: await response.text() };
  } catch (cause) {
    if (controller.signal.aborted) {
      throw new IndicatorSourceError(
        'INDICATOR_TIMEOUT',
        `no answer from ${url} within ${options.timeoutMs} ms`,
        {
          unreachable: true,
          url,
        },
      );
    }
    return { kind: 'network', cause };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves with the parsed JSON body of a 2xx answer. Network errors, 429 and 5xx are retried up
 * to `maxAttempts`; a timeout is not, because a server that hung once rarely answers the next
 * attempt sooner and each attempt would cost the digest a full timeout.
 */
export async function requestJson(url: string, request: JsonRequest, options: HttpOptions): Promise<unknown> {
  for (let attemptNo = 1; ; attemptNo += 1) {
    const outcome = await attempt(url, request, options);
    if (outcome.kind === 'ok') {
      try {
        return JSON.parse(outcome.text) as unknown;
      } catch (cause) {
        throw new IndicatorSourceError('INDICATOR_BAD_RESPONSE', `${url} did not answer JSON`, {
          url,
          cause,
        });
      }
    }
    const retryable = outcome.kind === 'network' || isRetryableStatus(outcome.status);
    const retryAfter =
      outcome.kind === 'status' ? parseRetryAfter(outcome.retryAfter, Date.now()) : undefined;
    const canWait = retryAfter === undefined || retryAfter <= options.maxRetryAfterMs;
    if (retryable && canWait && attemptNo < options.maxAttempts) {
      await sleep(retryAfter ?? backoffDelay(attemptNo, options));
      continue;
    }
    if (outcome.kind === 'network') {
      throw new IndicatorSourceError('INDICATOR_NETWORK', `${url} could not be reached`, {
        unreachable: true,
        url,
        cause: outcome.cause,
      });
    }
    throw new IndicatorSourceError('INDICATOR_HTTP_STATUS', `${url} answered HTTP ${outcome.status}`, {
      unreachable: retryable,
      status: outcome.status,
      url,
    });
  }
}
