/**
 * Finnish words can carry a clitic (-kin, -han, -ko…) and a possessive suffix (-ni, -mme,
 * -nsa, -Vn) after their case ending: "Jyväskylässäkin", "kunnassamme", "Lahdessahan".
 * Matchers look a word up as typed and also with these removed.
 */

const CLITICS = ['kaan', 'kään', 'pas', 'päs', 'kin', 'han', 'hän', 'ko', 'kö', 'pa', 'pä'];
const POSSESSIVES = ['mme', 'nne', 'nsa', 'nsä', 'ni', 'si'];
const MIN_REMAINDER = 3;

function stripPossessive(word: string): string | undefined {
  for (const suffix of POSSESSIVES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_REMAINDER)
      return word.slice(0, -suffix.length);
  }
  // Third person -Vn lengthens the case ending's vowel: kunnassa + an → kunnassaan.
  const vowel = word.charAt(word.length - 2);
  if (
    word.endsWith('n') &&
    'aeiouyäö'.includes(vowel) &&
    word.charAt(word.length - 3) === vowel &&
    word.length - 2 >= MIN_REMAINDER + 1
  ) {
    return word.slice(0, -2);
  }
  return undefined;
}

/** The word without its clitic and/or possessive suffix, when it has one; never the word itself. */
export function withoutClitics(word: string): string[] {
  const variants = new Set<string>();
  const bases = [word];
  for (const clitic of CLITICS) {
    if (word.endsWith(clitic) && word.length - clitic.length >= MIN_REMAINDER) {
      const bare = word.slice(0, -clitic.length);
      variants.add(bare);
      bases.push(bare);
      break;
    }
  }
  for (const base of bases) {
    const bare = stripPossessive(base);
    if (bare !== undefined) variants.add(bare);
  }
  variants.delete(word);
  return [...variants];
}
