/** The common first steps of a write: who is acting, in which forum, and may they. */
import { canLog, type ActionRefusal } from '../../domain/actions';
import type { Forum, Person } from '../../domain/registry';
import type { ActionContext } from './context';

export type Authorised =
  | { readonly ok: true; readonly person: Person; readonly forum: Forum }
  | { readonly ok: false; readonly refusal: ActionRefusal };

/** Secretaries and the chair of the forum may log there. */
export function authoriseLogging(ctx: ActionContext, actorAadObjectId: string, forumId: string): Authorised {
  const person = ctx.actor(actorAadObjectId);
  if (!person) return { ok: false, refusal: { code: 'ACTION_UNKNOWN_USER' } };
  const forum = ctx.forum(forumId);
  if (!forum)
    return { ok: false, refusal: { code: 'ACTION_NOT_FOUND', params: { kind: 'forum', id: forumId } } };
  const check = canLog(person, forum);
  return check.ok ? { ok: true, person, forum } : { ok: false, refusal: check.refusal };
}
