/** The fi/sv/en catalogues: every user-facing string of the bot comes from here. */
import { en } from './en';
import { fi, type MessageKey } from './fi';
import { sv } from './sv';

export type Locale = 'fi' | 'sv' | 'en';
export type { MessageKey };
export const LOCALES: readonly Locale[] = ['fi', 'sv', 'en'];

const catalogues: Record<Locale, Record<MessageKey, string>> = { fi, sv, en };

export type Params = Readonly<Record<string, string | number>>;

/** Looks up `key` in `locale` and fills `{name}` placeholders from `params`. */
export function t(locale: Locale, key: MessageKey, params?: Params): string {
  const template = catalogues[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => t(locale, key, params);
}

/** Maps a Teams locale such as `fi-FI`, `sv-SE` or `en-US` to one of ours. */
export function localeFromTag(tag: string | undefined): Locale | undefined {
  const prefix = tag?.toLowerCase().slice(0, 2);
  return prefix === 'fi' || prefix === 'sv' || prefix === 'en' ? prefix : undefined;
}

export function catalogueKeys(locale: Locale): string[] {
  return Object.keys(catalogues[locale]);
}
