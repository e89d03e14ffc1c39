/** The fi/sv/en catalogues: every user-facing string of the bot comes from here. */
import { en } from './en';
import { fi, type MessageKey } from './fi';
import { sv } from './sv';

export type Locale = 'fi' | 'sv' | 'en';
export type { MessageKey };
export const LOCALES: readonly Locale[] = ['fi', 'sv', 'en'];

const catalogues: Record<Locale, Record<MessageKey, string>> = { fi, sv, en };

export type Params = Readonly<Record<string, string | number>>;

// Each template split once at start-up: literal text at even indices, placeholder names at odd.
const templates: Record<Locale, Map<string, readonly string[]>> = {
  fi: splitAll(fi),
  sv: splitAll(sv),
  en: splitAll(en),
};

function splitAll(catalogue: Readonly<Record<string, string>>): Map<string, readonly string[]> {
  return new Map(Object.entries(catalogue).map(([key, template]) => [key, template.split(/\{(\w+)\}/)]));
}

/** Looks up `key` in `locale` and fills `{name}` placeholders from `params`. */
export function t(locale: Locale, key: MessageKey, params?: Params): string {
  const template = catalogues[locale][key];
  const parts = templates[locale].get(key);
  if (!params || parts === undefined || parts.length === 1) return template;
  let text = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? '';
    text += Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : `{${name}}`;
    text += parts[i + 1] ?? '';
  }
  return text;
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
