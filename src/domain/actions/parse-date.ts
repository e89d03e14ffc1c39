/**
 * Due dates as people type them: 31.3.2027, 31.3., 2027-03-31, "31. maaliskuuta 2027",
 * "31 mars 2027", "March 31, 2027". A date without a year is the next such day from today.
 */
import { DateTime } from 'luxon';
import { monthNumber } from './month-names';
import type { IsoDate } from './types';

export type ParsedDate = { readonly ok: true; readonly date: IsoDate } | { readonly ok: false };

const NOT_A_DATE: ParsedDate = Object.freeze({ ok: false });
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})?)?$/;
const DAY_MONTH = /^(?:den\s+)?(\d{1,2})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?(\p{L}+)\.?,?(?:\s*(\d{4}))?$/u;
const MONTH_DAY = /^(\p{L}+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?:,?\s*(\d{4}))?$/u;

interface Parts {
  readonly day: number;
  readonly month: number | undefined;
  readonly year: number | undefined;
}

export function parseDate(text: string, today: IsoDate): ParsedDate {
  const cleaned = text
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\s*\.\s*/g, '.')
    .replace(/\s+/g, ' ');
  const parts = partsOf(cleaned);
  if (!parts || parts.month === undefined) return NOT_A_DATE;
  return parts.year === undefined ? nextOccurrence(parts.day, parts.month, today) : exact(parts);
}

function partsOf(text: string): Parts | undefined {
  let match = ISO.exec(text);
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  match = NUMERIC.exec(text);
  if (match) return { day: Number(match[1]), month: Number(match[2]), year: yearOf(match[3]) };
  match = DAY_MONTH.exec(text);
  if (match) return { day: Number(match[1]), month: monthNumber(match[2] ?? ''), year: yearOf(match[3]) };
  match = MONTH_DAY.exec(text);
  if (match) return { month: monthNumber(match[1] ?? ''), day: Number(match[2]), year: yearOf(match[3]) };
  return undefined;
}

function yearOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function exact(parts: Parts): ParsedDate {
  const year = parts.year ?? 0;
  if (year < MIN_YEAR || year > MAX_YEAR) return NOT_A_DATE;
  const date = DateTime.fromObject({ year, month: parts.month, day: parts.day }, { zone: 'UTC' });
  return date.isValid ? { ok: true, date: date.toISODate() ?? '' } : NOT_A_DATE;
}

function nextOccurrence(day: number, month: number, today: IsoDate): ParsedDate {
  const thisYear = Number(today.slice(0, 4));
  const candidate = exact({ day, month, year: thisYear });
  if (candidate.ok && candidate.date >= today) return candidate;
  // 29 February without a year: the next year that has one.
  for (let year = thisYear + 1; year <= thisYear + 8; year++) {
    const next = exact({ day, month, year });
    if (next.ok) return next;
  }
  return NOT_A_DATE;
}
