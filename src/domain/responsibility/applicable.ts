/**
 * The rule of who is responsible: a row applies when its interface is the asked one or an
 * ancestor of it, its region is the asked region, it is still valid, and it has no municipality
 * list or the asked municipality is in it.
 */
import type { Interface, IsoDate, MunicipalityCode, RegistryIndex, Responsibility } from '../registry';

export interface ResponsibilityQuery {
  readonly interfaceId: string;
  readonly regionId: string;
  /** Omitted: the whole region. */
  readonly municipalityCode?: MunicipalityCode;
  /** `YYYY-MM-DD` in the registry's time zone; rows past `validUntil` are left out. */
  readonly today: IsoDate;
}

export interface ApplicableRow {
  readonly row: Responsibility;
  /** The broader interface the row was recorded for, when it is not the asked one. */
  readonly inheritedFrom?: Interface;
}

/** Rows for the asked municipality (or region-wide) first, then rows of broader interfaces. */
export function applicableRows(index: RegistryIndex, query: ResponsibilityQuery): ApplicableRow[] {
  const out: ApplicableRow[] = [];
  for (const iface of index.interfaceWithAncestors(query.interfaceId)) {
    const inherited = iface.id === query.interfaceId ? undefined : iface;
    for (const row of index.responsibilitiesFor(iface.id)) {
      if (row.region !== query.regionId || !stillValid(row, query.today)) continue;
      if (
        query.municipalityCode !== undefined &&
        row.municipalities &&
        !row.municipalities.includes(query.municipalityCode)
      )
        continue;
      out.push(inherited ? { row, inheritedFrom: inherited } : { row });
    }
  }
  return out;
}

export function stillValid(row: Responsibility, today: IsoDate): boolean {
  return row.validUntil === undefined || row.validUntil >= today;
}

/** Never confirmed, or confirmed more than a year before `today`. */
export function possiblyOutdated(row: Responsibility, today: IsoDate): boolean {
  if (row.confirmed === undefined) return true;
  const [year, month, day] = today.split('-');
  const yearAgo = `${String(Number(year) - 1).padStart(4, '0')}-${month}-${day}`;
  return row.confirmed < yearAgo;
}
