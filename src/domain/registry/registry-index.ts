/**
 * Lookups over a loaded registry, built once so that answering a question is map reads.
 * Assumes a registry that loadRegistry accepted (ids unique, references resolve). Lists keep the
 * registry's order unless said otherwise; an unknown key gives undefined or an empty list.
 */
import type {
  Agreement,
  Forum,
  Goal,
  Indicator,
  Interface,
  Meeting,
  MunicipalityCode,
  Organisation,
  Person,
  Region,
  Registry,
  Responsibility,
} from './types';

const NONE: readonly never[] = Object.freeze([]);

export class RegistryIndex {
  readonly regionsById: ReadonlyMap<string, Region>;
  readonly organisationsById: ReadonlyMap<string, Organisation>;
  readonly peopleById: ReadonlyMap<string, Person>;
  readonly interfacesById: ReadonlyMap<string, Interface>;
  readonly forumsById: ReadonlyMap<string, Forum>;
  readonly meetingsById: ReadonlyMap<string, Meeting>;
  readonly agreementsById: ReadonlyMap<string, Agreement>;
  readonly goalsById: ReadonlyMap<string, Goal>;
  readonly indicatorsById: ReadonlyMap<string, Indicator>;

  /** Organisations of kind kunta by their code. */
  readonly municipalityByCode: ReadonlyMap<MunicipalityCode, Organisation>;
  readonly organisationsByRegion: ReadonlyMap<string, readonly Organisation[]>;
  /** Kunta organisations of each region, by code. */
  readonly municipalitiesByRegion: ReadonlyMap<string, readonly Organisation[]>;
  /** Organisation of kind tyollisyysalue whose `municipalities` include the code. */
  readonly employmentAreaByCode: ReadonlyMap<MunicipalityCode, Organisation>;
  /** Rows for exactly this interface; see `interfaceWithAncestors` for broader ones. */
  readonly responsibilitiesByInterface: ReadonlyMap<string, readonly Responsibility[]>;
  readonly forumsByRegion: ReadonlyMap<string, readonly Forum[]>;
  /** Forums where the person may log decisions and actions. */
  readonly forumsBySecretary: ReadonlyMap<string, readonly Forum[]>;
  /** Meetings of each forum, earliest start first. */
  readonly meetingsByForum: ReadonlyMap<string, readonly Meeting[]>;
  readonly interfaceChildren: ReadonlyMap<string, readonly Interface[]>;
  readonly indicatorsByRegion: ReadonlyMap<string, readonly Indicator[]>;
  /** Keys are lower-case: Entra object ids are GUIDs and arrive in either case. */
  readonly peopleByAadObjectId: ReadonlyMap<string, Person>;
  /** Forums by their Teams channel id or group-chat conversation id. */
  readonly forumsByChannel: ReadonlyMap<string, Forum>;

  constructor(readonly registry: Registry) {
    this.regionsById = byId(registry.regions);
    this.organisationsById = byId(registry.organisations);
    this.peopleById = byId(registry.people);
    this.interfacesById = byId(registry.interfaces);
    this.forumsById = byId(registry.forums);
    this.meetingsById = byId(registry.meetings);
    this.agreementsById = byId(registry.agreements);
    this.goalsById = byId(registry.goals);
    this.indicatorsById = byId(registry.indicators);

    const kunnat = registry.organisations.filter((o) => o.kind === 'kunta' && o.code !== undefined);
    this.municipalityByCode = firstBy(kunnat, (o) => [o.code ?? '']);
    this.organisationsByRegion = groupBy(registry.organisations, (o) => [o.region]);
    this.municipalitiesByRegion = groupBy(
      [...kunnat].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? '')),
      (o) => [o.region],
    );
    this.employmentAreaByCode = firstBy(
      registry.organisations.filter((o) => o.kind === 'tyollisyysalue'),
      (o) => o.municipalities,
    );
    this.responsibilitiesByInterface = groupBy(registry.responsibilities, (r) => [r.interface]);
    this.forumsByRegion = groupBy(registry.forums, (f) => [f.region]);
    this.forumsBySecretary = groupBy(registry.forums, (f) => f.secretaries);
    this.meetingsByForum = groupBy(
      [...registry.meetings].sort(
        (a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id),
      ),
      (m) => [m.forum],
    );
    this.interfaceChildren = groupBy(registry.interfaces, (i) => (i.parent === undefined ? [] : [i.parent]));
    this.indicatorsByRegion = groupBy(registry.indicators, (i) => (i.region === undefined ? [] : [i.region]));
    this.forumsByChannel = firstBy(registry.forums, (f) =>
      [f.teams?.channelId, f.teams?.conversationId].filter((id): id is string => id !== undefined),
    );
    this.peopleByAadObjectId = firstBy(registry.people, (p) =>
      p.aadObjectId === undefined ? [] : [p.aadObjectId.toLowerCase()],
    );
  }

  municipality(code: MunicipalityCode): Organisation | undefined {
    return this.municipalityByCode.get(code);
  }

  /** The region a municipality code belongs to, through its kunta organisation. */
  regionOfMunicipality(code: MunicipalityCode): Region | undefined {
    const kunta = this.municipalityByCode.get(code);
    return kunta ? this.regionsById.get(kunta.region) : undefined;
  }

  municipalitiesOf(regionId: string): readonly Organisation[] {
    return this.municipalitiesByRegion.get(regionId) ?? NONE;
  }

  organisationsOf(regionId: string): readonly Organisation[] {
    return this.organisationsByRegion.get(regionId) ?? NONE;
  }

  employmentAreaOf(code: MunicipalityCode): Organisation | undefined {
    return this.employmentAreaByCode.get(code);
  }

  responsibilitiesFor(interfaceId: string): readonly Responsibility[] {
    return this.responsibilitiesByInterface.get(interfaceId) ?? NONE;
  }

  forumsOf(regionId: string): readonly Forum[] {
    return this.forumsByRegion.get(regionId) ?? NONE;
  }

  meetingsOf(forumId: string): readonly Meeting[] {
    return this.meetingsByForum.get(forumId) ?? NONE;
  }

  childrenOf(interfaceId: string): readonly Interface[] {
    return this.interfaceChildren.get(interfaceId) ?? NONE;
  }

  /** Children, their children and so on, nearest first. */
  descendantsOf(interfaceId: string): Interface[] {
    const out: Interface[] = [];
    const queue = [...this.childrenOf(interfaceId)];
    for (let next = queue.shift(); next; next = queue.shift()) {
      out.push(next);
      queue.push(...this.childrenOf(next.id));
    }
    return out;
  }

  /** The interface itself, then its parent, grandparent and so on. */
  interfaceWithAncestors(interfaceId: string): Interface[] {
    const out: Interface[] = [];
    for (let current = this.interfacesById.get(interfaceId); current;) {
      out.push(current);
      current = current.parent === undefined ? undefined : this.interfacesById.get(current.parent);
    }
    return out;
  }

  indicatorsOf(regionId: string): readonly Indicator[] {
    return this.indicatorsByRegion.get(regionId) ?? NONE;
  }

  personByAadObjectId(aadObjectId: string): Person | undefined {
    return this.peopleByAadObjectId.get(aadObjectId.toLowerCase());
  }

  /** The forum whose Teams channel (or group chat) this is. */
  forumByChannel(channelOrConversationId: string): Forum | undefined {
    return this.forumsByChannel.get(channelOrConversationId);
  }

  forumsWithSecretary(personId: string): readonly Forum[] {
    return this.forumsBySecretary.get(personId) ?? NONE;
  }
}

function byId<T extends { readonly id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return firstBy(items, (item) => [item.id]);
}

function firstBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    for (const key of keys(item)) if (!map.has(key)) map.set(key, item);
  }
  return map;
}

function groupBy<T>(
  items: readonly T[],
  keys: (item: T) => readonly string[],
): ReadonlyMap<string, readonly T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      const group = map.get(key);
      if (group) group.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}
