import {
  checkMeetingDetails,
  checkMeetingTimes,
  mergeMeetings,
  nextMeeting,
  parseMeetingTime,
  previousMeeting,
  type AddedMeeting,
  type MeetingOverride,
} from '../../../../src/domain/meetings';
import type { Meeting } from '../../../../src/domain/registry';

const TZ = 'Europe/Helsinki';

const registryMeetings: Meeting[] = [
  {
    id: 'f-2027-09',
    forum: 'f',
    title: { fi: 'Syyskokous' },
    start: '2027-09-17T13:00:00+03:00',
    end: '2027-09-17T15:00:00+03:00',
    agenda: [],
  },
  {
    id: 'f-2027-03',
    forum: 'f',
    title: { fi: 'Kevätkokous' },
    start: '2027-03-10T13:00:00+02:00',
    end: '2027-03-10T15:00:00+02:00',
    agenda: [{ fi: 'Talous' }],
  },
  {
    id: 'f-2027-05',
    forum: 'f',
    title: { fi: 'Toukokuu' },
    start: '2027-05-05T13:00:00+03:00',
    end: '2027-05-05T15:00:00+03:00',
    agenda: [],
  },
];

const added: AddedMeeting = {
  kind: 'added',
  id: 'f-2027-06-01',
  forum: 'f',
  title: { fi: 'Lisäkokous' },
  start: '2027-06-01T09:00:00+03:00',
  end: '2027-06-01T10:00:00+03:00',
  agenda: [],
  cancelled: false,
  sequence: 0,
  createdBy: 'p',
  createdAt: 1,
  updatedBy: 'p',
  updatedAt: 1,
};

const moved: MeetingOverride = {
  kind: 'override',
  id: 'f-2027-09',
  forum: 'f',
  start: '2027-10-01T13:00:00+03:00',
  end: '2027-10-01T15:00:00+03:00',
  cancelled: false,
  sequence: 1,
  updatedBy: 'p',
  updatedAt: 2,
};

const cancelled: MeetingOverride = {
  kind: 'override',
  id: 'f-2027-05',
  forum: 'f',
  cancelled: true,
  sequence: 1,
  updatedBy: 'p',
  updatedAt: 3,
};

describe('mergeMeetings', () => {
  const merged = mergeMeetings(registryMeetings, [
    { record: added, version: 1 },
    { record: moved, version: 2 },
    { record: cancelled, version: 1 },
    // A change of a registry meeting that is no longer in the registry is ignored.
    { record: { ...cancelled, id: 'gone' }, version: 1 },
  ]);

  it('applies moves and cancellations to registry meetings, adds chat meetings, and sorts by start', () => {
    expect(merged.map((m) => [m.id, m.origin, m.cancelled, m.sequence, m.version])).toEqual([
      ['f-2027-03', 'registry', false, 0, 0],
      ['f-2027-05', 'registry', true, 1, 1],
      ['f-2027-06-01', 'chat', false, 0, 1],
      ['f-2027-09', 'registry', false, 1, 2],
    ]);
    expect(merged[3]).toMatchObject({ start: '2027-10-01T13:00:00+03:00', title: { fi: 'Syyskokous' } });
    expect(merged[1]?.start).toBe('2027-05-05T13:00:00+03:00');
  });

  it('finds the next meeting after now and the previous one, skipping cancelled meetings', () => {
    expect(nextMeeting(merged, Date.parse('2027-04-01T00:00:00Z'))?.id).toBe('f-2027-06-01');
    expect(nextMeeting(merged, Date.parse('2027-03-10T11:00:00Z'))?.id).toBe('f-2027-06-01');
    expect(nextMeeting(merged, Date.parse('2027-03-10T10:59:59Z'))?.id).toBe('f-2027-03');
    expect(nextMeeting(merged, Date.parse('2028-01-01T00:00:00Z'))).toBeUndefined();
    const september = merged.find((m) => m.id === 'f-2027-09');
    expect(september && previousMeeting(merged, september)?.id).toBe('f-2027-06-01');
    const june = merged.find((m) => m.id === 'f-2027-06-01');
    expect(june && previousMeeting(merged, june)?.id).toBe('f-2027-03');
    const march = merged.find((m) => m.id === 'f-2027-03');
    expect(march && previousMeeting(merged, march)).toBeUndefined();
  });
});

describe('meeting input', () => {
  it('reads wall-clock times in Helsinki and keeps given offsets', () => {
    expect(parseMeetingTime('2027-03-10T13:00', TZ)).toBe('2027-03-10T13:00:00+02:00');
    expect(parseMeetingTime('2027-07-10T13:00', TZ)).toBe('2027-07-10T13:00:00+03:00');
    expect(parseMeetingTime('2027-07-10T10:00:00Z', TZ)).toBe('2027-07-10T13:00:00+03:00');
    expect(parseMeetingTime('2027-02-30T10:00', TZ)).toBeUndefined();
    expect(parseMeetingTime('huomenna', TZ)).toBeUndefined();
    expect(parseMeetingTime('2027-03-10', TZ)).toBeUndefined();
  });

  it('checks times: real, ordered, not absurdly long, not in the past', () => {
    const now = Date.parse('2027-01-01T00:00:00Z');
    expect(checkMeetingTimes('2027-03-10T13:00', '2027-03-10T15:00', { now, timeZone: TZ })).toEqual({
      ok: true,
      start: '2027-03-10T13:00:00+02:00',
      end: '2027-03-10T15:00:00+02:00',
    });
    const codes = (start: string, end: string) => {
      const result = checkMeetingTimes(start, end, { now, timeZone: TZ });
      return result.ok ? [] : result.problems.map((p) => p.code);
    };
    expect(codes('x', '2027-03-10T15:00')).toEqual(['timeInvalid']);
    expect(codes('2027-03-10T15:00', '2027-03-10T15:00')).toEqual(['endNotAfterStart']);
    expect(codes('2027-03-10T15:00', '2027-03-20T15:00')).toEqual(['tooLong']);
    expect(codes('2026-12-31T10:00', '2026-12-31T11:00')).toEqual(['startPast']);
  });

  it('checks the title, place and agenda', () => {
    expect(checkMeetingDetails({ title: 'Kokous' })).toEqual([]);
    expect(checkMeetingDetails({ title: '  ' }).map((p) => p.code)).toEqual(['titleEmpty']);
    expect(
      checkMeetingDetails({
        title: 'x'.repeat(201),
        location: 'y'.repeat(301),
        agenda: ['z'.repeat(301)],
      }).map((p) => p.code),
    ).toEqual(['titleTooLong', 'locationTooLong', 'agendaItemTooLong']);
  });
});
