/**
 * Matches the names and aliases of interfaces (or any catalogue of phrases in fi/sv/en) in a
 * tokenized question, tolerant to inflection, compounds and typos, and ranks the candidates so
 * a caller can answer the best one or offer "did you mean" alternatives.
 *
 * Each phrase word is recognised through several channels, each with its own quality:
 * the word as written (abbreviations such as TE24 or KOTO24 only so), its generated Finnish
 * forms (hoito → hoidosta, kotoutuminen → kotoutumisesta), light Swedish and English endings,
 * Snowball stems, Finnish compounds (työllisyys|palveluista, lähi|liikenteestä) and typos on
 * stems. All lookup tables are built once; a question costs a few map lookups per word.
 */
import { memoise } from '../memo';
import { withoutClitics } from './finnish-clitics';
import { compoundModifiers, inflectedForms, inflectionStems } from './finnish-inflection';
import { FuzzyIndex } from './fuzzy-index';
import { LANGS, type Lang } from './lang';
import { PhraseAligner } from './phrase-alignment';
import { tokenizeText, toWords, type Token, type Word } from './normalise';
import { Stemmer } from './stem';
import { FUNCTION_WORDS } from './vocabulary';

export interface TermPhrase {
  readonly text: string;
  /** The phrase's language; a phrase without one is matched in all three. */
  readonly lang?: Lang;
}

export interface TermEntry {
  readonly id: string;
  readonly phrases: readonly TermPhrase[];
}

export interface TermCandidate {
  readonly id: string;
  /** About 1 for a single word as written; more for a full multi-word phrase; less for partial, inflected or misspelt matches. */
  readonly score: number;
  /** Indices of the question's tokens that the phrase matched. */
  readonly matchedTokens: readonly number[];
  /** The phrase (as given in the entry) that matched best. */
  readonly phrase: string;
}

export interface TermMatchOptions {
  /** Tokens already explained by something else (a place name, say); they never match. */
  readonly skipTokens?: ReadonlySet<number>;
  /** At most this many candidates (default 10). */
  readonly limit?: number;
  /** Candidates below this score are dropped (default 0.3). */
  readonly minScore?: number;
}

export interface TermMatcherOptions {
  readonly stemmer?: Stemmer;
}

const QUALITY = {
  exact: 1,
  inflected: 0.95,
  stemmed: 0.88,
  stemmedFinnish: 0.85,
  compound: 0.72,
  fuzzy: 0.72,
  cliticFactor: 0.98,
};

const FUNCTION_WORD_WEIGHT = 0.3;
const MULTI_WORD_BONUS = 0.1;
const MIN_INFLECTED_WORD_LENGTH = 3;
const MIN_STEM_LENGTH = 3;
const MIN_COMPOUND_PART = 5;
const MIN_COMPOUND_REST = 3;
const MIN_FUZZY_TOKEN_LENGTH = 6;
const MIN_COMPOUND_HEAD = 6;
const GOOD_ENOUGH = 0.85;
/** Words people type repeat (Zipf): the lookups of this many recent distinct words are kept. */
const LOOKUP_CACHE_WORDS = 20_000;
/** Longer "words" are junk or pasted text: not worth keeping, and they must not evict real words. */
const MAX_CACHED_WORD = 40;

interface LexiconWord {
  readonly text: string;
  readonly langs: readonly Lang[];
  readonly weight: number;
}

interface Phrase {
  readonly entry: number;
  readonly text: string;
  readonly words: readonly number[];
}

interface WordHit {
  readonly word: number;
  readonly quality: number;
}

interface FuzzyRef {
  readonly word: number;
  /** Endings the stem takes; undefined for a Snowball stem, which is compared whole. */
  readonly endings?: ReadonlySet<string>;
  readonly lang?: Lang;
}

function addHit(map: Map<string, WordHit[]>, key: string, hit: WordHit): void {
  const bucket = map.get(key);
  if (bucket === undefined) {
    map.set(key, [hit]);
    return;
  }
  const known = bucket.findIndex((existing) => existing.word === hit.word);
  // A new array of the exact length: push would leave room for 16 more in every bucket.
  if (known === -1) map.set(key, [...bucket, hit]);
  else if ((bucket[known]?.quality ?? 0) < hit.quality) bucket[known] = hit;
}

const SWEDISH_ENDINGS = 's n en et t na ns ens ets er ar or erna arna orna'.split(' ');

/** Definite, plural and genitive forms of a Swedish noun ("elevhälsan", "familjecentret", "tjänsterna"). */
function swedishForms(word: string): string[] {
  const forms = SWEDISH_ENDINGS.map((ending) => word + ending);
  const body = word.slice(0, -1);
  // flicka → flickor, skola → skolor: the final vowel gives way to the plural ending.
  if (/[aeo]$/.test(word)) forms.push(`${body}or`, `${body}orna`, `${body}ar`, `${body}arna`);
  // -er/-el words drop their e: center → centret, exempel → exemplet.
  if (/e[rl]$/.test(word))
    forms.push(`${word.slice(0, -2)}${word.slice(-1)}et`, `${word.slice(0, -2)}${word.slice(-1)}en`);
  return forms;
}

function englishForms(word: string): string[] {
  const forms = [`${word}s`, `${word}es`];
  if (/[^aeiou]y$/.test(word)) forms.push(`${word.slice(0, -1)}ies`);
  return forms;
}

function isAbbreviation(raw: string): boolean {
  return /\d/.test(raw) || (raw.length <= 6 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw));
}

export class TermMatcher {
  private readonly words: LexiconWord[] = [];
  private readonly wordIndex = new Map<string, number>();
  private readonly phrases: Phrase[] = [];
  private readonly phrasesByWord = new Map<number, number[]>();
  private readonly forms = new Map<string, WordHit[]>();
  private readonly stems = new Map<string, WordHit[]>();
  private readonly modifiers = new Map<string, WordHit[]>();
  private readonly fuzzy = new FuzzyIndex<FuzzyRef>();
  private readonly endings = new Set<string>(['']);
  // Tens of thousands of forms share a few thousand distinct hits and ending sets: one object
  // each. Needed only while the tables are built, so emptied at the end of the constructor.
  private readonly sharedHits = new Map<string, WordHit>();
  private readonly sharedEndings = new Map<string, ReadonlySet<string>>();
  private readonly functionWords: Readonly<Record<Lang, ReadonlySet<string>>>;
  private readonly stemmer: Stemmer;
  private readonly aligner = new PhraseAligner(MULTI_WORD_BONUS);
  // Scratch lists of scorePhrase, reused: most phrases scored lose to a better one.
  private readonly positions: number[] = [];
  private readonly matched: number[] = [];
  // The tables are fixed after construction, so a word's lookup never changes.
  private readonly cachedLookup = memoise(
    (text: string): ReadonlyMap<number, number> => this.lookup(text),
    LOOKUP_CACHE_WORDS,
    { maxKeyLength: MAX_CACHED_WORD },
  );

  constructor(
    private readonly entries: readonly TermEntry[],
    options: TermMatcherOptions = {},
  ) {
    this.stemmer = options.stemmer ?? new Stemmer();
    this.functionWords = {
      fi: new Set(FUNCTION_WORDS.fi),
      sv: new Set(FUNCTION_WORDS.sv),
      en: new Set(FUNCTION_WORDS.en),
    };
    entries.forEach((entry, entryIndex) => {
      for (const phrase of entry.phrases) this.addPhrase(entryIndex, phrase);
    });
    this.sharedHits.clear();
    this.sharedEndings.clear();
  }

  private addPhrase(entry: number, phrase: TermPhrase): void {
    const langs = phrase.lang === undefined ? LANGS : [phrase.lang];
    const tokens = tokenizeText(phrase.text);
    const rawWords = phrase.text.split(/[\s-]+/).filter((word) => word !== '');
    const words = toWords(tokens).map((word) => word.text);
    if (words.length === 0) return;
    const abbreviation =
      rawWords.length === words.length ? rawWords.map(isAbbreviation) : words.map(() => false);
    this.addWordSequence(
      entry,
      phrase.text,
      words.map((text, i) => this.addWord(text, langs, abbreviation[i] === true)),
    );
    // A hyphenated compound is also written as one word: "sote-keskus" → "sotekeskuksessa".
    if (tokens.some((token) => token.parts.length > 1)) {
      this.addWordSequence(
        entry,
        phrase.text,
        tokens.map((token) => this.addWord(token.parts.join(''), langs, false)),
      );
    }
  }

  private addWordSequence(entry: number, text: string, indices: readonly number[]): void {
    const index = this.phrases.length;
    this.phrases.push({ entry, text, words: indices });
    for (const word of new Set(indices)) {
      const list = this.phrasesByWord.get(word);
      if (list === undefined) this.phrasesByWord.set(word, [index]);
      else list.push(index);
    }
  }

  private addWord(text: string, langs: readonly Lang[], abbreviation: boolean): number {
    const key = `${langs.join('+')}:${abbreviation ? '!' : ''}${text}`;
    const known = this.wordIndex.get(key);
    if (known !== undefined) return known;
    const index = this.words.length;
    const functionWord = !abbreviation && langs.some((lang) => this.functionWords[lang].has(text));
    this.words.push({ text, langs, weight: functionWord ? FUNCTION_WORD_WEIGHT : 1 });
    this.wordIndex.set(key, index);
    addHit(this.forms, text, this.hit(index, QUALITY.exact));
    if (abbreviation || functionWord || text.length < MIN_INFLECTED_WORD_LENGTH || !/^[a-zåäö]+$/.test(text))
      return index;
    for (const lang of langs) this.addLanguageForms(index, text, lang);
    return index;
  }

  private addLanguageForms(index: number, text: string, lang: Lang): void {
    const stem = this.stemmer.stem(text, lang);
    if (stem.length >= MIN_STEM_LENGTH)
      addHit(
        this.stems,
        `${lang}:${stem}`,
        this.hit(index, lang === 'fi' ? QUALITY.stemmedFinnish : QUALITY.stemmed),
      );
    if (lang === 'sv')
      for (const form of swedishForms(text)) addHit(this.forms, form, this.hit(index, QUALITY.inflected));
    if (lang === 'en')
      for (const form of englishForms(text)) addHit(this.forms, form, this.hit(index, QUALITY.inflected));
    if (text.length >= MIN_FUZZY_TOKEN_LENGTH && lang !== 'fi') {
      this.fuzzy.add(stem, { word: index, lang }, 1);
    }
    if (lang !== 'fi') return;
    for (const form of inflectedForms(text, { bothNumbers: true }).keys()) {
      if (form !== text) addHit(this.forms, form, this.hit(index, QUALITY.inflected));
    }
    if (text.length >= MIN_COMPOUND_PART) {
      for (const modifier of compoundModifiers(text))
        addHit(this.modifiers, modifier, this.hit(index, QUALITY.compound));
    }
    if (text.length >= MIN_FUZZY_TOKEN_LENGTH) {
      for (const { stem: finnishStem, endings } of inflectionStems(text, { bothNumbers: true })) {
        if (finnishStem.length < MIN_FUZZY_TOKEN_LENGTH - 1) continue;
        const suffixes = this.endingSet(endings.map(([suffix]) => suffix));
        for (const suffix of suffixes) this.endings.add(suffix);
        this.fuzzy.add(finnishStem, { word: index, endings: suffixes }, 1);
      }
    }
  }

  private hit(word: number, quality: number): WordHit {
    const key = `${word}:${quality}`;
    const known = this.sharedHits.get(key);
    if (known) return known;
    const hit = { word, quality };
    this.sharedHits.set(key, hit);
    return hit;
  }

  private endingSet(suffixes: readonly string[]): ReadonlySet<string> {
    const set = new Set(suffixes);
    const key = [...set].sort().join('|');
    const known = this.sharedEndings.get(key);
    if (known) return known;
    this.sharedEndings.set(key, set);
    return set;
  }

  /** Ranked candidates, best first; ties go to the candidate that explains more tokens. */
  match(tokens: readonly Token[], options: TermMatchOptions = {}): TermCandidate[] {
    const skip = options.skipTokens ?? new Set<number>();
    const stream = toWords(tokens).filter((word) => !skip.has(word.token));
    const hitsAt = stream.map((word) => this.cachedLookup(word.text));
    const touched = new Set<number>();
    for (const hits of hitsAt) {
      for (const word of hits.keys())
        for (const phrase of this.phrasesByWord.get(word) ?? []) touched.add(phrase);
    }
    const best = new Map<number, TermCandidate>();
    const minScore = options.minScore ?? 0.3;
    const bestQuality = new Map<number, number>();
    for (const hits of hitsAt)
      for (const [word, quality] of hits)
        if ((bestQuality.get(word) ?? 0) < quality) bestQuality.set(word, quality);
    for (const phraseIndex of touched) {
      const phrase = this.phrases[phraseIndex];
      const entry = phrase === undefined ? undefined : this.entries[phrase.entry];
      if (phrase === undefined || entry === undefined) continue;
      // A phrase that could not reach minScore even with every word at its best hit can only be
      // dropped below; most phrases a common word touches are such.
      if (this.scoreBound(phrase, bestQuality) < minScore - 0.001) continue;
      const score = this.scorePhrase(phrase, hitsAt, stream);
      if (score < 0) continue;
      const known = best.get(phrase.entry);
      if (known === undefined || beats(score, this.matched.length, known))
        best.set(phrase.entry, {
          id: entry.id,
          score,
          matchedTokens: [...this.matched],
          phrase: phrase.text,
        });
    }
    return [...best.values()]
      .filter((candidate) => candidate.score >= minScore)
      .sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : a.id.localeCompare(b.id)))
      .slice(0, options.limit ?? 10);
  }

  /** Which lexicon words a question word can be, with the best quality for each. */
  private lookup(text: string): Map<number, number> {
    const found = new Map<number, number>();
    const take = (hits: readonly WordHit[] | undefined, factor = 1): void => {
      for (const hit of hits ?? []) {
        const quality = hit.quality * factor;
        if ((found.get(hit.word) ?? 0) < quality) found.set(hit.word, quality);
      }
    };
    take(this.forms.get(text));
    for (const bare of withoutClitics(text)) {
      take(
        this.forms
          .get(bare)
          ?.map((hit) => ({ word: hit.word, quality: Math.min(hit.quality, QUALITY.inflected) })),
        QUALITY.cliticFactor,
      );
    }
    if (text.length >= MIN_STEM_LENGTH && /^[a-zåäö]+$/.test(text)) {
      for (const lang of LANGS) {
        const stem = this.stemmer.stem(text, lang);
        if (stem.length >= MIN_STEM_LENGTH) take(this.stems.get(`${lang}:${stem}`));
      }
    }
    if (text.length >= MIN_COMPOUND_PART + MIN_COMPOUND_REST) this.lookupCompound(text, take);
    if (
      text.length >= MIN_FUZZY_TOKEN_LENGTH &&
      ![...found.values()].some((quality) => quality >= GOOD_ENOUGH)
    )
      this.lookupFuzzy(text, take);
    return found;
  }

  private lookupCompound(text: string, take: (hits: readonly WordHit[] | undefined) => void): void {
    for (let cut = MIN_COMPOUND_PART; cut <= text.length - MIN_COMPOUND_REST; cut += 1) {
      // A known word as the first part: "työllisyys|palveluista", "kotoutumis|asiat".
      take(this.modifiers.get(text.slice(0, cut)));
    }
    for (let cut = MIN_COMPOUND_REST; cut <= text.length - MIN_COMPOUND_HEAD; cut += 1) {
      // A known word as the head, inflected: "lähi|liikenteestä", "sysselsättnings|tjänster".
      const heads = this.forms
        .get(text.slice(cut))
        ?.filter((hit) => (this.words[hit.word]?.text.length ?? 0) >= MIN_COMPOUND_HEAD);
      take(heads?.map((hit) => ({ word: hit.word, quality: QUALITY.compound })));
    }
  }

  private lookupFuzzy(text: string, take: (hits: readonly WordHit[] | undefined) => void): void {
    const hits: WordHit[] = [];
    for (let cut = 0; cut <= Math.min(6, text.length - MIN_FUZZY_TOKEN_LENGTH + 1); cut += 1) {
      const suffix = cut === 0 ? '' : text.slice(-cut);
      if (!this.endings.has(suffix)) continue;
      const stem = text.slice(0, text.length - cut);
      for (const hit of this.fuzzy.search(stem)) {
        if (hit.distance === 0 || hit.value.endings === undefined || !hit.value.endings.has(suffix)) continue;
        hits.push({ word: hit.value.word, quality: QUALITY.fuzzy });
      }
    }
    for (const lang of LANGS) {
      if (lang === 'fi') continue;
      const stem = this.stemmer.stem(text, lang);
      for (const hit of this.fuzzy.search(stem)) {
        if (hit.distance === 0 || hit.value.lang !== lang) continue;
        hits.push({ word: hit.value.word, quality: QUALITY.fuzzy });
      }
    }
    take(hits);
  }

  /** An upper bound of scorePhrase: each word at its best quality anywhere, order ignored. */
  private scoreBound(phrase: Phrase, bestQuality: ReadonlyMap<number, number>): number {
    let sum = 0;
    let totalWeight = 0;
    let content = 0;
    for (const wordIndex of phrase.words) {
      const weight = this.words[wordIndex]?.weight ?? 0;
      const quality = bestQuality.get(wordIndex) ?? 0;
      totalWeight += weight;
      sum += weight * quality;
      if (weight === 1 && quality > 0) content += 1;
    }
    if (content === 0 || totalWeight === 0) return 0;
    return (sum / totalWeight) * (1 + MULTI_WORD_BONUS * (content - 1));
  }

  /**
   * The phrase's score at its best in-order alignment on the question's words (-1 when none),
   * with the question tokens it matched in `this.matched`.
   */
  private scorePhrase(
    phrase: Phrase,
    hitsAt: readonly ReadonlyMap<number, number>[],
    stream: readonly Word[],
  ): number {
    const score = this.aligner.score(phrase.words, this.words, hitsAt, this.positions);
    this.matched.length = 0;
    if (score < 0) return score;
    for (const position of this.positions) {
      const token = stream[position]?.token ?? -1;
      if (token >= 0 && !this.matched.includes(token)) this.matched.push(token);
    }
    return Math.round(score * 1000) / 1000;
  }
}

function better(a: TermCandidate, b: TermCandidate): boolean {
  return beats(a.score, a.matchedTokens.length, b);
}

/** A higher score wins; at equal scores, the candidate that explains more tokens. */
function beats(score: number, matchedTokens: number, other: TermCandidate): boolean {
  return score > other.score || (score === other.score && matchedTokens > other.matchedTokens.length);
}
