/**
 * Sliding-window limits: "at most `limit` requests in any `periodMs`", kept exactly with a log of
 * recent request times per key. A token bucket would let a full bucket and its refill through in
 * one period, which is what Teams counts as going over.
 */
export interface RateWindow {
  readonly limit: number;
  readonly periodMs: number;
}

export class RateWindows {
  private readonly logs = new Map<string, number[]>();
  private readonly longestMs: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longestMs = Math.max(0, ...windows.map((window) => window.periodMs));
  }

  /** The earliest time, at or after `now`, at which one more request under `key` keeps every window. */
  earliest(key: string, now: number): number {
    const log = this.logs.get(key);
    if (!log) return now;
    let at = now;
    for (const { limit, periodMs } of this.windows) {
      // The request `limit` places back must have left the window before another may start.
      const bounding = log[log.length - limit];
      if (bounding !== undefined) at = Math.max(at, bounding + periodMs);
    }
    return at;
  }

  /** Counts a request started at `now` (never earlier than the last one recorded). */
  record(key: string, now: number): void {
    const log = this.logs.get(key) ?? [];
    log.push(now);
    this.logs.set(key, log);
  }

  /** Forgets requests that no window can see any more. */
  prune(now: number): void {
    for (const [key, log] of this.logs) {
      const keepFrom = log.findIndex((at) => at > now - this.longestMs);
      if (keepFrom === -1) this.logs.delete(key);
      else if (keepFrom > 0) log.splice(0, keepFrom);
    }
  }
}
