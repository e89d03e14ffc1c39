import type { LocalisedText } from './types';

export type TextLang = 'fi' | 'sv' | 'en';

/** The text in `lang`, falling back to Finnish (always present). */
export function pick(text: LocalisedText, lang: TextLang): string {
  return text[lang] ?? text.fi;
}

/** Every language version of the text, Finnish first. */
export function allVersions(text: LocalisedText | undefined): string[] {
  if (!text) return [];
  return [text.fi, text.sv, text.en].filter(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
}
