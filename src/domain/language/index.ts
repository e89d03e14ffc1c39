export { QuestionAnalyser, type QuestionAnalysis } from './analyse-question';
export { CONFIDENT_LANGUAGE, detectLanguage, type DetectedLanguage } from './detect-language';
export {
  compoundModifiers,
  inflectedForms,
  inflectionStems,
  type FinnishCase,
  type InflectionStem,
} from './finnish-inflection';
export { isLang, LANGS, type Lang } from './lang';
export {
  foldNordic,
  MAX_ANALYSED_CHARS,
  normaliseText,
  tokenize,
  tokenizeText,
  toWords,
  type Token,
  type Word,
} from './normalise';
export {
  PlaceNameMatcher,
  type PlaceEntry,
  type PlaceMatch,
  type PlaceMatchKind,
  type PlaceMatchOptions,
  type PlaceNameMatcherOptions,
} from './place-names';
export { Stemmer } from './stem';
export {
  TermMatcher,
  type TermCandidate,
  type TermEntry,
  type TermMatchOptions,
  type TermMatcherOptions,
  type TermPhrase,
} from './term-matcher';
