import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStore } from '../../src/adapters/file/file-store';
import type { Clock } from '../../src/ports/clock';
import { describeStoreContract, type StoreFixture } from './store.contract';

async function fileFixture(compactAfterBytes?: number): Promise<StoreFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'bot-file-store-'));
  return {
    open: () => createFileStore({ dir, ...(compactAfterBytes === undefined ? {} : { compactAfterBytes }) }),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

describeStoreContract('file', () => fileFixture());
// The same contract while the store compacts every few writes, so rotation runs under every case.
describeStoreContract('file, compacting constantly', () => fileFixture(512));

describe('file store', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bot-file-store-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('expires claims by the injected clock, holding them up to and including the expiry', async () => {
    let now = 1_000_000;
    const clock: Clock = { now: () => now };
    const store = await createFileStore({ dir, clock });
    try {
      expect(await store.claimOnce('job', 100)).toBe(true);
      now += 100;
      expect(await store.claimOnce('job', 100)).toBe(false);
      now += 1;
      expect(await store.claimOnce('job', 100)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('refuses a second opening of the same directory while the first is open', async () => {
    const first = await createFileStore({ dir });
    try {
      await expect(createFileStore({ dir })).rejects.toMatchObject({ code: 'STORE_LOCKED' });
    } finally {
      await first.close();
    }
    const second = await createFileStore({ dir });
    await second.close();
  });

  it('compacts into a snapshot and removes the journals it covers', async () => {
    const store = await createFileStore({ dir, compactAfterBytes: 4096 });
    for (let i = 0; i < 500; i++) {
      await store.put(
        `k${i % 50}`,
        { i, pad: 'x'.repeat(50) },
        { indexes: [{ op: 'add', index: 'all', member: `k${i % 50}`, score: i }] },
      );
    }
    await store.close();
    const files = await readdir(dir);
    expect(files).toContain('snapshot.jsonl');
    expect(files.filter((name) => name.startsWith('journal-')).length).toBeLessThanOrEqual(2);

    const reopened = await createFileStore({ dir });
    try {
      expect(await reopened.get('k49')).toEqual({ value: { i: 499, pad: 'x'.repeat(50) }, version: 10 });
      expect(await reopened.count('all')).toBe(50);
      expect((await reopened.range('all', { reverse: true, limit: 1 }))[0]).toEqual({
        member: 'k49',
        score: 499,
      });
    } finally {
      await reopened.close();
    }
  });
});
