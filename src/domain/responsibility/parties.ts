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
 * The municipalities that have rows of their own among `rows`, in name order: for a question
 * about a whole region these are not shown as parties (only region-wide rows apply) but
 * offered for a closer look.
 */
export function municipalitiesWithOwnRows(
  index: RegistryIndex,
  rows: readonly ApplicableRow[],
): Organisation[] {
  const codes = new Set(rows.flatMap((r) => r.row.municipalities ?? []));
  return [...codes]
    .map((code) => index.municipality(code))
    .filter((m): m is Organisation => m !== undefined)
    .sort((a, b) => a.name.fi.localeCompare(b.name.fi, 'fi'));
}

export function partiesOf(index: RegistryIndex, rows: readonly ApplicableRow[], today: IsoDate): Party[] {
  return rows.map((row) => toParty(index, row, today)).filter((party): party is Party => party !== undefined);
}
