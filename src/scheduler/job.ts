/** What the scheduler runs: work items offered by job sources (digests, reminders). */
export interface Job {
  /**
   * Unique and stable for one piece of work, e.g. `digest:<forum>:<meeting>:<startsAt>`: a
   * moved meeting makes a new key, so its digest moves with it.
   */
  readonly key: string;
  /**
   * Milliseconds since the epoch; offered before then, the job waits. Started no later than the
   * scheduler's maxLateMs after it (default 30 days), else reported missed.
   */
  readonly dueAt: number;
  /** Never started at or after this time (a digest: when its meeting starts). */
  readonly notAfter?: number;
  /** Resolves when the work is done and durable; rejects to have it tried again on a later tick. */
  run(): Promise<void>;
  /** Called once, on one instance, when the job's `notAfter` passed before anyone ran it. */
  missed?(): Promise<void>;
  /**
   * Called when this instance was offered the job but left it for later (no room, stopping).
   * A source that claimed the work itself before offering it (reminders) gives it back here.
   */
  declined?(): Promise<void>;
}

export interface JobSource {
  /** For logs, e.g. `digests`. */
  readonly name: string;
  /**
   * The work due at `now`, work missed while no instance ran included. Offering a job again
   * that has already run is harmless: the scheduler remembers what ran until long after the
   * job's deadline (doneRetentionMs). A source that offers a key with a fresh `dueAt` each time
   * must itself stop offering it within that time.
   */
  due(now: number): Promise<readonly Job[]>;
}
