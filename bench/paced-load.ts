/**
 * An open-loop load at a truly fixed rate: request i leaves at start + i / rate, whatever the
 * answers to earlier requests do. autocannon's `overallRate` is not that: each connection sends
 * its share of a second's requests back to back at the start of the second and then waits, so a
 * "200 req/s" run is a burst of 200 requests at full concurrency once a second.
 *
 * Latency is measured from the moment a request was due, not from when a socket became free,
 * so a slow answer that holds up later requests counts against all of them (no coordinated
 * omission).
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './percentile';

export interface PacedLoadOptions {
  /** http://host:port of the server. */
  readonly url: string;
  readonly path: string;
  readonly rate: number;
  readonly seconds: number;
  /** Sockets kept open; a request due while all are busy waits for one (and that wait counts). */
  readonly sockets: number;
  readonly body: () => string;
}

export interface PacedLoadResult {
  readonly sent: number;
  readonly answered: number;
  readonly ok: number;
  /** Non-2xx answers and connection errors. */
  readonly errors: number;
  readonly p50: number;
  readonly p99: number;
  readonly seconds: number;
  /** Every answered request's latency in ms, ascending: rounds can be pooled for one p99. */
  readonly latencies: readonly number[];
}

/** A request unanswered this long counts as an error (autocannon's default timeout too). */
const REQUEST_TIMEOUT_MS = 10_000;

export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.sockets });
  const target = new URL(options.path, options.url);
  const interval = 1000 / options.rate;
  const total = Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let sent = 0;

  const send = (due: number): Promise<void> =>
    new Promise((done) => {
      let settled = false;
      const fail = (): void => {
        if (settled) return;
        settled = true;
        errors += 1;
        done();
      };
      const body = options.body();
      const req = request(
        target,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('error', fail);
          res.on('end', () => {
            if (settled) return;
            settled = true;
            latencies.push(performance.now() - due);
            if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) ok += 1;
            else errors += 1;
            done();
          });
        },
      );
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timed out')));
      req.on('error', fail);
      req.end(body);
    });

  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  while (sent < total) {
    const now = performance.now();
    // Everything already due leaves now, so a late timer does not lower the rate.
    while (sent < total && start + sent * interval <= now) {
      inFlight.push(send(start + sent * interval));
      sent += 1;
    }
    const wait = start + sent * interval - performance.now();
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
  }
  await Promise.all(inFlight);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    sent,
    answered: latencies.length,
    ok,
    errors,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    seconds: options.seconds,
    latencies: sorted,
  };
}
