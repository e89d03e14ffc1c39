/**
 * Exactly one record per idempotency key (the Teams activity id), however many times and on
 * however many instances the same request arrives. The record's own atomic write also adds it
 * to an idempotency index (score: 48 bits of the key's digest, member: `<ref> <digest>`), so the
 * "already created?" lookup is true exactly when the record exists. A short claim lets only one
 * caller allocate a number and write; the others wait and then find the record. A caller that
 * dies mid-way leaves a claim that expires, and a retry finds or creates the record.
 */
import { createHash } from 'node:crypto';
import type { IndexChange, Store } from '../../ports/store';
import { createClaim, INDEX, recordRef, type RecordKind } from './storage-keys';

const CLAIM_TTL_MS = 30_000;
const WAITS_MS = [5, 10, 20, 40, 80, 100, 150, 200, 250, 300, 400, 500, 500, 500, 500, 500, 500, 500];

export interface IdempotencyKey {
  readonly kind: RecordKind;
  readonly forumId: string;
  readonly digest: string;
  readonly score: number;
}

export function idempotencyKey(kind: RecordKind, forumId: string, key: string): IdempotencyKey {
  const digest = createHash('sha256').update(`${forumId}\n${key}`).digest();
  return { kind, forumId, digest: digest.toString('hex'), score: digest.readUIntBE(0, 6) };
}

/** The index change that records the key, for the record's own write. */
export function idempotencyEntry(key: IdempotencyKey, id: string): IndexChange {
  return {
    op: 'add',
    index: INDEX.idempotency(key.kind),
    member: `${recordRef(key.forumId, id)} ${key.digest}`,
    score: key.score,
  };
}

/** The id of the record created with this key, if any. */
export async function findCreated(store: Store, key: IdempotencyKey): Promise<string | undefined> {
  const entries = await store.range(INDEX.idempotency(key.kind), { min: key.score, max: key.score });
  const prefix = `${key.forumId}:`;
  for (const { member } of entries) {
    const [ref, digest] = member.split(' ');
    if (digest === key.digest && ref?.startsWith(prefix)) return ref.slice(prefix.length);
  }
  return undefined;
}

export type CreateOnceResult = { readonly id: string; readonly created: boolean } | 'busy';

/** `create` writes the record (with idempotencyEntry) and resolves with its id. */
export async function createOnce(
  store: Store,
  key: IdempotencyKey,
  create: () => Promise<string>,
): Promise<CreateOnceResult> {
  const claim = createClaim(key.kind, key.forumId, key.digest);
  for (const wait of [0, ...WAITS_MS]) {
    if (wait > 0) await sleep(wait);
    const existing = await findCreated(store, key);
    if (existing !== undefined) return { id: existing, created: false };
    if (!(await store.claimOnce(claim, CLAIM_TTL_MS))) continue;
    try {
      const again = await findCreated(store, key);
      if (again !== undefined) return { id: again, created: false };
      return { id: await create(), created: true };
    } catch (error) {
      await store.releaseClaim(claim).catch(() => undefined);
      throw error;
    }
  }
  return 'busy';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
