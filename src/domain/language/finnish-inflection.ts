/**
 * Generates the inflected forms of a Finnish noun from its nominative alone, by the shape of
 * its ending: vowel stems by word-final pattern (-nen → -se-/-s-/-si-, -si → -de-/-te-,
 * -as → -aa-, -i → -e- or -i-, -e → -ee-, -us → -ude-/-ukse-…), consonant gradation in both
 * directions, vowel harmony, and the case endings of singular and (optionally) plural.
 *
 * It over-generates on purpose: when a pattern is ambiguous (Lahti → Lahdessa but Pori →
 * Porissa) both readings are produced. The forms are only ever compared with what users type,
 * so a form no Finn would write does no harm, while a missing one loses a question.
 */
import { allGrades, strongGrades, withStrongGrades, withWeakGrades } from './finnish-gradation';

export type FinnishCase =
  'nom' | 'gen' | 'par' | 'ine' | 'ela' | 'ill' | 'ade' | 'abl' | 'all' | 'ess' | 'tra';

export type Ending = readonly [suffix: string, grammaticalCase: FinnishCase];

/** A stem and the endings it takes; every form is `stem + suffix`. */
export interface InflectionStem {
  readonly stem: string;
  readonly endings: readonly Ending[];
}

export interface InflectionOptions {
  /**
   * Also generate plural forms of a singular noun and singular forms of a plural one
   * (for common nouns: "palvelut" → "palvelusta"). Place names get only their own number,
   * except names in -nen, which Finns put in the plural (Kuhmoinen → Kuhmoisissa).
   */
  readonly bothNumbers?: boolean;
}

const VOWELS = 'aeiouyäöå';
const LONG_DIPHTHONGS = new Set(['ie', 'uo', 'yö']);

function isVowel(ch: string): boolean {
  return ch !== '' && VOWELS.includes(ch);
}

/**
 * The harmony vowels ("a" back, "ä" front) a word's endings take: the last of a, o, u (or å)
 * versus ä, ö, y decides; a word with only e and i is front. When two or more syllables of
 * e and i follow the deciding vowel, the word is probably a compound whose last part is
 * neutral (Rovaniemi → Rovaniemellä, but Kolari → Kolarissa), so both are returned.
 */
export function harmonyVowels(word: string): Array<'a' | 'ä'> {
  for (let i = word.length - 1; i >= 0; i -= 1) {
    const ch = word.charAt(i);
    const back = 'aouå'.includes(ch);
    if (!back && !'äöy'.includes(ch)) continue;
    const own: 'a' | 'ä' = back ? 'a' : 'ä';
    if (!back) return [own];
    return syllableCount(word.slice(i + 1)) >= 2 ? [own, 'ä'] : [own];
  }
  return ['ä'];
}

function endsInLongVowel(stem: string): boolean {
  const last = stem.charAt(stem.length - 1);
  const before = stem.charAt(stem.length - 2);
  return isVowel(last) && (last === before || LONG_DIPHTHONGS.has(before + last));
}

function syllableCount(word: string): number {
  let count = 0;
  for (let i = 0; i < word.length; i += 1) {
    if (isVowel(word.charAt(i)) && !isVowel(word.charAt(i - 1))) count += 1;
  }
  return count;
}

function singularEndings(stem: string, a: string): Ending[] {
  const last = stem.charAt(stem.length - 1);
  const long = endsInLongVowel(stem);
  const endings: Ending[] = [
    ['n', 'gen'],
    [`ss${a}`, 'ine'],
    [`st${a}`, 'ela'],
    [`ll${a}`, 'ade'],
    [`lt${a}`, 'abl'],
    ['lle', 'all'],
    [`n${a}`, 'ess'],
    ['ksi', 'tra'],
    ['t', 'nom'],
  ];
  if (long) {
    endings.push([`h${last}n`, 'ill'], ['seen', 'ill'], [`t${a}`, 'par']);
  } else {
    endings.push([`${last}n`, 'ill'], [a, 'par']);
    // Two different vowels at the end take -ta as well (Kuopio → Kuopiota).
    if (isVowel(stem.charAt(stem.length - 2))) endings.push([`t${a}`, 'par']);
  }
  return endings;
}

function pluralEndings(stem: string, a: string): Ending[] {
  const endings: Ending[] = [
    [`ss${a}`, 'ine'],
    [`st${a}`, 'ela'],
    [`ll${a}`, 'ade'],
    [`lt${a}`, 'abl'],
    ['lle', 'all'],
    [`n${a}`, 'ess'],
    ['ksi', 'tra'],
    ['in', 'ill'],
    ['hin', 'ill'],
    ['siin', 'ill'],
    ['den', 'gen'],
    ['tten', 'gen'],
    [`t${a}`, 'par'],
  ];
  if (!isVowel(stem.charAt(stem.length - 2))) endings.push(['en', 'gen'], [a, 'par']);
  return endings;
}

/** The plural stems (ending in -i) of a vowel-final singular stem. */
function pluralStems(stem: string): string[] {
  const last = stem.charAt(stem.length - 1);
  const body = stem.slice(0, -1);
  if (endsInLongVowel(stem)) {
    const before = stem.charAt(stem.length - 2);
    return last === before ? [`${body}i`] : [`${stem.slice(0, -2)}${last}i`];
  }
  switch (last) {
    case 'a':
      return [`${body}oi`, `${body}i`];
    case 'ä':
      return [`${body}i`, `${body}öi`];
    case 'e':
      return [`${body}i`, `${stem}i`];
    case 'i':
      return [`${body}ei`];
    default:
      return [`${stem}i`];
  }
}

class StemList {
  private readonly byStem = new Map<string, Ending[]>();

  add(stem: string, endings: readonly Ending[]): void {
    if (stem === '') return;
    const known = this.byStem.get(stem);
    if (known === undefined) {
      this.byStem.set(stem, [...endings]);
      return;
    }
    for (const ending of endings) {
      if (!known.some(([suffix, grammaticalCase]) => suffix === ending[0] && grammaticalCase === ending[1]))
        known.push(ending);
    }
  }

  addSingular(stem: string, a: string): void {
    this.add(stem, singularEndings(stem, a));
  }

  addPlural(singularStem: string, a: string): void {
    for (const plural of pluralStems(singularStem)) {
      this.add(plural, pluralEndings(plural, a));
      // -j- between vowels: palveluja, palvelujen.
      if (isVowel(plural.charAt(plural.length - 2))) {
        this.add(`${plural.slice(0, -1)}j`, [
          [a, 'par'],
          ['en', 'gen'],
        ]);
      }
    }
  }

  toArray(): InflectionStem[] {
    return [...this.byStem].map(([stem, endings]) => ({ stem, endings }));
  }
}

function addVowelFinal(list: StemList, word: string, a: string, plural: boolean): void {
  const last = word.charAt(word.length - 1);
  if (endsInLongVowel(word)) {
    list.addSingular(word, a);
    if (plural) list.addPlural(word, a);
    return;
  }
  if (last === 'i') {
    const body = word.slice(0, -1);
    const eStems =
      word.endsWith('si') && body.length >= 2
        ? [`${body.slice(0, -1)}de`, `${body.slice(0, -1)}te`]
        : withWeakGrades(`${body}e`);
    if (word.endsWith('si') && /[lrn]s$/.test(body))
      eStems.push(`${body.slice(0, -1)}${body.charAt(body.length - 2)}e`);
    for (const stem of eStems) list.addSingular(stem, a);
    // Consonant stems of the partitive: vesi → vettä, saari → saarta.
    if (word.endsWith('si')) list.add(`${body.slice(0, -1)}t`, [[`t${a}`, 'par']]);
    if (/[lnr]$/.test(body)) list.add(body, [[`t${a}`, 'par']]);
    for (const stem of withWeakGrades(word)) {
      list.addSingular(stem, a);
      if (plural) {
        list.add(stem, pluralEndings(stem, a));
        list.addPlural(stem, a);
      }
    }
    return;
  }
  if (last === 'e') {
    for (const stem of withStrongGrades(word)) {
      list.addSingular(stem, a);
      list.addSingular(`${stem}e`, a);
      if (plural) list.addPlural(stem, a);
    }
    list.add(word, [[`tt${a}`, 'par']]);
    return;
  }
  for (const stem of withWeakGrades(word)) {
    list.addSingular(stem, a);
    if (plural) list.addPlural(stem, a);
  }
  // Haplology in long names: Kangasala → Kangasalla, Kangasalle.
  if (/l[aä]$/.test(word) && syllableCount(word) >= 3) {
    list.add(word.slice(0, -2), [
      [`ll${a}`, 'ade'],
      [`lt${a}`, 'abl'],
      ['lle', 'all'],
    ]);
  }
}

function addConsonantFinal(list: StemList, word: string, a: string, plural: boolean): void {
  const last = word.charAt(word.length - 1);
  const vowel = word.charAt(word.length - 2);
  if (last === 'n' && word.endsWith('nen') && word.length > 4) {
    const body = word.slice(0, -3);
    list.addSingular(`${body}se`, a);
    list.add(`${body}s`, [
      [`t${a}`, 'par'],
      ['ten', 'gen'],
    ]);
    list.add(`${body}si`, pluralEndings(`${body}si`, a));
    return;
  }
  if (last === 's' && isVowel(vowel)) {
    const body = word.slice(0, -1);
    list.addSingular(`${body}kse`, a);
    list.add(word, [
      [`t${a}`, 'par'],
      ['ten', 'gen'],
    ]);
    if (plural) list.add(`${body}ksi`, pluralEndings(`${body}ksi`, a));
    if (vowel === 'u' || vowel === 'y') {
      list.addSingular(`${body}de`, a);
      list.addSingular(`${body}te`, a);
      list.add(`${body}t`, [[`t${a}`, 'par']]);
    }
    if ('aäei'.includes(vowel)) {
      for (const stem of new Set([body, ...strongGrades(body)])) {
        list.addSingular(`${stem}${vowel}`, a);
        if (plural) list.add(`${stem}i`, pluralEndings(`${stem}i`, a));
      }
    }
  } else if (last === 'n' && isVowel(vowel)) {
    const body = word.slice(0, -1);
    for (const stem of withStrongGrades(body)) {
      list.addSingular(`${stem}me`, a);
      if (plural) list.add(`${stem}mi`, pluralEndings(`${stem}mi`, a));
    }
    list.addSingular(`${body}ne`, a);
    list.add(word, [[`t${a}`, 'par']]);
  }
  // Foreign and Swedish names take a connecting -i-: Hammarland → Hammarlandissa.
  list.addSingular(`${word}i`, a);
}

function addPluralNominative(list: StemList, word: string, a: string, bothNumbers: boolean): void {
  const singular = word.slice(0, -1);
  for (const stem of allGrades(singular)) list.addPlural(stem, a);
  // The old genitive plural of place names: Virrat → Virtain.
  if (/[aä]$/.test(singular)) {
    for (const stem of allGrades(singular)) list.add(stem, [['in', 'gen']]);
  }
  if (bothNumbers) {
    const singularList = new StemList();
    singularList.add(singular, [['', 'nom']]);
    addVowelFinal(singularList, singular, a, false);
    for (const { stem, endings } of singularList.toArray()) list.add(stem, endings);
  }
}

/**
 * The stems of a Finnish word with the endings each takes, the nominative included as
 * `{ stem: word, endings: [['', 'nom']] }`. Words without a vowel, with digits or shorter
 * than two letters (abbreviations such as "TYP") only have their nominative.
 */
export function inflectionStems(word: string, options: InflectionOptions = {}): InflectionStem[] {
  const list = new StemList();
  list.add(word, [['', 'nom']]);
  if (word.length < 2 || !/^[a-zåäö]+$/.test(word) || !/[aeiouyäöå]/.test(word)) return list.toArray();
  const plural = options.bothNumbers === true;
  const last = word.charAt(word.length - 1);
  for (const a of harmonyVowels(word)) {
    if (last === 't' && word.length >= 4 && isVowel(word.charAt(word.length - 2))) {
      addPluralNominative(list, word, a, plural);
    } else if (isVowel(last)) {
      addVowelFinal(list, word, a, plural);
    } else {
      addConsonantFinal(list, word, a, plural);
    }
  }
  return list.toArray();
}

// Adjectives that agree in case with the rest of a compound name (Uusikaupunki → Uudessakaupungissa).
const CONCORD_ADJECTIVES: Readonly<
  Record<string, Readonly<Partial<Record<FinnishCase, readonly string[]>>>>
> = {
  uusi: {
    gen: ['uuden'],
    ine: ['uudessa'],
    ela: ['uudesta'],
    ill: ['uuteen'],
    ade: ['uudella'],
    abl: ['uudelta'],
    all: ['uudelle'],
    ess: ['uutena'],
    tra: ['uudeksi'],
    par: ['uutta'],
  },
  iso: {
    gen: ['ison'],
    ine: ['isossa'],
    ela: ['isosta'],
    ill: ['isoon'],
    ade: ['isolla'],
    abl: ['isolta'],
    all: ['isolle'],
    ess: ['isona'],
    tra: ['isoksi'],
    par: ['isoa'],
  },
};

/**
 * Every generated form of a word, mapped to the case it expresses (the first one when a form
 * is ambiguous). Includes case concord for names beginning with "uusi" or "iso".
 */
export function inflectedForms(word: string, options: InflectionOptions = {}): Map<string, FinnishCase> {
  const forms = new Map<string, FinnishCase>();
  for (const { stem, endings } of inflectionStems(word, options)) {
    for (const [suffix, grammaticalCase] of endings) {
      if (!forms.has(stem + suffix)) forms.set(stem + suffix, grammaticalCase);
    }
  }
  for (const [adjective, adjectiveForms] of Object.entries(CONCORD_ADJECTIVES)) {
    const rest = word.slice(adjective.length);
    if (!word.startsWith(adjective) || rest.length < 4) continue;
    for (const { stem, endings } of inflectionStems(rest, options)) {
      for (const [suffix, grammaticalCase] of endings) {
        for (const prefix of adjectiveForms[grammaticalCase] ?? []) {
          if (!forms.has(prefix + stem + suffix)) forms.set(prefix + stem + suffix, grammaticalCase);
        }
      }
    }
  }
  return forms;
}

/**
 * The forms in which the word begins a compound: nominative, genitive and, for -nen words, the
 * s-stem ("työllisyys|palvelut", "työllisyyden|hoito", "kotoutumis|asiat").
 */
export function compoundModifiers(word: string): string[] {
  const modifiers = new Set([word]);
  for (const { stem, endings } of inflectionStems(word)) {
    if (endings.some(([suffix, grammaticalCase]) => grammaticalCase === 'gen' && suffix === 'n'))
      modifiers.add(`${stem}n`);
  }
  if (word.endsWith('nen') && word.length > 4) modifiers.add(`${word.slice(0, -3)}s`);
  return [...modifiers];
}
