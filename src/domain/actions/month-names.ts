/** Month names as users write them in dates: Finnish (with case endings), Swedish, English. */

const FINNISH_STEMS = [
  'tammi',
  'helmi',
  'maalis',
  'huhti',
  'touko',
  'kesä',
  'heinä',
  'elo',
  'syys',
  'loka',
  'marras',
  'joulu',
];

const SWEDISH = [
  ['januari', 'jan'],
  ['februari', 'feb'],
  ['mars', 'mar'],
  ['april', 'apr'],
  ['maj'],
  ['juni', 'jun'],
  ['juli', 'jul'],
  ['augusti', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'okt'],
  ['november', 'nov'],
  ['december', 'dec'],
];

const ENGLISH = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

function build(): ReadonlyMap<string, number> {
  const months = new Map<string, number>();
  FINNISH_STEMS.forEach((stem, i) => {
    // maaliskuu, maaliskuuta (partitive, "31. maaliskuuta"), maaliskuun, maalisk.
    for (const form of [`${stem}kuu`, `${stem}kuuta`, `${stem}kuun`, `${stem}k`]) months.set(form, i + 1);
  });
  for (const table of [SWEDISH, ENGLISH]) {
    table.forEach((forms, i) => forms.forEach((form) => months.set(form, i + 1)));
  }
  return months;
}

const MONTHS = build();

/** 1–12 for a month name in lower case, undefined otherwise. */
export function monthNumber(word: string): number | undefined {
  return MONTHS.get(word.toLowerCase().replace(/\.$/, ''));
}
