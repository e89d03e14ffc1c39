/**
 * Test data for the digest: the sample registry (with test actors) and the largest case the card
 * must carry: Keski-Suomi, its 22 municipalities, 20 indicators with ten years each, 500 actions,
 * registry and user text full of markup.
 */
import type { Action, ActionStatus, Decision } from '../../../../src/domain/actions';
import type { DigestInput, DigestSeries } from '../../../../src/domain/digest';
import { mergeMeetings, type ForumMeeting } from '../../../../src/domain/meetings';
import { RegistryIndex, type Forum, type Indicator, type Registry } from '../../../../src/domain/registry';
import { loadSampleRegistry, withTestActors } from '../actions/registry-fixture';

export const FORUM = 'neuvottelukunta-ks';
export const MEETING = 'neuvottelukunta-ks-2027-09';
export const COUNTY = 'hva-keski-suomi';
/** Two days before the meeting on 17.9.2027. */
export const NOW = Date.parse('2027-09-15T10:00:00+03:00');
export const MARKUP = '**lihava** [linkki](https://evil.example) _kursiivi_ # otsikko';

/** Deterministic pseudo-random numbers. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function sampleIndex(): Promise<RegistryIndex> {
  return new RegistryIndex(withTestActors(await loadSampleRegistry()));
}

/** The sample registry with 20 indicators for Keski-Suomi, all chosen for the committee's digest. */
export async function largestRegistry(): Promise<RegistryIndex> {
  const base = withTestActors(await loadSampleRegistry());
  const own = base.indicators.filter((indicator) => indicator.region === 'keski-suomi');
  const extra: Indicator[] = Array.from({ length: 20 - own.length }, (_, i) => ({
    id: `lisamittari-${i + 1}`,
    region: 'keski-suomi',
    name: {
      fi: `Lisämittari ${i + 1}: ${MARKUP} – pitkähkö nimi, jotta kortin koko tulee koetelluksi`,
      sv: `Extra mätare ${i + 1}`,
      en: `Extra indicator ${i + 1}`,
    },
    source: i % 3 === 0 ? 'statfin' : 'sotkanet',
    sotkanetId: 5000 + i,
    unit: i % 2 === 0 ? '%' : '/1 000 as.',
    better: (['lower', 'higher', 'neither'] as const)[i % 3] ?? 'lower',
    values: [],
  }));
  const indicators = [...base.indicators, ...extra];
  const chosen = [...own, ...extra].map((indicator) => indicator.id);
  const forums = base.forums.map((forum): Forum =>
    forum.id === FORUM ? { ...forum, digest: { leadHours: 48, indicators: chosen } } : forum,
  );
  const registry: Registry = { ...base, indicators, forums };
  return new RegistryIndex(registry);
}

/** Ten years of values for every area of the region; every fifth municipality misses the last year. */
export function seriesFor(
  registry: RegistryIndex,
  options: { readonly lastYear?: number; readonly source?: DigestSeries['source'] } = {},
): Map<string, DigestSeries[]> {
  const lastYear = options.lastYear ?? 2026;
  const rnd = random(7);
  const areas = [COUNTY, ...registry.municipalitiesOf('keski-suomi').map((m) => m.id)];
  const map = new Map<string, DigestSeries[]>();
  for (const indicator of registry.indicatorsOf('keski-suomi')) {
    map.set(
      indicator.id,
      areas.map((area, a) => {
        const base = 5 + rnd() * 20;
        const last = a % 5 === 4 ? lastYear - 1 : lastYear;
        return {
          area,
          points: Array.from({ length: 10 }, (_, i) => ({
            year: last - 9 + i,
            value: Math.round((base + rnd() * 3) * 10) / 10,
          })),
          source: options.source ?? (indicator.source === 'statfin' ? 'statfin' : 'sotkanet'),
          decimals: 1,
        };
      }),
    );
  }
  return map;
}

export function meetingsOf(registry: RegistryIndex, forumId: string): ForumMeeting[] {
  return mergeMeetings(registry.meetingsOf(forumId), []);
}

export function chatMeeting(id: string, start: string, end: string): ForumMeeting {
  return {
    id,
    forum: FORUM,
    title: { fi: `Kevätkokous ${MARKUP}` },
    start,
    end,
    agenda: [],
    origin: 'chat',
    cancelled: false,
    sequence: 0,
    version: 1,
    updatedAt: 0,
  };
}

export function action(overrides: Partial<Action> & Pick<Action, 'id'>): Action {
  return {
    forum: FORUM,
    title: `Toimenpide ${overrides.id}`,
    organisations: ['kunta-179'],
    status: 'avoin',
    comments: [],
    createdAt: Date.parse('2027-01-10T10:00:00+02:00'),
    createdBy: 'marja-malli',
    updatedAt: Date.parse('2027-01-10T10:00:00+02:00'),
    updatedBy: 'marja-malli',
    ...overrides,
  };
}

/** 500 actions of every kind: a fifth late, some due before the meeting, some done lately. */
export function manyActions(count = 500): Action[] {
  const rnd = random(11);
  const statuses: ActionStatus[] = ['avoin', 'kaynnissa', 'valmis', 'peruttu'];
  return Array.from({ length: count }, (_, i) => {
    const due = new Date(Date.parse('2027-07-01T00:00:00Z') + Math.floor(rnd() * 200) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return action({
      id: `ANK-2027-${String(i + 1).padStart(3, '0')}`,
      title: `${MARKUP} toimenpide ${i + 1}: ${'sovitaan yhdessä jatkotoimista '.repeat(8)}`,
      description: 'x'.repeat(500),
      dueDate: due,
      status: statuses[i % 4] ?? 'avoin',
      ownerText: `Vastuuhenkilö ${i} <b>html</b>`,
      organisations: ['kunta-179', 'hva-keski-suomi', 'kunta-077'],
      updatedAt: Date.parse('2027-06-01T10:00:00+03:00') + i * 60_000,
    });
  });
}

export function decision(overrides: Partial<Decision> & Pick<Decision, 'id'>): Decision {
  return {
    forum: FORUM,
    text: `Päätös ${overrides.id}`,
    date: '2027-05-05',
    loggedBy: 'marja-malli',
    loggedAt: Date.parse('2027-05-05T15:00:00+03:00'),
    ...overrides,
  };
}

/** The largest digest input: every list long, every text hostile. */
export function largestInput(registry: RegistryIndex): DigestInput {
  const forum = registry.forumsById.get(FORUM) as Forum;
  const meetings = meetingsOf(registry, FORUM);
  const meeting = meetings.find((m) => m.id === MEETING) as ForumMeeting;
  const previous = chatMeeting(
    'neuvottelukunta-ks-2027-05-05',
    '2027-05-05T13:00:00+03:00',
    '2027-05-05T15:00:00+03:00',
  );
  return {
    registry,
    forum,
    meeting: {
      ...meeting,
      agenda: Array.from({ length: 30 }, (_, i) => ({ fi: `Kohta ${i + 1} ${MARKUP} ${'y'.repeat(250)}` })),
    },
    previousMeeting: previous,
    now: NOW,
    series: seriesFor(registry),
    actions: manyActions(),
    decisions: Array.from({ length: 40 }, (_, i) =>
      decision({
        id: `ANK-2027-P${String(i + 1).padStart(3, '0')}`,
        meeting: previous.id,
        text: `${MARKUP} ${'p'.repeat(3000)}`,
      }),
    ),
    meetingsOf: (forumId) => meetingsOf(registry, forumId),
    acknowledgements: {
      organisations: {
        [COUNTY]: { by: 'marja-malli', at: NOW - 1000 },
        'kunta-179': { by: 'aino-esimerkki', at: NOW - 500 },
      },
    },
  };
}
