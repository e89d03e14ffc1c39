/** A secretary or chair logs an agreed action; the same idempotency key never makes two. */
import {
  checkDescription,
  checkDueDate,
  checkLink,
  checkLinks,
  checkOwner,
  checkTitle,
  formatReadableId,
  type Action,
  type ActionProblem,
  type DueDateCheck,
  type IsoDate,
} from '../../domain/actions';
import { StoreConflictError } from '../../ports/store';
import { actionIndexEntries, additions } from './action-indexes';
import { authoriseLogging } from './actor-check';
import type { ActionContext } from './context';
import { createOnce, idempotencyEntry, idempotencyKey } from './create-once';
import { failure, success, type ActionView, type Outcome } from './outcome';
import { actionKey, AUDIT, decisionKey, recordRef, sequenceCounter } from './storage-keys';

export interface LogActionInput {
  readonly forumId: string;
  /** The Teams activity (or invoke) id the request came with. */
  readonly idempotencyKey: string;
  readonly title: string;
  readonly description?: string;
  readonly meetingId?: string;
  readonly decisionId?: string;
  readonly interfaceId?: string;
  /** Responsible organisations; default: the owner person's organisation. */
  readonly organisationIds?: readonly string[];
  readonly ownerPersonId?: string;
  readonly ownerText?: string;
  readonly dueDate?: IsoDate;
  /** The user confirmed a due date in the past. */
  readonly confirmPastDueDate?: boolean;
  readonly goalId?: string;
  readonly sourceMessageLink?: string;
}

export interface Logged<T> {
  readonly record: T;
  /** False when the key had already created it: nothing new was written. */
  readonly created: boolean;
}

const ID_ATTEMPTS = 5;

export async function logAction(
  ctx: ActionContext,
  actorAadObjectId: string,
  input: LogActionInput,
): Promise<Outcome<Logged<ActionView>>> {
  requireKey(input.idempotencyKey);
  const who = authoriseLogging(ctx, actorAadObjectId, input.forumId);
  if (!who.ok) return failure(who.refusal);
  const now = ctx.now();
  const draft = normalised(input, ctx);
  const problems = [
    ...(await problemsOf(ctx, draft, {
      today: ctx.today(now),
      confirmPast: input.confirmPastDueDate === true,
    })),
    ...checkLink(input.sourceMessageLink),
  ];
  if (problems.length > 0) return failure({ code: 'ACTION_INVALID', problems });

  const key = idempotencyKey('action', input.forumId, input.idempotencyKey);
  const result = await createOnce(ctx.store, key, async () => {
    const year = ctx.year(now);
    for (let attempt = 1; ; attempt++) {
      const number = await ctx.store.increment(sequenceCounter('action', input.forumId, year));
      const id = formatReadableId({ kind: 'action', prefix: ctx.prefixOf(input.forumId), year, number });
      const action: Action = {
        ...draft,
        id,
        createdAt: now,
        createdBy: who.person.id,
        updatedAt: now,
        updatedBy: who.person.id,
      };
      try {
        await ctx.store.put(actionKey(input.forumId, id), action, {
          expectedVersion: 0,
          indexes: [
            ...additions(recordRef(input.forumId, id), actionIndexEntries(action)),
            idempotencyEntry(key, id),
          ],
        });
      } catch (error) {
        // A number already taken means the counter was lost (e.g. restored Redis); take the next.
        if (error instanceof StoreConflictError && attempt < ID_ATTEMPTS) continue;
        throw error;
      }
      await ctx.store.appendAudit(AUDIT.action(input.forumId, id), {
        at: now,
        actor: who.person.id,
        event: 'action.created',
        data: { version: 1, to: action },
      });
      return id;
    }
  });
  if (result === 'busy') return failure({ code: 'ACTION_BUSY' });
  const stored = await ctx.store.get<Action>(actionKey(input.forumId, result.id));
  if (!stored) return failure({ code: 'ACTION_BUSY' });
  return success({ record: ctx.view(stored.value, stored.version), created: result.created });
}

type ActionDraft = Omit<Action, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>;

function normalised(input: LogActionInput, ctx: ActionContext): ActionDraft {
  const owner =
    input.ownerPersonId === undefined ? undefined : ctx.registry().peopleById.get(input.ownerPersonId);
  const organisations = input.organisationIds ?? (owner ? [owner.organisation] : []);
  const description = blankToUndefined(input.description);
  const ownerText = blankToUndefined(input.ownerText);
  return {
    forum: input.forumId,
    title: input.title.trim(),
    status: 'avoin',
    organisations: [...new Set(organisations)],
    comments: [],
    ...(description !== undefined ? { description } : {}),
    ...(input.meetingId !== undefined ? { meeting: input.meetingId } : {}),
    ...(input.decisionId !== undefined ? { decision: input.decisionId } : {}),
    ...(input.interfaceId !== undefined ? { interface: input.interfaceId } : {}),
    ...(input.ownerPersonId !== undefined ? { ownerPerson: input.ownerPersonId } : {}),
    ...(ownerText !== undefined ? { ownerText } : {}),
    ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
    ...(input.goalId !== undefined ? { goal: input.goalId } : {}),
    ...(input.sourceMessageLink !== undefined ? { sourceMessageLink: input.sourceMessageLink } : {}),
  };
}

async function problemsOf(
  ctx: ActionContext,
  draft: ActionDraft,
  due: DueDateCheck,
): Promise<ActionProblem[]> {
  const registry = ctx.registry();
  const problems = [
    ...checkTitle(draft.title),
    ...checkDescription(draft.description),
    ...checkDueDate(draft.dueDate, due),
    ...checkOwner(draft, registry),
    ...checkLinks(
      { forum: draft.forum, meeting: draft.meeting, interface: draft.interface, goal: draft.goal },
      registry,
    ),
  ];
  if (draft.decision !== undefined && !(await ctx.store.get(decisionKey(draft.forum, draft.decision)))) {
    problems.push({ field: 'decision', code: 'unknownDecision', params: { id: draft.decision } });
  }
  return problems;
}

export function blankToUndefined(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** The key comes from the activity, never from a user: a missing one is a wiring error. */
export function requireKey(key: string): void {
  if (typeof key !== 'string' || key.trim() === '') throw new TypeError('an idempotency key is required');
}
