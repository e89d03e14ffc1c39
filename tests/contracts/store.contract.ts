/**
 * The Store contract: one suite that every Store adapter must pass, with no special cases per
 * adapter. Where the port leaves a choice open, this suite is the decision:
 * - a version starts at 1 on create, grows by one per write, and starts at 1 again after a delete;
 * - `delete` honours `expectedVersion` like `put` (0 on a missing key passes and deletes
 *   nothing) and applies its index changes whenever the check passes;
 * - `range` with `reverse` is the exact reverse order (ties then by member, descending);
 *   ties compare members by their UTF-8 bytes, as Redis does;
 * - `readAudit(stream, limit)` returns the oldest entries first, at most `limit` from the start;
 * - counters, claims, values and audit streams are separate namespaces;
 * - after `close`, calls reject with STORE_UNAVAILABLE.
 */
import { StoreConflictError, type Store } from '../../src/ports/store';

export interface StoreFixture {
  /** Opens a store on this fixture's data: the same directory, or the same Redis and key prefix. */
  open(): Promise<Store>;
  /** Removes what the fixture created. */
  dispose(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function settledCounts(results: readonly PromiseSettledResult<unknown>[]): {
  fulfilled: number;
  rejected: unknown[];
} {
  const rejected = results
    .filter((result) => result.status === 'rejected')
    .map((result) => (result as PromiseRejectedResult).reason);
  return { fulfilled: results.length - rejected.length, rejected };
}

export function describeStoreContract(name: string, createFixture: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: Store;
    const opened: Store[] = [];

    const open = async (): Promise<Store> => {
      const next = await fixture.open();
      opened.push(next);
      return next;
    };

    beforeEach(async () => {
      fixture = await createFixture();
      store = await open();
    });

    afterEach(async () => {
      for (const each of opened.splice(0)) await each.close();
      await fixture.dispose();
    });

    describe('values and versions', () => {
      it('returns undefined for a missing key', async () => {
        expect(await store.get('missing')).toBeUndefined();
      });

      it('creates at version 1 and adds one per write', async () => {
        expect(await store.put('action:1', { title: 'first' })).toBe(1);
        expect(await store.get('action:1')).toEqual({ value: { title: 'first' }, version: 1 });
        expect(await store.put('action:1', { title: 'second' })).toBe(2);
        expect(await store.put('action:1', { title: 'third' })).toBe(3);
        expect(await store.get('action:1')).toEqual({ value: { title: 'third' }, version: 3 });
      });

      it('round-trips unicode, nested objects, arrays and JSON primitives', async () => {
        const value = {
          name: 'Äänekoski – Pälkäne, Jakobstad/Pietarsaari',
          sami: 'Anár, Ohcejohka, čđŋšŧž',
          emoji: '🏥🚑 ✅',
          rtl: 'مرحبا',
          nested: {
            list: [1, 2.5, -3e-7, null, true, 'x', { deep: [[{ ok: false }]] }],
            empty: {},
            none: [],
          },
          big: Number.MAX_SAFE_INTEGER,
          quotes: 'line\nbreak "quoted" \\ back\u0000nul',
        };
        await store.put('unicode', value);
        expect((await store.get('unicode'))?.value).toEqual(value);
        for (const [key, primitive] of [
          ['string', 'teksti'],
          ['number', 42.5],
          ['zero', 0],
          ['null', null],
          ['true', true],
        ] as const) {
          await store.put(key, primitive);
          expect((await store.get(key))?.value).toEqual(primitive);
        }
      });

      it('serialises like JSON: undefined properties disappear, dates become strings', async () => {
        await store.put('json', { kept: 1, dropped: undefined, when: new Date(Date.UTC(2026, 0, 2)) });
        expect((await store.get('json'))?.value).toEqual({ kept: 1, when: '2026-01-02T00:00:00.000Z' });
      });

      it('rejects a value that JSON cannot carry, writing nothing', async () => {
        await expect(store.put('bad', undefined)).rejects.toThrow(TypeError);
        await expect(store.put('bad', () => 1)).rejects.toThrow(TypeError);
        expect(await store.get('bad')).toBeUndefined();
      });

      it('returns a fresh copy: changing a value after put or get does not change the store', async () => {
        const value = { list: [1] };
        await store.put('copy', value);
        value.list.push(2);
        const read = await store.get<{ list: number[] }>('copy');
        read?.value.list.push(3);
        expect((await store.get('copy'))?.value).toEqual({ list: [1] });
      });

      it('accepts any string as a key', async () => {
        const keys = ['', ' ', 'with spaces:and:colons/ä/😀', 'line\nbreak', 'k:action:1', '*?[]'];
        for (const [i, key] of keys.entries()) await store.put(key, i);
        expect((await store.getMany(keys)).map((entry) => entry?.value)).toEqual(keys.map((_, i) => i));
      });

      it('getMany keeps the order of the keys, with undefined for missing ones', async () => {
        await store.put('a', 'A');
        await store.put('c', 'C');
        await store.put('c', 'C2');
        expect(await store.getMany(['c', 'missing', 'a', 'c'])).toEqual([
          { value: 'C2', version: 2 },
          undefined,
          { value: 'A', version: 1 },
          { value: 'C2', version: 2 },
        ]);
        expect(await store.getMany([])).toEqual([]);
      });
    });

    describe('optimistic concurrency', () => {
      it('expectedVersion 0 creates only when the key does not exist', async () => {
        expect(await store.put('once', 'first', { expectedVersion: 0 })).toBe(1);
        const error = await store.put('once', 'second', { expectedVersion: 0 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreConflictError);
        expect(error).toMatchObject({ code: 'STORE_CONFLICT', key: 'once', expected: 0, actual: 1 });
        expect(await store.get('once')).toEqual({ value: 'first', version: 1 });
      });

      it('a positive expectedVersion must match the current version', async () => {
        await store.put('doc', 'v1');
        expect(await store.put('doc', 'v2', { expectedVersion: 1 })).toBe(2);
        await expect(store.put('doc', 'stale', { expectedVersion: 1 })).rejects.toMatchObject({
          code: 'STORE_CONFLICT',
          expected: 1,
          actual: 2,
        });
        await expect(store.put('absent', 'x', { expectedVersion: 3 })).rejects.toMatchObject({
          code: 'STORE_CONFLICT',
          expected: 3,
          actual: 0,
        });
        expect(await store.get('doc')).toEqual({ value: 'v2', version: 2 });
        expect(await store.get('absent')).toBeUndefined();
      });

      it('the conflict error is a StoreConflictError with a readable message', async () => {
        await store.put('doc', 1);
        const error = await store.put('doc', 2, { expectedVersion: 5 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreConflictError);
        expect((error as Error).name).toBe('StoreConflictError');
        expect((error as Error).message).toContain('doc');
      });

      it('of two concurrent puts with the same expectedVersion exactly one wins', async () => {
        await store.put('race', { by: 'nobody' });
        const results = await Promise.allSettled([
          store.put('race', { by: 'a' }, { expectedVersion: 1 }),
          store.put('race', { by: 'b' }, { expectedVersion: 1 }),
        ]);
        const { fulfilled, rejected } = settledCounts(results);
        expect(fulfilled).toBe(1);
        expect(rejected).toHaveLength(1);
        expect(rejected[0]).toMatchObject({ code: 'STORE_CONFLICT', expected: 1, actual: 2 });
        const winner = results[0]?.status === 'fulfilled' ? 'a' : 'b';
        expect(await store.get('race')).toEqual({ value: { by: winner }, version: 2 });
      });

      it('of 20 concurrent create-only puts exactly one wins', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) => store.put('create', i, { expectedVersion: 0 })),
        );
        const { fulfilled, rejected } = settledCounts(results);
        expect(fulfilled).toBe(1);
        expect(rejected.every((error) => error instanceof StoreConflictError)).toBe(true);
      });

      it('rejects an invalid expectedVersion', async () => {
        await expect(store.put('k', 1, { expectedVersion: -1 })).rejects.toThrow(RangeError);
        await expect(store.put('k', 1, { expectedVersion: 1.5 })).rejects.toThrow(RangeError);
        expect(await store.get('k')).toBeUndefined();
      });
    });

    describe('delete', () => {
      it('deletes and tells whether something was deleted', async () => {
        await store.put('gone', 1);
        expect(await store.delete('gone')).toBe(true);
        expect(await store.get('gone')).toBeUndefined();
        expect(await store.delete('gone')).toBe(false);
        expect(await store.delete('never')).toBe(false);
      });

      it('honours expectedVersion', async () => {
        await store.put('doc', 1);
        await store.put('doc', 2);
        await expect(store.delete('doc', { expectedVersion: 1 })).rejects.toMatchObject({
          code: 'STORE_CONFLICT',
          expected: 1,
          actual: 2,
        });
        expect(await store.get('doc')).toEqual({ value: 2, version: 2 });
        expect(await store.delete('doc', { expectedVersion: 2 })).toBe(true);
        await expect(store.delete('doc', { expectedVersion: 2 })).rejects.toMatchObject({
          code: 'STORE_CONFLICT',
          actual: 0,
        });
        expect(await store.delete('doc', { expectedVersion: 0 })).toBe(false);
      });

      it('starts again at version 1 after a delete', async () => {
        await store.put('again', 'a');
        await store.put('again', 'b');
        await store.delete('again');
        expect(await store.put('again', 'c', { expectedVersion: 0 })).toBe(1);
      });
    });

    describe('sorted indexes', () => {
      it('adds index members in the same step as the put and removes them with the delete', async () => {
        await store.put(
          'action:1',
          { t: 1 },
          {
            indexes: [
              { op: 'add', index: 'due', member: 'action:1', score: 100 },
              { op: 'add', index: 'open', member: 'action:1', score: 1 },
            ],
          },
        );
        await store.put(
          'action:2',
          { t: 2 },
          { indexes: [{ op: 'add', index: 'due', member: 'action:2', score: 50 }] },
        );
        expect(await store.range('due')).toEqual([
          { member: 'action:2', score: 50 },
          { member: 'action:1', score: 100 },
        ]);
        expect(await store.range('open')).toEqual([{ member: 'action:1', score: 1 }]);

        expect(
          await store.delete('action:1', {
            indexes: [
              { op: 'remove', index: 'due', member: 'action:1' },
              { op: 'remove', index: 'open', member: 'action:1' },
            ],
          }),
        ).toBe(true);
        expect(await store.range('due')).toEqual([{ member: 'action:2', score: 50 }]);
        expect(await store.range('open')).toEqual([]);
        expect(await store.count('open')).toBe(0);
      });

      it('moves a member when it is added again with another score', async () => {
        await store.put('a', 1, { indexes: [{ op: 'add', index: 'by-due', member: 'a', score: 10 }] });
        await store.put('b', 1, { indexes: [{ op: 'add', index: 'by-due', member: 'b', score: 20 }] });
        await store.put('a', 2, { indexes: [{ op: 'add', index: 'by-due', member: 'a', score: 30 }] });
        expect(await store.range('by-due')).toEqual([
          { member: 'b', score: 20 },
          { member: 'a', score: 30 },
        ]);
        expect(await store.count('by-due')).toBe(2);
      });

      it('changes neither value nor indexes when the version check fails', async () => {
        await store.put('doc', 'v1', { indexes: [{ op: 'add', index: 'idx', member: 'doc', score: 1 }] });
        await expect(
          store.put('doc', 'v2', {
            expectedVersion: 0,
            indexes: [
              { op: 'add', index: 'idx', member: 'doc', score: 2 },
              { op: 'add', index: 'other', member: 'doc', score: 2 },
            ],
          }),
        ).rejects.toMatchObject({ code: 'STORE_CONFLICT' });
        await expect(
          store.delete('doc', {
            expectedVersion: 7,
            indexes: [{ op: 'remove', index: 'idx', member: 'doc' }],
          }),
        ).rejects.toMatchObject({
          code: 'STORE_CONFLICT',
        });
        expect(await store.get('doc')).toEqual({ value: 'v1', version: 1 });
        expect(await store.range('idx')).toEqual([{ member: 'doc', score: 1 }]);
        expect(await store.range('other')).toEqual([]);
      });

      it('changes nothing when an index change is invalid', async () => {
        await expect(
          store.put('doc', 1, { indexes: [{ op: 'add', index: 'idx', member: 'doc', score: Number.NaN }] }),
        ).rejects.toThrow(RangeError);
        await expect(
          store.put('doc', 1, { indexes: [{ op: 'add', index: 'idx', member: 'doc', score: Infinity }] }),
        ).rejects.toThrow(RangeError);
        expect(await store.get('doc')).toBeUndefined();
        expect(await store.count('idx')).toBe(0);
      });

      it('applies the index changes of a delete even when the key is already gone', async () => {
        await store.put('x', 1, { indexes: [{ op: 'add', index: 'idx', member: 'orphan', score: 1 }] });
        expect(
          await store.delete('never-there', { indexes: [{ op: 'remove', index: 'idx', member: 'orphan' }] }),
        ).toBe(false);
        expect(await store.range('idx')).toEqual([]);
      });

      it('ranges by inclusive score bounds with offset, limit and reverse', async () => {
        for (let i = 1; i <= 10; i++) {
          await store.put(`m${i}`, i, {
            indexes: [
              { op: 'add', index: 'scores', member: `m${String(i).padStart(2, '0')}`, score: i * 10 },
            ],
          });
        }
        const members = async (query: Parameters<Store['range']>[1]): Promise<string[]> =>
          (await store.range('scores', query)).map((entry) => entry.member);

        expect(await members({ min: 30, max: 50 })).toEqual(['m03', 'm04', 'm05']);
        expect(await members({ min: 31, max: 49 })).toEqual(['m04']);
        expect(await members({ max: 20 })).toEqual(['m01', 'm02']);
        expect(await members({ min: 95 })).toEqual(['m10']);
        expect(await members({ offset: 2, limit: 3 })).toEqual(['m03', 'm04', 'm05']);
        expect(await members({ min: 40, offset: 5 })).toEqual(['m09', 'm10']);
        expect(await members({ offset: 20 })).toEqual([]);
        expect(await members({ limit: 0 })).toEqual([]);
        expect(await members({ min: 60, max: 50 })).toEqual([]);
        expect(await members({ reverse: true, limit: 3 })).toEqual(['m10', 'm09', 'm08']);
        expect(await members({ reverse: true, min: 20, max: 60, offset: 1, limit: 2 })).toEqual([
          'm05',
          'm04',
        ]);
        expect(await members({ reverse: true, max: 15 })).toEqual(['m01']);
        expect(await store.range('scores', { min: 100 })).toEqual([{ member: 'm10', score: 100 }]);
        expect(await store.range('no-such-index')).toEqual([]);
      });

      it('orders ties by member (UTF-8 bytes), reversed with reverse', async () => {
        const members = ['b', 'a', 'ä', '\u{1F600}', '\uFB01', 'B', 'aa'];
        await store.put('tie', 1, {
          indexes: [
            ...members.map((member) => ({ op: 'add' as const, index: 'ties', member, score: 5 })),
            { op: 'add', index: 'ties', member: 'low', score: 4 },
          ],
        });
        const expected = ['B', 'a', 'aa', 'b', 'ä', '\uFB01', '\u{1F600}'];
        expect((await store.range('ties', { min: 5 })).map((entry) => entry.member)).toEqual(expected);
        expect((await store.range('ties', { min: 5, reverse: true })).map((entry) => entry.member)).toEqual(
          [...expected].reverse(),
        );
        expect((await store.range('ties', { offset: 1, limit: 2 })).map((entry) => entry.member)).toEqual([
          'B',
          'a',
        ]);
      });

      it('keeps negative, fractional and large scores exactly', async () => {
        const scores = [-1e9, -2.5, -0, 0.1, 1 / 3, 1.7976931348623157e308, Number.MAX_SAFE_INTEGER, 5e-324];
        await store.put('s', 1, {
          indexes: scores.map((score, i) => ({ op: 'add' as const, index: 'exact', member: `s${i}`, score })),
        });
        const read = await store.range('exact');
        expect(read.map((entry) => entry.score)).toEqual(
          [...scores].map((score) => (score === 0 ? 0 : score)).sort((a, b) => a - b),
        );
        expect(Object.is(read.find((entry) => entry.member === 's2')?.score, 0)).toBe(true);
      });

      it('counts by inclusive bounds', async () => {
        await store.put('c', 1, {
          indexes: [1, 2, 2.5, 3, 10].map((score) => ({
            op: 'add' as const,
            index: 'cnt',
            member: `m${score}`,
            score,
          })),
        });
        expect(await store.count('cnt')).toBe(5);
        expect(await store.count('cnt', 2)).toBe(4);
        expect(await store.count('cnt', 2, 3)).toBe(3);
        expect(await store.count('cnt', undefined, 2.5)).toBe(3);
        expect(await store.count('cnt', 4, 9)).toBe(0);
        expect(await store.count('cnt', 9, 4)).toBe(0);
        expect(await store.count('none')).toBe(0);
      });

      it('rejects invalid range arguments', async () => {
        await expect(store.range('x', { offset: -1 })).rejects.toThrow(RangeError);
        await expect(store.range('x', { limit: 1.5 })).rejects.toThrow(RangeError);
        await expect(store.range('x', { min: Number.NaN })).rejects.toThrow(RangeError);
      });
    });

    describe('counters', () => {
      it('increments from 1, each counter on its own', async () => {
        expect(await store.increment('seq:actions')).toBe(1);
        expect(await store.increment('seq:actions')).toBe(2);
        expect(await store.increment('seq:meetings')).toBe(1);
        expect(await store.increment('seq:actions')).toBe(3);
      });

      it('gives 200 concurrent increments the values 1..200, each once', async () => {
        const values = await Promise.all(Array.from({ length: 200 }, () => store.increment('parallel')));
        expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      });
    });

    describe('order', () => {
      it('applies calls made without awaiting in the order they were made', async () => {
        const values = await Promise.all(Array.from({ length: 200 }, () => store.increment('in-order')));
        expect(values).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      });

      it('a read made right after writes, without awaiting them, sees the last write', async () => {
        const writes = Array.from({ length: 30 }, (_, i) =>
          store.putExpiring(`hint:${i % 3}`, { i }, 60_000),
        );
        const reads = [0, 1, 2].map((k) => store.getExpiring<{ i: number }>(`hint:${k}`));
        await Promise.all(writes);
        expect((await Promise.all(reads)).map((read) => read?.i)).toEqual([27, 28, 29]);
        // Once everything is answered, a lone call still comes after all of it.
        await store.putExpiring('hint:0', { i: 99 }, 60_000);
        expect(await store.getExpiring('hint:0')).toEqual({ i: 99 });
      });
    });

    describe('claims', () => {
      it('has exactly one winner among 50 concurrent claimers', async () => {
        const results = await Promise.all(
          Array.from({ length: 50 }, () => store.claimOnce('digest:2026-05-04', 60_000)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('can be claimed again once the claim expires', async () => {
        expect(await store.claimOnce('short', 150)).toBe(true);
        expect(await store.claimOnce('short', 150)).toBe(false);
        await sleep(400);
        expect(await store.claimOnce('short', 60_000)).toBe(true);
        expect(await store.claimOnce('short', 60_000)).toBe(false);
      });

      it('can be claimed again after releaseClaim', async () => {
        expect(await store.claimOnce('job', 60_000)).toBe(true);
        await store.releaseClaim('job');
        expect(await store.claimOnce('job', 60_000)).toBe(true);
        expect(await store.claimOnce('job', 60_000)).toBe(false);
        await store.releaseClaim('never-claimed');
      });

      it('rejects a ttl that is not positive', async () => {
        await expect(store.claimOnce('bad', 0)).rejects.toThrow(RangeError);
        await expect(store.claimOnce('bad', -5)).rejects.toThrow(RangeError);
        expect(await store.claimOnce('bad', 1000)).toBe(true);
      });
    });

    describe('expiring values', () => {
      it('returns the last value put until it expires, then nothing', async () => {
        expect(await store.getExpiring('last-region:c:u')).toBeUndefined();
        await store.putExpiring('last-region:c:u', { regionId: 'keski-suomi' }, 60_000);
        await store.putExpiring('last-region:c:u', { regionId: 'pohjanmaa', note: 'Närpes 🐟' }, 60_000);
        expect(await store.getExpiring('last-region:c:u')).toEqual({
          regionId: 'pohjanmaa',
          note: 'Närpes 🐟',
        });
        await store.putExpiring('short', 'soon gone', 150);
        expect(await store.getExpiring('short')).toBe('soon gone');
        await sleep(400);
        expect(await store.getExpiring('short')).toBeUndefined();
        expect(await store.getExpiring('last-region:c:u')).toEqual({
          regionId: 'pohjanmaa',
          note: 'Närpes 🐟',
        });
      });

      it('is apart from versioned values under the same name', async () => {
        await store.put('same', 'versioned');
        await store.putExpiring('same', 'expiring', 60_000);
        expect(await store.get('same')).toEqual({ value: 'versioned', version: 1 });
        expect(await store.getExpiring('same')).toBe('expiring');
      });

      it('rejects a ttl that is not positive and a value that is not JSON, storing nothing', async () => {
        await expect(store.putExpiring('bad', 1, 0)).rejects.toThrow(RangeError);
        await expect(store.putExpiring('bad', () => 1, 1000)).rejects.toThrow();
        expect(await store.getExpiring('bad')).toBeUndefined();
      });
    });

    describe('audit', () => {
      it('appends and reads oldest first; limit takes the first entries', async () => {
        const entries = [
          { at: 1000, actor: 'user:1', event: 'action.created', data: { id: 'a-1', title: 'Yhteistyö' } },
          { at: 2000, actor: 'user:2', event: 'action.updated' },
          { at: 3000, actor: 'user:1', event: 'action.closed', data: { nested: { list: [1, 2] } } },
        ];
        for (const entry of entries) await store.appendAudit('action:a-1', entry);
        await store.appendAudit('action:other', { at: 1, actor: 'x', event: 'y' });
        expect(await store.readAudit('action:a-1')).toEqual(entries);
        expect(await store.readAudit('action:a-1', 2)).toEqual(entries.slice(0, 2));
        expect(await store.readAudit('action:a-1', 10)).toEqual(entries);
        expect(await store.readAudit('action:a-1', 0)).toEqual([]);
        expect(await store.readAudit('missing')).toEqual([]);
      });

      it('keeps the call order of concurrent appends', async () => {
        await Promise.all(
          Array.from({ length: 50 }, (_, i) => store.appendAudit('burst', { at: i, actor: 'a', event: 'e' })),
        );
        expect((await store.readAudit('burst')).map((entry) => entry.at)).toEqual(
          Array.from({ length: 50 }, (_, i) => i),
        );
      });
    });

    it('keeps values, counters, claims and audit streams apart even under one name', async () => {
      await store.put('same', 'value');
      expect(await store.increment('same')).toBe(1);
      expect(await store.claimOnce('same', 60_000)).toBe(true);
      await store.appendAudit('same', { at: 1, actor: 'a', event: 'e' });
      await store.put('x', 1, { indexes: [{ op: 'add', index: 'same', member: 'm', score: 1 }] });
      expect(await store.get('same')).toEqual({ value: 'value', version: 1 });
      expect(await store.delete('same')).toBe(true);
      expect(await store.increment('same')).toBe(2);
      expect(await store.claimOnce('same', 60_000)).toBe(false);
      expect(await store.readAudit('same')).toHaveLength(1);
      expect(await store.count('same')).toBe(1);
    });

    it('resolves every write of a concurrent burst, each readable afterwards', async () => {
      const writes = Array.from({ length: 300 }, (_, i) =>
        store.put(
          `burst:${i}`,
          { i },
          { indexes: [{ op: 'add', index: 'burst', member: `burst:${i}`, score: i }] },
        ),
      );
      expect(await Promise.all(writes)).toEqual(Array.from({ length: 300 }, () => 1));
      const read = await store.getMany(Array.from({ length: 300 }, (_, i) => `burst:${i}`));
      expect(read.map((entry) => (entry?.value as { i: number }).i)).toEqual(
        Array.from({ length: 300 }, (_, i) => i),
      );
      expect(await store.count('burst')).toBe(300);
    });

    it('keeps everything when closed and opened again', async () => {
      await store.put('doc', { v: 1 });
      await store.put(
        'doc',
        { v: 2, text: 'Närpes – Närpiö 🐟' },
        { indexes: [{ op: 'add', index: 'docs', member: 'doc', score: 7 }] },
      );
      await store.put('gone', 1, { indexes: [{ op: 'add', index: 'docs', member: 'gone', score: 1 }] });
      await store.delete('gone', { indexes: [{ op: 'remove', index: 'docs', member: 'gone' }] });
      await store.increment('seq');
      await store.increment('seq');
      expect(await store.claimOnce('claimed', 60_000)).toBe(true);
      expect(await store.claimOnce('released', 60_000)).toBe(true);
      await store.releaseClaim('released');
      await store.appendAudit('log', { at: 1, actor: 'a', event: 'first' });
      await store.appendAudit('log', { at: 2, actor: 'b', event: 'second', data: { ä: 'ö' } });
      await store.putExpiring('context', { regionId: 'keski-suomi' }, 60_000);
      await store.close();

      const reopened = await open();
      expect(await reopened.get('doc')).toEqual({ value: { v: 2, text: 'Närpes – Närpiö 🐟' }, version: 2 });
      expect(await reopened.get('gone')).toBeUndefined();
      expect(await reopened.range('docs')).toEqual([{ member: 'doc', score: 7 }]);
      expect(await reopened.increment('seq')).toBe(3);
      expect(await reopened.claimOnce('claimed', 60_000)).toBe(false);
      expect(await reopened.claimOnce('released', 60_000)).toBe(true);
      expect(await reopened.getExpiring('context')).toEqual({ regionId: 'keski-suomi' });
      expect(await reopened.readAudit('log')).toEqual([
        { at: 1, actor: 'a', event: 'first' },
        { at: 2, actor: 'b', event: 'second', data: { ä: 'ö' } },
      ]);
      expect(await reopened.put('doc', { v: 3 }, { expectedVersion: 2 })).toBe(3);
      await reopened.close();

      const again = await open();
      expect(await again.get('doc')).toEqual({ value: { v: 3 }, version: 3 });
    });

    it('pings while open; after close every call rejects with STORE_UNAVAILABLE', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await store.close();
      const unavailable = { code: 'STORE_UNAVAILABLE' };
      await expect(store.get('k')).rejects.toMatchObject(unavailable);
      await expect(store.put('k', 1)).rejects.toMatchObject(unavailable);
      await expect(store.increment('c')).rejects.toMatchObject(unavailable);
      await expect(store.ping()).rejects.toMatchObject(unavailable);
    });
  });
}
