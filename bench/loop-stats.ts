/**
 * Preloaded into each bot by bench:http when BENCH_LOOP_STATS=1: measures the process's
 * event-loop delay and garbage-collection pauses, and answers the bench over the IPC channel.
 * 'reset' starts a new measurement; 'read' answers with the figures since the last reset. It
 * tells whether a slow round was the bot's own loop stalling (GC or synchronous work) or time
 * spent waiting outside it.
 */
import { monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

export interface LoopStats {
  /** Event-loop delay in ms (10 ms resolution is too coarse; 1 ms is sampled). */
  readonly delayP99: number;
  readonly delayMax: number;
  /** Sum and longest of the GC pauses, and how many were major (mark-compact), in ms. */
  readonly gcMs: number;
  readonly gcMaxMs: number;
  readonly majorGcs: number;
}

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
let gcMs = 0;
let gcMaxMs = 0;
let majorGcs = 0;
// perf_hooks' NODE_PERFORMANCE_GC_MAJOR.
const MAJOR = 4;

new PerformanceObserver((list) => {
  for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
    gcMs += entry.duration;
    gcMaxMs = Math.max(gcMaxMs, entry.duration);
    if (entry.detail?.kind === MAJOR) majorGcs += 1;
  }
}).observe({ entryTypes: ['gc'] });

process.on('message', (message) => {
  if (message === 'reset') {
    delay.reset();
    gcMs = 0;
    gcMaxMs = 0;
    majorGcs = 0;
  } else if (message === 'read') {
    const stats: LoopStats = {
      delayP99: delay.percentile(99) / 1e6,
      delayMax: delay.max / 1e6,
      gcMs,
      gcMaxMs,
      majorGcs,
    };
    process.send?.(stats);
  }
});
// The IPC channel must not keep a bot alive that is asked to stop.
process.channel?.unref();
