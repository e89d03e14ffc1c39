/**
 * The card actions of the action tracker: versioned verbs and the zod schemas their payloads
 * must pass on the way back in. Anything else is ignored with a message.
 */
import { z } from 'zod';

export const VERBS = {
  log: 'actions.log.v1',
  status: 'actions.status.v1',
  comment: 'actions.comment.v1',
  owner: 'actions.owner.v1',
  due: 'actions.due.v1',
  refresh: 'actions.refresh.v1',
  list: 'actions.list.v1',
  cancelForm: 'actions.cancelForm.v1',
} as const;

const id = z.string().regex(/^[a-z0-9-]{1,80}$/);
const actionId = z.string().regex(/^[A-Z0-9]{1,8}-\d{4}-P?\d{1,6}$/);
const version = z.coerce.number().int().min(1).max(1_000_000);
const text = (max: number) => z.string().max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    text(max).optional(),
  );
const optionalId = z.preprocess((value) => (value === '' ? undefined : value), id.optional());
const toggle = z.preprocess((value) => value === true || value === 'true', z.boolean());
/** Input.ChoiceSet with isMultiSelect answers "a,b,c". */
const idList = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').filter((item) => item !== '') : value),
  z.array(id).max(20),
);

export const logPayload = z.object({
  verb: z.literal(VERBS.log),
  kind: z.enum(['action', 'decision']),
  idempotencyKey: text(200).min(1),
  forumId: id,
  title: text(4000),
  description: optionalText(4000),
  ownerPersonId: optionalId,
  ownerText: optionalText(200),
  organisationIds: idList.optional(),
  interfaceId: optionalId,
  goalId: optionalId,
  meetingId: optionalId,
  dueDate: z.preprocess((value) => (value === '' ? undefined : value), isoDate.optional()),
  confirmPast: toggle.optional(),
});

const target = { forumId: id, actionId, version };

export const statusPayload = z.object({
  verb: z.literal(VERBS.status),
  ...target,
  status: z.enum(['avoin', 'kaynnissa', 'valmis', 'peruttu']),
});
export const commentPayload = z.object({
  verb: z.literal(VERBS.comment),
  ...target,
  comment: text(2000).min(1),
});
export const ownerPayload = z.object({
  verb: z.literal(VERBS.owner),
  ...target,
  ownerPersonId: optionalId,
  ownerText: optionalText(200),
});
export const duePayload = z.object({
  verb: z.literal(VERBS.due),
  ...target,
  dueDate: z.preprocess((value) => (value === '' ? null : value), isoDate.nullable()),
  confirmPast: toggle.optional(),
});
export const refreshPayload = z.object({ verb: z.literal(VERBS.refresh), forumId: id, actionId });
export const listPayload = z.object({
  verb: z.literal(VERBS.list),
  forumId: optionalId,
  filter: z.enum(['open', 'overdue', 'my', 'search', 'by']),
  words: optionalText(200),
  grouping: z.enum(['interface', 'organisation', 'goal', 'meeting']).optional(),
  groupId: optionalId,
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const cancelFormPayload = z.object({ verb: z.literal(VERBS.cancelForm) });

export const cardActionPayload = z.discriminatedUnion('verb', [
  logPayload,
  statusPayload,
  commentPayload,
  ownerPayload,
  duePayload,
  refreshPayload,
  listPayload,
  cancelFormPayload,
]);

export type CardActionPayload = z.infer<typeof cardActionPayload>;
export type LogPayload = z.infer<typeof logPayload>;
export type ListPayload = z.infer<typeof listPayload>;

/** Parses what came back from a card; undefined for anything this bot did not send. */
export function parseCardAction(value: unknown): CardActionPayload | undefined {
  const result = cardActionPayload.safeParse(value);
  return result.success ? result.data : undefined;
}
