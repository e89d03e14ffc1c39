/** Calendar days as ISO dates (`YYYY-MM-DD`) and as day numbers, for sorted-index scores. */
import { DateTime } from 'luxon';
import type { IsoDate } from './types';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for an existing day of the Gregorian calendar written as `YYYY-MM-DD`. */
export function isRealDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return DateTime.fromObject(
    { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) },
    { zone: 'UTC' },
  ).isValid;
}

/** Days since 1970-01-01; the date must be real. */
export function epochDay(date: IsoDate): number {
  return Math.round(DateTime.fromISO(date, { zone: 'UTC' }).toMillis() / MS_PER_DAY);
}

export function dateOfEpochDay(day: number): IsoDate {
  return DateTime.fromMillis(day * MS_PER_DAY, { zone: 'UTC' }).toISODate() ?? '';
}

/** The calendar day of an instant in a time zone (the registry's, Europe/Helsinki). */
export function dayIn(epochMs: number, timeZone: string): IsoDate {
  return DateTime.fromMillis(epochMs, { zone: timeZone }).toISODate() ?? '';
}

export function yearIn(epochMs: number, timeZone: string): number {
  return DateTime.fromMillis(epochMs, { zone: timeZone }).year;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfEpochDay(epochDay(date) + days);
}
