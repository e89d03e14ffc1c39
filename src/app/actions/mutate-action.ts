/**
 * The one way an action changes: find it, check the actor may change it, check the version the
 * caller saw, apply the change, write with that version (so a concurrent write makes this one
 * fail instead of being lost), move its index entries in the same step, then append the audit
 * entry. A caller that passed no version gets the change applied to the current state, retried
 * if someone wrote in between.
 */
import { canUpdate, type Action, type ActionRefusal } from '../../domain/actions';
import type { Person } from '../../domain/registry';
import { StoreConflictError } from '../../ports/store';
import { actionIndexChanges } from './action-indexes';
import type { ActionContext } from './context';
import { failure, notFound, success, type ActionView, type Outcome } from './outcome';
import { actionKey, AUDIT } from './storage-keys';

export interface ActionTarget {
  readonly forumId: string;
  readonly actionId: string;
  /** The version the user saw; omitted: whatever is current. */
  readonly expectedVersion?: number;
}

export interface Change {
  readonly next: Action;
  readonly event: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export type Changer = (current: Action, actor: Person, now: number) => Change | ActionRefusal;

// Each retry follows a write that succeeded, so this many concurrent editors always get through.
const RETRIES = 10;

export async function mutateAction(
  ctx: ActionContext,
  actorAadObjectId: string,
  target: ActionTarget,
  change: Changer,
): Promise<Outcome<ActionView>> {
  const person = ctx.actor(actorAadObjectId);
  if (!person) return failure({ code: 'ACTION_UNKNOWN_USER' });
  const forum = ctx.forum(target.forumId);
  if (!forum) return notFound('forum', target.forumId);
  const key = actionKey(target.forumId, target.actionId);
  for (let attempt = 1; ; attempt++) {
    const current = await ctx.store.get<Action>(key);
    if (!current) return notFound('action', target.actionId);
    const allowed = canUpdate(person, current.value, forum);
    if (!allowed.ok) return failure(allowed.refusal);
    if (target.expectedVersion !== undefined && target.expectedVersion !== current.version) {
      return conflict(ctx, current.value, current.version);
    }
    const now = ctx.now();
    const result = change(current.value, person, now);
    if (!('next' in result)) return failure(result);
    const next: Action = { ...result.next, updatedAt: now, updatedBy: person.id };
    let version: number;
    try {
      version = await ctx.store.put(key, next, {
        expectedVersion: current.version,
        indexes: actionIndexChanges(current.value, next),
      });
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
      if (target.expectedVersion === undefined && attempt < RETRIES) continue;
      const latest = await ctx.store.get<Action>(key);
      if (!latest) return notFound('action', target.actionId);
      return conflict(ctx, latest.value, latest.version);
    }
    await ctx.store.appendAudit(AUDIT.action(target.forumId, target.actionId), {
      at: now,
      actor: person.id,
      event: result.event,
      data: { version, ...result.data },
    });
    return success(ctx.view(next, version));
  }
}

function conflict(ctx: ActionContext, action: Action, version: number): Outcome<ActionView> {
  return failure({
    code: 'ACTION_CONFLICT',
    params: { id: action.id, version },
    current: ctx.view(action, version),
  });
}
