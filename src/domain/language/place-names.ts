/**
 * Recognises place names (municipalities, regions) in a tokenized question, in any Finnish
 * case: "Jyväskylässä", "Hankasalmen", "Pihtiputaalla", "Uudessakaupungissa", "Keski-Suomessa",
 * "i Karleby", "Karlebys". Nothing is listed by hand: the forms of each name are generated
 * from the name itself when the matcher is built (see finnish-inflection.ts), so a question
 * costs a few map lookups per word. Only words that match nothing exactly go through the
 * typo fallback.
 */
import { memoise } from '../memo';
import { withoutClitics } from './finnish-clitics';
import { inflectedForms, inflectionStems } from './finnish-inflection';
import { FuzzyIndex } from './fuzzy-index';
import { foldNordic, hasNordicLetter, tokenizeText, toWords, type Token, type Word } from './normalise';
import { Stemmer } from './stem';
import { FUNCTION_WORDS, QUESTION_WORDS } from './vocabulary';

export interface PlaceEntry {
  readonly id: string;
  /** Finnish and Swedish names and aliases; multi-word and hyphenated names are fine. */
  readonly names: readonly string[];
}

export type PlaceMatchKind = 'exact' | 'inflected' | 'folded' | 'stemmed' | 'fuzzy';

export interface PlaceMatch {
  readonly id: string;
  /** Index of the first token of the match. */
  readonly start: number;
  /** Index after the last token of the match. */
  readonly end: number;
  /** 1 for the name as written, a little less for inflected forms, clearly less for typos. */
  readonly score: number;
  /** The name (as given in the entry) that matched. */
  readonly name: string;
  readonly kind: PlaceMatchKind;
}

export interface PlaceNameMatcherOptions {
  /** Shared stemmer (one is created when omitted). */
  readonly stemmer?: Stemmer;
  /**
   * Ordinary words that are never taken for a misspelt place name, with their Finnish
   * inflections; defaults to the bot's question vocabulary (vocabulary.ts).
   */
  readonly commonWords?: Iterable<string>;
}

export interface PlaceMatchOptions {
  /** Try the typo fallback on words that matched nothing exactly (default true). */
  readonly fuzzy?: boolean;
  /** Tokens already explained by something else (an interface term, say); they never match. */
  readonly skipTokens?: ReadonlySet<number>;
}

const SCORE = {
  nominative: 1,
  inflected: 0.95,
  cliticFactor: 0.98,
  foldedFactor: 0.9,
  stemmed: 0.85,
  withoutQualifierFactor: 0.9,
  shortBareNameFactor: 0.7,
  fuzzy: [1, 0.75, 0.6] as const,
};

// The typo fallback is only safe for longer names: "vastaa" is one letter from Vantaa, "haluan"
// from Halsuan, "pelto" from Pello. A typo in the stem is accepted for names of 7+ letters (two
// typos in stems of 9+ letters); a typo in the case ending after an intact stem from 6 letters.
const FUZZY_STEM_MIN_NAME_LENGTH = 7;
const FUZZY_ENDING_MIN_NAME_LENGTH = 6;
const FUZZY_TWO_EDITS_MIN_LENGTH = 9;
const FOLDED_MIN_NAME_LENGTH = 5;
const STEMMED_MIN_NAME_LENGTH = 7;
const MIN_FUZZY_WORD_LENGTH = 5;
const MIN_FUZZY_STEM_LENGTH = 5;

/** One way of writing one entry's name, split into the words before, of and after its inflected head. */
interface NameShape {
  readonly entry: number;
  readonly name: string;
  readonly prefix: readonly string[];
  readonly head: string;
  /** Trailing words without vowels ("Tl" in "Koski Tl"); optional in a question. */
  readonly qualifier: readonly string[];
}

interface FormHit {
  readonly shape: number;
  readonly quality: number;
  readonly kind: PlaceMatchKind;
}

interface StemRef {
  readonly shape: number;
  readonly endings: ReadonlySet<string>;
}

function splitShape(entry: number, name: string, words: readonly string[]): NameShape | undefined {
  let headIndex = words.length - 1;
  while (headIndex > 0 && !/[aeiouyäöå]/.test(words[headIndex] ?? '')) headIndex -= 1;
  const head = words[headIndex];
  if (head === undefined || head === '') return undefined;
  return { entry, name, prefix: words.slice(0, headIndex), head, qualifier: words.slice(headIndex + 1) };
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const bucket = map.get(key);
  if (bucket === undefined) map.set(key, [value]);
  else bucket.push(value);
}

export class PlaceNameMatcher {
  private readonly shapes: NameShape[] = [];
  private readonly forms = new Map<string, FormHit[]>();
  private readonly folded = new Map<string, FormHit[]>();
  private readonly stemmed = new Map<string, FormHit[]>();
  private readonly stems = new Map<string, StemRef[]>();
  private readonly fuzzy = new FuzzyIndex<StemRef>();
  private readonly endings = new Set<string>(['']);
  private readonly stemmer: Stemmer;
  private readonly commonWords: ReadonlySet<string>;
  // The tables are fixed after construction, so a word's hits never change; words repeat.
  private readonly exactHitsOf = memoise((text: string): readonly FormHit[] => this.exactHits(text), 20_000, {
    maxKeyLength: 40,
  });
  private readonly fuzzyHitsOf = memoise((text: string): readonly FormHit[] => this.fuzzyHits(text), 20_000, {
    maxKeyLength: 40,
  });

  constructor(
    private readonly entries: readonly PlaceEntry[],
    options: PlaceNameMatcherOptions = {},
  ) {
    this.stemmer = options.stemmer ?? new Stemmer();
    this.commonWords = commonWordForms(options.commonWords ?? defaultCommonWords());
    entries.forEach((entry, entryIndex) => {
      for (const name of new Set(entry.names)) this.addName(entryIndex, name);
    });
  }

  /** Number of distinct forms the matcher recognises exactly (for diagnostics and benchmarks). */
  get formCount(): number {
    return this.forms.size;
  }

  private addName(entry: number, name: string): void {
    const words = toWords(tokenizeText(name)).map((word) => word.text);
    const shape = splitShape(entry, name, words);
    if (shape === undefined) return;
    this.addShape(shape);
    // A hyphenated name may also be written as one word: "Mänttävilppula".
    const hyphenated = tokenizeText(name).some((token) => token.parts.length > 1);
    if (hyphenated && shape.qualifier.length === 0) {
      this.addShape({ entry, name, prefix: [], head: [...shape.prefix, shape.head].join(''), qualifier: [] });
    }
  }

  private addShape(shape: NameShape): void {
    const index = this.shapes.length;
    this.shapes.push(shape);
    const { head } = shape;
    const forms = inflectedForms(head);
    // Swedish and English genitive: "Karlebys", "Lahti's" (normalised to "lahtis").
    if (!/[sxz]$/.test(head)) forms.set(`${head}s`, 'gen');
    const shortBare = head.length <= 2 ? SCORE.shortBareNameFactor : 1;
    for (const [form, grammaticalCase] of forms) {
      const nominative = grammaticalCase === 'nom' && form === head;
      const hit: FormHit = {
        shape: index,
        quality: nominative ? SCORE.nominative * shortBare : SCORE.inflected,
        kind: nominative ? 'exact' : 'inflected',
      };
      addTo(this.forms, form, hit);
      if (head.length >= FOLDED_MIN_NAME_LENGTH && hasNordicLetter(form)) {
        addTo(this.folded, foldNordic(form), {
          ...hit,
          quality: hit.quality * SCORE.foldedFactor,
          kind: 'folded',
        });
      }
    }
    if (head.length >= STEMMED_MIN_NAME_LENGTH) {
      addTo(this.stemmed, this.stemmer.stem(head, 'fi'), {
        shape: index,
        quality: SCORE.stemmed,
        kind: 'stemmed',
      });
    }
    if (head.length >= FUZZY_ENDING_MIN_NAME_LENGTH) {
      for (const { stem, endings } of inflectionStems(head)) {
        if (stem.length < MIN_FUZZY_STEM_LENGTH) continue;
        const ref: StemRef = { shape: index, endings: new Set(endings.map(([suffix]) => suffix)) };
        for (const suffix of ref.endings) this.endings.add(suffix);
        addTo(this.stems, stem, ref);
        if (head.length >= FUZZY_STEM_MIN_NAME_LENGTH) {
          const twoEdits =
            head.length >= FUZZY_TWO_EDITS_MIN_LENGTH && stem.length >= FUZZY_TWO_EDITS_MIN_LENGTH;
          this.fuzzy.add(stem, ref, twoEdits ? 2 : 1);
        }
      }
    }
  }

  /** Finds the places named in the tokens, best first; a match inside a longer, as good match is dropped. */
  match(tokens: readonly Token[], options: PlaceMatchOptions = {}): PlaceMatch[] {
    const skip = options.skipTokens ?? new Set<number>();
    const words = toWords(tokens);
    const found: PlaceMatch[] = [];
    const matchedWords = new Set<number>();
    words.forEach((word, position) => {
      if (skip.has(word.token)) return;
      for (const hit of this.exactHitsOf(word.text)) {
        const match = this.complete(words, position, hit, skip);
        if (match !== undefined) {
          found.push(match);
          matchedWords.add(position);
        }
      }
    });
    if (options.fuzzy !== false) {
      words.forEach((word, position) => {
        if (skip.has(word.token) || matchedWords.has(position) || word.text.length < MIN_FUZZY_WORD_LENGTH)
          return;
        if (this.commonWords.has(word.text)) return;
        for (const hit of this.fuzzyHitsOf(word.text)) {
          const match = this.complete(words, position, hit, skip);
          if (match !== undefined) found.push(match);
        }
      });
    }
    return resolveOverlaps(found);
  }

  private exactHits(text: string): FormHit[] {
    const hits: FormHit[] = [];
    const push = (list: readonly FormHit[] | undefined, factor: number): void => {
      for (const hit of list ?? []) hits.push({ ...hit, quality: hit.quality * factor });
    };
    push(this.forms.get(text), 1);
    // A word with a clitic is never the bare name: "Kaavikin" counts as an inflected form.
    for (const bare of withoutClitics(text)) {
      const inflected = this.forms
        .get(bare)
        ?.map((hit) =>
          hit.kind === 'exact' ? { ...hit, quality: SCORE.inflected, kind: 'inflected' as const } : hit,
        );
      push(inflected, SCORE.cliticFactor);
    }
    if (hits.length === 0 && !hasNordicLetter(text)) push(this.folded.get(text), 1);
    if (hits.length === 0 && text.length >= STEMMED_MIN_NAME_LENGTH)
      push(this.stemmed.get(this.stemmer.stem(text, 'fi')), 1);
    return hits;
  }

  private fuzzyHits(text: string): FormHit[] {
    const best = new Map<number, number>();
    const consider = (shape: number, quality: number): void => {
      if ((best.get(shape) ?? 0) < quality) best.set(shape, quality);
    };
    // A typo in the stem, the ending intact: "Orimatilassa".
    for (let cut = 0; cut <= Math.min(6, text.length - MIN_FUZZY_STEM_LENGTH); cut += 1) {
      const suffix = cut === 0 ? '' : text.slice(-cut);
      if (!this.endings.has(suffix)) continue;
      const stem = text.slice(0, text.length - cut);
      for (const hit of this.fuzzy.search(stem)) {
        if (hit.distance === 0 || hit.key.charAt(0) !== stem.charAt(0) || !hit.value.endings.has(suffix))
          continue;
        consider(hit.value.shape, SCORE.fuzzy[hit.distance] ?? 0);
      }
    }
    // The stem intact, a typo in the ending: "Laukaasa".
    for (let length = text.length - 1; length >= MIN_FUZZY_STEM_LENGTH; length -= 1) {
      const rest = text.slice(length);
      for (const ref of this.stems.get(text.slice(0, length)) ?? []) {
        if ([...ref.endings].some((suffix) => suffix !== '' && nearEnding(rest, suffix)))
          consider(ref.shape, SCORE.fuzzy[1]);
      }
    }
    return [...best].map(([shape, quality]) => ({ shape, quality, kind: 'fuzzy' as const }));
  }

  /** Checks the words before (and after) the head and builds the match. */
  private complete(
    words: readonly Word[],
    position: number,
    hit: FormHit,
    skip: ReadonlySet<number>,
  ): PlaceMatch | undefined {
    const shape = this.shapes[hit.shape];
    const entry = shape === undefined ? undefined : this.entries[shape.entry];
    if (shape === undefined || entry === undefined) return undefined;
    const first = position - shape.prefix.length;
    if (first < 0) return undefined;
    for (let i = 0; i < shape.prefix.length; i += 1) {
      const word = words[first + i];
      if (word === undefined || word.text !== shape.prefix[i] || skip.has(word.token)) return undefined;
    }
    let last = position;
    let quality = hit.quality;
    if (shape.qualifier.length > 0) {
      const present = shape.qualifier.every((part, i) => words[position + 1 + i]?.text === part);
      if (present) last = position + shape.qualifier.length;
      else quality *= SCORE.withoutQualifierFactor;
    }
    const start = words[first]?.token ?? 0;
    const end = (words[last]?.token ?? start) + 1;
    return { id: entry.id, start, end, score: round(quality), name: shape.name, kind: hit.kind };
  }
}

function defaultCommonWords(): string[] {
  return [...Object.values(FUNCTION_WORDS), ...Object.values(QUESTION_WORDS)].flat();
}

function commonWordForms(words: Iterable<string>): Set<string> {
  const forms = new Set<string>();
  for (const word of words) {
    for (const form of inflectedForms(word, { bothNumbers: true }).keys()) forms.add(form);
  }
  return forms;
}

function nearEnding(rest: string, suffix: string): boolean {
  if (rest === suffix || Math.abs(rest.length - suffix.length) > 1) return false;
  // One letter dropped, added or changed.
  let i = 0;
  while (i < rest.length && rest.charAt(i) === suffix.charAt(i)) i += 1;
  return (
    rest.slice(i + 1) === suffix.slice(i + 1) ||
    rest.slice(i) === suffix.slice(i + 1) ||
    rest.slice(i + 1) === suffix.slice(i)
  );
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function contains(outer: PlaceMatch, inner: PlaceMatch): boolean {
  return (
    outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start
  );
}

/** Keeps the best match per id and span, and drops matches inside a longer match that is about as good. */
function resolveOverlaps(found: readonly PlaceMatch[]): PlaceMatch[] {
  const best = new Map<string, PlaceMatch>();
  for (const match of found) {
    const key = `${match.id}@${match.start}-${match.end}`;
    const known = best.get(key);
    if (known === undefined || known.score < match.score) best.set(key, match);
  }
  const unique = [...best.values()];
  return unique
    .filter(
      (inner) =>
        !unique.some(
          (outer) => outer !== inner && contains(outer, inner) && outer.score >= inner.score - 0.05,
        ),
    )
    .sort((a, b) => b.score - a.score || a.start - b.start || a.id.localeCompare(b.id));
}
