/**
 * Owners are reminded N days before the due date and on the day an action becomes overdue,
 * once each. Every instance's scheduler may call claimDueReminders at any time: a claim per
 * action, kind and due date makes each reminder come out of exactly one call. Moving the due
 * date makes new reminders; a run missed for a few days is caught up.
 */
import { dateOfEpochDay, epochDay, isOpenStatus, type Action } from '../../domain/actions';
import type { ActionContext } from './context';
import type { ActionView } from './outcome';
import { INDEX, keyOfRef, reminderClaim } from './storage-keys';

export type ReminderKind = 'dueSoon' | 'overdue';

export interface DueReminder {
  readonly kind: ReminderKind;
  readonly dueDate: string;
  readonly action: ActionView;
  /** The owner's Entra object id, when the owner is a registry person who has one. */
  readonly ownerAadObjectId?: string;
  /** The claim, for releaseReminder when sending failed. */
  readonly claim: string;
}

export interface ReminderOptions {
  /** Default: the service's reminderDaysBefore, or 7. */
  readonly daysBefore?: number;
  /** Overdue reminders are still sent this many days after the day an action became overdue, so a missed run is made up for; default 3. */
  readonly catchUpDays?: number;
}

const DAY_MS = 86_400_000;
const DEFAULT_DAYS_BEFORE = 7;
const DEFAULT_CATCH_UP_DAYS = 3;
const CLAIM_BATCH = 100;

export async function claimDueReminders(
  ctx: ActionContext,
  now: number = ctx.now(),
  options: ReminderOptions = {},
): Promise<DueReminder[]> {
  const daysBefore = options.daysBefore ?? ctx.deps.reminderDaysBefore ?? DEFAULT_DAYS_BEFORE;
  const catchUp = options.catchUpDays ?? DEFAULT_CATCH_UP_DAYS;
  const today = epochDay(ctx.today(now));
  const [soon, late] = await Promise.all([
    ctx.store.range(INDEX.due, { min: today, max: today + daysBefore }),
    ctx.store.range(INDEX.due, { min: today - 1 - catchUp, max: today - 1 }),
  ]);
  const candidates = [
    ...soon.map((entry) => ({ ...entry, kind: 'dueSoon' as const })),
    ...late.map((entry) => ({ ...entry, kind: 'overdue' as const })),
  ];
  const claimed: { ref: string; kind: ReminderKind; dueDate: string; claim: string }[] = [];
  for (let at = 0; at < candidates.length; at += CLAIM_BATCH) {
    const batch = candidates.slice(at, at + CLAIM_BATCH).map(({ member, score, kind }) => {
      const dueDate = dateOfEpochDay(score);
      return { ref: member, kind, dueDate, claim: reminderClaim(kind, member, dueDate), score };
    });
    const won = await Promise.all(
      // Held until the candidate window has passed, so it is never offered twice.
      batch.map((c) => ctx.store.claimOnce(c.claim, Math.max(1, c.score + catchUp + 2 - today) * DAY_MS)),
    );
    batch.forEach((c, i) => {
      if (won[i]) claimed.push(c);
    });
  }
  const records = await ctx.store.getMany<Action>(claimed.map((c) => keyOfRef('action', c.ref)));
  const registry = ctx.registry();
  const todayIso = ctx.today(now);
  return claimed.flatMap((c, i) => {
    const record = records[i];
    if (!record || !isOpenStatus(record.value.status) || record.value.dueDate !== c.dueDate) return [];
    const owner = record.value.ownerPerson ? registry.peopleById.get(record.value.ownerPerson) : undefined;
    return [
      {
        kind: c.kind,
        dueDate: c.dueDate,
        action: ctx.view(record.value, record.version, todayIso),
        claim: c.claim,
        ...(owner?.aadObjectId ? { ownerAadObjectId: owner.aadObjectId } : {}),
      },
    ];
  });
}

/** Lets the reminder be claimed again, e.g. when sending it failed. */
export function releaseReminder(ctx: ActionContext, reminder: DueReminder): Promise<void> {
  return ctx.store.releaseClaim(reminder.claim);
}
