/**
 * Words that tell what kind of question it is, as normalised word beginnings (lower case),
 * so that inflected forms match ("sihteerin", "työllisyysalueeseen", "sekreteraren").
 * These are a vocabulary of the language, not of any registry: registry names and aliases are
 * matched separately.
 */
export interface WordList {
  /** A token matches when it starts with one of these. */
  readonly prefixes: readonly string[];
  /** Multi-word expressions, as consecutive normalised tokens. */
  readonly phrases?: readonly (readonly string[])[];
}

/** Asking for a forum's secretary. */
export const SECRETARY: WordList = { prefixes: ['sihteeri', 'sekreterare', 'secretar'] };

/** Asking for a forum's chair. */
export const CHAIR: WordList = {
  prefixes: ['puheenjohtaj', 'puheenjohtaja', 'ordförand', 'chair'],
};

/** Asking when something meets. */
export const WHEN: WordList = {
  prefixes: [
    'milloin',
    'koska',
    'när',
    'when',
    'seuraav',
    'nästa',
    'next',
    'upcoming',
    'kokoontu',
    'ajankohta',
    'päivämäär',
    'datum',
    'date',
  ],
};

/** Words for a meeting or negotiation. */
export const MEETING: WordList = {
  prefixes: [
    'kokous',
    'kokoukse',
    'kokoontu',
    'neuvottelu',
    'istunto',
    'möte',
    'mötet',
    'sammanträ',
    'träffas',
    'förhandling',
    'meeting',
    'meets',
    'meet',
    'negotiation',
    'session',
    'convene',
  ],
};

/** Asking who is responsible, coordinates, decides or is the contact. */
export const RESPONSIBILITY: WordList = {
  prefixes: [
    'vastaa',
    'vastuu',
    'vastaav',
    'hoita',
    'hoitaa',
    'hoitav',
    'kuuluu',
    'kenelle',
    'keneen',
    'kenen',
    'kuka',
    'ketkä',
    'koordinoi',
    'päättä',
    'johtaa',
    'yhteyshenkil',
    'yhteyttä',
    'ansvar',
    'sköter',
    'samordna',
    'kontakt',
    'beslut',
    'vem',
    'responsib',
    'charge',
    'handl',
    'coordinat',
    'contact',
    'decide',
    'who',
    'manag',
    'lead',
  ],
};

/** "Which … does X belong to" / "which … are in". */
export const MEMBERSHIP: WordList = {
  prefixes: [
    'kuulu',
    'kuuluv',
    'mihin',
    'mille',
    'mitkä',
    'mikä',
    'hör',
    'tillhör',
    'vilk',
    'belong',
    'which',
    'part',
    'member',
  ],
};

/** Asking for a list of municipalities. */
export const MUNICIPALITIES: WordList = {
  prefixes: [
    'kunnat',
    'kuntien',
    'kuntia',
    'kunnista',
    'kuntiin',
    'kommuner',
    'kommunerna',
    'municipalities',
    'towns',
    'cities',
  ],
};

/** Structural area kinds a municipality belongs to. */
export const AREA_KINDS: Readonly<
  Record<'tyollisyysalue' | 'hyvinvointialue' | 'maakunnan-liitto', WordList>
> = {
  tyollisyysalue: {
    prefixes: ['työllisyysalue', 'työllisyysaluee', 'sysselsättningsområde'],
    phrases: [
      ['employment', 'area'],
      ['employment', 'region'],
    ],
  },
  hyvinvointialue: {
    prefixes: ['hyvinvointialue', 'hyvinvointialuee', 'välfärdsområde', 'hva'],
    phrases: [
      ['wellbeing', 'services', 'county'],
      ['wellbeing', 'county'],
      ['welfare', 'area'],
      ['wellbeing', 'services', 'region'],
    ],
  },
  'maakunnan-liitto': {
    prefixes: ['maakunta', 'maakunnan', 'maakuntaan', 'maakuntaliit', 'landskap', 'regionförbund'],
    phrases: [['regional', 'council']],
  },
};

/** Words for kinds of forum, added to the forums' own names when matching them. */
export const FORUM_KIND_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'hyte-neuvottelu': [
    'HYTE-neuvottelu',
    'HYTE-neuvottelut',
    'hyvinvointineuvottelu',
    'HYTE-förhandling',
    'HYTE negotiation',
    'wellbeing negotiation',
  ],
  'hva-neuvottelu': [
    'hva-neuvottelu',
    'valtuustokausineuvottelu',
    '14 pykälän neuvottelu',
    'förhandling enligt 14',
    'statutory negotiation',
  ],
  neuvottelukunta: [
    'neuvottelukunta',
    'förhandlingsdelegation',
    'delegation',
    'negotiating committee',
    'advisory board',
  ],
  tyoryhma: ['työryhmä', 'johtoryhmä', 'arbetsgrupp', 'ledningsgrupp', 'working group', 'steering group'],
  verkosto: ['verkosto', 'nätverk', 'network'],
  muu: [],
};

export function tokenMatches(token: string, list: WordList): boolean {
  for (const prefix of list.prefixes) if (token.startsWith(prefix)) return true;
  return false;
}

/** Index of the first token matching the list, or -1. */
export function findWord(tokens: readonly string[], list: WordList): number {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (tokenMatches(token, list)) return i;
    if (list.phrases === undefined) continue;
    for (const phrase of list.phrases) if (phraseAt(tokens, i, phrase)) return i;
  }
  return -1;
}

function phraseAt(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  for (let offset = 0; offset < phrase.length; offset++)
    if (!(tokens[at + offset] ?? '').startsWith(phrase[offset] ?? '')) return false;
  return true;
}

export function hasWord(tokens: readonly string[], list: WordList): boolean {
  return findWord(tokens, list) >= 0;
}
