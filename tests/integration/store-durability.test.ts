/**
 * Durability of both Store backends against real crashes: a writer process killed with
 * SIGKILL in the middle of a burst (file backend), and redis-server killed with SIGKILL under a
 * store that must fail fast while Redis is gone and work again when it is back.
 */
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStore } from '../../src/adapters/file/file-store';
import { createRedisStore } from '../../src/adapters/redis/redis-store';
import type { Store } from '../../src/ports/store';
import { startRedisServer, type RedisServer } from '../support/redis-server';

const REGISTER = join(__dirname, '..', 'support', 'ts-register.js');
const WRITER = join(__dirname, '..', 'support', 'child-file-writer.ts');

interface WriterRun {
  readonly pid: number;
  /** Acknowledged puts: key → version. */
  readonly puts: Map<string, number>;
  /** Acknowledged counter values. */
  readonly increments: number[];
  killAfter(acknowledged: number): Promise<void>;
}

function startWriter(dir: string, round: number, compactAfterBytes: number): Promise<WriterRun> {
  const child = spawn(
    process.execPath,
    ['-r', REGISTER, WRITER, dir, String(round), String(compactAfterBytes)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const puts = new Map<string, number>();
  const increments: number[] = [];
  let buffered = '';
  let stderr = '';
  let onAck: (() => void) | undefined;
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited (${String(code)}): ${stderr}`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, first, second] = line.split(' ');
        if (kind === 'ready') {
          resolve({
            pid: Number(first),
            puts,
            increments,
            killAfter: async (acknowledged) => {
              await new Promise<void>((done) => {
                onAck = () => {
                  if (puts.size + increments.length >= acknowledged) done();
                };
                onAck();
              });
              child.kill('SIGKILL');
              // Everything the child printed before it died is read before the check starts.
              await closed;
            },
          });
        } else if (kind === 'put' && first) puts.set(first, Number(second));
        else if (kind === 'inc') increments.push(Number(first));
        onAck?.();
      }
    });
  });
}

describe('file store durability', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bot-durability-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write when the writing process is killed with SIGKILL', async () => {
    const allPuts = new Map<string, number>();
    const allIncrements: number[] = [];
    for (let round = 1; round <= 4; round++) {
      // A small compaction threshold makes some kills land in the middle of a compaction.
      const writer = await startWriter(dir, round, 64 * 1024);
      if (round === 1) {
        const refused = await createFileStore({ dir }).catch((error: unknown) => error);
        expect(refused).toMatchObject({ code: 'STORE_LOCKED' });
        expect(String((refused as Error).message)).toContain(String(writer.pid));
      }
      await writer.killAfter(150 + round * 100);
      expect((await readFile(join(dir, 'LOCK'), 'utf8')).trim()).toBe(String(writer.pid));
      for (const [key, version] of writer.puts) allPuts.set(key, version);
      allIncrements.push(...writer.increments);

      const store = await createFileStore({ dir });
      try {
        const keys = [...allPuts.keys()];
        const values = await store.getMany<{ key: string }>(keys);
        const missing = keys.filter(
          (key, i) => values[i]?.value.key !== key || values[i]?.version !== allPuts.get(key),
        );
        expect(missing).toEqual([]);
        const indexed = new Set((await store.range('acked')).map((entry) => entry.member));
        expect(keys.filter((key) => !indexed.has(key))).toEqual([]);
        expect(new Set(allIncrements).size).toBe(allIncrements.length);
        expect(await store.increment('acks')).toBeGreaterThan(Math.max(0, ...allIncrements));
        await store.put(`after-round-${round}`, round);
      } finally {
        await store.close();
      }
    }
    const store = await createFileStore({ dir });
    try {
      expect(
        (await store.getMany([1, 2, 3, 4].map((round) => `after-round-${round}`))).map(
          (entry) => entry?.value,
        ),
      ).toEqual([1, 2, 3, 4]);
    } finally {
      await store.close();
    }
  }, 60_000);

  async function newestJournal(): Promise<string> {
    const journals = (await readdir(dir)).filter((name) => name.startsWith('journal-')).sort();
    return join(dir, journals.at(-1) as string);
  }

  it('opens after a torn last line, drops it, and goes on writing', async () => {
    const first = await createFileStore({ dir });
    await first.put('kept', 'yes');
    await first.close();
    await appendFile(
      await newestJournal(),
      '{"lsn":2,"op":"put","key":"torn","version":1,"indexes":[],"value":{"half',
    );

    const second = await createFileStore({ dir });
    expect(await second.get('kept')).toEqual({ value: 'yes', version: 1 });
    expect(await second.get('torn')).toBeUndefined();
    await second.put('next', 1);
    await second.close();

    const third = await createFileStore({ dir });
    try {
      expect(await third.getMany(['kept', 'torn', 'next'])).toEqual([
        { value: 'yes', version: 1 },
        undefined,
        { value: 1, version: 1 },
      ]);
    } finally {
      await third.close();
    }
  });

  it('refuses to open, with STORE_DAMAGED, when a record before the end is unreadable', async () => {
    const store = await createFileStore({ dir });
    for (let i = 0; i < 3; i++) await store.put(`k${i}`, i);
    await store.close();
    const path = await newestJournal();
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[1] = '{"lsn":2,"op":"pu';
    await writeFile(path, lines.join('\n'));
    await expect(createFileStore({ dir })).rejects.toMatchObject({ code: 'STORE_DAMAGED' });
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.once('exit', resolve));
    await writeFile(join(dir, 'LOCK'), `${String(dead.pid)}\n`);
    const store = await createFileStore({ dir });
    expect((await readFile(join(dir, 'LOCK'), 'utf8')).trim()).toBe(String(process.pid));
    await store.close();
    await expect(readFile(join(dir, 'LOCK'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('redis store durability and outages', () => {
  let server: RedisServer;
  let store: Store | undefined;

  beforeEach(async () => {
    server = await startRedisServer({ appendOnly: true });
  });

  afterEach(async () => {
    await store?.close();
    store = undefined;
    await server.destroy();
  });

  async function rejectsFast(call: () => Promise<unknown>): Promise<number> {
    const started = Date.now();
    await expect(call()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', name: 'StoreUnavailableError' });
    return Date.now() - started;
  }

  async function waitUntilReachable(target: Store): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        await target.ping();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  it('keeps acknowledged writes through a SIGKILL of redis-server, fails fast while it is down, and reconnects', async () => {
    store = createRedisStore({ url: server.url, keyPrefix: 'durable:' });
    const live = store;
    await live.put(
      'doc',
      { text: 'Kokkola – Karleby' },
      { indexes: [{ op: 'add', index: 'docs', member: 'doc', score: 1 }] },
    );
    await live.increment('seq');
    await live.appendAudit('log', { at: 1, actor: 'a', event: 'written' });

    await server.stop(true);
    for (const call of [
      () => live.get('doc'),
      () => live.put('other', 1),
      () => live.increment('seq'),
      () => live.ping(),
    ]) {
      expect(await rejectsFast(call)).toBeLessThan(2_000);
    }

    await server.restart();
    await waitUntilReachable(live);
    expect(await live.get('doc')).toEqual({ value: { text: 'Kokkola – Karleby' }, version: 1 });
    expect(await live.range('docs')).toEqual([{ member: 'doc', score: 1 }]);
    expect(await live.readAudit('log')).toEqual([{ at: 1, actor: 'a', event: 'written' }]);
    expect(await live.get('other')).toBeUndefined();
    expect(await live.increment('seq')).toBe(2);
    expect(await live.put('doc', { text: 'again' }, { expectedVersion: 1 })).toBe(2);
  }, 30_000);

  it('fails fast when created while Redis is down and works once Redis is up', async () => {
    await server.stop(true);
    store = createRedisStore({ url: server.url, keyPrefix: 'late:' });
    const live = store;
    expect(await rejectsFast(() => live.put('k', 1))).toBeLessThan(2_000);
    expect(await rejectsFast(() => live.ping())).toBeLessThan(2_000);
    await server.restart();
    await waitUntilReachable(live);
    expect(await live.put('k', 1)).toBe(1);
  }, 30_000);
});
