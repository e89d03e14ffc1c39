/** Due work claimed exactly once across instances sharing one Store. */
export {
  DEFAULT_DONE_RETENTION_MS,
  DEFAULT_MAX_LATE_MS,
  Scheduler,
  type SchedulerDeps,
  type SchedulerLogger,
  type SchedulerOptions,
  type TickReport,
} from './scheduler';
export type { Job, JobSource } from './job';
export { jobClaim, jobDoneKey, JOBS_DONE_INDEX, type JobOutcome, type JobRecord } from './job-records';
