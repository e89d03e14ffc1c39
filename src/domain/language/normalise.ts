/**
 * Normalising and tokenizing chat text before it is matched against names and terms.
 * The same functions normalise the registry's names, so both sides always agree.
 */

/** Only the start of a message is analysed, so a pasted document stays as cheap as a question. */
export const MAX_ANALYSED_CHARS = 500;

export interface Token {
  /** The normalised word; a hyphenated compound keeps its hyphens ("hyte-neuvottelu"). */
  readonly text: string;
  /** Its hyphen-separated parts ("hyte", "neuvottelu"); a single element when there is no hyphen. */
  readonly parts: readonly string[];
}

/** One part of a token, with the index of the token it came from. */
export interface Word {
  readonly text: string;
  readonly token: number;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
};

// Letters outside Finnish and Swedish that NFD does not decompose, mapped to their Nordic look-alikes.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ø: 'ö',
  æ: 'ä',
  ß: 'ss',
  œ: 'oe',
  đ: 'd',
  ł: 'l',
  ı: 'i',
};

const KEPT_LETTERS = new Set(['å', 'ä', 'ö']);

/** Text with nothing but ASCII letters, digits, å ä ö, spaces and sentence punctuation. */
const PLAIN_TEXT = /^[A-Za-z0-9åäöÅÄÖ ?!.,;:()"'-]*$/;

function decodeEntity(_entity: string, body: string): string {
  if (body.startsWith('#')) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? ' ';
}

function foldLetter(ch: string): string {
  if (KEPT_LETTERS.has(ch)) return ch;
  const special = SPECIAL_LETTERS[ch];
  if (special !== undefined) return special;
  const stripped = ch.normalize('NFD').replace(/\p{M}+/gu, '');
  // "ǿ" is "ø" with an accent: the bare letter is folded too, so folding twice changes nothing.
  return /^\p{L}+$/u.test(stripped) ? (SPECIAL_LETTERS[stripped] ?? stripped) : ' ';
}

/**
 * Lower-cases, folds diacritics other than å ä ö, drops markup, URLs and punctuation, and
 * collapses whitespace. Hyphens inside compounds stay; an abbreviation's case ending after a
 * colon is dropped ("TE24:n" → "te24"); apostrophes inside words are removed ("Lahti's" → "lahtis").
 */
export function normaliseText(input: string, maxChars: number = MAX_ANALYSED_CHARS): string {
  const start = input.slice(0, maxChars);
  // Most questions are plain letters and punctuation: markup, entities, links and letters to fold
  // cannot occur in them, and every letter is a-z, å, ä or ö, so a scan does the work of the regexps.
  if (PLAIN_TEXT.test(start)) return plainWords(start.toLowerCase());
  const folded = start
    .replace(/<[^<>]{0,200}>/g, ' ')
    .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, decodeEntity)
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\x20-\x7eåäö]/gu, (ch) => (/[\p{L}\p{M}]/u.test(ch) ? foldLetter(ch) : ch))
    .replace(/[\u00ad\p{M}]/gu, '');
  return folded
    .replace(/([\p{L}\p{N}])['’`´]+(?=\p{L})/gu, '$1')
    .replace(/([\p{L}\p{N}]):\p{L}{1,5}(?![\p{L}\p{N}])/gu, '$1')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .replace(/(?<=\s|^)-+|-+(?=\s|$)/g, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const HYPHEN = 0x2d;

/** a-z, 0-9, å, ä, ö: the letters and digits of plain text once it is lower-cased. */
function isPlainWordChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0xe5 ||
    code === 0xe4 ||
    code === 0xf6
  );
}

/**
 * normaliseText's steps for lower-cased plain text: apostrophes inside words and an abbreviation's
 * case ending go, every character other than a letter, digit or hyphen separates words, and
 * hyphens stay only inside a word, one at a time.
 */
function plainWords(lower: string): string {
  let text = lower;
  if (text.includes("'")) text = text.replace(/([a-z0-9åäö])'+(?=[a-zåäö])/g, '$1');
  if (text.includes(':')) text = text.replace(/([a-z0-9åäö]):[a-zåäö]{1,5}(?![a-z0-9åäö])/g, '$1');
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    if (code === HYPHEN || isPlainWordChar(code)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const run = text.slice(start, i);
      const word = run.includes('-')
        ? run
            .split('-')
            .filter((part) => part !== '')
            .join('-')
        : run;
      if (word !== '') words.push(word);
      start = -1;
    }
  }
  return words.join(' ');
}

/** Splits normalised text into tokens; each keeps its hyphen-separated parts. */
export function tokenize(normalised: string): Token[] {
  if (normalised === '') return [];
  return normalised
    .split(' ')
    .map((text) => ({ text, parts: text.includes('-') ? text.split('-') : [text] }));
}

/** Normalises and tokenizes in one step. */
export function tokenizeText(input: string, maxChars: number = MAX_ANALYSED_CHARS): Token[] {
  return tokenize(normaliseText(input, maxChars));
}

/** The parts of all tokens in order: the stream that multi-word names and phrases are matched against. */
export function toWords(tokens: readonly Token[]): Word[] {
  const words: Word[] = [];
  tokens.forEach((token, index) => {
    for (const part of token.parts) words.push({ text: part, token: index });
  });
  return words;
}

/** Folds å ä ö to a o, for users whose keyboard lacks them ("Jamsassa" for "Jämsässä"). */
export function foldNordic(word: string): string {
  return word.replace(/[äåö]/g, (ch) => (ch === 'ö' ? 'o' : 'a'));
}

export function hasNordicLetter(word: string): boolean {
  return /[äåö]/.test(word);
}
