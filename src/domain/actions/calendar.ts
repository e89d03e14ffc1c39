/** Calendar days as ISO dates (`YYYY-MM-DD`) and as day numbers, for sorted-index scores. */
import { DateTime } from 'luxon';
import { memoise } from '../memo';
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

// Asked on every answer and listing with "now"; a day starts on a whole minute in every zone in
// use today, so the minute decides the day and the zone conversion is done once a minute.
const dayOfMinute = memoise((key) => {
  const [timeZone = 'UTC', minute = '0'] = key.split('|');
  return DateTime.fromMillis(Number(minute) * 60_000, { zone: timeZone }).toISODate() ?? '';
}, 64);

/** The calendar day of an instant in a time zone (the registry's, Europe/Helsinki). */
export function dayIn(epochMs: number, timeZone: string): IsoDate {
  return dayOfMinute(`${timeZone}|${Math.floor(epochMs / 60_000)}`);
}

export function yearIn(epochMs: number, timeZone: string): number {
  return DateTime.fromMillis(epochMs, { zone: timeZone }).year;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfEpochDay(epochDay(date) + days);
}
