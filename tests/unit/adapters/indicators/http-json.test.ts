import {
  backoffDelay,
  DEFAULT_HTTP_OPTIONS,
  parseRetryAfter,
  requestJson,
} from '../../../../src/adapters/indicators/http-json';
import { TEST_HTTP } from './fixtures';
import { refusedUrl, startReplayServer } from './replay-server';

const options = { ...DEFAULT_HTTP_OPTIONS, ...TEST_HTTP };

describe('requestJson', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('spreads the backoff with jitter up to an exponential, capped bound', () => {
    const base = { ...options, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, { ...base, random: () => 0.999 })).toBe(100);
    expect(backoffDelay(3, { ...base, random: () => 0.999 })).toBe(400);
    expect(backoffDelay(10, { ...base, random: () => 0.999 })).toBe(999);
    expect(backoffDelay(3, { ...base, random: () => 0.5 })).toBe(200);
    expect(backoffDelay(3, { ...base, random: () => 0 })).toBe(0);
  });

  it('does not wait for a Retry-After longer than allowed', async () => {
    const server = await startReplayServer(() => ({ status: 429, headers: { 'retry-after': '3600' } }));
    try {
      const started = Date.now();
      await expect(requestJson(`${server.url}/x`, { method: 'GET' }, options)).rejects.toMatchObject({
        code: 'INDICATOR_HTTP_STATUS',
        details: { status: 429 },
      });
      expect(Date.now() - started).toBeLessThan(500);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('reports a body that is not JSON without retrying', async () => {
    const server = await startReplayServer(() => ({ text: '<html>maintenance</html>' }));
    try {
      await expect(requestJson(`${server.url}/x`, { method: 'GET' }, options)).rejects.toMatchObject({
        code: 'INDICATOR_BAD_RESPONSE',
        unreachable: false,
      });
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('sends a POST body as JSON with the User-Agent', async () => {
    const server = await startReplayServer(() => ({ json: { ok: true } }));
    try {
      expect(
        await requestJson(
          `${server.url}/x`,
          { method: 'POST', body: { a: [1] } },
          { ...options, userAgent: 'ua/2' },
        ),
      ).toEqual({ ok: true });
      const [request] = server.requests;
      expect(request?.headers['content-type']).toBe('application/json');
      expect(request?.headers['user-agent']).toBe('ua/2');
      expect(JSON.parse(request?.body ?? '')).toEqual({ a: [1] });
    } finally {
      await server.close();
    }
  });

  it('retries a refused connection and then reports the source unreachable', async () => {
    const url = await refusedUrl();
    await expect(requestJson(`${url}/x`, { method: 'GET' }, options)).rejects.toMatchObject({
      code: 'INDICATOR_NETWORK',
      unreachable: true,
    });
  });
});
