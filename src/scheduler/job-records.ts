/**
 * The durable half of exactly-once: a claim (`job:<key>`) keeps two instances from starting the
 * same job at once, but it expires; the record `job:done:<key>`, written once with
 * expectedVersion 0, keeps a job from running again after its claim is gone. Records are
 * removed once their job can no longer start (see the scheduler's doneRetentionMs).
 */
import { StoreConflictError, type Store } from '../ports/store';

export type JobOutcome = 'ran' | 'missed';

export interface JobRecord {
  readonly key: string;
  readonly outcome: JobOutcome;
  readonly source: string;
  readonly instance: string;
  readonly dueAt: number;
  readonly notAfter?: number;
  readonly startedAt?: number;
  readonly finishedAt: number;
}

export const jobClaim = (key: string): string => `job:${key}`;
export const jobDoneKey = (key: string): string => `job:done:${key}`;
/** Finished jobs by finishing time, for listing and for removing old records. */
export const JOBS_DONE_INDEX = 'job:done';

export async function doneRecords(store: Store, keys: readonly string[]): Promise<boolean[]> {
  if (keys.length === 0) return [];
  const stored = await store.getMany<JobRecord>(keys.map(jobDoneKey));
  return stored.map((record) => record !== undefined);
}

export async function isDone(store: Store, key: string): Promise<boolean> {
  return (await store.get<JobRecord>(jobDoneKey(key))) !== undefined;
}

/** False when another record was already there: the job had finished elsewhere. */
export async function recordDone(store: Store, record: JobRecord): Promise<boolean> {
  try {
    await store.put(jobDoneKey(record.key), record, {
      expectedVersion: 0,
      indexes: [{ op: 'add', index: JOBS_DONE_INDEX, member: record.key, score: record.finishedAt }],
    });
    return true;
  } catch (error) {
    if (error instanceof StoreConflictError) return false;
    throw error;
  }
}

/**
 * Removes the records of jobs that finished at or before `cutoff`, oldest first, at most
 * `limit` of them; resolves with how many. Each record leaves the index in the same step.
 */
export async function pruneDone(store: Store, cutoff: number, limit: number): Promise<number> {
  const old = await store.range(JOBS_DONE_INDEX, { max: cutoff, limit });
  await Promise.all(
    old.map(({ member }) =>
      store.delete(jobDoneKey(member), {
        indexes: [{ op: 'remove', index: JOBS_DONE_INDEX, member }],
      }),
    ),
  );
  return old.length;
}
