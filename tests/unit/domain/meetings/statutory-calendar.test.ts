import { statutoryFlags, type ForumMeeting } from '../../../../src/domain/meetings';
import type { Forum } from '../../../../src/domain/registry';

const TZ = 'Europe/Helsinki';

function forum(id: string, kind: Forum['kind']): Forum {
  return { id, kind, name: { fi: id }, region: 'r', secretaries: [], members: [] };
}

function meeting(forumId: string, start: string, cancelled = false): ForumMeeting {
  return {
    id: `${forumId}-${start}`,
    forum: forumId,
    title: { fi: 'Kokous' },
    start,
    end: start,
    agenda: [],
    origin: 'registry',
    cancelled,
    sequence: 0,
    version: 0,
  };
}

const FORUMS = [
  forum('hva', 'hva-neuvottelu'),
  forum('hyte', 'hyte-neuvottelu'),
  forum('nk', 'neuvottelukunta'),
];

function flagsOn(today: string, meetings: ForumMeeting[], forums: Forum[] = FORUMS) {
  return statutoryFlags({
    forums,
    meetingsOf: (id) => meetings.filter((m) => m.forum === id),
    today,
    timeZone: TZ,
  });
}

describe('statutoryFlags', () => {
  it('raises nothing when the term has a §14 negotiation and the year a HYTE negotiation', () => {
    expect(
      flagsOn('2027-03-01', [
        meeting('hva', '2026-02-10T10:00:00+02:00'),
        meeting('hyte', '2027-11-12T09:00:00+02:00'),
      ]),
    ).toEqual([]);
  });

  it('flags a missing §14 negotiation in the current council term, past or future ones of other terms not counting', () => {
    const flags = flagsOn('2027-03-01', [
      meeting('hva', '2025-05-20T10:00:00+03:00'),
      meeting('hva', '2029-06-01T10:00:00+03:00'),
      meeting('hyte', '2027-01-20T10:00:00+02:00'),
    ]);
    expect(flags).toEqual([
      {
        kind: 'council-term-negotiation-missing',
        term: { start: '2025-06-01', end: '2029-05-31' },
        forums: ['hva'],
      },
    ]);
  });

  it('counts a meeting on the first day of the term and not one the day before', () => {
    expect(
      flagsOn('2026-01-10', [
        meeting('hva', '2025-06-01T00:30:00+03:00'),
        meeting('hyte', '2026-03-01T10:00:00+02:00'),
      ]),
    ).toEqual([]);
    // 2025-05-31 23:30 in Helsinki is still the old term, although it is 2025-05-31T20:30Z.
    expect(
      flagsOn('2026-01-10', [
        meeting('hva', '2025-05-31T23:30:00+03:00'),
        meeting('hyte', '2026-03-01T10:00:00+02:00'),
      ])[0]?.kind,
    ).toBe('council-term-negotiation-missing');
  });

  it('takes the year boundary in Finnish time: 1 January 00:30 belongs to the new year', () => {
    const hva = meeting('hva', '2026-02-10T10:00:00+02:00');
    // 2027-01-01T00:30+02:00 is 2026-12-31T22:30Z: the HYTE negotiation of 2027, not of 2026.
    const early = meeting('hyte', '2027-01-01T00:30:00+02:00');
    expect(flagsOn('2026-12-31', [hva, early])).toEqual([
      { kind: 'hyte-negotiation-missing', year: 2026, forums: ['hyte'] },
    ]);
    expect(flagsOn('2027-01-01', [hva, early])).toEqual([]);
    const late = meeting('hyte', '2026-12-31T23:30:00+02:00');
    expect(flagsOn('2026-12-31', [hva, late])).toEqual([]);
    expect(flagsOn('2027-01-01', [hva, late])).toEqual([
      { kind: 'hyte-negotiation-missing', year: 2027, forums: ['hyte'] },
    ]);
  });

  it('does not count cancelled meetings nor meetings of other kinds of forum', () => {
    const flags = flagsOn('2027-03-01', [
      meeting('hva', '2027-04-01T10:00:00+03:00', true),
      meeting('nk', '2027-04-01T10:00:00+03:00'),
      meeting('hyte', '2027-05-01T10:00:00+03:00', true),
    ]);
    expect(flags.map((flag) => flag.kind)).toEqual([
      'council-term-negotiation-missing',
      'hyte-negotiation-missing',
    ]);
  });

  it('flags both with no forums when the region has no statutory-negotiation forum at all', () => {
    expect(flagsOn('2027-03-01', [], [forum('nk', 'neuvottelukunta')])).toEqual([
      {
        kind: 'council-term-negotiation-missing',
        term: { start: '2025-06-01', end: '2029-05-31' },
        forums: [],
      },
      { kind: 'hyte-negotiation-missing', year: 2027, forums: [] },
    ]);
  });
});
