import type { Clock } from '../../../src/ports/clock';
import type { Store } from '../../../src/ports/store';
import {
  jobClaim,
  jobDoneKey,
  JOBS_DONE_INDEX,
  recordDone,
  type JobRecord,
} from '../../../src/scheduler/job-records';
import {
  DEFAULT_DONE_RETENTION_MS,
  DEFAULT_MAX_LATE_MS,
  Scheduler,
  type SchedulerOptions,
} from '../../../src/scheduler/scheduler';
import { fileBackend, redisBackend, type Backend, type OpenedBackend } from './backends';
import { RunLedger, sleep, testSource, waitFor, type JobSpec, type SourceBehaviour } from './test-jobs';

const MINUTE = Date.parse('2026-12-01T07:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 100 digests due within the same minute, each before a meeting a day later. */
const sameMinute = (count = 100): JobSpec[] =>
  Array.from({ length: count }, (_, i) => ({
    key: `digest:forum-${i}:meeting-1`,
    dueAt: MINUTE + Math.floor((i * 60_000) / count),
    notAfter: MINUTE + 24 * HOUR,
  }));

describe.each<[string, Backend]>([
  ['redis', redisBackend],
  ['file store', fileBackend],
])('Scheduler on %s', (_name, backend) => {
  let now: number;
  const clock: Clock = { now: () => now };
  let opened: OpenedBackend;
  let ledger: RunLedger;
  let schedulers: Scheduler[];

  beforeEach(async () => {
    now = MINUTE + 60_000;
    opened = await backend.open(clock);
    ledger = new RunLedger();
    schedulers = [];
  });
  afterEach(async () => {
    await Promise.all(schedulers.map((scheduler) => scheduler.stop(1_000)));
    await opened.dispose();
  });

  const instance = (
    name: string,
    specs: () => readonly JobSpec[],
    behaviour: SourceBehaviour = {},
    options: SchedulerOptions = {},
    store: Store = opened.connect(),
  ): Scheduler => {
    const scheduler = new Scheduler(
      { store, clock, sources: [testSource(name, ledger, specs, behaviour)] },
      { instanceId: name, tickMs: 20, concurrency: 4, ...options },
    );
    schedulers.push(scheduler);
    return scheduler;
  };

  const expectEachRanOnce = (specs: readonly JobSpec[]): void => {
    expect(ledger.duplicated()).toEqual([]);
    expect(specs.filter((spec) => ledger.runs.get(spec.key) !== 1).map((spec) => spec.key)).toEqual([]);
  };

  it('runs each of 100 jobs due in the same minute exactly once across three instances', async () => {
    const specs = sameMinute();
    const instances = ['a', 'b', 'c'].map((name) =>
      instance(name, () => specs, { workMs: (key) => key.length % 7 }),
    );
    instances.forEach((scheduler) => scheduler.start());
    await waitFor(() => ledger.runs.size === specs.length);
    // A few more ticks: nothing runs again.
    await sleep(100);
    await Promise.all(instances.map((scheduler) => scheduler.stop()));
    expectEachRanOnce(specs);
    expect(ledger.byInstance.size).toBeGreaterThanOrEqual(2);
    const records = await opened.connect().getMany<JobRecord>(specs.map((spec) => jobDoneKey(spec.key)));
    expect(records.every((record) => record?.value.outcome === 'ran')).toBe(true);
  });

  it('finishes the work of an instance stopped mid-way on the others, each job once', async () => {
    const specs = sameMinute();
    const [a, b, c] = ['a', 'b', 'c'].map((name) => instance(name, () => specs, { workMs: () => 5 }));
    [a, b, c].forEach((scheduler) => scheduler?.start());
    await waitFor(() => ledger.runs.size >= 30);
    await b?.stop();
    const ranOnB = ledger.byInstance.get('b') ?? 0;
    await waitFor(() => ledger.runs.size === specs.length);
    await sleep(100);
    expectEachRanOnce(specs);
    expect(ledger.byInstance.get('b') ?? 0).toBe(ranOnB);
    expect(ranOnB).toBeLessThan(specs.length);
  });

  it('runs the jobs of an instance that died holding their claims, once, after the claims expire', async () => {
    const specs = sameMinute(10);
    const store = opened.connect();
    for (const spec of specs.slice(0, 4)) expect(await store.claimOnce(jobClaim(spec.key), 300)).toBe(true);
    const [a, b] = ['a', 'b'].map((name) => instance(name, () => specs, {}, { concurrency: 10 }));
    await Promise.all([a?.tick(), b?.tick()]);
    await Promise.all([a?.idle(), b?.idle()]);
    expect(ledger.runs.size).toBe(6);
    now += 400;
    await sleep(400);
    await Promise.all([a?.tick(), b?.tick()]);
    await Promise.all([a?.idle(), b?.idle()]);
    expectEachRanOnce(specs);
  });

  it('runs missed work late while its deadline has not passed', async () => {
    const [spec] = sameMinute(1);
    now = (spec as JobSpec).dueAt + 3 * HOUR;
    const a = instance('a', () => [spec as JobSpec]);
    const report = await a.tick();
    await a.idle();
    expect(report.started).toEqual([spec?.key]);
    expect(ledger.runs.get(spec?.key ?? '')).toBe(1);
    const record = await opened.connect().get<JobRecord>(jobDoneKey(spec?.key ?? ''));
    expect(record?.value).toMatchObject({ outcome: 'ran', instance: 'a', dueAt: spec?.dueAt });
  });

  it('never runs a job at or after its deadline, and reports it missed once', async () => {
    const specs = sameMinute(5);
    now = MINUTE + 24 * HOUR;
    const instances = ['a', 'b', 'c'].map((name) => instance(name, () => specs));
    const reports = await Promise.all(instances.map((scheduler) => scheduler.tick()));
    await Promise.all(instances.map((scheduler) => scheduler.idle()));
    expect(reports.flatMap((report) => report.missed).sort()).toEqual(specs.map((spec) => spec.key).sort());
    now += HOUR;
    await Promise.all(instances.map((scheduler) => scheduler.tick()));
    expect(ledger.runs.size).toBe(0);
    expect([...ledger.missed.values()]).toEqual([1, 1, 1, 1, 1]);
    const record = await opened.connect().get<JobRecord>(jobDoneKey(specs[0]?.key ?? ''));
    expect(record?.value.outcome).toBe('missed');
  });

  it('waits for the due time', async () => {
    const spec: JobSpec = { key: 'reminder:x', dueAt: now + 1 };
    const a = instance('a', () => [spec]);
    expect((await a.tick()).started).toEqual([]);
    now += 1;
    expect((await a.tick()).started).toEqual(['reminder:x']);
    await a.idle();
    expect(ledger.runs.get('reminder:x')).toBe(1);
  });

  it('gives a failed job back, runs it again on a later tick, and stops once it succeeded', async () => {
    const specs = sameMinute(3);
    const failing = specs[1]?.key;
    const [a, b] = ['a', 'b'].map((name) =>
      instance(name, () => specs, { failOn: (key, attempt) => key === failing && attempt === 1 }),
    );
    await a?.tick();
    await a?.idle();
    expect(ledger.runs.size).toBe(2);
    await b?.tick();
    await b?.idle();
    await a?.tick();
    await a?.idle();
    expectEachRanOnce(specs);
    expect(ledger.attempts.get(failing ?? '')).toBe(2);
  });

  it('does not run a job again when its claim expired after it succeeded', async () => {
    const specs = sameMinute(2);
    const a = instance('a', () => specs, {}, { claimTtlMs: 200 });
    await a.tick();
    await a.idle();
    now += 300;
    await sleep(300);
    await instance('b', () => specs).tick();
    await a.tick();
    await a.idle();
    expectEachRanOnce(specs);
  });

  it('takes the next jobs as soon as one finishes when it had no room, not a tick later', async () => {
    const specs = sameMinute(12);
    const a = instance('a', () => specs, { workMs: () => 10 }, { tickMs: 60_000, concurrency: 2 });
    a.start();
    await waitFor(() => ledger.runs.size === specs.length, 3_000);
    expectEachRanOnce(specs);
  });

  it('gives back what it had no room for, so a source that claimed it itself can offer it again', async () => {
    const specs = sameMinute(5);
    const a = instance('a', () => specs, { workMs: () => 50 }, { concurrency: 2 });
    const report = await a.tick();
    expect(report).toMatchObject({ open: 5, deferred: 3 });
    expect([...ledger.declined.keys()].sort()).toEqual(specs.slice(2).map((spec) => spec.key));
    await a.idle();
  });

  it('stops gracefully: no new ticks, running jobs finish', async () => {
    const specs = sameMinute(2);
    const a = instance('a', () => specs, { workMs: () => 150 });
    const report = await a.tick();
    expect(report.started).toHaveLength(2);
    await a.stop();
    expect(ledger.runs.size).toBe(2);
    a.start();
    await sleep(50);
    expect(ledger.attempts.size).toBe(2);
  });

  it('keeps going when a source fails', async () => {
    const specs = sameMinute(2);
    const a = instance('a', () => specs);
    a.register({
      name: 'broken',
      due: async () => {
        throw new Error('registry not loaded');
      },
    });
    await a.tick();
    await a.idle();
    expectEachRanOnce(specs);
  });

  describe('old done records', () => {
    const RETENTION = DEFAULT_DONE_RETENTION_MS;
    const doneKeys = async (): Promise<string[]> =>
      (await opened.connect().range(JOBS_DONE_INDEX)).map((entry) => entry.member);
    const stored = async (keys: readonly string[]): Promise<boolean[]> =>
      (await opened.connect().getMany(keys.map(jobDoneKey))).map((record) => record !== undefined);
    const seed = async (key: string, finishedAt: number): Promise<void> => {
      const record: JobRecord = {
        key,
        outcome: 'ran',
        source: 'test',
        instance: 'x',
        dueAt: finishedAt,
        finishedAt,
      };
      expect(await recordDone(opened.connect(), record)).toBe(true);
    };

    it('are removed once past the retention, by score range, the rest kept', async () => {
      let offered = sameMinute(3);
      const a = instance('a', () => offered);
      expect((await a.tick()).pruned).toBe(0);
      await a.idle();
      offered = [];
      const late = MINUTE + 60 * DAY;
      await seed('reminder:later', late);
      expect(await doneKeys()).toHaveLength(4);

      now = MINUTE + RETENTION + HOUR;
      expect((await a.tick()).pruned).toBe(3);
      expect(await doneKeys()).toEqual(['reminder:later']);
      expect(await stored(sameMinute(3).map((spec) => spec.key))).toEqual([false, false, false]);
      expect(await stored(['reminder:later'])).toEqual([true]);
    });

    it('are looked for once a day, not on every tick', async () => {
      await seed('reminder:x', MINUTE);
      now = MINUTE + RETENTION - HOUR;
      const a = instance('a', () => []);
      expect((await a.tick()).pruned).toBe(0);
      now += 2 * HOUR;
      expect((await a.tick()).pruned).toBe(0);
      expect(await doneKeys()).toEqual(['reminder:x']);
      now += DAY;
      expect((await a.tick()).pruned).toBe(1);
      expect(await doneKeys()).toEqual([]);
    });

    it('are removed a batch per tick when there are many, the next batch on the next tick', async () => {
      const keys = Array.from({ length: 230 }, (_, i) => `reminder:${String(i).padStart(3, '0')}`);
      const store = opened.connect();
      await Promise.all(
        keys.map((key, i) =>
          recordDone(store, {
            key,
            outcome: 'ran',
            source: 'test',
            instance: 'x',
            dueAt: MINUTE,
            finishedAt: MINUTE + i,
          }),
        ),
      );
      now = MINUTE + RETENTION + DAY;
      const a = instance('a', () => []);
      expect((await a.tick()).pruned).toBe(200);
      expect(await doneKeys()).toEqual(keys.slice(200));
      expect((await a.tick()).pruned).toBe(30);
      expect((await a.tick()).pruned).toBe(0);
      expect(await stored(keys)).toEqual(keys.map(() => false));
    });

    it('never lets a job run again: offered after its record is gone, it is past its deadline and reported missed', async () => {
      const spec: JobSpec = { key: 'reminder:forever', dueAt: MINUTE };
      const a = instance('a', () => [spec], {}, { claimTtlMs: 200 });
      await a.tick();
      await a.idle();
      expect(ledger.runs.get(spec.key)).toBe(1);
      now = MINUTE + RETENTION + HOUR;
      await sleep(300);
      const pruning = await a.tick();
      expect(pruning).toMatchObject({ open: 0, pruned: 1 });
      const after = await a.tick();
      await a.idle();
      expect(after.missed).toEqual([spec.key]);
      expect(ledger.runs.get(spec.key)).toBe(1);
      expect(ledger.missed.get(spec.key)).toBe(1);
      const record = await opened.connect().get<JobRecord>(jobDoneKey(spec.key));
      expect(record?.value).toMatchObject({ outcome: 'missed', finishedAt: now });
    });

    it('keeps catching up missed work for maxLateMs after it was due, and reports it missed after that', async () => {
      const specs: JobSpec[] = [
        { key: 'reminder:late', dueAt: MINUTE },
        { key: 'reminder:too-late', dueAt: MINUTE - DAY },
      ];
      now = MINUTE + DEFAULT_MAX_LATE_MS - 1;
      const a = instance('a', () => specs);
      const report = await a.tick();
      await a.idle();
      expect(report).toMatchObject({ started: ['reminder:late'], missed: ['reminder:too-late'] });
      expect(ledger.runs.get('reminder:too-late')).toBeUndefined();
    });
  });
});

describe('Scheduler retention', () => {
  const clock: Clock = { now: () => MINUTE };
  const store = {} as Store;

  it('keeps done records longer than it catches up missed work, so a pruned job cannot start again', () => {
    expect(DEFAULT_DONE_RETENTION_MS).toBeGreaterThan(DEFAULT_MAX_LATE_MS);
    expect(() => new Scheduler({ store, clock })).not.toThrow();
    expect(() => new Scheduler({ store, clock }, { maxLateMs: 10 * DAY, doneRetentionMs: 10 * DAY })).toThrow(
      RangeError,
    );
    expect(() => new Scheduler({ store, clock }, { doneRetentionMs: DEFAULT_MAX_LATE_MS - 1 })).toThrow(
      /doneRetentionMs/,
    );
    expect(() => new Scheduler({ store, clock }, { maxLateMs: 0 })).toThrow(RangeError);
  });
});
