/** Card actions on meetings: versioned verbs and the zod schemas their payloads must pass. */
import { z } from 'zod';

export const MEETING_VERBS = {
  add: 'meetings.add.v1',
  move: 'meetings.move.v1',
  cancel: 'meetings.cancel.v1',
} as const;

const id = z.string().regex(/^[a-z0-9-]{1,120}$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.string().regex(/^\d{2}:\d{2}$/);
const optional = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().max(max).optional(),
  );

export const meetingAddPayload = z.object({
  verb: z.literal(MEETING_VERBS.add),
  forumId: id,
  title: z.string().min(1).max(300),
  date,
  start: time,
  end: time,
  location: optional(300),
  agenda: optional(4000),
});
export const meetingMovePayload = z.object({
  verb: z.literal(MEETING_VERBS.move),
  forumId: id,
  meetingId: id,
  version: z.coerce.number().int().min(0).max(1_000_000),
  date,
  start: time,
  end: time,
});
export const meetingCancelPayload = z.object({
  verb: z.literal(MEETING_VERBS.cancel),
  forumId: id,
  meetingId: id,
  version: z.coerce.number().int().min(0).max(1_000_000),
});

export const meetingPayload = z.discriminatedUnion('verb', [
  meetingAddPayload,
  meetingMovePayload,
  meetingCancelPayload,
]);
export type MeetingPayload = z.infer<typeof meetingPayload>;

/** Each form's time inputs carry a prefix (unique ids per card); read them back without it. */
function unprefixed(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const prefix =
    typeof record.prefix === 'string' && /^[a-z0-9-]{1,8}$/.test(record.prefix) ? record.prefix : '';
  if (!prefix) return value;
  return {
    ...record,
    date: record[`${prefix}date`],
    start: record[`${prefix}start`],
    end: record[`${prefix}end`],
  };
}

export function parseMeetingAction(value: unknown): MeetingPayload | undefined {
  const parsed = meetingPayload.safeParse(unprefixed(value));
  return parsed.success ? parsed.data : undefined;
}
