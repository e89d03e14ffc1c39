/**
 * From an understood question to an answer built only of registry facts: who is responsible,
 * a forum's people and next meeting, or which areas a municipality belongs to. Never invents
 * a party: when nothing is recorded it says so and names whom to ask.
 */
import { applicableRows } from '../responsibility/applicable';
import {
  groupParties,
  municipalitiesWithOwnRows,
  partiesOf,
  type PartyGroup,
} from '../responsibility/parties';
import type { Lang } from '../language';
import type {
  Forum,
  Interface,
  IsoDate,
  Meeting,
  Organisation,
  Person,
  Region,
  RegistryIndex,
} from '../registry';
import type { AreaKind, Understanding } from './understand';

export interface ForumFacts {
  readonly forum: Forum;
  readonly region: Region;
  readonly chair?: Person;
  readonly secretaries: readonly Person[];
  readonly nextMeeting?: Meeting;
}

export type Answer =
  | {
      readonly kind: 'responsibility';
      readonly lang: Lang;
      readonly interface: Interface;
      readonly region: Region;
      readonly municipality?: Organisation;
      /** With a municipality: its own rows and the region-wide ones. Otherwise region-wide rows only. */
      readonly groups: readonly PartyGroup[];
      /** For a whole region: municipalities with rows of their own, offered for a closer look. */
      readonly ownRowsIn: readonly Organisation[];
      readonly alternatives: readonly Interface[];
    }
  | {
      readonly kind: 'none';
      readonly lang: Lang;
      readonly interface: Interface;
      readonly region: Region;
      readonly municipality?: Organisation;
      /** Whom to ask instead: secretaries of the forums that handle the interface, or of the region. */
      readonly contacts: readonly { readonly person: Person; readonly forum: Forum }[];
      /** For a whole region: municipalities that do have rows of their own. */
      readonly ownRowsIn: readonly Organisation[];
      readonly alternatives: readonly Interface[];
    }
  | {
      readonly kind: 'clarify-region';
      readonly lang: Lang;
      readonly interface: Interface;
      readonly regions: readonly Region[];
    }
  | {
      readonly kind: 'forum';
      readonly lang: Lang;
      /** Undefined when the forums asked about lie in several regions. */
      readonly region?: Region;
      readonly forums: readonly ForumFacts[];
    }
  | {
      readonly kind: 'membership';
      readonly lang: Lang;
      readonly municipality: Organisation;
      readonly region: Region;
      readonly areaKind: AreaKind;
      readonly area?: Organisation;
    }
  | {
      readonly kind: 'member-list';
      readonly lang: Lang;
      readonly area: Organisation | Region;
      readonly municipalities: readonly Organisation[];
    }
  | { readonly kind: 'not-understood'; readonly lang: Lang };

export interface AnswerClock {
  /** `YYYY-MM-DD` in the registry's time zone. */
  readonly today: IsoDate;
  /** Milliseconds since the epoch. */
  readonly now: number;
}

const MAX_ALTERNATIVES = 3;
const ALTERNATIVE_RATIO = 0.6;

export function answer(index: RegistryIndex, understanding: Understanding, clock: AnswerClock): Answer {
  const { lang } = understanding;
  switch (understanding.intent) {
    case 'member-list':
      return memberList(index, understanding) ?? { kind: 'not-understood', lang };
    case 'membership':
      return membership(index, understanding) ?? { kind: 'not-understood', lang };
    case 'forum':
      return (
        forumAnswer(index, understanding, clock.now) ?? responsibilityOrUnknown(index, understanding, clock)
      );
    case 'responsibility':
      return responsibilityOrUnknown(index, understanding, clock);
    default:
      return { kind: 'not-understood', lang };
  }
}

function responsibilityOrUnknown(index: RegistryIndex, u: Understanding, clock: AnswerClock): Answer {
  const best = u.interfaces[0];
  const iface = best ? index.interfacesById.get(best.id) : undefined;
  if (!best || !iface) return { kind: 'not-understood', lang: u.lang };
  const alternatives = u.interfaces
    .slice(1)
    .filter((term) => term.score >= best.score * ALTERNATIVE_RATIO)
    .map((term) => index.interfacesById.get(term.id))
    .filter((alt): alt is Interface => alt !== undefined && alt.id !== iface.parent)
    .slice(0, MAX_ALTERNATIVES);
  if (!u.region)
    return { kind: 'clarify-region', lang: u.lang, interface: iface, regions: index.registry.regions };
  const query = {
    interfaceId: iface.id,
    regionId: u.region.id,
    today: clock.today,
    ...(u.municipality?.code ? { municipalityCode: u.municipality.code } : {}),
  };
  const rows = applicableRows(index, query);
  const where = { region: u.region, ...(u.municipality ? { municipality: u.municipality } : {}) };
  // Without a municipality only region-wide rows apply; the others are offered by municipality.
  const shown = u.municipality
    ? [
        ...rows.filter((r) => r.row.municipalities !== undefined),
        ...rows.filter((r) => r.row.municipalities === undefined),
      ]
    : rows.filter((r) => r.row.municipalities === undefined);
  const ownRowsIn = u.municipality ? [] : municipalitiesWithOwnRows(index, rows);
  if (shown.length === 0) {
    const contacts = whomToAsk(index, u.region.id, iface.id);
    return { kind: 'none', lang: u.lang, interface: iface, ...where, contacts, ownRowsIn, alternatives };
  }
  const groups = groupParties(partiesOf(index, shown, clock.today));
  return {
    kind: 'responsibility',
    lang: u.lang,
    interface: iface,
    ...where,
    groups,
    ownRowsIn,
    alternatives,
  };
}

/** Secretaries of the region's forums that handle the interface (or all its forums), chairs after. */
function whomToAsk(
  index: RegistryIndex,
  regionId: string,
  interfaceId: string,
): { person: Person; forum: Forum }[] {
  const lineage = new Set(index.interfaceWithAncestors(interfaceId).map((iface) => iface.id));
  const forums = index.forumsOf(regionId);
  const handling = forums.filter(
    (forum) => !forum.interfaces || forum.interfaces.some((id) => lineage.has(id)),
  );
  const out: { person: Person; forum: Forum }[] = [];
  const seen = new Set<string>();
  for (const forum of handling.length > 0 ? handling : forums) {
    for (const personId of forum.secretaries) {
      const person = index.peopleById.get(personId);
      if (person && !seen.has(person.id)) {
        seen.add(person.id);
        out.push({ person, forum });
      }
    }
  }
  return out;
}

export function forumFacts(index: RegistryIndex, forum: Forum, now: number): ForumFacts | undefined {
  const region = index.regionsById.get(forum.region);
  if (!region) return undefined;
  const chair = forum.chair ? index.peopleById.get(forum.chair) : undefined;
  const secretaries = forum.secretaries
    .map((id) => index.peopleById.get(id))
    .filter((p): p is Person => p !== undefined);
  const nextMeeting = index.meetingsOf(forum.id).find((meeting) => Date.parse(meeting.end) > now);
  return { forum, region, secretaries, ...(chair ? { chair } : {}), ...(nextMeeting ? { nextMeeting } : {}) };
}

function forumAnswer(index: RegistryIndex, u: Understanding, now: number): Answer | undefined {
  // No region: every equally good forum (of several regions); with a region: the best one.
  const ids = u.region ? u.forumIds.slice(0, 1) : u.forumIds;
  const named = ids
    .map((id) => index.forumsById.get(id))
    .filter((forum): forum is Forum => forum !== undefined)
    .map((forum) => forumFacts(index, forum, now))
    .filter((facts): facts is ForumFacts => facts !== undefined);
  if (named.length > 0) {
    named.sort((a, b) => nextStart(a) - nextStart(b));
    const regions = new Set(named.map((facts) => facts.region.id));
    const region = regions.size === 1 ? named[0]?.region : undefined;
    return { kind: 'forum', lang: u.lang, forums: named, ...(region ? { region } : {}) };
  }
  if (!u.region) return undefined;
  const forums = index
    .forumsOf(u.region.id)
    .map((f) => forumFacts(index, f, now))
    .filter((facts): facts is ForumFacts => facts !== undefined);
  return forums.length > 0 ? { kind: 'forum', lang: u.lang, region: u.region, forums } : undefined;
}

function membership(index: RegistryIndex, u: Understanding): Answer | undefined {
  const { municipality, areaKind } = u;
  const region = municipality ? index.regionsById.get(municipality.region) : undefined;
  if (!municipality?.code || !areaKind || !region) return undefined;
  const area =
    areaKind === 'tyollisyysalue'
      ? index.employmentAreaOf(municipality.code)
      : index.organisationsById.get(
          areaKind === 'hyvinvointialue' ? region.wellbeingCounty : (region.regionalCouncil ?? ''),
        );
  return { kind: 'membership', lang: u.lang, municipality, region, areaKind, ...(area ? { area } : {}) };
}

function memberList(index: RegistryIndex, u: Understanding): Answer | undefined {
  const organisation = u.organisation;
  if (organisation && organisation.municipalities.length > 0) {
    const municipalities = organisation.municipalities
      .map((code) => index.municipality(code))
      .filter((m): m is Organisation => m !== undefined);
    return { kind: 'member-list', lang: u.lang, area: organisation, municipalities };
  }
  const region = u.region;
  if (!region) return undefined;
  const area = organisation ?? region;
  return { kind: 'member-list', lang: u.lang, area, municipalities: index.municipalitiesOf(region.id) };
}

function nextStart(facts: ForumFacts): number {
  return facts.nextMeeting ? Date.parse(facts.nextMeeting.start) : Number.MAX_SAFE_INTEGER;
}
