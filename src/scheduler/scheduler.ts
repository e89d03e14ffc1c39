/**
 * Runs due work exactly once across any number of instances sharing one Store.
 *
 * Every tick it asks its sources for due jobs and, for each one not done yet: claims it
 * (`claimOnce`), checks again that it is not done (a claim can expire after the work finished),
 * runs it, and records it done. A failed job gives its claim back and is tried again on a later
 * tick, by whichever instance gets there first. A job past its deadline (its `notAfter`, or
 * `maxLateMs` after it was due) is recorded as missed instead, never run. An instance takes only
 * as many jobs as it has room for, so the rest go to instances with room, or to its own next
 * tick as soon as a job finishes.
 *
 * The claim must outlast the longest run (`claimTtlMs`): a run still going when its claim
 * expires could be started a second time elsewhere.
 *
 * Done records are kept for `doneRetentionMs` after the job finished, then removed by the
 * scheduler itself, once a day. A record is written no earlier than its job was due, so by then
 * the job is past its deadline for good: without its record it could only be reported missed
 * again, never run again. That is why the retention must exceed `maxLateMs` (the constructor
 * checks it).
 */
import { randomUUID } from 'node:crypto';
import { systemTimers, type TimerHandle, type Timers } from '../app/delivery/timers';
import type { Clock } from '../ports/clock';
import type { Store } from '../ports/store';
import type { Job, JobSource } from './job';
import {
  doneRecords,
  isDone,
  jobClaim,
  pruneDone,
  recordDone,
  type JobOutcome,
  type JobRecord,
} from './job-records';

/** The part of the structured logger (pino) the scheduler uses. */
export interface SchedulerLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface SchedulerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly sources?: readonly JobSource[];
  readonly timers?: Timers;
  readonly logger?: SchedulerLogger;
}

export interface SchedulerOptions {
  /** Default 30 s. */
  readonly tickMs?: number;
  /** Longer than any job runs; default 15 min. */
  readonly claimTtlMs?: number;
  /** Jobs running at once in this instance; default 16. */
  readonly concurrency?: number;
  /** Names this instance in job records and logs; default a random id. */
  readonly instanceId?: string;
  /**
   * How long after its due time a job missed while no instance ran is still caught up; later it
   * is recorded missed. Default 30 days.
   */
  readonly maxLateMs?: number;
  /** How long done records are kept after their job finished; more than maxLateMs. Default 90 days. */
  readonly doneRetentionMs?: number;
}

export interface TickReport {
  /** Due jobs the sources offered that had not run yet. */
  readonly open: number;
  readonly started: readonly string[];
  readonly missed: readonly string[];
  /** Left for a later tick or another instance: this one had no room. */
  readonly deferred: number;
  /** Done records removed for being older than the retention. */
  readonly pruned: number;
}

interface Offer {
  readonly job: Job;
  readonly source: string;
}

/** Attempts at writing a done record after the work succeeded; releasing instead would re-run it. */
const RECORD_DELAYS_MS = [100, 1_000, 5_000];

const DAY_MS = 24 * 60 * 60_000;
export const DEFAULT_MAX_LATE_MS = 30 * DAY_MS;
export const DEFAULT_DONE_RETENTION_MS = 90 * DAY_MS;
/** Old records are looked for this often; a pass that found a full batch goes on next tick. */
const PRUNE_EVERY_MS = DAY_MS;
/** Records removed per tick at most, so a long backlog never holds up a tick. */
const PRUNE_BATCH = 200;

export class Scheduler {
  private readonly sources: JobSource[];
  private readonly timers: Timers;
  private readonly tickMs: number;
  private readonly claimTtlMs: number;
  private readonly concurrency: number;
  private readonly maxLateMs: number;
  private readonly doneRetentionMs: number;
  readonly instanceId: string;
  private readonly running = new Map<string, Promise<void>>();
  private timer: TimerHandle | undefined;
  private ticking: Promise<TickReport> | undefined;
  private started = false;
  private stopping = false;
  /** The last tick left due work behind for want of room. */
  private backlog = false;
  /** Tick again as soon as the current one ends. */
  private rerun = false;
  /** The first tick looks for old records. */
  private nextPruneAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly deps: SchedulerDeps,
    options: SchedulerOptions = {},
  ) {
    this.sources = [...(deps.sources ?? [])];
    this.timers = deps.timers ?? systemTimers;
    this.tickMs = options.tickMs ?? 30_000;
    this.claimTtlMs = options.claimTtlMs ?? 15 * 60_000;
    this.concurrency = options.concurrency ?? 16;
    this.instanceId = options.instanceId ?? randomUUID();
    this.maxLateMs = options.maxLateMs ?? DEFAULT_MAX_LATE_MS;
    this.doneRetentionMs = options.doneRetentionMs ?? DEFAULT_DONE_RETENTION_MS;
    if (!(this.maxLateMs > 0 && this.doneRetentionMs > this.maxLateMs)) {
      // A shorter retention could remove the record of a job that may still start: it would run twice.
      throw new RangeError(
        `scheduler: doneRetentionMs (${this.doneRetentionMs}) must exceed maxLateMs (${this.maxLateMs}) > 0`,
      );
    }
  }

  register(source: JobSource): void {
    this.sources.push(source);
  }

  /** Ticks now, which catches up work missed while down, and then every `tickMs`. */
  start(): void {
    if (this.started || this.stopping) return;
    this.started = true;
    this.schedule(0);
  }

  /** One pass over the sources; resolves once its jobs have started, not finished. */
  tick(): Promise<TickReport> {
    this.ticking ??= this.runTick().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  /** Resolves when no job of this instance is running. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /**
   * Graceful: no new ticks, the current one ends, running jobs finish. After `graceMs` it
   * returns anyway; the claims of jobs still running then expire and others take them over.
   */
  async stop(graceMs = Infinity): Promise<void> {
    this.stopping = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    const finished = (async () => {
      await this.ticking?.catch(() => undefined);
      await this.idle();
    })();
    if (graceMs === Infinity) return finished;
    let handle: TimerHandle | undefined;
    const grace = new Promise<void>((resolve) => {
      handle = this.timers.setTimeout(resolve, graceMs);
    });
    await Promise.race([finished, grace]);
    this.timers.clearTimeout(handle);
  }

  private schedule(delayMs: number): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => void this.loop(), delayMs);
  }

  private async loop(): Promise<void> {
    this.timer = undefined;
    try {
      await this.tick();
    } catch (error) {
      this.deps.logger?.warn({ err: messageOf(error), instance: this.instanceId }, 'scheduler tick failed');
    }
    if (this.stopping || this.timer !== undefined) return;
    const again = this.rerun;
    this.rerun = false;
    this.schedule(again ? 0 : this.tickMs);
  }

  /** A job finished while work was waiting for room. */
  private kick(): void {
    if (!this.started || this.stopping) return;
    if (this.ticking) this.rerun = true;
    else this.schedule(0);
  }

  private async runTick(): Promise<TickReport> {
    const offers = await this.offers(this.deps.clock.now());
    const done = await doneRecords(
      this.deps.store,
      offers.map((offer) => offer.job.key),
    );
    const open = offers.filter((_, i) => !done[i]);
    const started: string[] = [];
    const missed: string[] = [];
    let deferred = 0;
    for (const offer of open) {
      const { job } = offer;
      const expired = this.expired(job);
      if (this.stopping || (!expired && this.running.size >= this.concurrency)) {
        deferred += 1;
        await this.decline(offer);
        continue;
      }
      const outcome = await this.claim(offer);
      if (outcome === 'started') started.push(job.key);
      if (outcome === 'missed') missed.push(job.key);
    }
    this.backlog = deferred > 0;
    const pruned = await this.pruneIfDue();
    return { open: open.length, started, missed, deferred, pruned };
  }

  /** Removes done records past the retention; at most a batch per tick, their search once a day. */
  private async pruneIfDue(): Promise<number> {
    const now = this.deps.clock.now();
    if (this.stopping || now < this.nextPruneAt) return 0;
    try {
      const pruned = await pruneDone(this.deps.store, now - this.doneRetentionMs, PRUNE_BATCH);
      this.nextPruneAt = pruned < PRUNE_BATCH ? now + PRUNE_EVERY_MS : now;
      if (pruned > 0)
        this.deps.logger?.info({ pruned, instance: this.instanceId }, 'old job records removed');
      return pruned;
    } catch (error) {
      // Tried again next tick; the jobs of this one have started.
      this.deps.logger?.warn({ err: messageOf(error), instance: this.instanceId }, 'job records not pruned');
      return 0;
    }
  }

  /** Due jobs of every source, each key once, the most urgent first. */
  private async offers(now: number): Promise<Offer[]> {
    const bySource = await Promise.all(
      this.sources.map(async (source) => {
        try {
          return (await source.due(now)).map((job) => ({ job, source: source.name }));
        } catch (error) {
          this.deps.logger?.warn({ source: source.name, err: messageOf(error) }, 'job source failed');
          return [];
        }
      }),
    );
    const byKey = new Map<string, Offer>();
    for (const offer of bySource.flat()) {
      const { key, dueAt } = offer.job;
      if (dueAt <= now && !this.running.has(key) && !byKey.has(key)) byKey.set(key, offer);
    }
    return [...byKey.values()].sort(
      (a, b) =>
        this.deadline(a.job) - this.deadline(b.job) ||
        a.job.dueAt - b.job.dueAt ||
        (a.job.key < b.job.key ? -1 : 1),
    );
  }

  private async decline(offer: Offer): Promise<void> {
    try {
      await offer.job.declined?.();
    } catch (error) {
      this.deps.logger?.warn(
        { key: offer.job.key, source: offer.source, err: messageOf(error) },
        'job not given back',
      );
    }
  }

  /** The job is never started at or after this: its notAfter, or maxLateMs after it was due. */
  private deadline(job: Job): number {
    return Math.min(job.notAfter ?? Infinity, job.dueAt + this.maxLateMs);
  }

  private expired(job: Job): boolean {
    return this.deps.clock.now() >= this.deadline(job);
  }

  private async claim(offer: Offer): Promise<'started' | 'missed' | 'skipped'> {
    const { job } = offer;
    const { store } = this.deps;
    if (!(await store.claimOnce(jobClaim(job.key), this.claimTtlMs))) return 'skipped';
    try {
      if (await isDone(store, job.key)) return 'skipped';
      if (this.expired(job)) {
        await this.markMissed(offer);
        return 'missed';
      }
    } catch (error) {
      await store.releaseClaim(jobClaim(job.key)).catch(() => undefined);
      throw error;
    }
    this.launch(offer);
    return 'started';
  }

  private launch(offer: Offer): void {
    const { key } = offer.job;
    const run = this.execute(offer).finally(() => {
      this.running.delete(key);
      if (this.backlog) {
        this.backlog = false;
        this.kick();
      }
    });
    this.running.set(key, run);
  }

  private async execute(offer: Offer): Promise<void> {
    const { job, source } = offer;
    const startedAt = this.deps.clock.now();
    const log = { key: job.key, source, instance: this.instanceId };
    if (startedAt - job.dueAt > 2 * this.tickMs)
      this.deps.logger?.info({ ...log, lateMs: startedAt - job.dueAt }, 'running a job late');
    try {
      await job.run();
    } catch (error) {
      this.deps.logger?.warn({ ...log, err: messageOf(error) }, 'job failed; released for a later tick');
      await this.deps.store.releaseClaim(jobClaim(job.key)).catch((releaseError: unknown) => {
        this.deps.logger?.warn({ ...log, err: messageOf(releaseError) }, 'job claim not released');
      });
      return;
    }
    await this.recordWithRetries(this.recordOf(offer, 'ran', startedAt));
    this.deps.logger?.info({ ...log, ms: this.deps.clock.now() - startedAt }, 'job done');
  }

  private async markMissed(offer: Offer): Promise<void> {
    const { job, source } = offer;
    const log = { key: job.key, source, instance: this.instanceId, deadline: this.deadline(job) };
    if (!(await recordDone(this.deps.store, this.recordOf(offer, 'missed')))) return;
    this.deps.logger?.warn(log, 'job missed: its deadline passed before it could run');
    try {
      await job.missed?.();
    } catch (error) {
      this.deps.logger?.warn({ ...log, err: messageOf(error) }, 'missed-job notice failed');
    }
  }

  private recordOf(offer: Offer, outcome: JobOutcome, startedAt?: number): JobRecord {
    const { job, source } = offer;
    return {
      key: job.key,
      outcome,
      source,
      instance: this.instanceId,
      dueAt: job.dueAt,
      finishedAt: this.deps.clock.now(),
      ...(job.notAfter !== undefined ? { notAfter: job.notAfter } : {}),
      ...(startedAt !== undefined ? { startedAt } : {}),
    };
  }

  /** The work is done: keep the claim whatever happens, and try hard to make that durable. */
  private async recordWithRetries(record: JobRecord): Promise<void> {
    const log = { key: record.key, source: record.source, instance: this.instanceId };
    for (let attempt = 0; ; attempt++) {
      try {
        if (!(await recordDone(this.deps.store, record)))
          this.deps.logger?.error(log, 'job had already been recorded done: it ran twice');
        return;
      } catch (error) {
        const delay = RECORD_DELAYS_MS[attempt];
        if (delay === undefined) {
          this.deps.logger?.error({ ...log, err: messageOf(error) }, 'job done but not recorded');
          return;
        }
        await new Promise<void>((resolve) => this.timers.setTimeout(resolve, delay));
      }
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
