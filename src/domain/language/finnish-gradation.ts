/**
 * Finnish consonant gradation: the consonants that begin a stem's last syllable alternate
 * between a strong and a weak grade (Toivakka → Toivakassa, Lahti → Lahdessa, Pihtipudas →
 * Pihtiputaan). A nominative may be in either grade, so both directions are generated; an
 * over-generated form ("Lahtessa") costs nothing and catches a user's slip as well.
 */

const VOWEL = /[aeiouyäöå]/;

// Strong cluster → its weak grades.
const WEAKEN: Readonly<Record<string, readonly string[]>> = {
  kk: ['k'],
  pp: ['p'],
  tt: ['t'],
  nk: ['ng'],
  mp: ['mm'],
  lt: ['ll'],
  nt: ['nn'],
  rt: ['rr'],
  ht: ['hd'],
  lk: ['l', 'lj'],
  rk: ['r', 'rj'],
  hk: ['h'],
  lp: ['lv'],
  rp: ['rv'],
  k: ['', 'v'],
  p: ['v'],
  t: ['d'],
};

// Weak cluster → its strong grades.
const STRENGTHEN: Readonly<Record<string, readonly string[]>> = {
  k: ['kk'],
  p: ['pp'],
  t: ['tt'],
  ng: ['nk'],
  mm: ['mp'],
  ll: ['lt'],
  nn: ['nt'],
  rr: ['rt'],
  hd: ['ht'],
  d: ['t'],
  v: ['p', 'k'],
  lj: ['lk'],
  rj: ['rk'],
  lv: ['lp'],
  rv: ['rp'],
};

interface LastSyllable {
  /** Everything before the cluster; ends in a vowel (or is empty). */
  readonly head: string;
  /** The consonants that open the last syllable. */
  readonly cluster: string;
  /** The final vowels. */
  readonly tail: string;
}

function splitLastSyllable(stem: string): LastSyllable | undefined {
  let end = stem.length;
  while (end > 0 && VOWEL.test(stem.charAt(end - 1))) end -= 1;
  if (end === stem.length || end === 0) return undefined;
  let start = end;
  while (start > 0 && !VOWEL.test(stem.charAt(start - 1))) start -= 1;
  if (start === 0) return undefined;
  return { head: stem.slice(0, start), cluster: stem.slice(start, end), tail: stem.slice(end) };
}

function alternate(
  stem: string,
  table: Readonly<Record<string, readonly string[]>>,
  weakening: boolean,
): string[] {
  const syllable = splitLastSyllable(stem);
  if (syllable === undefined) return [];
  const { head, cluster, tail } = syllable;
  const results: string[] = [];
  const direct = table[cluster];
  if (direct !== undefined) {
    for (const replacement of direct) {
      // k → v only between two u's or two y's (puku → puvun); v → k likewise.
      if ((cluster === 'k' && replacement === 'v') || (cluster === 'v' && replacement === 'k')) {
        const before = head.charAt(head.length - 1);
        const after = tail.charAt(0);
        if (!(before === after && (before === 'u' || before === 'y'))) continue;
      }
      results.push(head + replacement + tail);
    }
  } else if (weakening && cluster.length >= 3 && /(kk|pp|tt)$/.test(cluster)) {
    // A longer cluster grades in its final geminate (Pomarkku → Pomarkun).
    results.push(head + cluster.slice(0, -1) + tail);
  } else if (!weakening && /^[lrh][kp]$/.test(cluster)) {
    // The weak grade of such a geminate (Pomarku → Pomarkku).
    results.push(head + cluster + cluster.charAt(1) + tail);
  }
  return results.filter((form) => form !== stem);
}

/** The weak-grade variants of a vowel-final stem (none when its last syllable does not grade). */
export function weakGrades(stem: string): string[] {
  return alternate(stem, WEAKEN, true);
}

/** The strong-grade variants of a vowel-final stem. */
export function strongGrades(stem: string): string[] {
  return alternate(stem, STRENGTHEN, false);
}

/** The stem and its weak grades: for stems whose nominative is in the strong grade (Toivakka, Lahti). */
export function withWeakGrades(stem: string): string[] {
  return [stem, ...weakGrades(stem)];
}

/** The stem and its strong grades: for stems whose nominative is in the weak grade (päihde → päihteen). */
export function withStrongGrades(stem: string): string[] {
  return [stem, ...strongGrades(stem)];
}

/** The stem itself and all its grade variants, without duplicates. */
export function allGrades(stem: string): string[] {
  return [...new Set([stem, ...weakGrades(stem), ...strongGrades(stem)])];
}
