import { distance } from 'fastest-levenshtein';

/**
 * The candidate nearest to `value` by edit distance (ignoring case), or undefined when none is
 * close enough to be a plausible typo: a wrong suggestion misleads more than none.
 */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  const wanted = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === value) continue;
    const d = distance(wanted, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const longer = Math.max(value.length, best.length);
  const shorter = Math.min(value.length, best.length);
  const limit = Math.min(Math.max(2, Math.floor(longer / 3)), Math.ceil(shorter / 2));
  return bestDistance <= limit ? best : undefined;
}
