/**
 * Guesses whether a chat message is Finnish, Swedish or English from its function words,
 * typical question words, letters and word endings. Short or mixed messages get a low
 * confidence: below about 0.5 the caller should prefer the user's Teams locale.
 */
import { memoise } from '../memo';
import { LANGS, type Lang } from './lang';
import { tokenizeText, toWords, type Token } from './normalise';
import { FUNCTION_WORDS, QUESTION_WORDS } from './vocabulary';

export interface DetectedLanguage {
  readonly lang: Lang;
  /** 0 (no idea) … 1 (certain). */
  readonly confidence: number;
}

/** Below this, a caller should fall back to the locale it already knows. */
export const CONFIDENT_LANGUAGE = 0.5;

type Scores = Record<Lang, number>;

const FUNCTION_WORD_SCORE = 2;
const QUESTION_WORD_SCORE = 1.5;
const MAX_WORD_SCORE = 2.5;
const SHARED_WORD_FACTOR = 0.5;
// Evidence needed before a clear margin counts fully: one function word is not a language.
const FULL_EVIDENCE = 3;

interface Feature {
  readonly pattern: RegExp;
  readonly scores: Partial<Scores>;
}

// Letters and endings, tried on words that are not in the word lists.
const FEATURES: readonly Feature[] = [
  { pattern: /å/, scores: { sv: 1.5 } },
  { pattern: /[äö]/, scores: { fi: 0.4, sv: 0.4 } },
  { pattern: /(ss|st|ll|lt)[aä](an|än|kin|ni|mme)?$|lle$|ksi$|[^aeiouyäö]e(en|tta|ttä)$/, scores: { fi: 1 } },
  { pattern: /(aa|ee|ii|oo|uu|yy|ää|öö)/, scores: { fi: 0.5 } },
  { pattern: /(minen|misen|uus|yys|uuden|yyden|sten|iden|jen)$/, scores: { fi: 1 } },
  { pattern: /(ningen|ningar|ningarna|heten|skap|skapen|arna|erna|orna|tjänst)/, scores: { sv: 1 } },
  { pattern: /^(sj|skj|stj|tj|kj)|ck|ä[dgr]$/, scores: { sv: 0.5 } },
  { pattern: /tion(en|er|erna)?$/, scores: { sv: 0.4, en: 0.4 } },
  { pattern: /th|^wh|w/, scores: { en: 1 } },
  { pattern: /(ing|ness|ment|ity|ies|ed|ould)$/, scores: { en: 0.7 } },
  { pattern: /[cqxz]/, scores: { en: 0.2, sv: 0.1 } },
];

const WORD_LISTS: ReadonlyArray<readonly [Lang, ReadonlySet<string>, number]> = LANGS.flatMap((lang) => [
  [lang, new Set(FUNCTION_WORDS[lang]), FUNCTION_WORD_SCORE] as const,
  [lang, new Set(QUESTION_WORDS[lang]), QUESTION_WORD_SCORE] as const,
]);

/** How much one word tells of each language; words repeat, so each is weighed once. */
const wordScores = memoise(
  (word: string): Readonly<Scores> => {
    const own: Scores = { fi: 0, sv: 0, en: 0 };
    const listedIn = WORD_LISTS.filter(([, words]) => words.has(word));
    // A word of several languages ("i", "en", "on") is weaker evidence for each.
    const shared = new Set(listedIn.map(([lang]) => lang)).size > 1 ? SHARED_WORD_FACTOR : 1;
    for (const [lang, , score] of listedIn) own[lang] = Math.max(own[lang], score * shared);
    if (listedIn.length === 0 && /^\p{L}+$/u.test(word)) {
      for (const { pattern, scores: featureScores } of FEATURES) {
        if (!pattern.test(word)) continue;
        for (const lang of LANGS) own[lang] += featureScores[lang] ?? 0;
      }
    }
    for (const lang of LANGS) own[lang] = Math.min(MAX_WORD_SCORE, own[lang]);
    return own;
  },
  20_000,
  { maxKeyLength: 40 },
);

export function detectLanguage(text: string): DetectedLanguage {
  return detectLanguageOfTokens(tokenizeText(text));
}

/** The same for a text already normalised and tokenized. */
export function detectLanguageOfTokens(tokens: readonly Token[]): DetectedLanguage {
  const scores: Scores = { fi: 0, sv: 0, en: 0 };
  for (const word of toWords(tokens)) {
    const own = wordScores(word.text);
    for (const lang of LANGS) scores[lang] += own[lang];
  }
  const ranked = [...LANGS].sort((a, b) => scores[b] - scores[a]);
  const [first = 'fi', second = 'sv'] = ranked;
  const best = scores[first];
  if (best <= 0) return { lang: 'fi', confidence: 0 };
  const margin = (best - scores[second]) / (best + 1);
  const evidence = Math.min(1, best / FULL_EVIDENCE);
  return { lang: first, confidence: Math.round(margin * evidence * 100) / 100 };
}
