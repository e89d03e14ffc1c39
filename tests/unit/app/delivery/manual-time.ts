/** A clock and timers that move only when the test says so: retries and rate windows in no time. */
import type { TimerHandle, Timers } from '../../../../src/app/delivery/timers';
import type { Clock } from '../../../../src/ports/clock';

interface Scheduled {
  readonly at: number;
  readonly order: number;
  readonly callback: () => void;
}

/** Lets pending promise chains run (no real I/O is involved in these tests). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export class ManualTime implements Clock, Timers {
  private current: number;
  private order = 0;
  private readonly scheduled = new Map<number, Scheduled>();

  constructor(start = Date.parse('2026-11-23T08:00:00Z')) {
    this.current = start;
  }

  now = (): number => this.current;

  setTimeout = (callback: () => void, ms: number): TimerHandle => {
    const id = ++this.order;
    this.scheduled.set(id, { at: this.current + Math.max(0, ms), order: id, callback });
    return id;
  };

  clearTimeout = (handle: TimerHandle): void => {
    this.scheduled.delete(handle as number);
  };

  /** Moves time forward by `ms`, firing every timer due on the way, in order. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await flush();
      const next = this.nextDue(target);
      if (!next) break;
      this.scheduled.delete(next[0]);
      this.current = next[1].at;
      next[1].callback();
    }
    this.current = target;
    await flush();
  }

  /** Advances until `promise` settles (at most `limitMs` of manual time) and returns its value. */
  async until<T>(promise: Promise<T>, limitMs = 3_600_000): Promise<T> {
    let settled = false;
    const watched = promise.finally(() => {
      settled = true;
    });
    const deadline = this.current + limitMs;
    await flush();
    while (!settled) {
      const next = this.nextDue(deadline);
      if (!next) throw new Error(`still pending after ${limitMs} ms of manual time`);
      await this.advance(next[1].at - this.current);
    }
    return watched;
  }

  private nextDue(limit: number): [number, Scheduled] | undefined {
    let best: [number, Scheduled] | undefined;
    for (const entry of this.scheduled) {
      const [, item] = entry;
      if (item.at > limit) continue;
      if (!best || item.at < best[1].at || (item.at === best[1].at && item.order < best[1].order))
        best = entry;
    }
    return best;
  }
}
