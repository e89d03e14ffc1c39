/**
 * Turns applicable rows into the parties an answer shows, grouped the way people read them:
 * by scope (region-wide, then each municipality), side (county / municipality / others) and role.
 */
import type {
  Agreement,
  Forum,
  Interface,
  IsoDate,
  Organisation,
  Person,
  RegistryIndex,
  Role,
} from '../registry';
import { possiblyOutdated, type ApplicableRow } from './applicable';

export type Side = 'hyvinvointialue' | 'kunta' | 'muut';
export const SIDES: readonly Side[] = ['hyvinvointialue', 'kunta', 'muut'];
export const ROLE_ORDER: readonly Role[] = ['vastuutaho', 'koordinaattori', 'yhteyshenkilo', 'paattaja'];

export interface Party {
  readonly organisation: Organisation;
  readonly side: Side;
  readonly role: Role;
  readonly person?: Person;
  readonly deputy?: Person;
  readonly task?: Interface['name'];
  readonly forum?: Forum;
  readonly agreement?: Agreement;
  readonly clause?: string;
  readonly clauseTitle?: Interface['name'];
  readonly confirmed?: IsoDate;
  readonly possiblyOutdated: boolean;
  readonly inheritedFrom?: Interface;
}

export interface PartyGroup {
  readonly side: Side;
  readonly role: Role;
  readonly parties: readonly Party[];
}

export interface PartySection {
  /**
   * Empty: rows for the whole region (or for the asked municipality together with them).
   * Otherwise the municipalities these rows alone hold for.
   */
  readonly municipalities: readonly Organisation[];
  readonly groups: readonly PartyGroup[];
}

export function sideOf(index: RegistryIndex, organisation: Organisation): Side {
  let current: Organisation | undefined = organisation;
  for (let depth = 0; current?.parent !== undefined && depth < 10; depth += 1) {
    current = index.organisationsById.get(current.parent) ?? current;
    if (current.parent === undefined) break;
  }
  const kind = current?.kind ?? organisation.kind;
  if (kind === 'hyvinvointialue') return 'hyvinvointialue';
  // Employment areas are joint municipal bodies: since TE24 the municipalities organise the services.
  if (kind === 'kunta' || kind === 'tyollisyysalue') return 'kunta';
  return 'muut';
}

export function toParty(index: RegistryIndex, applicable: ApplicableRow, today: IsoDate): Party | undefined {
  const { row } = applicable;
  const organisation = index.organisationsById.get(row.organisation);
  if (!organisation) return undefined;
  const agreement = row.basis ? index.agreementsById.get(row.basis.agreement) : undefined;
  const clause = row.basis?.clause;
  const clauseTitle = clause ? agreement?.clauses?.find((c) => c.id === clause)?.title : undefined;
  const person = row.person ? index.peopleById.get(row.person) : undefined;
  const deputy = row.deputy ? index.peopleById.get(row.deputy) : undefined;
  const forum = row.forum ? index.forumsById.get(row.forum) : undefined;
  return {
    organisation,
    side: sideOf(index, organisation),
    role: row.role,
    possiblyOutdated: possiblyOutdated(row, today),
    ...(person ? { person } : {}),
    ...(deputy ? { deputy } : {}),
    ...(row.task ? { task: row.task } : {}),
    ...(forum ? { forum } : {}),
    ...(agreement ? { agreement } : {}),
    ...(clause ? { clause } : {}),
    ...(clauseTitle ? { clauseTitle } : {}),
    ...(row.confirmed ? { confirmed: row.confirmed } : {}),
    ...(applicable.inheritedFrom ? { inheritedFrom: applicable.inheritedFrom } : {}),
  };
}

/** Groups by side then role, in the fixed reading order; empty groups are dropped. */
export function groupParties(parties: readonly Party[]): PartyGroup[] {
  const groups: PartyGroup[] = [];
  for (const side of SIDES) {
    for (const role of ROLE_ORDER) {
      const members = parties.filter((party) => party.side === side && party.role === role);
      if (members.length > 0) groups.push({ side, role, parties: members });
    }
  }
  return groups;
}

/**
 * Sections of an answer. With a municipality: one section (its own rows and the region-wide
 * ones). For a whole region: region-wide rows, then the rows that hold only for some
 * municipalities, one section per distinct set of municipalities, in code order.
 */
export function sectionsFor(
  index: RegistryIndex,
  rows: readonly ApplicableRow[],
  today: IsoDate,
  askedMunicipality: boolean,
): PartySection[] {
  const toParties = (subset: readonly ApplicableRow[]): Party[] =>
    subset.map((row) => toParty(index, row, today)).filter((party): party is Party => party !== undefined);
  const own = rows.filter((r) => r.row.municipalities !== undefined);
  const wide = rows.filter((r) => r.row.municipalities === undefined);
  if (askedMunicipality) return [{ municipalities: [], groups: groupParties(toParties([...own, ...wide])) }];
  const sections: PartySection[] = [];
  if (wide.length > 0) sections.push({ municipalities: [], groups: groupParties(toParties(wide)) });
  const bySet = new Map<string, ApplicableRow[]>();
  for (const row of own) {
    const key = [...(row.row.municipalities ?? [])].sort().join(',');
    const list = bySet.get(key);
    if (list) list.push(row);
    else bySet.set(key, [row]);
  }
  for (const key of [...bySet.keys()].sort()) {
    const municipalities = key
      .split(',')
      .map((code) => index.municipality(code))
      .filter((m): m is Organisation => m !== undefined);
    sections.push({ municipalities, groups: groupParties(toParties(bySet.get(key) ?? [])) });
  }
  return sections;
}
