/**
 * The letters that start a forum's readable ids (`ANK` in `ANK-2026-014`): the forum's own
 * `actionPrefix` field when the registry gives one, otherwise derived from the forum id.
 * Derived prefixes are kept distinct from each other in registry order, so that an id typed in a
 * chat names one forum; a forum added later never changes the prefix of an earlier one.
 */
import type { Forum } from '../registry';

const EXPLICIT = /^[A-Z][A-Z0-9]{1,5}$/;

/** The registry allows extra fields; `actionPrefix` is one, read defensively. */
export function explicitPrefix(forum: Forum): string | undefined {
  const value = (forum as Forum & { readonly actionPrefix?: unknown }).actionPrefix;
  if (typeof value !== 'string') return undefined;
  const upper = value.trim().toUpperCase();
  return EXPLICIT.test(upper) ? upper : undefined;
}

function letterParts(forumId: string): string[] {
  return forumId
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((part) => /^[A-Z]/.test(part));
}

/** Candidates, best first: initials (2–4 letters), then longer takes on the parts, then digits. */
export function prefixCandidates(forumId: string): string[] {
  const parts = letterParts(forumId);
  if (parts.length === 0) return ['AF', ...digitsAfter('AF')];
  const initials = parts.map((part) => part.charAt(0)).join('');
  const letters = parts.join('').replace(/[^A-Z]/g, '');
  const base = (initials.length >= 2 ? initials : letters.slice(0, 3)).slice(0, 4).padEnd(2, 'X');
  const candidates = [base];
  for (let i = 0; i < parts.length; i++) {
    const widened = parts
      .map((part, j) => (j === i ? part.slice(0, 2) : part.charAt(0)))
      .join('')
      .replace(/[^A-Z]/g, '')
      .slice(0, 4);
    if (widened.length >= 2) candidates.push(widened);
  }
  if (letters.length >= 3) candidates.push(letters.slice(0, 3), letters.slice(0, 4));
  candidates.push(...digitsAfter(base.slice(0, 3)));
  return [...new Set(candidates)];
}

function digitsAfter(stem: string): string[] {
  return Array.from({ length: 8 }, (_, i) => `${stem}${i + 2}`);
}

/** Prefix of every forum: explicit ones first as given, derived ones avoiding all taken. */
export function assignPrefixes(forums: readonly Forum[]): ReadonlyMap<string, string> {
  const byForum = new Map<string, string>();
  const taken = new Set<string>();
  for (const forum of forums) {
    const prefix = explicitPrefix(forum);
    if (prefix !== undefined) {
      byForum.set(forum.id, prefix);
      taken.add(prefix);
    }
  }
  for (const forum of forums) {
    if (byForum.has(forum.id)) continue;
    const candidates = prefixCandidates(forum.id);
    const prefix = candidates.find((candidate) => !taken.has(candidate)) ?? fallback(forum.id, taken);
    byForum.set(forum.id, prefix);
    taken.add(prefix);
  }
  return byForum;
}

function fallback(forumId: string, taken: ReadonlySet<string>): string {
  const stem = (prefixCandidates(forumId)[0] ?? 'AF').slice(0, 2);
  for (let n = 10; ; n++) {
    if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
  }
}
