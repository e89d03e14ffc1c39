/** Registry names and dates as the export formats show them, in the reader's language. */
import { DateTime } from 'luxon';
import type { Action, IsoDate } from '../../domain/actions';
import type { LocalisedText, RegistryIndex } from '../../domain/registry';
import type { Locale } from '../../i18n';

export function localised(text: LocalisedText | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] ?? text.fi;
}

export function ownerName(action: Action, registry: RegistryIndex): string | undefined {
  const person = action.ownerPerson === undefined ? undefined : registry.peopleById.get(action.ownerPerson);
  return person?.name ?? action.ownerPerson ?? action.ownerText;
}

export function organisationNames(action: Action, registry: RegistryIndex, locale: Locale): string[] {
  return action.organisations.map((id) => {
    const organisation = registry.organisationsById.get(id);
    return organisation ? localised(organisation.shortName ?? organisation.name, locale) : id;
  });
}

/** 31.3.2027 in Finnish and Swedish, 31 Mar 2027 in English. */
export function formatDay(date: IsoDate, locale: Locale): string {
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  return locale === 'en' ? day.setLocale('en-GB').toFormat('d LLL yyyy') : day.toFormat('d.M.yyyy');
}

export function formatTimestamp(epochMs: number, timeZone: string): string {
  return DateTime.fromMillis(epochMs, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm');
}
