/**
 * Per-forum secret tokens for the CSV and calendar export URLs. Only a SHA-256 digest is
 * stored, so a leaked store does not leak working links; the token itself is shown once, to the
 * secretary or chair who created or rotated it. Rotating makes the old link stop working.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { canLog } from '../../domain/actions';
import { StoreConflictError } from '../../ports/store';
import type { ActionContext } from './context';
import { failure, notFound, success, type Outcome } from './outcome';
import { AUDIT, exportTokenKey } from './storage-keys';

interface StoredToken {
  readonly sha256: string;
  readonly createdAt: number;
  readonly createdBy: string;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

async function issue(
  ctx: ActionContext,
  actorAadObjectId: string,
  forumId: string,
  mode: 'create' | 'rotate',
): Promise<Outcome<string>> {
  const person = ctx.actor(actorAadObjectId);
  if (!person) return failure({ code: 'ACTION_UNKNOWN_USER' });
  const forum = ctx.forum(forumId);
  if (!forum) return notFound('forum', forumId);
  const allowed = canLog(person, forum);
  if (!allowed.ok) return failure({ ...allowed.refusal, params: { forum: forumId, operation: 'export' } });
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const record: StoredToken = { sha256: digest(token).toString('hex'), createdAt: now, createdBy: person.id };
  try {
    await ctx.store.put(exportTokenKey(forumId), record, mode === 'create' ? { expectedVersion: 0 } : {});
  } catch (error) {
    if (error instanceof StoreConflictError)
      return failure({ code: 'ACTION_CONFLICT', params: { id: forumId } });
    throw error;
  }
  await ctx.store.appendAudit(AUDIT.forum(forumId), {
    at: now,
    actor: person.id,
    event: mode === 'create' ? 'exportToken.created' : 'exportToken.rotated',
  });
  return success(token);
}

/** The forum's first token; ACTION_CONFLICT when it already has one (rotate instead). */
export function createExportToken(
  ctx: ActionContext,
  actorAadObjectId: string,
  forumId: string,
): Promise<Outcome<string>> {
  return issue(ctx, actorAadObjectId, forumId, 'create');
}

/** A new token that replaces any old one. */
export function rotateExportToken(
  ctx: ActionContext,
  actorAadObjectId: string,
  forumId: string,
): Promise<Outcome<string>> {
  return issue(ctx, actorAadObjectId, forumId, 'rotate');
}

/** Compares digests in constant time; false for a forum without a token or a malformed one. */
export async function verifyExportToken(
  ctx: ActionContext,
  forumId: string,
  token: string,
): Promise<boolean> {
  const stored = await ctx.store.get<StoredToken>(exportTokenKey(forumId));
  const given = digest(typeof token === 'string' ? token : '');
  const expected = stored ? Buffer.from(stored.value.sha256, 'hex') : Buffer.alloc(given.length);
  const same = expected.length === given.length && timingSafeEqual(expected, given);
  return same && stored !== undefined && TOKEN.test(token);
}
