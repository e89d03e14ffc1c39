/**
 * One pass over a chat question: normalise, detect the language, find the places and the
 * interface terms. Places written correctly are found first and kept out of term matching;
 * words that are interface terms are then kept out of the place-name typo fallback.
 */
import { detectLanguageOfTokens, type DetectedLanguage } from './detect-language';
import { tokenize, normaliseText, type Token } from './normalise';
import { PlaceNameMatcher, type PlaceEntry, type PlaceMatch } from './place-names';
import { Stemmer } from './stem';
import { TermMatcher, type TermCandidate, type TermEntry } from './term-matcher';

export interface QuestionAnalysis {
  /** The normalised text that was analysed (at most MAX_ANALYSED_CHARS of the input). */
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly language: DetectedLanguage;
  /** Places named in the question, best first. */
  readonly places: readonly PlaceMatch[];
  /** Interface candidates, best first. */
  readonly terms: readonly TermCandidate[];
}

// A term candidate this good claims its tokens, so they are not read as misspelt places.
const CLAIMING_TERM_SCORE = 0.7;

function tokensOf(matches: ReadonlyArray<{ readonly start: number; readonly end: number }>): Set<number> {
  const tokens = new Set<number>();
  for (const { start, end } of matches) for (let token = start; token < end; token += 1) tokens.add(token);
  return tokens;
}

export class QuestionAnalyser {
  readonly places: PlaceNameMatcher;
  readonly terms: TermMatcher;

  constructor(places: readonly PlaceEntry[], terms: readonly TermEntry[], stemmer: Stemmer = new Stemmer()) {
    this.places = new PlaceNameMatcher(places, { stemmer });
    this.terms = new TermMatcher(terms, { stemmer });
  }

  analyse(input: string): QuestionAnalysis {
    const text = normaliseText(input);
    const tokens = tokenize(text);
    const exactPlaces = this.places.match(tokens, { fuzzy: false });
    const terms = this.terms.match(tokens, { skipTokens: tokensOf(exactPlaces) });
    const termTokens = new Set(
      terms.filter((term) => term.score >= CLAIMING_TERM_SCORE).flatMap((term) => term.matchedTokens),
    );
    const places = this.places.match(tokens, { skipTokens: termTokens });
    return { text, tokens, language: detectLanguageOfTokens(tokens), places, terms };
  }
}
