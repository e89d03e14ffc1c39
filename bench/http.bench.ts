/**
 * bench:http — HTTP load on /api/messages with Teams-shaped question activities, replies going
 * to a local connector. Side by side in one run: a bare botbuilder echo bot on the same adapter
 * and server, and this bot answering who-is-responsible questions (Redis store). Prints
 * requests per second, p50/p99 latency and the bot process's CPU time per request of each at
 * full load and at a fixed 200 requests per second (evenly paced, see paced-load.ts; also in
 * autocannon's per-second bursts, for reference), and the ratios. The two bots take turns
 * (many short slices at full load, a few rounds at 200 req/s), because a shared machine's speed
 * drifts. Both bots run as `npm start` runs the bot: compiled JavaScript from dist/ (the npm script
 * builds first), not TypeScript transpiled on load, with the node flags of the start script.
 * BENCH_SLICES, BENCH_SLICE_SECONDS, BENCH_SECONDS, BENCH_ROUNDS, BENCH_NODE_FLAGS (for both bots),
 * BENCH_BOT_CPU (pin the bots to a core), BENCH_CPU_PROF (write CPU profiles) and BENCH_LOOP_STATS=1
 * (print each bot's event-loop delay and GC pauses per 200 req/s round, see loop-stats.ts) tune a run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readRegistryFiles } from '../src/adapters/file/registry-files';
import { inflectedForms } from '../src/domain/language';
import { loadRegistry } from '../src/domain/registry';
import { freePort, startRedisServer } from '../tests/support/redis-server';
import type { LoopStats } from './loop-stats';
import { pacedLoad } from './paced-load';
import { percentile } from './percentile';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number; sent: number };
  latency: { p50: number; p99: number; average: number };
  statusCodeStats: Record<string, { count: number }>;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
}

const ROOT = resolve(__dirname, '..');
/** Length of the warm-up and of the fixed-rate runs, whose p99 needs a few thousand requests. */
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
/** Fixed-rate rounds (each bot once per round): p99 at 200 req/s is noisy (GC pauses, a shared VM), so the median of several. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 8));
/**
 * Full load is measured in many short slices, the bots taking turns, so that both see the
 * machine at nearly the same moments: its speed drifts over seconds to minutes.
 */
const SLICES = Math.max(2, Number(process.env.BENCH_SLICES ?? 12));
const SLICE_SECONDS = Number(process.env.BENCH_SLICE_SECONDS ?? 3);
/** Concurrent connections at full load. */
const CONNECTIONS = Math.max(1, Number(process.env.BENCH_CONNECTIONS ?? 50));
const LOOP_STATS = process.env.BENCH_LOOP_STATS === '1';
/** The node flags of `npm start` (e.g. the young generation's size), given to both bots alike. */
const START_FLAGS = startFlags();

function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [node, ...args] = pkg.scripts.start.split(/\s+/);
  if (node !== 'node') throw new Error(`npm start does not run node: ${pkg.scripts.start}`);
  return args.filter((arg) => arg.startsWith('--'));
}
const TENANT = '11111111-2222-4333-8444-555555555555';
const TOPICS = {
  fi: ['kotoutumisesta', 'työllisyyden hoidosta', 'opiskeluhuollosta', 'HYTE-työstä', 'perhekeskuksesta'],
  sv: ['integrationen', 'sysselsättningen', 'elevhälsan', 'familjecentret', 'främjandet av välfärd'],
  en: ['integration', 'employment services', 'student welfare', 'family centres', 'health promotion'],
};

/**
 * Varied questions, so that no answer is simply repeated: every municipality of the bundled
 * registry by its everyday name, in Finnish (inessive, adessive or as written), Swedish and
 * English, about several topics, plus membership and meeting questions. Each text once.
 */
async function questionSet(): Promise<string[]> {
  const loaded = loadRegistry(await readRegistryFiles(join(ROOT, 'data/registry')));
  if (!loaded.ok) throw new Error('the bundled registry does not load');
  const municipalities = loaded.registry.organisations.filter((o) => o.kind === 'kunta');
  const out: string[] = [];
  municipalities.forEach((m, i) => {
    const name = m.shortName ?? m.name;
    const forms = [...inflectedForms(name.fi.toLowerCase())];
    const firstOf = (grammaticalCase: string): string | undefined =>
      forms.find(([, c]) => c === grammaticalCase)?.[0];
    const places = [firstOf('ine'), firstOf('ade'), name.fi].filter((p): p is string => p !== undefined);
    for (const [j, topic] of TOPICS.fi.entries()) {
      const place = places[j % places.length] ?? name.fi;
      out.push(
        j % 2 === 0
          ? `kuka vastaa ${topic} ${place}?`
          : `Kuka hoitaa ${topic.replace(/sta$|stä$/, 'n')} ${place}`,
      );
    }
    for (const topic of TOPICS.sv)
      out.push(`Vem ansvarar för ${topic} i ${name.sv ?? m.name.sv ?? name.fi}?`);
    for (const topic of TOPICS.en) out.push(`Who is responsible for ${topic} in ${name.en ?? name.fi}?`);
    out.push(`mihin työllisyysalueeseen ${name.fi} kuuluu?`);
    if (i % 4 === 0)
      out.push(`milloin on seuraava HYTE-neuvottelu ${places[0] ?? name.fi} ja kuka on sihteeri?`);
  });
  return [...new Set(out)];
}

async function connector(): Promise<{ url: string; close: () => void; received: () => number }> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"id":"r"}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => server.close(),
    received: () => received,
  };
}

async function start(script: string, env: Record<string, string>): Promise<Bot> {
  const port = await freePort();
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each bot process there on exit.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  // BENCH_BOT_CPU=<n> pins the bots to one core (taskset), away from the load generator.
  const pin = process.env.BENCH_BOT_CPU ? ['taskset', '-c', process.env.BENCH_BOT_CPU] : [];
  const [command = process.execPath, ...prefix] = [...pin, process.execPath];
  const child = spawn(
    command,
    [
      ...prefix,
      ...profile,
      ...START_FLAGS,
      ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
      ...(LOOP_STATS ? ['-r', join(ROOT, 'dist/bench/loop-stats.js')] : []),
      join(ROOT, script),
    ],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'inherit', ...(LOOP_STATS ? (['ipc'] as const) : [])],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  child.stdout?.resume();
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const up = await fetch(`${url}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) break;
    if (attempt > 300) throw new Error(`${script} did not start`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return { child, url };
}

/** Teams-shaped question activities, one after the other: 100 users, each in their own chat. */
function activities(serviceUrl: string, questions: readonly string[]): () => string {
  let n = 0;
  return () => {
    n += 1;
    const id = randomUUID();
    return JSON.stringify({
      type: 'message',
      id,
      channelId: 'msteams',
      serviceUrl,
      locale: 'fi-FI',
      text: questions[(n * 7919) % questions.length] ?? questions[0],
      from: {
        id: `29:user-${n % 100}`,
        aadObjectId: `00000000-0000-4000-8000-${String(n % 100).padStart(12, '0')}`,
      },
      recipient: { id: '28:bot' },
      conversation: { id: `a:conv-${n % 100}`, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    });
  };
}

function request(serviceUrl: string, questions: readonly string[]) {
  const next = activities(serviceUrl, questions);
  return {
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: Record<string, unknown>) => {
      req.body = next();
      return req;
    },
  };
}

let QUESTIONS: readonly string[] = [];

/** CPU time (user + system) a process has used so far, in ms, from /proc. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = 100;

interface Bot {
  readonly child: ChildProcess;
  readonly url: string;
}

interface LoadOptions {
  /** Requests per second; without it, full load. */
  readonly rate?: number;
  /** At `rate`: autocannon's per-second bursts instead of evenly paced requests. */
  readonly bursts?: boolean;
  readonly seconds?: number;
}

/** The bot's event-loop and GC figures since the last call (BENCH_LOOP_STATS=1), else undefined. */
async function loopStats(bot: Bot): Promise<LoopStats | undefined> {
  if (!LOOP_STATS) return undefined;
  const stats = await new Promise<LoopStats>((resolve) => {
    bot.child.once('message', (message) => resolve(message as LoopStats));
    bot.child.send('read');
  });
  bot.child.send('reset');
  return stats;
}

async function load(bot: Bot, serviceUrl: string, options: LoadOptions = {}): Promise<Figures> {
  const { rate, bursts = false, seconds = DURATION } = options;
  await loopStats(bot);
  const before = cpuMs(bot.child.pid);
  if (rate && !bursts) {
    const paced = await pacedLoad({
      url: bot.url,
      path: '/api/messages',
      rate,
      seconds,
      sockets: 20,
      body: activities(serviceUrl, QUESTIONS),
    });
    const used = cpuMs(bot.child.pid) - before;
    const loop = await loopStats(bot);
    return {
      ...paced,
      ...(loop ? { loop } : {}),
      rps: paced.answered / seconds,
      cpuMs: used,
      cpuUs: (used * 1000) / Math.max(1, paced.answered),
    };
  }
  const result = await autocannon({
    url: bot.url,
    connections: rate ? 20 : CONNECTIONS,
    duration: seconds,
    requests: [request(serviceUrl, QUESTIONS)],
    ...(rate ? { overallRate: rate } : {}),
  });
  return figures({ ...result, cpuMs: cpuMs(bot.child.pid) - before, seconds });
}

interface Figures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly sent: number;
  /** Responses received before the run ended (the rest were still in flight). */
  readonly answered: number;
  readonly ok: number;
  /** The bot process's CPU time per request, in µs. */
  readonly cpuUs: number;
  readonly cpuMs: number;
  readonly seconds: number;
  readonly loop?: LoopStats;
  /** Evenly paced runs: every answered request's latency in ms, ascending. */
  readonly latencies?: readonly number[];
}

function figures(result: AutocannonResult & { cpuMs: number; seconds: number }): Figures {
  return {
    cpuMs: result.cpuMs,
    seconds: result.seconds,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
    sent: result.requests.sent,
    answered: result.requests.total,
    ok: result.statusCodeStats['200']?.count ?? 0,
    cpuUs: (result.cpuMs * 1000) / Math.max(1, result.requests.total),
  };
}

const median = (values: readonly number[]): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Several runs as one: throughput and CPU time over all of them, the median run's latencies. */
function pooled(runs: readonly Figures[]): Figures {
  const sum = (pick: (run: Figures) => number): number => runs.reduce((total, run) => total + pick(run), 0);
  const answered = sum((run) => run.answered);
  const seconds = sum((run) => run.seconds);
  const cpuMs = sum((run) => run.cpuMs);
  return {
    rps: answered / Math.max(1e-9, seconds),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    errors: sum((run) => run.errors),
    sent: sum((run) => run.sent),
    ok: sum((run) => run.ok),
    answered,
    cpuMs,
    cpuUs: (cpuMs * 1000) / Math.max(1, answered),
    seconds,
  };
}

/** The p99 of the requests of several evenly paced runs taken together. */
function pooledP99(runs: readonly Figures[]): number {
  return percentile(
    runs.flatMap((run) => run.latencies ?? []).sort((a, b) => a - b),
    0.99,
  );
}

/** The middle half of a list of values, as "low–high". */
function middleHalf(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return `${at(0.25).toFixed(2)}–${at(0.75).toFixed(2)}`;
}

function describeLoop(loop: LoopStats): string {
  return `delay p99 ${loop.delayP99.toFixed(1)} max ${loop.delayMax.toFixed(1)} ms, GC ${loop.gcMs.toFixed(0)} ms (longest ${loop.gcMaxMs.toFixed(1)}, ${loop.majorGcs} major)`;
}

function row(name: string, result: Figures): string {
  return `${name.padEnd(40)} ${result.rps.toFixed(0).padStart(8)} ${result.p50.toFixed(1).padStart(8)} ${result.p99.toFixed(1).padStart(8)} ${String(result.errors).padStart(7)} ${result.cpuUs.toFixed(0).padStart(10)}`;
}

async function main(): Promise<void> {
  const out = process.stdout;
  QUESTIONS = await questionSet();
  const sink = await connector();
  const redis = await startRedisServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-http-'));
  const echo = await start('dist/bench/echo-bot.js', {});
  const bot = await start('dist/src/main.js', {
    REDIS_URL: redis.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ALLOWED_TENANTS: TENANT,
  });
  try {
    out.write(
      `bench:http — full load: ${SLICES} slices of ${SLICE_SECONDS} s per bot, taking turns (ABBA order); 200 req/s: ${ROUNDS} rounds of ${DURATION} s per bot; ${availableParallelism()} cores shared by load generator, bots, connector and Redis\n`,
    );
    out.write(`node flags of npm start, for both bots: ${START_FLAGS.join(' ') || 'none'}\n`);
    out.write(
      `${new Set(QUESTIONS).size} distinct questions (fi/sv/en) over the bundled registry's municipalities\n\n`,
    );
    // Warm-up at full load: until the JIT has compiled the hot paths, throughput keeps rising.
    for (let i = 0; i < 2; i++) {
      await load(echo, sink.url);
      await load(bot, sink.url);
    }
    // ABBA: the bot goes first in every other pair, so a drift in machine speed favours neither.
    const pair = async (turn: number, options: LoadOptions): Promise<[Figures, Figures]> => {
      if (turn % 2 === 0) {
        const first = await load(echo, sink.url, options);
        return [first, await load(bot, sink.url, options)];
      }
      const first = await load(bot, sink.url, options);
      return [await load(echo, sink.url, options), first];
    };
    const runs = {
      echoFull: [] as Figures[],
      botFull: [] as Figures[],
      echoFixed: [] as Figures[],
      botFixed: [] as Figures[],
      echoBursts: [] as Figures[],
      botBursts: [] as Figures[],
    };
    const fullRatios: string[] = [];
    for (let slice = 0; slice < SLICES; slice++) {
      const [echoFull, botFull] = await pair(slice, { seconds: SLICE_SECONDS });
      runs.echoFull.push(echoFull);
      runs.botFull.push(botFull);
      fullRatios.push((botFull.rps / echoFull.rps).toFixed(2));
    }
    out.write(`full load, bot / echo req/s of each pair of slices: ${fullRatios.join(' ')}\n`);
    for (let round = 0; round < ROUNDS; round++) {
      const [echoFixed, botFixed] = await pair(round, { rate: 200 });
      runs.echoFixed.push(echoFixed);
      runs.botFixed.push(botFixed);
      const [echoBursts, botBursts] = await pair(round + 1, { rate: 200, bursts: true });
      runs.echoBursts.push(echoBursts);
      runs.botBursts.push(botBursts);
      out.write(
        `200 req/s round ${round + 1}: p99 echo ${echoFixed.p99.toFixed(1)} vs bot ${botFixed.p99.toFixed(1)} ms evenly paced; ${echoBursts.p99} vs ${botBursts.p99} ms in per-second bursts\n`,
      );
      if (echoFixed.loop && botFixed.loop)
        out.write(
          `  paced, event loop and GC: echo ${describeLoop(echoFixed.loop)}; bot ${describeLoop(botFixed.loop)}\n`,
        );
    }
    const echoFull = pooled(runs.echoFull);
    const botFull = pooled(runs.botFull);
    const echoFixed = pooled(runs.echoFixed);
    const botFixed = pooled(runs.botFixed);
    const echoBursts = pooled(runs.echoBursts);
    const botBursts = pooled(runs.botBursts);
    out.write(
      `\n${'run (all slices or rounds)'.padEnd(40)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors*'.padStart(7)} ${'CPU µs/req'.padStart(10)}\n`,
    );
    out.write(`${row('echo bot, full load', echoFull)}\n`);
    out.write(`${row('this bot (questions), full load', botFull)}\n`);
    out.write(`${row('echo bot, 200 req/s paced', echoFixed)}\n`);
    out.write(`${row('this bot (questions), 200 req/s paced', botFixed)}\n`);
    out.write(`${row('echo bot, 200 req/s in bursts', echoBursts)}\n`);
    out.write(`${row('this bot (questions), 200 req/s bursts', botBursts)}\n`);
    out.write(
      '* req/s and CPU over all runs; p50 and p99 the median of the runs; errors the sum (non-2xx answers, connection errors and timeouts)\n\n',
    );
    const pairedRatios = runs.botFull.map((run, i) => run.rps / (runs.echoFull[i]?.rps ?? NaN));
    out.write(
      `throughput ratio (bot / echo, full load): ${(botFull.rps / echoFull.rps).toFixed(2)} over all slices; ${median(pairedRatios).toFixed(2)} as the median of the pairs (middle half ${middleHalf(pairedRatios)})  (target >= 0.80)\n`,
    );
    const p99Ratios = (bots: readonly Figures[], echoes: readonly Figures[]): number[] =>
      bots.map((run, i) => run.p99 / (echoes[i]?.p99 ?? NaN));
    out.write(
      `p99 ratio (bot / echo, 200 req/s evenly paced): ${median(p99Ratios(runs.botFixed, runs.echoFixed)).toFixed(2)} as the median of the rounds' ratios, ${(botFixed.p99 / echoFixed.p99).toFixed(2)} as the ratio of the medians  (target <= 1.50)\n`,
    );
    const [echoPooledP99, botPooledP99] = [pooledP99(runs.echoFixed), pooledP99(runs.botFixed)];
    out.write(
      `p99 over all evenly paced requests of all rounds pooled, for reference: echo ${echoPooledP99.toFixed(1)} ms, bot ${botPooledP99.toFixed(1)} ms, ratio ${(botPooledP99 / echoPooledP99).toFixed(2)}\n`,
    );
    out.write(
      `p99 ratio (bot / echo, 200 req/s in autocannon's per-second bursts of 20 connections, for reference): ${median(p99Ratios(runs.botBursts, runs.echoBursts)).toFixed(2)} as the median of the rounds' ratios\n`,
    );
    const measured = Object.values(runs).flat();
    const all = pooled(measured);
    out.write(
      `measured runs: ${all.answered} requests answered, ${all.ok} of them with 200, errors ${all.errors} (autocannon also counts ${all.sent - all.answered} requests as sent that were queued or in flight when a run ended); replies received by the connector (with warm-up): ${sink.received()}\n`,
    );
  } finally {
    echo.child.kill('SIGTERM');
    bot.child.kill('SIGTERM');
    sink.close();
    await redis.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
