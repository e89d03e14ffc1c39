/** A secretary or chair logs a forum decision; the same idempotency key never makes two. */
import {
  checkDate,
  checkDecisionText,
  checkLink,
  checkLinks,
  formatReadableId,
  type Decision,
  type IsoDate,
} from '../../domain/actions';
import { StoreConflictError } from '../../ports/store';
import { additions, decisionIndexEntries } from './action-indexes';
import { authoriseLogging } from './actor-check';
import type { ActionContext } from './context';
import { createOnce, idempotencyEntry, idempotencyKey } from './create-once';
import { requireKey, type Logged } from './log-action';
import { failure, success, type Outcome, type StoredDecision } from './outcome';
import { AUDIT, decisionKey, recordRef, sequenceCounter } from './storage-keys';

export interface LogDecisionInput {
  readonly forumId: string;
  readonly idempotencyKey: string;
  readonly text: string;
  readonly meetingId?: string;
  /** The day it was decided; default today. */
  readonly date?: IsoDate;
  readonly sourceMessageLink?: string;
}

const ID_ATTEMPTS = 5;

export async function logDecision(
  ctx: ActionContext,
  actorAadObjectId: string,
  input: LogDecisionInput,
): Promise<Outcome<Logged<StoredDecision>>> {
  requireKey(input.idempotencyKey);
  const who = authoriseLogging(ctx, actorAadObjectId, input.forumId);
  if (!who.ok) return failure(who.refusal);
  const now = ctx.now();
  const date = input.date ?? ctx.today(now);
  const problems = [
    ...checkDecisionText(input.text),
    ...checkDate('date', date),
    ...checkLinks({ forum: input.forumId, meeting: input.meetingId }, ctx.registry()),
    ...checkLink(input.sourceMessageLink),
  ];
  if (problems.length > 0) return failure({ code: 'ACTION_INVALID', problems });

  const key = idempotencyKey('decision', input.forumId, input.idempotencyKey);
  const result = await createOnce(ctx.store, key, async () => {
    const year = ctx.year(now);
    for (let attempt = 1; ; attempt++) {
      const number = await ctx.store.increment(sequenceCounter('decision', input.forumId, year));
      const id = formatReadableId({ kind: 'decision', prefix: ctx.prefixOf(input.forumId), year, number });
      const decision: Decision = {
        id,
        forum: input.forumId,
        text: input.text.trim(),
        date,
        loggedBy: who.person.id,
        loggedAt: now,
        ...(input.meetingId !== undefined ? { meeting: input.meetingId } : {}),
        ...(input.sourceMessageLink !== undefined ? { sourceMessageLink: input.sourceMessageLink } : {}),
      };
      try {
        await ctx.store.put(decisionKey(input.forumId, id), decision, {
          expectedVersion: 0,
          indexes: [
            ...additions(recordRef(input.forumId, id), decisionIndexEntries(decision)),
            idempotencyEntry(key, id),
          ],
        });
      } catch (error) {
        if (error instanceof StoreConflictError && attempt < ID_ATTEMPTS) continue;
        throw error;
      }
      await ctx.store.appendAudit(AUDIT.decision(input.forumId, id), {
        at: now,
        actor: who.person.id,
        event: 'decision.created',
        data: { version: 1, to: decision },
      });
      return id;
    }
  });
  if (result === 'busy') return failure({ code: 'ACTION_BUSY' });
  const stored = await ctx.store.get<Decision>(decisionKey(input.forumId, result.id));
  if (!stored) return failure({ code: 'ACTION_BUSY' });
  return success({ record: { decision: stored.value, version: stored.version }, created: result.created });
}
