/**
 * Latency of the action tracker (issue 4): create, status change, "overdue of a forum" and
 * "my actions", p50/p99 each, on Redis with 100,000 actions across 200 forums and on the file
 * backend with 10,000. Targets on Redis: p99 ≤ 5 ms for the queries, ≤ 10 ms for writes.
 *
 *   node -r ./tests/support/ts-register.js bench/actions.bench.ts
 *
 * REDIS_URL names a server to use (keys go under a unique prefix and are removed afterwards);
 * without it a private redis-server is started. BENCH_SCALE=0.1 runs a tenth of the sizes.
 * The store calls go through the real ActionService; each timed call runs alone, so the
 * figures are latencies, not throughput.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStore } from '../src/adapters/file/file-store';
import { readRegistryFiles } from '../src/adapters/file/registry-files';
import { createRedisStore } from '../src/adapters/redis/redis-store';
import { ActionService, type Outcome } from '../src/app/actions';
import { addDays, dayIn } from '../src/domain/actions';
import { loadRegistry, RegistryIndex, type Forum, type Person, type Registry } from '../src/domain/registry';
import { systemClock } from '../src/ports/clock';
import type { Store } from '../src/ports/store';
import { startRedisServer } from '../tests/support/redis-server';
import { removeKeyPrefix } from '../tests/support/test-redis';
import { percentile } from './percentile';

const FORUMS = 200;
const OWNERS = 1_000;
const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const POPULATE_CONCURRENCY = 64;

interface Run {
  readonly backend: string;
  readonly actions: number;
  readonly samples: number;
}

interface Row {
  readonly backend: string;
  readonly actions: number;
  readonly operation: string;
  readonly n: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  /** 0: no target (a baseline). */
  readonly target: number;
}

/** A registry of 200 forums and 1,000 owners, made by copying the sample registry's forums. */
function scaledRegistry(sample: Registry): { registry: RegistryIndex; forumIds: string[]; owners: string[] } {
  const aad = (kind: number, i: number): string =>
    `00000000-0000-4000-8${kind}00-${i.toString(16).padStart(12, '0')}`;
  const secretaries: Person[] = [];
  const forums: Forum[] = [];
  for (let i = 0; i < FORUMS; i++) {
    const template = sample.forums[i % sample.forums.length] as Forum;
    const secretary: Person = {
      id: `bench-secretary-${i}`,
      name: `Sihteeri ${i}`,
      title: { fi: 'Sihteeri' },
      organisation: sample.organisations.find((o) => o.region === template.region)?.id ?? '',
      aadObjectId: aad(1, i),
    };
    secretaries.push(secretary);
    forums.push({ ...template, id: `${template.id}-b${i}`, secretaries: [secretary.id] });
  }
  const owners: Person[] = Array.from({ length: OWNERS }, (_, i) => ({
    id: `bench-owner-${i}`,
    name: `Vastuuhenkilö ${i}`,
    title: { fi: 'Asiantuntija' },
    organisation: sample.organisations[i % sample.organisations.length]?.id as string,
    aadObjectId: aad(2, i),
  }));
  const registry: Registry = {
    ...sample,
    people: [...sample.people, ...secretaries, ...owners],
    forums: [...sample.forums, ...forums],
  };
  return {
    registry: new RegistryIndex(registry),
    forumIds: forums.map((forum) => forum.id),
    owners: owners.map((owner) => owner.aadObjectId as string),
  };
}

/** Deterministic pseudo-random numbers, so runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function ok<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`benchmark call refused: ${JSON.stringify(outcome.failure)}`);
  return outcome.value;
}

const WARM_UP = 200;

async function timed(samples: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(WARM_UP, samples); i++) await call(samples + i);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    await call(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

async function runOn(store: Store, run: Run, sample: Registry): Promise<Row[]> {
  const { registry, forumIds, owners } = scaledRegistry(sample);
  const service = new ActionService({ store, clock: systemClock, registry: () => registry });
  const secretaryOf = (forumIndex: number): string =>
    registry.forumsById.get(forumIds[forumIndex] as string)?.secretaries[0] ?? '';
  const aadOfSecretary = (forumIndex: number): string =>
    registry.peopleById.get(secretaryOf(forumIndex))?.aadObjectId ?? '';
  const ownerIds = owners.map((aad) => registry.personByAadObjectId(aad)?.id as string);
  const interfaces = registry.registry.interfaces.map((i) => i.id);
  const today = dayIn(systemClock.now(), registry.registry.timeZone);
  const rnd = random(42);

  const create = (n: number) => {
    const forum = n % FORUMS;
    return service.logAction(aadOfSecretary(forum), {
      forumId: forumIds[forum] as string,
      idempotencyKey: `bench-${run.backend}-${n}`,
      title: `Toimenpide ${n}: päivitetään yhteistyösuunnitelma`,
      ownerPersonId: ownerIds[Math.floor(rnd() * ownerIds.length)],
      interfaceId: interfaces[Math.floor(rnd() * interfaces.length)],
      // A fifth of them late already.
      dueDate: addDays(today, Math.floor(rnd() * 420) - 80),
      confirmPastDueDate: true,
    });
  };

  const started = Date.now();
  let next = 0;
  const created: { forumId: string; actionId: string }[] = [];
  await Promise.all(
    Array.from({ length: POPULATE_CONCURRENCY }, async () => {
      while (next < run.actions) {
        const n = next++;
        const { record } = ok(await create(n));
        created.push({ forumId: record.action.forum, actionId: record.action.id });
      }
    }),
  );
  process.stdout.write(
    `  ${run.backend}: ${run.actions} actions created in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );

  // Let the population's garbage and the server's background work settle before timing.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const rows: Row[] = [];
  const row = (operation: string, times: number[], target: number): void => {
    rows.push({
      backend: run.backend,
      actions: run.actions,
      operation,
      n: times.length,
      p50: percentile(times, 0.5),
      p90: percentile(times, 0.9),
      p99: percentile(times, 0.99),
      max: times[times.length - 1] ?? Number.NaN,
      target,
    });
  };
  // What one store round trip costs on this machine right now: the floor under every figure.
  row('store ping (baseline)', await timed(run.samples, () => store.ping()), 0);
  row('create', await timed(run.samples, (i) => create(run.actions + i).then(ok)), 10);
  // Each status change is on an action nobody changed yet, so the version the caller saw is 1.
  const targets = created.filter((_, i) => i % 3 === 0);
  row(
    'status change',
    await timed(Math.min(run.samples, targets.length - WARM_UP), (i) => {
      const target = targets[i] as { forumId: string; actionId: string };
      const forumIndex = forumIds.indexOf(target.forumId);
      return service
        .updateStatus(aadOfSecretary(forumIndex), { ...target, expectedVersion: 1, status: 'kaynnissa' })
        .then(ok);
    }),
    10,
  );
  row(
    'overdue of a forum',
    await timed(run.samples, (i) =>
      service.forumOverdueActions(forumIds[i % FORUMS] as string, { limit: 10 }).then(ok),
    ),
    5,
  );
  row(
    'my actions',
    await timed(run.samples, (i) =>
      service.myActions(owners[(i * 7) % owners.length] as string, { limit: 10 }).then(ok),
    ),
    5,
  );
  return rows;
}

function table(rows: readonly Row[]): string {
  const header = [
    'backend',
    'actions',
    'operation',
    'n',
    'p50 ms',
    'p90 ms',
    'p99 ms',
    'max ms',
    'p99 target',
    '',
  ];
  const targeted = (r: Row): boolean => r.backend === 'redis' && r.target > 0;
  const body = rows.map((r) => [
    r.backend,
    String(r.actions),
    r.operation,
    String(r.n),
    r.p50.toFixed(2),
    r.p90.toFixed(2),
    r.p99.toFixed(2),
    r.max.toFixed(2),
    targeted(r) ? `≤ ${r.target} ms` : '–',
    targeted(r) ? (r.p99 <= r.target ? 'ok' : 'MISSED') : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}

async function redisRun(sample: Registry): Promise<Row[]> {
  const own = process.env.REDIS_URL ? undefined : await startRedisServer();
  const url = process.env.REDIS_URL ?? (own?.url as string);
  const keyPrefix = `bench:actions:${randomUUID()}:`;
  const store = createRedisStore({ url, keyPrefix });
  try {
    return await runOn(
      store,
      { backend: 'redis', actions: Math.round(100_000 * SCALE), samples: 2_000 },
      sample,
    );
  } finally {
    await store.close();
    if (own) await own.destroy();
    else await removeKeyPrefix(url, keyPrefix);
  }
}

async function fileRun(sample: Registry): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-actions-'));
  const store = await createFileStore({ dir });
  try {
    return await runOn(
      store,
      { backend: 'file', actions: Math.round(10_000 * SCALE), samples: 1_000 },
      sample,
    );
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const loaded = loadRegistry(await readRegistryFiles(join(__dirname, '../data/registry')));
  if (!loaded.ok) throw new Error('the sample registry does not load');
  process.stdout.write(`actions benchmark: ${FORUMS} forums, ${OWNERS} owners, node ${process.version}\n`);
  const rows = [...(await redisRun(loaded.registry)), ...(await fileRun(loaded.registry))];
  process.stdout.write(`\n${table(rows)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
