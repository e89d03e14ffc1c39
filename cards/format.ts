/** Dates and times as people in each language write them, in the registry's time zone. */
import { DateTime } from 'luxon';
import { memoise } from '../src/domain/memo';
import type { Locale } from '../src/i18n';

const DATE_FORMAT: Record<Locale, string> = { fi: 'd.M.yyyy', sv: 'd.M.yyyy', en: 'd MMM yyyy' };
const TIME_FORMAT: Record<Locale, string> = {
  fi: "d.M.yyyy 'klo' H.mm",
  sv: "d.M.yyyy 'kl.' H.mm",
  en: "d MMM yyyy 'at' HH:mm",
};

// The dates on cards are a registry's and a forum's few hundred dates, formatted again for every
// answer; time-zone conversion is the costly part of a card, so each text is made once.
const SEPARATOR = '\u0000';
const formatted = memoise((key) => {
  const [kind, locale, timeZone, start, end] = key.split(SEPARATOR) as [
    string,
    Locale,
    string,
    string,
    string,
  ];
  if (kind === 'date') return dateText(start, locale);
  if (kind === 'time') return dateTimeText(start, timeZone, locale);
  return timeRangeText(start, end, timeZone, locale);
}, 10_000);

export function formatDate(isoDate: string, locale: Locale): string {
  return formatted(['date', locale, '', isoDate, ''].join(SEPARATOR));
}

export function formatDateTime(iso: string, timeZone: string, locale: Locale): string {
  return formatted(['time', locale, timeZone, iso, ''].join(SEPARATOR));
}

export function formatTimeRange(start: string, end: string, timeZone: string, locale: Locale): string {
  return formatted(['range', locale, timeZone, start, end].join(SEPARATOR));
}

function dateText(isoDate: string, locale: Locale): string {
  const date = DateTime.fromISO(isoDate, { zone: 'UTC' });
  return date.isValid ? date.setLocale(locale).toFormat(DATE_FORMAT[locale]) : isoDate;
}

function dateTimeText(iso: string, timeZone: string, locale: Locale): string {
  const time = DateTime.fromISO(iso, { setZone: true }).setZone(timeZone);
  return time.isValid ? time.setLocale(locale).toFormat(TIME_FORMAT[locale]) : iso;
}

function timeRangeText(start: string, end: string, timeZone: string, locale: Locale): string {
  const to = DateTime.fromISO(end, { setZone: true }).setZone(timeZone);
  const from = DateTime.fromISO(start, { setZone: true }).setZone(timeZone);
  const endText =
    to.isValid && from.hasSame(to, 'day')
      ? to.toFormat(locale === 'en' ? 'HH:mm' : 'H.mm')
      : formatDateTime(end, timeZone, locale);
  return `${formatDateTime(start, timeZone, locale)}–${endText}`;
}
