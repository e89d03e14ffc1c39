import {
  composeDigest,
  digestId,
  parseDigestId,
  type DigestInput,
  type DigestSeries,
} from '../../../../src/domain/digest';
import { RegistryIndex, type Forum } from '../../../../src/domain/registry';
import {
  action,
  chatMeeting,
  COUNTY,
  decision,
  FORUM,
  largestInput,
  largestRegistry,
  MEETING,
  meetingsOf,
  NOW,
  sampleIndex,
} from './digest-fixture';

let registry: RegistryIndex;
beforeAll(async () => {
  registry = await sampleIndex();
});

const PREVIOUS = chatMeeting(
  'neuvottelukunta-ks-2027-05-05',
  '2027-05-05T13:00:00+03:00',
  '2027-05-05T15:00:00+03:00',
);

function series(
  area: string,
  points: [number, number][],
  source: DigestSeries['source'] = 'sotkanet',
): DigestSeries {
  return { area, points: points.map(([year, value]) => ({ year, value })), source };
}

function input(overrides: Partial<DigestInput> = {}): DigestInput {
  const meeting = meetingsOf(registry, FORUM).find((m) => m.id === MEETING);
  if (!meeting) throw new Error('sample meeting missing');
  return {
    registry,
    forum: registry.forumsById.get(FORUM) as Forum,
    meeting,
    previousMeeting: PREVIOUS,
    now: NOW,
    series: new Map(),
    actions: [],
    decisions: [],
    meetingsOf: (forumId) => meetingsOf(registry, forumId),
    acknowledgements: { organisations: {} },
    ...overrides,
  };
}

describe('composeDigest', () => {
  it('names the meeting and has a stable id of forum, meeting and sequence', () => {
    const digest = composeDigest(input());
    expect(digest.id).toBe(`${FORUM}:${MEETING}:0`);
    expect(parseDigestId(digest.id)).toEqual({ forumId: FORUM, meetingId: MEETING, sequence: 0 });
    expect(digest.meeting).toMatchObject({
      id: MEETING,
      start: '2027-09-17T13:00:00+03:00',
      location: { fi: 'Teams / Jyväskylä, hyvinvointialueen kokoustila' },
      agenda: [{ fi: 'Palveluverkkosuunnitelman tilanne' }, { fi: 'Yhteistyösopimuksen seuranta' }],
      cancelled: false,
    });
    expect(digest.previousMeeting?.id).toBe(PREVIOUS.id);
    expect(digest.region.name.fi).toBe('Keski-Suomi');
    expect(composeDigest(input({ meeting: { ...input().meeting, sequence: 3 } })).id).toBe(
      `${FORUM}:${MEETING}:3`,
    );
    expect(digestId({ forumId: 'a', meetingId: 'b', sequence: 1 })).toBe('a:b:1');
    expect(parseDigestId('a:b')).toBeUndefined();
    expect(parseDigestId('a:b:c:1')).toBeUndefined();
  });

  it('tells overdue, due before the meeting and done since the previous meeting apart, by the injected clock', () => {
    const actions = [
      action({ id: 'A', dueDate: '2027-09-01' }),
      action({ id: 'B', dueDate: '2027-08-01' }),
      action({ id: 'C', dueDate: '2027-09-15' }),
      action({ id: 'D', dueDate: '2027-09-17', status: 'kaynnissa' }),
      action({ id: 'E', dueDate: '2027-09-18' }),
      action({ id: 'F', status: 'valmis', updatedAt: Date.parse('2027-06-01T10:00:00+03:00') }),
      action({ id: 'G', status: 'valmis', updatedAt: Date.parse('2027-04-01T10:00:00+03:00') }),
      action({ id: 'H', status: 'peruttu', dueDate: '2027-08-01' }),
      action({ id: 'I', status: 'kaynnissa', dueDate: '2027-09-14', ownerPerson: 'aino-esimerkki' }),
      action({ id: 'J' }),
      action({ id: 'K', forum: 'hyte-neuvottelu-ks', dueDate: '2027-08-01' }),
    ];
    const summary = composeDigest(input({ actions })).actions;
    expect(summary).toMatchObject({
      today: '2027-09-15',
      meetingDay: '2027-09-17',
      since: PREVIOUS.start,
      open: 7,
      overdue: 3,
      dueBeforeMeeting: 2,
      doneSincePrevious: 1,
    });
    expect(summary.attention.items.map((a) => [a.id, a.overdue])).toEqual([
      ['B', true],
      ['A', true],
      ['I', true],
      ['C', false],
      ['D', false],
    ]);
    expect(summary.attention.total).toBe(5);
    expect(summary.attention.items[2]).toMatchObject({
      owner: 'Aino Esimerkki',
      organisations: [{ fi: 'Jyväskylä' }],
    });
    expect(summary.done.items.map((a) => a.id)).toEqual(['F']);

    // A day later C is late too; without a previous meeting every done action counts.
    const later = composeDigest(
      input({ actions, now: Date.parse('2027-09-16T00:30:00+03:00'), previousMeeting: undefined }),
    ).actions;
    expect([later.overdue, later.dueBeforeMeeting, later.doneSincePrevious, later.since]).toEqual([
      4,
      1,
      2,
      undefined,
    ]);
  });

  it('lists the few most important actions and counts the rest', () => {
    const actions = Array.from({ length: 12 }, (_, i) =>
      action({ id: `X${i}`, dueDate: `2027-08-${String(20 - i).padStart(2, '0')}` }),
    );
    const attention = composeDigest(input({ actions })).actions.attention;
    expect(attention.total).toBe(12);
    expect(attention.items.map((a) => a.id)).toEqual(['X11', 'X10', 'X9', 'X8', 'X7']);
  });

  it('reads each indicator for the county and the municipalities: latest, change, verdict, stale, snapshot', () => {
    const municipalities = registry.municipalitiesOf('keski-suomi');
    const digest = composeDigest(
      input({
        now: NOW,
        series: new Map([
          [
            'tyottomyysaste-ks',
            [
              series(COUNTY, [
                [2025, 12.4],
                [2026, 11.9],
              ]),
              ...municipalities.map((m) => series(m.id, [[2026, 10]])),
            ],
          ],
          [
            'vaesto-ks',
            [
              series(
                COUNTY,
                [
                  [2021, 272683],
                  [2022, 272437],
                ],
                'snapshot',
              ),
              ...municipalities.map((m) => series(m.id, [[2022, 1000]], 'snapshot')),
            ],
          ],
        ]),
      }),
    );
    expect(digest.indicators.map((i) => i.id)).toEqual(['tyottomyysaste-ks', 'vaesto-ks']);
    const [unemployment, population] = digest.indicators;
    expect(unemployment?.county?.trend).toMatchObject({
      latest: { year: 2026, value: 11.9 },
      change: { direction: 'down', verdict: 'good' },
      stale: false,
    });
    expect(unemployment?.municipalities).toHaveLength(22);
    expect(unemployment?.municipalities[0]).toMatchObject({ area: 'kunta-077', name: { fi: 'Hankasalmi' } });
    expect(unemployment).toMatchObject({
      latestYear: 2026,
      stale: false,
      sourceUnreachable: false,
      source: 'sotkanet',
    });
    expect(unemployment?.countyPoints).toEqual([
      { year: 2025, value: 12.4 },
      { year: 2026, value: 11.9 },
    ]);
    // Sotkanet did not answer: the 2022 snapshot is shown, marked stale in 2027 and said to be the snapshot.
    expect(population).toMatchObject({ latestYear: 2022, stale: true, sourceUnreachable: true });
    expect(population?.county?.fromSnapshot).toBe(true);
  });

  it('marks single snapshot areas, and does not call a manual indicator unreachable', () => {
    const digest = composeDigest(
      input({
        forum: {
          ...(registry.forumsById.get(FORUM) as Forum),
          digest: { indicators: ['tyottomyysaste-ks'] },
        },
        series: new Map([
          [
            'tyottomyysaste-ks',
            [series(COUNTY, [[2026, 11.9]]), series('kunta-077', [[2026, 10]], 'snapshot')],
          ],
        ]),
      }),
    );
    const [indicator] = digest.indicators;
    expect(indicator?.sourceUnreachable).toBe(false);
    expect(indicator?.municipalities.find((m) => m.area === 'kunta-077')?.fromSnapshot).toBe(true);
    expect(indicator?.municipalities.find((m) => m.area === 'kunta-172')).toMatchObject({
      fromSnapshot: false,
    });
    expect(indicator?.municipalities.find((m) => m.area === 'kunta-172')?.trend).toBeUndefined();

    const manualRegistry = new RegistryIndex({
      ...registry.registry,
      indicators: registry.registry.indicators.map((i) =>
        i.id === 'vaesto-ks' ? { ...i, source: 'manual' as const } : i,
      ),
    });
    const manual = composeDigest(
      input({
        registry: manualRegistry,
        series: new Map([['vaesto-ks', [series(COUNTY, [[2026, 272000]], 'snapshot')]]]),
      }),
    ).indicators.find((i) => i.id === 'vaesto-ks');
    expect(manual).toMatchObject({
      source: 'manual',
      sourceUnreachable: false,
      county: { fromSnapshot: false },
    });
  });

  it('takes all indicators of the region when the forum chose none', () => {
    const forum = { ...(registry.forumsById.get(FORUM) as Forum), digest: { leadHours: 24 } };
    expect(composeDigest(input({ forum })).indicators.map((i) => i.id)).toEqual([
      'vaesto-ks',
      'tyottomyysaste-ks',
      'nuorisotyottomyys-ks',
      'kuolleisuus-ks',
    ]);
  });

  it("lists the previous meeting's decisions: linked to it, or logged for its day without a meeting", () => {
    const decisions = [
      decision({ id: 'P2', meeting: PREVIOUS.id }),
      decision({ id: 'P1', meeting: PREVIOUS.id }),
      decision({ id: 'P3', date: '2027-05-05' }),
      decision({ id: 'P4', date: '2027-05-06' }),
      decision({ id: 'P5', meeting: 'other', date: '2027-05-05' }),
      decision({ id: 'P6', forum: 'hyte-neuvottelu-ks', meeting: PREVIOUS.id }),
      decision({ id: 'P1', meeting: PREVIOUS.id }),
    ];
    expect(composeDigest(input({ decisions })).decisions).toEqual({
      items: [
        { id: 'P1', text: 'Päätös P1', date: '2027-05-05' },
        { id: 'P2', text: 'Päätös P2', date: '2027-05-05' },
        { id: 'P3', text: 'Päätös P3', date: '2027-05-05' },
      ],
      total: 3,
    });
    expect(composeDigest(input({ decisions, previousMeeting: undefined })).decisions).toEqual({
      items: [],
      total: 0,
    });
  });

  it("follows the region's goals toward their targets with the county's figure", () => {
    const digest = composeDigest(
      input({
        series: new Map([
          [
            'tyottomyysaste-ks',
            [
              series(COUNTY, [
                [2025, 12.4],
                [2026, 11.9],
              ]),
            ],
          ],
          [
            'nuorisotyottomyys-ks',
            [
              series(COUNTY, [
                [2025, 20.1],
                [2026, 21.3],
              ]),
            ],
          ],
          ['kuolleisuus-ks', [series(COUNTY, [[2026, 300]])]],
        ]),
      }),
    );
    const byId = new Map(digest.goals.items.map((goal) => [goal.id, goal]));
    expect(digest.goals.total).toBe(4);
    expect(byId.get('ks-tyottomyys-laskee')).toMatchObject({
      latest: { year: 2026, value: 11.9 },
      target: { value: 11, by: '2027-12-31', direction: 'down' },
      status: 'on-track',
    });
    expect(byId.get('ks-tyottomyys-laskee')?.gap).toBeCloseTo(-0.9, 10);
    expect(byId.get('ks-nuorisotyottomyys-laskee')?.status).toBe('off-track');
    expect(byId.get('ks-kuolleisuus-laskee')?.status).toBe('no-target');
    expect(byId.get('ks-kotoutuminen-sujuu')?.status).toBe('no-target');

    const reached = composeDigest(
      input({ series: new Map([['tyottomyysaste-ks', [series(COUNTY, [[2026, 10.5]])]]]) }),
    );
    expect(reached.goals.items.find((g) => g.id === 'ks-tyottomyys-laskee')?.status).toBe('met');
    const late = composeDigest(
      input({
        now: Date.parse('2028-02-01T10:00:00+02:00'),
        series: new Map([
          [
            'tyottomyysaste-ks',
            [
              series(COUNTY, [
                [2026, 11.5],
                [2027, 11.2],
              ]),
            ],
          ],
        ]),
      }),
    );
    expect(late.goals.items.find((g) => g.id === 'ks-tyottomyys-laskee')?.status).toBe('missed');
    const noData = composeDigest(input());
    expect(noData.goals.items.find((g) => g.id === 'ks-tyottomyys-laskee')?.status).toBe('no-data');
  });

  it("keeps to the forum's interfaces for goals", () => {
    const hyte = registry.forumsById.get('hyte-neuvottelu-ks') as Forum;
    const meeting = meetingsOf(registry, hyte.id)[0];
    if (!meeting) throw new Error('sample HYTE meeting missing');
    const digest = composeDigest(input({ forum: hyte, meeting, previousMeeting: undefined }));
    expect(digest.goals.items.map((goal) => goal.id).sort()).toEqual([
      'ks-kuolleisuus-laskee',
      'ks-nuorisotyottomyys-laskee',
    ]);
  });

  it('flags the statutory negotiations missing from the calendar', () => {
    // The sample has a HYTE negotiation in 2027 but no §14 negotiation at all.
    expect(composeDigest(input()).statutory).toEqual([
      {
        kind: 'council-term-negotiation-missing',
        term: { start: '2025-06-01', end: '2029-05-31' },
        forums: ['hva-neuvottelu-ks'],
      },
    ]);
    expect(
      composeDigest(input({ now: Date.parse('2028-01-05T10:00:00+02:00') })).statutory.map((f) => f.kind),
    ).toEqual(['council-term-negotiation-missing', 'hyte-negotiation-missing']);
  });

  it('lists which member organisations have acknowledged and which have not', () => {
    const digest = composeDigest(
      input({
        acknowledgements: {
          organisations: {
            'kunta-179': { by: 'aino-esimerkki', at: 2 },
            [COUNTY]: { by: 'marja-malli', at: 1 },
            'jarjesto-kyt': { by: 'pirjo-proto', at: 3 },
          },
        },
      }),
    );
    const { acknowledged, pending } = digest.acknowledgements;
    expect(acknowledged.map((a) => [a.organisation, a.by])).toEqual([
      [COUNTY, 'Marja Malli'],
      ['kunta-179', 'Aino Esimerkki'],
      // Not a member, but acknowledged: shown after the members.
      ['jarjesto-kyt', 'Pirjo Proto'],
    ]);
    expect(pending).toHaveLength(22);
    expect(pending[0]).toEqual({
      organisation: 'liitto-keski-suomi',
      name: {
        fi: 'Keski-Suomen liitto',
        sv: 'Regionförbundet i Mellersta Finland',
        en: 'Regional Council of Central Finland',
      },
    });
  });

  it('composes the largest region quickly and deterministically', async () => {
    const largest = await largestRegistry();
    const data = largestInput(largest);
    const first = composeDigest(data);
    expect(first.indicators).toHaveLength(20);
    expect(first.indicators[0]?.municipalities).toHaveLength(22);
    expect(first.actions.open).toBe(250);
    expect(composeDigest(data)).toEqual(first);
  });
});
