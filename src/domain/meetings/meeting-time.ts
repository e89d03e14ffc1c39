/** Meeting times as written in the registry: ISO 8601 with the offset of the registry's time zone. */
import { DateTime } from 'luxon';
import type { IsoDateTime } from '../registry';

// A date and a time of day at least; seconds, fractions and an offset or Z are optional.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads a time typed in chat or sent by a card. Without an offset it is a wall-clock time in
 * `timeZone` (what Input.Date and Input.Time give). Undefined when it is not a real time.
 */
export function parseMeetingTime(value: string, timeZone: string): IsoDateTime | undefined {
  const trimmed = value.trim();
  if (!DATE_TIME.test(trimmed)) return undefined;
  const parsed = DateTime.fromISO(trimmed, { zone: timeZone });
  if (!parsed.isValid) return undefined;
  return parsed.setZone(timeZone).toISO({ suppressMilliseconds: true }) ?? undefined;
}

export function epochMs(time: IsoDateTime): number {
  return Date.parse(time);
}

/** The calendar day of a meeting time in `timeZone`. */
export function meetingDay(time: IsoDateTime, timeZone: string): string {
  return DateTime.fromISO(time, { setZone: true }).setZone(timeZone).toISODate() ?? '';
}
