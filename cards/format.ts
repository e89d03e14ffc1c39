/** Dates and times as people in each language write them, in the registry's time zone. */
import { DateTime } from 'luxon';
import type { Locale } from '../src/i18n';

const DATE_FORMAT: Record<Locale, string> = { fi: 'd.M.yyyy', sv: 'd.M.yyyy', en: 'd MMM yyyy' };
const TIME_FORMAT: Record<Locale, string> = {
  fi: "d.M.yyyy 'klo' H.mm",
  sv: "d.M.yyyy 'kl.' H.mm",
  en: "d MMM yyyy 'at' HH:mm",
};

export function formatDate(isoDate: string, locale: Locale): string {
  const date = DateTime.fromISO(isoDate, { zone: 'UTC' });
  return date.isValid ? date.setLocale(locale).toFormat(DATE_FORMAT[locale]) : isoDate;
}

export function formatDateTime(iso: string, timeZone: string, locale: Locale): string {
  const time = DateTime.fromISO(iso, { setZone: true }).setZone(timeZone);
  return time.isValid ? time.setLocale(locale).toFormat(TIME_FORMAT[locale]) : iso;
}

export function formatTimeRange(start: string, end: string, timeZone: string, locale: Locale): string {
  const to = DateTime.fromISO(end, { setZone: true }).setZone(timeZone);
  const from = DateTime.fromISO(start, { setZone: true }).setZone(timeZone);
  const endText =
    to.isValid && from.hasSame(to, 'day')
      ? to.toFormat(locale === 'en' ? 'HH:mm' : 'H.mm')
      : formatDateTime(end, timeZone, locale);
  return `${formatDateTime(start, timeZone, locale)}–${endText}`;
}
