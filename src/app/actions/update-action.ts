/** The follow-up changes: status, comment, owner, due date. Each is audited as old → new. */
import {
  canTransition,
  checkComment,
  checkDueDate,
  checkOwner,
  invalid,
  isActionStatus,
  type Action,
  type ActionRefusal,
  type ActionStatus,
  type IsoDate,
  withStatus,
} from '../../domain/actions';
import type { ActionContext } from './context';
import { blankToUndefined } from './log-action';
import { mutateAction, type ActionTarget, type Change } from './mutate-action';
import type { ActionView, Outcome } from './outcome';

export interface StatusChange extends ActionTarget {
  readonly status: ActionStatus;
}

export interface CommentInput extends ActionTarget {
  readonly text: string;
}

export interface OwnerChange extends ActionTarget {
  /** The new owner; both omitted: nobody named. */
  readonly ownerPersonId?: string;
  readonly ownerText?: string;
  /** Given: the new responsible organisations; omitted: unchanged. */
  readonly organisationIds?: readonly string[];
}

export interface DueDateChange extends ActionTarget {
  /** null: no due date. */
  readonly dueDate: IsoDate | null;
  readonly confirmPastDueDate?: boolean;
}

const unchanged = (field: string): ActionRefusal => invalid([{ field, code: 'unchanged' }]);

export function updateStatus(
  ctx: ActionContext,
  actorAadObjectId: string,
  input: StatusChange,
): Promise<Outcome<ActionView>> {
  return mutateAction(ctx, actorAadObjectId, input, (current, _actor, now): Change | ActionRefusal => {
    const to: unknown = input.status;
    if (!isActionStatus(to))
      return invalid([{ field: 'status', code: 'statusUnknown', params: { status: String(to) } }]);
    if (to === current.status) return unchanged('status');
    if (!canTransition(current.status, to)) {
      return { code: 'ACTION_TRANSITION', params: { from: current.status, to } };
    }
    return { next: withStatus(current, to, now), event: 'action.status', data: { from: current.status, to } };
  });
}

export function addComment(
  ctx: ActionContext,
  actorAadObjectId: string,
  input: CommentInput,
): Promise<Outcome<ActionView>> {
  return mutateAction(ctx, actorAadObjectId, input, (current, actor, now): Change | ActionRefusal => {
    const problems = checkComment(input.text, current.comments.length);
    if (problems.length > 0) return invalid(problems);
    const comment = { at: now, by: actor.id, text: input.text.trim() };
    return {
      next: { ...current, comments: [...current.comments, comment] },
      event: 'action.comment',
      data: { to: comment.text },
    };
  });
}

export function changeOwner(
  ctx: ActionContext,
  actorAadObjectId: string,
  input: OwnerChange,
): Promise<Outcome<ActionView>> {
  return mutateAction(ctx, actorAadObjectId, input, (current): Change | ActionRefusal => {
    const ownerText = blankToUndefined(input.ownerText);
    const owner = {
      ownerPerson: input.ownerPersonId,
      ownerText,
      organisations: [...new Set(input.organisationIds ?? current.organisations)],
    };
    const problems = checkOwner(owner, ctx.registry());
    if (problems.length > 0) return invalid(problems);
    const before = ownerOf(current);
    if (JSON.stringify(before) === JSON.stringify(owner)) return unchanged('owner');
    const { ownerPerson: _person, ownerText: _text, ...rest } = current;
    const next: Action = {
      ...rest,
      organisations: owner.organisations,
      ...(owner.ownerPerson !== undefined ? { ownerPerson: owner.ownerPerson } : {}),
      ...(owner.ownerText !== undefined ? { ownerText: owner.ownerText } : {}),
    };
    return { next, event: 'action.owner', data: { from: before, to: ownerOf(next) } };
  });
}

export function changeDueDate(
  ctx: ActionContext,
  actorAadObjectId: string,
  input: DueDateChange,
): Promise<Outcome<ActionView>> {
  return mutateAction(ctx, actorAadObjectId, input, (current, _actor, now): Change | ActionRefusal => {
    const dueDate = input.dueDate ?? undefined;
    const problems = checkDueDate(dueDate, { today: ctx.today(now), confirmPast: input.confirmPastDueDate });
    if (problems.length > 0) return invalid(problems);
    if (dueDate === current.dueDate) return unchanged('dueDate');
    const { dueDate: _old, ...rest } = current;
    const next: Action = dueDate === undefined ? rest : { ...rest, dueDate };
    return { next, event: 'action.dueDate', data: { from: current.dueDate ?? null, to: dueDate ?? null } };
  });
}

function ownerOf(action: Action): { ownerPerson?: string; ownerText?: string; organisations: string[] } {
  return {
    ownerPerson: action.ownerPerson,
    ownerText: action.ownerText,
    organisations: [...action.organisations],
  };
}
