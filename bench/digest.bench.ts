/**
 * Latency of composing the situational-picture digest (issue 5) for the largest region: the
 * scaled registry's region with the most municipalities (Pohjois-Pohjanmaa, 30; the issue names
 * Varsinais-Suomi's 27: `BENCH_REGION=varsinais-suomi`), 20 indicators with ten years each,
 * 500 actions and 10 decisions in the store. "Compose" is what posting or a card
 * refresh costs: build (store reads, meetings, indicator series, composition) plus rendering the
 * card and its text fallback. Target p99 ≤ 50 ms. Rendering the help card is the baseline.
 *
 *   node -r ./tests/support/ts-register.js bench/digest.bench.ts
 *
 * BENCH_SAMPLES sets the timed calls per figure (default 1000).
 * The indicator source is an in-memory stub: the Sotkanet and StatFin clients and their cache are
 * measured and tested on their own. REDIS_URL names a Redis server to use (keys go under a unique
 * prefix and are removed afterwards); without it a private redis-server is started.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderDigest } from '../cards/digest.card';
import { helpCard } from '../cards/help.card';
import { createFileStore } from '../src/adapters/file/file-store';
import { createRedisStore } from '../src/adapters/redis/redis-store';
import { ActionService, type Outcome } from '../src/app/actions';
import { DigestService, type DigestOutcome } from '../src/app/digest';
import { MeetingService } from '../src/app/meetings';
import {
  loadRegistry,
  RegistryIndex,
  type Agreement,
  type Forum,
  type Goal,
  type Indicator,
  type Meeting,
  type Registry,
} from '../src/domain/registry';
import { translator } from '../src/i18n';
import type { Clock } from '../src/ports/clock';
import type { IndicatorSeries, IndicatorSeriesRequest, IndicatorSource } from '../src/ports/indicator-source';
import type { Store } from '../src/ports/store';
import { startRedisServer } from '../tests/support/redis-server';
import { scaledRegistryDocuments } from './scaled-registry';
import { removeKeyPrefix } from '../tests/support/test-redis';
import { percentile } from './percentile';

const ROOT = resolve(__dirname, '..');
const INDICATORS = 20;
const ACTIONS = 500;
const DECISIONS = 10;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? '1000');
const WARM_UP = 100;
const TARGET_MS = 50;
/** Two days before the meeting, as when the digest is posted. */
const NOW = Date.parse('2027-09-15T10:00:00+03:00');
const PREVIOUS_START = '2027-05-05T13:00:00+03:00';

/** Deterministic pseudo-random numbers, so runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Scenario {
  readonly registry: RegistryIndex;
  readonly regionName: string;
  readonly forumId: string;
  readonly municipalities: number;
  readonly secretaryAad: string;
  readonly previousMeetingId: string;
}

/** The scaled registry, its largest region given indicators, goals, members and two meetings. */
function scenario(): Scenario {
  const loaded = loadRegistry(scaledRegistryDocuments(ROOT));
  if (!loaded.ok)
    throw new Error(`scaled registry does not load: ${JSON.stringify(loaded.errors.slice(0, 3))}`);
  const base = new RegistryIndex(loaded.registry);
  const wanted = process.env.BENCH_REGION?.toLowerCase();
  const region = wanted
    ? base.registry.regions.find((r) => r.id === wanted || r.name.fi.toLowerCase() === wanted)
    : [...base.registry.regions].sort(
        (a, b) => base.municipalitiesOf(b.id).length - base.municipalitiesOf(a.id).length,
      )[0];
  if (!region) throw new Error(`no region ${wanted ?? ''}`);
  const forum = base.forumsOf(region.id).find((f) => f.kind === 'neuvottelukunta');
  if (!forum) throw new Error('no negotiating committee in the largest region');
  const municipalities = base.municipalitiesOf(region.id);
  const indicators: Indicator[] = Array.from({ length: INDICATORS }, (_, i) => ({
    id: `${region.id}-mittari-${i + 1}`,
    region: region.id,
    name: { fi: `Mittari ${i + 1}`, sv: `Mätare ${i + 1}`, en: `Indicator ${i + 1}` },
    source: i % 4 === 0 ? 'statfin' : 'sotkanet',
    sotkanetId: 1000 + i,
    unit: i % 2 === 0 ? '%' : '/1 000',
    better: (['lower', 'higher', 'neither'] as const)[i % 3] ?? 'lower',
    values: [],
  }));
  const agreement: Agreement = {
    id: `${region.id}-sopimus`,
    title: { fi: 'Strateginen yhteistyösopimus' },
    kind: 'strateginen',
    parties: [region.wellbeingCounty, ...municipalities.map((m) => m.id)],
    signed: '2025-10-01',
  };
  const goals: Goal[] = indicators.slice(0, 6).map((indicator, i) => ({
    id: `${region.id}-tavoite-${i + 1}`,
    agreement: agreement.id,
    title: { fi: `Tavoite ${i + 1}` },
    interface: 'hyte',
    indicator: indicator.id,
    target: { value: 10, by: '2028-12-31', direction: 'down' },
  }));
  const meetings: Meeting[] = [
    {
      id: `${forum.id}-2027-05`,
      forum: forum.id,
      title: { fi: 'Kevätkokous 2027' },
      start: PREVIOUS_START,
      end: '2027-05-05T15:00:00+03:00',
      agenda: [],
    },
    {
      id: `${forum.id}-2027-09`,
      forum: forum.id,
      title: { fi: 'Syyskokous 2027' },
      start: '2027-09-17T13:00:00+03:00',
      end: '2027-09-17T15:30:00+03:00',
      location: { fi: 'Teams' },
      agenda: [{ fi: 'Palveluverkko' }, { fi: 'Talousarvio 2028' }, { fi: 'Hyvinvointikertomus' }],
    },
  ];
  const members = [region.wellbeingCounty, ...municipalities.map((m) => m.id)];
  const forums = base.registry.forums.map((f): Forum =>
    f.id === forum.id ? { ...f, members, digest: { indicators: indicators.map((i) => i.id) } } : f,
  );
  const registry: Registry = {
    ...base.registry,
    indicators: [...base.registry.indicators, ...indicators],
    agreements: [...base.registry.agreements, agreement],
    goals: [...base.registry.goals, ...goals],
    meetings: [...base.registry.meetings, ...meetings],
    forums,
  };
  const index = new RegistryIndex(registry);
  const secretary = index.peopleById.get(forum.secretaries[0] ?? '');
  if (!secretary?.aadObjectId) throw new Error('the committee has no secretary with an Entra id');
  return {
    registry: index,
    regionName: region.name.fi,
    forumId: forum.id,
    municipalities: municipalities.length,
    secretaryAad: secretary.aadObjectId,
    previousMeetingId: `${forum.id}-2027-05`,
  };
}

/** Ten years of values for every area asked for, from memory. */
class InMemoryIndicatorSource implements IndicatorSource {
  async series(request: IndicatorSeriesRequest): Promise<IndicatorSeries[]> {
    const rnd = random(request.indicator.id.length * 31 + request.areas.length);
    return request.areas.map((area) => ({
      indicatorId: request.indicator.id,
      area: area.organisationId,
      points: request.years
        .filter((year) => year < 2027)
        .map((year) => ({ year, value: Math.round((8 + rnd() * 10) * 10) / 10 })),
      source: request.indicator.source === 'statfin' ? 'statfin' : 'sotkanet',
      fetchedAt: NOW,
    }));
  }
}

function ok<T>(outcome: Outcome<T> | DigestOutcome<T>): T {
  if (!outcome.ok) throw new Error(`benchmark call refused: ${JSON.stringify(outcome.failure)}`);
  return outcome.value;
}

async function populate(store: Store, clock: { at: number }, s: Scenario): Promise<void> {
  const timedClock: Clock = { now: () => clock.at };
  const actions = new ActionService({ store, clock: timedClock, registry: () => s.registry });
  const rnd = random(42);
  const interfaces = s.registry.registry.interfaces.map((i) => i.id);
  const organisations = [...s.registry.municipalitiesOf(s.registry.forumsById.get(s.forumId)?.region ?? '')];
  clock.at = Date.parse('2027-03-01T10:00:00+02:00');
  const ids: string[] = [];
  for (let n = 0; n < ACTIONS; n++) {
    const due = new Date(Date.parse('2027-05-01T00:00:00Z') + Math.floor(rnd() * 240) * 86_400_000);
    const logged = ok(
      await actions.logAction(s.secretaryAad, {
        forumId: s.forumId,
        idempotencyKey: `bench-digest-${n}`,
        title: `Toimenpide ${n}: päivitetään yhteistyösuunnitelma ja sovitaan vastuista`,
        interfaceId: interfaces[n % interfaces.length],
        organisationIds: [organisations[n % organisations.length]?.id ?? ''],
        dueDate: due.toISOString().slice(0, 10),
        confirmPastDueDate: true,
      }),
    );
    ids.push(logged.record.action.id);
  }
  // A quarter done over the summer, a tenth cancelled.
  clock.at = Date.parse('2027-06-15T10:00:00+03:00');
  for (const [i, actionId] of ids.entries()) {
    const status = i % 4 === 0 ? 'valmis' : i % 10 === 1 ? 'peruttu' : undefined;
    if (status) ok(await actions.updateStatus(s.secretaryAad, { forumId: s.forumId, actionId, status }));
  }
  clock.at = Date.parse('2027-05-05T16:00:00+03:00');
  for (let d = 0; d < DECISIONS; d++) {
    ok(
      await actions.logDecision(s.secretaryAad, {
        forumId: s.forumId,
        idempotencyKey: `bench-decision-${d}`,
        meetingId: s.previousMeetingId,
        text: `Päätös ${d + 1}: hyväksyttiin ehdotus jatkovalmisteluun.`,
      }),
    );
  }
  clock.at = NOW;
}

async function timed(samples: number, call: () => unknown): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    await call();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

interface Row {
  readonly backend: string;
  readonly operation: string;
  readonly n: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  /** 0: no target (a baseline or a part). */
  readonly target: number;
}

async function runOn(backend: string, store: Store, s: Scenario): Promise<{ rows: Row[]; facts: string }> {
  const clock = { at: NOW };
  const started = Date.now();
  await populate(store, clock, s);
  const populated = ((Date.now() - started) / 1000).toFixed(1);
  const deps = { store, clock: { now: () => clock.at }, registry: () => s.registry };
  const digests = new DigestService({
    ...deps,
    indicators: new InMemoryIndicatorSource(),
    meetings: new MeetingService(deps),
  });
  const options = {
    locale: 'fi' as const,
    chartUrl: (id: string) => `https://bot.example/charts/${id}-0123456789abcdef0123456789abcdef.png`,
    calendarUrl: `https://bot.example/forums/${s.forumId}/meetings.ics?token=0123456789abcdef0123456789abcdef`,
  };
  const sample = ok(await digests.build({ forumId: s.forumId }));
  const rendered = renderDigest(sample, options);
  const facts =
    `  ${backend}: ${ACTIONS} actions and ${DECISIONS} decisions stored in ${populated} s; digest ${sample.id}: ` +
    `${sample.actions.overdue} overdue, ${sample.actions.dueBeforeMeeting} due before the meeting, ` +
    `${sample.actions.doneSincePrevious} done since the previous one; card ${rendered.bytes} bytes, ` +
    `municipalities shown for ${rendered.detail.municipalityIndicators}/${rendered.detail.indicators} indicators\n`;

  const rows: Row[] = [];
  const row = (operation: string, times: number[], target = 0): void => {
    rows.push({
      backend,
      operation,
      n: times.length,
      p50: percentile(times, 0.5),
      p90: percentile(times, 0.9),
      p99: percentile(times, 0.99),
      max: times[times.length - 1] ?? Number.NaN,
      target,
    });
  };
  const help = translator('fi');
  row('help card render (baseline)', await timed(SAMPLES, () => JSON.stringify(helpCard(help))));
  row('store ping (baseline)', await timed(SAMPLES, () => store.ping()));
  row('build only', await timed(SAMPLES, () => digests.build({ forumId: s.forumId }).then(ok)));
  row('card + text render only', await timed(SAMPLES, () => renderDigest(sample, options)));
  row(
    'compose (build + render)',
    await timed(SAMPLES, async () => renderDigest(ok(await digests.build({ forumId: s.forumId })), options)),
    TARGET_MS,
  );
  return { rows, facts };
}

function table(rows: readonly Row[]): string {
  const header = ['backend', 'operation', 'n', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'p99 target', ''];
  const body = rows.map((r) => [
    r.backend,
    r.operation,
    String(r.n),
    r.p50.toFixed(2),
    r.p90.toFixed(2),
    r.p99.toFixed(2),
    r.max.toFixed(2),
    r.target > 0 ? `≤ ${r.target} ms` : '–',
    r.target > 0 ? (r.p99 <= r.target ? 'ok' : 'MISSED') : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}

async function redisRun(s: Scenario): Promise<{ rows: Row[]; facts: string }> {
  const own = process.env.REDIS_URL ? undefined : await startRedisServer();
  const url = process.env.REDIS_URL ?? (own?.url as string);
  const keyPrefix = `bench:digest:${randomUUID()}:`;
  const store = createRedisStore({ url, keyPrefix });
  try {
    return await runOn('redis', store, s);
  } finally {
    await store.close();
    if (own) await own.destroy();
    else await removeKeyPrefix(url, keyPrefix);
  }
}

async function fileRun(s: Scenario): Promise<{ rows: Row[]; facts: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-digest-'));
  const store = await createFileStore({ dir });
  try {
    return await runOn('file', store, s);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const s = scenario();
  process.stdout.write(
    `digest benchmark: ${s.regionName} (${s.municipalities} municipalities), forum ${s.forumId}, ` +
      `${INDICATORS} indicators × ${s.municipalities + 1} areas × 10 years, ${ACTIONS} actions, node ${process.version}\n` +
      '  indicator source: an in-memory stub (the Sotkanet and StatFin clients are tested separately)\n',
  );
  const runs = [await redisRun(s), await fileRun(s)];
  for (const run of runs) process.stdout.write(run.facts);
  process.stdout.write(`\n${table(runs.flatMap((run) => run.rows))}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
