/** The languages the bot understands, in the order it prefers them. */
export const LANGS = ['fi', 'sv', 'en'] as const;

export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
