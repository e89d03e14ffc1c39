/**
 * Municipal council terms (valtuustokausi). The rule: four years from 1 June after the April
 * municipal elections. The 2021 elections were postponed to June, so that term began on
 * 1 August 2021 and the previous one ran until 31 July 2021; from 2025 the rule holds again.
 */
import type { IsoDate } from '../registry';

export interface CouncilTerm {
  /** First and last day, inclusive. */
  readonly start: IsoDate;
  readonly end: IsoDate;
}

const TERM_YEARS = 4;
/** A year in which a regular term begins on 1 June; terms repeat every four years from it. */
const REGULAR_START_YEAR = 2025;
const TERM_START_MONTH_DAY = '06-01';
const TERM_END_MONTH_DAY = '05-31';

/** Terms that did not follow the rule, newest last. */
export const IRREGULAR_TERMS: readonly CouncilTerm[] = [
  { start: '2017-06-01', end: '2021-07-31' },
  { start: '2021-08-01', end: '2025-05-31' },
];

/** The council term that `date` (a calendar day in Finland) falls in. */
export function councilTermOn(date: IsoDate): CouncilTerm {
  const irregular = IRREGULAR_TERMS.find((term) => term.start <= date && date <= term.end);
  if (irregular) return irregular;
  const year = Number(date.slice(0, 4));
  const termYear = date.slice(5) >= TERM_START_MONTH_DAY ? year : year - 1;
  const offset = termYear - REGULAR_START_YEAR;
  const startYear = REGULAR_START_YEAR + Math.floor(offset / TERM_YEARS) * TERM_YEARS;
  return {
    start: `${startYear}-${TERM_START_MONTH_DAY}`,
    end: `${startYear + TERM_YEARS}-${TERM_END_MONTH_DAY}`,
  };
}
