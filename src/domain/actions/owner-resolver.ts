/**
 * The owner typed after "vastuu"/"ansvar"/"owner" resolved against the registry: people by name,
 * organisations by name, short name or alias, in any language and without diacritics. Several
 * owners may be listed ("Jyväskylä ja Muurame"). What is not found comes back with the closest
 * registry names, because a wrong guess would put someone else's name on the action.
 */
import { distance } from 'fastest-levenshtein';
import type { LocalisedText, Organisation, Person, RegistryIndex } from '../registry';
import { fold } from './fold';
import type { ActionProblem } from './refusal';

export interface OwnerResolution {
  readonly persons: readonly Person[];
  readonly organisations: readonly Organisation[];
  readonly problems: readonly ActionProblem[];
}

export interface ResolveOptions {
  /** Prefer names in the forum's region: "hyvinvointialue" means that region's county. */
  readonly regionId?: string;
  readonly maxSuggestions?: number;
}

interface Candidate {
  readonly kind: 'person' | 'organisation';
  readonly id: string;
  readonly key: string;
  readonly shown: string;
  readonly region: string | undefined;
}

const SEPARATORS = /\s*(?:[,;&+/]|\s(?:ja|och|and|sekä)\s)\s*/iu;

export function resolveOwnerText(
  text: string,
  registry: RegistryIndex,
  options: ResolveOptions = {},
): OwnerResolution {
  const candidates = candidatesOf(registry);
  const whole = text.trim();
  if (whole === '') return { persons: [], organisations: [], problems: [] };
  const wholeMatch = exactMatches(whole, candidates, options.regionId);
  const parts = wholeMatch.length > 0 ? [whole] : whole.split(SEPARATORS).filter((part) => part !== '');
  const persons = new Map<string, Person>();
  const organisations = new Map<string, Organisation>();
  const problems: ActionProblem[] = [];
  for (const part of parts) {
    const matches = exactMatches(part, candidates, options.regionId);
    if (matches.length === 1) {
      const [match] = matches;
      if (match?.kind === 'person') {
        const person = registry.peopleById.get(match.id);
        if (person) persons.set(person.id, person);
      } else if (match) {
        const organisation = registry.organisationsById.get(match.id);
        if (organisation) organisations.set(organisation.id, organisation);
      }
    } else if (matches.length > 1) {
      problems.push({
        field: 'owner',
        code: 'ownerAmbiguous',
        params: { text: part },
        suggestions: matches.map((match) => match.shown),
      });
    } else {
      problems.push({
        field: 'owner',
        code: 'ownerUnknown',
        params: { text: part },
        suggestions: closest(part, candidates, options),
      });
    }
  }
  return { persons: [...persons.values()], organisations: [...organisations.values()], problems };
}

function exactMatches(text: string, candidates: readonly Candidate[], regionId?: string): Candidate[] {
  const key = fold(text);
  const byId = new Map<string, Candidate>();
  for (const candidate of candidates) {
    if (candidate.key === key && !byId.has(`${candidate.kind}:${candidate.id}`)) {
      byId.set(`${candidate.kind}:${candidate.id}`, candidate);
    }
  }
  const all = [...byId.values()];
  const inRegion = all.filter((candidate) => candidate.region === regionId);
  return regionId !== undefined && inRegion.length > 0 ? inRegion : all;
}

function closest(text: string, candidates: readonly Candidate[], options: ResolveOptions): string[] {
  const key = fold(text);
  if (key === '') return [];
  const limit = Math.max(2, Math.floor(key.length / 3));
  const scope =
    options.regionId === undefined ? candidates : candidates.filter((c) => c.region === options.regionId);
  const best = new Map<string, { shown: string; score: number }>();
  for (const candidate of scope.length > 0 ? scope : candidates) {
    const prefix = key.length >= 3 && candidate.key.startsWith(key);
    const score = prefix ? 1 : distance(key, candidate.key);
    if (score > limit) continue;
    const id = `${candidate.kind}:${candidate.id}`;
    const seen = best.get(id);
    if (!seen || score < seen.score) best.set(id, { shown: candidate.shown, score });
  }
  return [...best.values()]
    .sort((a, b) => a.score - b.score || a.shown.localeCompare(b.shown, 'fi'))
    .map((hit) => hit.shown)
    .filter((shown, i, all) => all.indexOf(shown) === i)
    .slice(0, options.maxSuggestions ?? 3);
}

function candidatesOf(registry: RegistryIndex): Candidate[] {
  const out: Candidate[] = [];
  const add = (kind: Candidate['kind'], id: string, shown: string, region: string | undefined): void => {
    const key = fold(shown);
    if (key !== '') out.push({ kind, id, key, shown, region });
  };
  for (const person of registry.registry.people) {
    add('person', person.id, person.name, registry.organisationsById.get(person.organisation)?.region);
  }
  for (const organisation of registry.registry.organisations) {
    const names = [...texts(organisation.shortName), ...texts(organisation.name), ...organisation.aliases];
    for (const name of names) add('organisation', organisation.id, name, organisation.region);
  }
  return out;
}

function texts(text: LocalisedText | undefined): string[] {
  if (!text) return [];
  return [text.fi, text.sv, text.en].filter((value): value is string => value !== undefined);
}
