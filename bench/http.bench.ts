/**
 * bench:http — HTTP load on /api/messages with Teams-shaped question activities, replies going
 * to a local connector. Side by side in one run: a bare botbuilder echo bot on the same adapter
 * and server, and this bot answering who-is-responsible questions (Redis store). Prints
 * requests per second and p50/p99 latency of each at full load and at a fixed 200 requests per
 * second, and the ratios.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readRegistryFiles } from '../src/adapters/file/registry-files';
import { inflectedForms } from '../src/domain/language';
import { loadRegistry } from '../src/domain/registry';
import { freePort, startRedisServer } from '../tests/support/redis-server';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const ROOT = resolve(__dirname, '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const TENANT = '11111111-2222-4333-8444-555555555555';
const TOPICS = {
  fi: ['kotoutumisesta', 'työllisyyden hoidosta', 'opiskeluhuollosta', 'HYTE-työstä', 'perhekeskuksesta'],
  sv: ['integrationen', 'sysselsättningen', 'elevhälsan', 'familjecentret', 'främjandet av välfärd'],
  en: ['integration', 'employment services', 'student welfare', 'family centres', 'health promotion'],
};

/**
 * Varied questions, so that no answer is simply repeated: every municipality of the bundled
 * registry in Finnish (in several inflected forms), Swedish and English, about several topics,
 * plus membership and meeting questions.
 */
async function questionSet(): Promise<string[]> {
  const loaded = loadRegistry(await readRegistryFiles(join(ROOT, 'data/registry')));
  if (!loaded.ok) throw new Error('the bundled registry does not load');
  const municipalities = loaded.registry.organisations.filter((o) => o.kind === 'kunta');
  const out: string[] = [];
  municipalities.forEach((m, i) => {
    const forms = [...inflectedForms(m.name.fi).keys()].filter((form) => /ssa$|ssä$|lla$|llä$/.test(form));
    for (const [j, topic] of TOPICS.fi.entries()) {
      const place = forms[j % Math.max(1, forms.length)] ?? m.name.fi;
      out.push(
        j % 2 === 0
          ? `kuka vastaa ${topic} ${place}?`
          : `Kuka hoitaa ${topic.replace(/sta$|stä$/, 'n')} ${place}`,
      );
    }
    for (const topic of TOPICS.sv) out.push(`Vem ansvarar för ${topic} i ${m.name.sv ?? m.name.fi}?`);
    for (const topic of TOPICS.en) out.push(`Who is responsible for ${topic} in ${m.name.fi}?`);
    out.push(`mihin työllisyysalueeseen ${m.name.fi} kuuluu?`);
    if (i % 4 === 0) out.push(`milloin on seuraava HYTE-neuvottelu ja kuka on sihteeri?`);
  });
  return out;
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

async function start(
  script: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each bot process there on exit.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(
    process.execPath,
    [...profile, '-r', join(ROOT, 'tests/support/ts-register.js'), join(ROOT, script)],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
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

function request(serviceUrl: string, questions: readonly string[]) {
  let n = 0;
  return {
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: Record<string, unknown>) => {
      n += 1;
      const id = randomUUID();
      req.body = JSON.stringify({
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
      return req;
    },
  };
}

let QUESTIONS: readonly string[] = [];

async function load(url: string, serviceUrl: string, rate?: number): Promise<AutocannonResult> {
  return autocannon({
    url,
    connections: rate ? 20 : 50,
    duration: DURATION,
    requests: [request(serviceUrl, QUESTIONS)],
    ...(rate ? { overallRate: rate } : {}),
  });
}

function row(name: string, result: AutocannonResult): string {
  const errors = result.non2xx + result.errors + result.timeouts;
  return `${name.padEnd(34)} ${result.requests.average.toFixed(0).padStart(8)} ${String(result.latency.p50).padStart(8)} ${String(result.latency.p99).padStart(8)} ${String(errors).padStart(7)}`;
}

async function main(): Promise<void> {
  const out = process.stdout;
  QUESTIONS = await questionSet();
  const sink = await connector();
  const redis = await startRedisServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-http-'));
  const echo = await start('bench/echo-bot.ts', {});
  const bot = await start('src/main.ts', {
    REDIS_URL: redis.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ALLOWED_TENANTS: TENANT,
  });
  try {
    out.write(
      `bench:http — ${DURATION} s per run, 2 cores shared by load generator, bots, connector and Redis\n\n`,
    );
    out.write(
      `${QUESTIONS.length} distinct questions (fi/sv/en) over the bundled registry's municipalities\n\n`,
    );
    out.write(
      `${'run'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}\n`,
    );
    await load(echo.url, sink.url, 50); // warm-up
    await load(bot.url, sink.url, 50);
    const echoFull = await load(echo.url, sink.url);
    out.write(`${row('echo bot, full load', echoFull)}\n`);
    const botFull = await load(bot.url, sink.url);
    out.write(`${row('this bot (questions), full load', botFull)}\n`);
    const echoFixed = await load(echo.url, sink.url, 200);
    out.write(`${row('echo bot, 200 req/s', echoFixed)}\n`);
    const botFixed = await load(bot.url, sink.url, 200);
    out.write(`${row('this bot (questions), 200 req/s', botFixed)}\n\n`);
    out.write(
      `throughput ratio (bot / echo, full load): ${(botFull.requests.average / echoFull.requests.average).toFixed(2)}  (target >= 0.80)\n`,
    );
    out.write(
      `p99 ratio (bot / echo, 200 req/s): ${(botFixed.latency.p99 / Math.max(1, echoFixed.latency.p99)).toFixed(2)}  (target <= 1.50)\n`,
    );
    out.write(`replies received by the connector: ${sink.received()}\n`);
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
