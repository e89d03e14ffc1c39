/**
 * Everything needed to read questions against one registry version, built once per version:
 * place names (municipalities, regions, named organisations), interface terms and forum names.
 */
import { QuestionAnalyser, Stemmer, TermMatcher, type PlaceEntry, type TermEntry } from '../language';
import { allVersions, type Forum, type Organisation, type RegistryIndex } from '../registry';
import { FORUM_KIND_PHRASES } from './intent-words';

export const PLACE = {
  municipality: (code: string) => `m:${code}`,
  region: (id: string) => `r:${id}`,
  organisation: (id: string) => `o:${id}`,
};

/** Organisation kinds people name as places ("Keski-Suomen hyvinvointialue", an employment area). */
const PLACE_LIKE_KINDS = new Set(['hyvinvointialue', 'maakunnan-liitto', 'tyollisyysalue']);

export class QuestionModel {
  readonly analyser: QuestionAnalyser;
  readonly forums: TermMatcher;

  constructor(readonly index: RegistryIndex) {
    const stemmer = new Stemmer();
    this.analyser = new QuestionAnalyser(placeEntries(index), interfaceEntries(index), stemmer);
    this.forums = new TermMatcher(forumEntries(index), { stemmer });
  }

  /** The forum whose Teams channel (or group chat) this is. */
  forumByChannel(teamsChannelId: string): Forum | undefined {
    return this.index.forumByChannel(teamsChannelId);
  }
}

function placeEntries(index: RegistryIndex): PlaceEntry[] {
  const entries: PlaceEntry[] = [];
  for (const region of index.registry.regions) {
    entries.push({ id: PLACE.region(region.id), names: allVersions(region.name) });
  }
  for (const organisation of index.registry.organisations) {
    if (organisation.kind === 'kunta' && organisation.code) {
      entries.push({ id: PLACE.municipality(organisation.code), names: municipalityNames(organisation) });
    } else if (PLACE_LIKE_KINDS.has(organisation.kind)) {
      const names = [
        ...allVersions(organisation.name),
        ...allVersions(organisation.shortName),
        ...organisation.aliases,
      ];
      entries.push({ id: PLACE.organisation(organisation.id), names: unique(names) });
    }
  }
  return entries;
}

/** The bare place names of a municipality: short names, aliases, and official names without "kommun"/"stad". */
function municipalityNames(organisation: Organisation): string[] {
  const names = [...allVersions(organisation.shortName), ...organisation.aliases];
  for (const name of [organisation.name.sv, organisation.name.en]) {
    const bare = name
      ?.replace(/\s+(kommun|stad)$/i, '')
      .replace(/^(city|town|municipality) of\s+/i, '')
      .trim();
    if (bare && !/\s/.test(bare)) names.push(bare);
  }
  if (names.length === 0) names.push(organisation.name.fi);
  return unique(names);
}

function interfaceEntries(index: RegistryIndex): TermEntry[] {
  return index.registry.interfaces.map((iface) => ({
    id: iface.id,
    phrases: [
      ...(['fi', 'sv', 'en'] as const).flatMap((lang) => {
        const name = iface.name[lang];
        return [
          ...(name ? [{ text: name, lang }] : []),
          ...iface.aliases[lang].map((text) => ({ text, lang })),
        ];
      }),
    ],
  }));
}

function forumEntries(index: RegistryIndex): TermEntry[] {
  return index.registry.forums.map((forum) => ({
    id: forum.id,
    phrases: [
      ...allVersions(forum.name).map((text) => ({ text })),
      ...(FORUM_KIND_PHRASES[forum.kind] ?? []).map((text) => ({ text })),
    ],
  }));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value.trim().length > 0))];
}
