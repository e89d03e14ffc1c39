/**
 * Reads a chat question: its language, what kind of question it is, which interface, place
 * and forum it names, and which region it is about (from the text, else from the context).
 */
import { CONFIDENT_LANGUAGE, type Lang, type QuestionAnalysis, type TermCandidate } from '../language';
import type { Organisation, Region } from '../registry';
import {
  AREA_KINDS,
  CHAIR,
  findWord,
  hasWord,
  MEETING,
  MEMBERSHIP,
  MUNICIPALITIES,
  RESPONSIBILITY,
  SECRETARY,
  tokenMatches,
  WHEN,
  type WordList,
} from './intent-words';
import { PLACE, type QuestionModel } from './question-model';

export type Intent = 'responsibility' | 'forum' | 'membership' | 'member-list' | 'unknown';
export type AreaKind = keyof typeof AREA_KINDS;
export type RegionSource = 'municipality' | 'named' | 'channel' | 'conversation';

export interface QuestionContext {
  /** The language to use when the text does not tell (Teams locale or the default). */
  readonly fallbackLang: Lang;
  /** Region of the forum whose channel the question came from. */
  readonly channelRegionId?: string;
  /** The forum whose channel the question came from: "this forum" when no other is named. */
  readonly channelForumId?: string;
  /** The region this user last asked about in this conversation. */
  readonly lastRegionId?: string;
  /**
   * The caller looks for a forum in the text (a command's argument), so forums are matched even
   * when no word asks about one; otherwise a question names forums only with such a word.
   */
  readonly seeksForum?: boolean;
}

export interface Understanding {
  readonly lang: Lang;
  readonly intent: Intent;
  /** Interface candidates, best first, one per interface. */
  readonly interfaces: readonly TermCandidate[];
  readonly municipality?: Organisation;
  /** An organisation named like a place: a wellbeing services county, regional council or employment area. */
  readonly organisation?: Organisation;
  readonly region?: Region;
  readonly regionSource?: RegionSource;
  readonly forumIds: readonly string[];
  readonly asks: { readonly secretary: boolean; readonly chair: boolean; readonly when: boolean };
  readonly areaKind?: AreaKind;
}

const MIN_INTERFACE_SCORE = 0.45;
const MIN_FORUM_SCORE = 0.45;
const MIN_PLACE_SCORE = 0.6;

// Verbs that make a question about responsibility even when it also names an area kind.
const RESPONSIBILITY_VERBS: WordList = {
  prefixes: RESPONSIBILITY.prefixes.filter(
    (prefix) => !['kuuluu', 'kuka', 'who', 'vem', 'kenen', 'ketkä', 'kenelle'].includes(prefix),
  ),
};

export function understand(model: QuestionModel, text: string, context: QuestionContext): Understanding {
  const { index } = model;
  const analysis = model.analyser.analyse(text);
  // Hyphenated compounds count both whole and by part ("hyte-förhandling" asks for a meeting).
  const tokens = analysis.tokens.flatMap((token) =>
    token.parts.length > 1 ? [token.text, ...token.parts] : [token.text],
  );
  const lang =
    analysis.language.confidence >= CONFIDENT_LANGUAGE ? analysis.language.lang : context.fallbackLang;

  const interfaces = bestPerId(analysis.terms).filter((term) => term.score >= MIN_INTERFACE_SCORE);

  // Places: the best-scoring, then the longest match wins within each kind.
  let municipality: Organisation | undefined;
  let organisation: Organisation | undefined;
  let namedRegion: Region | undefined;
  const places = [...analysis.places]
    .filter((place) => place.score >= MIN_PLACE_SCORE)
    .sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start));
  for (const place of places) {
    const [kind, id = ''] = splitPlaceId(place.id);
    if (kind === 'm') municipality ??= index.municipality(id);
    else if (kind === 'r') namedRegion ??= index.regionsById.get(id);
    else if (kind === 'o') organisation ??= index.organisationsById.get(id);
  }
  // An organisation whose name contains a region name ("Keski-Suomen hyvinvointialue") names that region too.
  namedRegion ??= organisation ? index.regionsById.get(organisation.region) : undefined;

  const asks = {
    secretary: hasWord(tokens, SECRETARY),
    chair: hasWord(tokens, CHAIR),
    when: hasWord(tokens, WHEN) && hasWord(tokens, MEETING),
  };
  const areaKind = areaKindOf(tokens);

  let region: Region | undefined;
  let regionSource: RegionSource | undefined;
  if (municipality) {
    region = index.regionsById.get(municipality.region);
    regionSource = 'municipality';
  } else if (namedRegion) {
    region = namedRegion;
    regionSource = 'named';
  }

  const meetingWord = hasWord(tokens, MEETING);
  // Forum names matter only to a question that asks about a forum (forumAsked below needs one
  // of these words); most questions do not, and matching forum names is a large share of reading.
  const forumScores =
    context.seeksForum || asks.secretary || asks.chair || meetingWord
      ? forumsAsked(model, analysis.tokens, region?.id, interfaces[0]?.id)
      : [];
  const forumIds = forumScores.map((candidate) => candidate.id);
  const bestForumRegions = new Set(bestForums(forumScores).map((id) => index.forumsById.get(id)?.region));
  const forumAsked =
    asks.secretary ||
    asks.chair ||
    asks.when ||
    (meetingWord && forumIds.length > 0 && interfaces.length === 0);
  // A forum named without a region gives its region, unless equally good forums lie in several.
  if (!region && forumAsked && forumIds[0] && bestForumRegions.size === 1) {
    region = index.regionsById.get(index.forumsById.get(forumIds[0])?.region ?? '');
    if (region) regionSource = 'named';
  }
  if (!region && context.channelRegionId) {
    region = index.regionsById.get(context.channelRegionId);
    regionSource = region ? 'channel' : undefined;
  }
  if (!region && context.lastRegionId) {
    region = index.regionsById.get(context.lastRegionId);
    regionSource = region ? 'conversation' : undefined;
  }

  const intent = intentOf({
    tokens,
    forumAsked,
    areaKind,
    municipality,
    organisation,
    namedRegion,
    interfaces,
  });
  const named = region
    ? forumIds.filter((id) => index.forumsById.get(id)?.region === region?.id)
    : bestForums(forumScores);
  const channelForum = context.channelForumId && regionSource === 'channel' ? [context.channelForumId] : [];
  return {
    lang,
    intent,
    interfaces,
    forumIds: named.length > 0 ? named : channelForum,
    asks,
    ...(municipality ? { municipality } : {}),
    ...(organisation ? { organisation } : {}),
    ...(region ? { region } : {}),
    ...(regionSource ? { regionSource } : {}),
    ...(areaKind ? { areaKind } : {}),
  };
}

function intentOf(facts: {
  tokens: readonly string[];
  forumAsked: boolean;
  areaKind: AreaKind | undefined;
  municipality: Organisation | undefined;
  organisation: Organisation | undefined;
  namedRegion: Region | undefined;
  interfaces: readonly TermCandidate[];
}): Intent {
  const { tokens } = facts;
  const verbs = hasWord(tokens, RESPONSIBILITY_VERBS);
  if (
    hasWord(tokens, MUNICIPALITIES) &&
    hasWord(tokens, MEMBERSHIP) &&
    !verbs &&
    (facts.namedRegion || facts.organisation)
  ) {
    return 'member-list';
  }
  if (facts.areaKind && facts.municipality && hasWord(tokens, MEMBERSHIP) && !verbs) return 'membership';
  if (facts.forumAsked) return 'forum';
  if (facts.interfaces.length > 0) return 'responsibility';
  return 'unknown';
}

const AREA_KIND_LISTS = Object.entries(AREA_KINDS) as [AreaKind, WordList][];

function areaKindOf(tokens: readonly string[]): AreaKind | undefined {
  let best: AreaKind | undefined;
  let bestAt = Infinity;
  for (const [kind, list] of AREA_KIND_LISTS) {
    const at = findWord(tokens, list);
    if (at >= 0 && at < bestAt) {
      best = kind;
      bestAt = at;
    }
  }
  return best;
}

/** Forums the text names (by name or kind), best first; those of `regionId` first when known. */
function forumsAsked(
  model: QuestionModel,
  tokens: QuestionAnalysis['tokens'],
  regionId: string | undefined,
  interfaceId: string | undefined,
): { id: string; score: number }[] {
  const candidates = model.forums.match(tokens, { minScore: MIN_FORUM_SCORE, limit: 20 });
  const scored = candidates.map((candidate) => {
    const forum = model.index.forumsById.get(candidate.id);
    let score = candidate.score;
    if (forum && regionId && forum.region === regionId) score += 1;
    if (forum && interfaceId && forum.interfaces?.includes(interfaceId)) score += 0.2;
    return { id: candidate.id, score };
  });
  return scored.sort((a, b) => b.score - a.score);
}

/** The equally best forums: several when the text fits forums of several regions alike. */
function bestForums(scored: readonly { id: string; score: number }[]): string[] {
  const top = scored[0]?.score ?? 0;
  return scored.filter((candidate) => candidate.score >= top - 0.01).map((candidate) => candidate.id);
}

function bestPerId(terms: readonly TermCandidate[]): TermCandidate[] {
  const seen = new Set<string>();
  const out: TermCandidate[] = [];
  for (const term of [...terms].sort((a, b) => b.score - a.score)) {
    if (seen.has(term.id)) continue;
    seen.add(term.id);
    out.push(term);
  }
  return out;
}

function splitPlaceId(id: string): [string, string | undefined] {
  const at = id.indexOf(':');
  return [id.slice(0, at), id.slice(at + 1)];
}

export { PLACE, tokenMatches };
