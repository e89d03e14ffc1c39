/** MeetingService against one store backend: the same suite runs on files and on Redis. */
import type { MeetingOutcome } from '../../../../src/app/meetings';
import { MEETING_AUDIT, MEETING_INDEX, meetingKey } from '../../../../src/app/meetings/storage-keys';
import type { RegistryIndex } from '../../../../src/domain/registry';
import type { Store } from '../../../../src/ports/store';
import { AAD } from '../../domain/actions/registry-fixture';
import type { StoreBackend } from '../actions/fixture';
import { icsEvents, openMeetingFixture, type MeetingFixture } from './fixture';

const FORUM = 'neuvottelukunta-ks';
const REGISTRY_MEETING = 'neuvottelukunta-ks-2027-09';

function value<T>(outcome: MeetingOutcome<T>): T {
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify(outcome.failure)}`);
  return outcome.value;
}

function code<T>(outcome: MeetingOutcome<T>): string {
  return outcome.ok ? 'ok' : outcome.failure.code;
}

/** Everything a refused change could have touched. */
async function stateOf(store: Store, meetingIds: readonly string[]): Promise<unknown> {
  return {
    index: await store.range(MEETING_INDEX.forum(FORUM)),
    records: await store.getMany(meetingIds.map((id) => meetingKey(FORUM, id))),
    audits: await Promise.all(meetingIds.map((id) => store.readAudit(MEETING_AUDIT.meeting(FORUM, id)))),
  };
}

export function describeMeetings(backend: StoreBackend, registry: () => RegistryIndex): void {
  describe(`MeetingService on ${backend.name}`, () => {
    let fx: MeetingFixture;
    beforeEach(async () => {
      fx = await openMeetingFixture(backend, registry());
    });
    afterEach(async () => {
      await fx.dispose();
    });

    const addAutumn = (actor: string = AAD.secretary, title = 'Ylimääräinen kokous') =>
      fx.service.add(actor, {
        forumId: FORUM,
        title,
        start: '2027-10-05T13:00',
        end: '2027-10-05T15:00',
        location: 'Teams',
        agenda: ['Talousarvio 2028', ' '],
      });

    it('lets a secretary add a meeting: readable id, listed among the registry meetings, audited', async () => {
      const { meeting, created } = value(await addAutumn());
      expect(created).toBe(true);
      expect(meeting).toMatchObject({
        id: 'neuvottelukunta-ks-2027-10-05',
        forum: FORUM,
        title: { fi: 'Ylimääräinen kokous' },
        start: '2027-10-05T13:00:00+03:00',
        end: '2027-10-05T15:00:00+03:00',
        location: { fi: 'Teams' },
        agenda: [{ fi: 'Talousarvio 2028' }],
        origin: 'chat',
        cancelled: false,
        sequence: 0,
        version: 1,
      });
      const listed = value(await fx.service.list(FORUM));
      expect(listed.map((m) => m.id)).toEqual([REGISTRY_MEETING, 'neuvottelukunta-ks-2027-10-05']);
      const history = value(await fx.service.history(FORUM, meeting.id));
      expect(history).toEqual([expect.objectContaining({ actor: 'marja-malli', event: 'meeting.added' })]);
    });

    it('gives back the same meeting when it is added twice, and a new id for another meeting that day', async () => {
      const first = value(await addAutumn());
      const again = value(await addAutumn(AAD.chair, '  ylimääräinen KOKOUS '));
      expect(again).toEqual({ meeting: first.meeting, created: false });
      const other = value(await addAutumn(AAD.secretary, 'Työpaja'));
      expect(other.meeting.id).toBe('neuvottelukunta-ks-2027-10-05-2');
      expect(value(await fx.service.list(FORUM))).toHaveLength(3);
    });

    it('makes one meeting when two instances add the same meeting at once', async () => {
      const results = await Promise.all([
        addAutumn(),
        fx.instance().add(AAD.chair, {
          forumId: FORUM,
          title: 'Ylimääräinen kokous',
          start: '2027-10-05T13:00:00+03:00',
          end: '2027-10-05T15:00:00+03:00',
        }),
      ]);
      expect(results.map((r) => value(r).created).sort()).toEqual([false, true]);
      expect(value(await fx.service.list(FORUM))).toHaveLength(2);
    });

    it('refuses users who do not lead the forum and bad input, and changes nothing', async () => {
      const before = await stateOf(fx.store, [REGISTRY_MEETING, 'neuvottelukunta-ks-2027-10-05']);
      expect(code(await addAutumn(AAD.stranger))).toBe('MEETING_UNKNOWN_USER');
      expect(code(await addAutumn(AAD.outsider))).toBe('MEETING_FORBIDDEN');
      // Secretary of other forums of the same region: no rights here.
      expect(code(await addAutumn(AAD.otherSecretary))).toBe('MEETING_FORBIDDEN');
      expect(
        code(
          await fx.service.add(AAD.secretary, {
            forumId: 'nope',
            title: 'x',
            start: '2027-10-05T13:00',
            end: '2027-10-05T14:00',
          }),
        ),
      ).toBe('MEETING_NOT_FOUND');
      const invalid = await fx.service.add(AAD.secretary, {
        forumId: FORUM,
        title: ' ',
        start: '2026-01-01T10:00',
        end: 'eilen',
      });
      expect(invalid.ok ? [] : invalid.failure.problems?.map((p) => p.code)).toEqual([
        'titleEmpty',
        'timeInvalid',
      ]);
      const move = {
        forumId: FORUM,
        meetingId: REGISTRY_MEETING,
        start: '2027-09-20T13:00',
        end: '2027-09-20T15:00',
      };
      expect(code(await fx.service.move(AAD.stranger, move))).toBe('MEETING_UNKNOWN_USER');
      expect(code(await fx.service.move(AAD.outsider, move))).toBe('MEETING_FORBIDDEN');
      expect(code(await fx.service.cancel(AAD.otherSecretary, move))).toBe('MEETING_FORBIDDEN');
      expect(
        code(await fx.service.move(AAD.secretary, { ...move, meetingId: 'hyte-neuvottelu-ks-2027' })),
      ).toBe('MEETING_NOT_FOUND');
      expect(
        code(
          await fx.service.move(AAD.secretary, {
            ...move,
            start: '2026-01-01T10:00',
            end: '2026-01-01T11:00',
          }),
        ),
      ).toBe('MEETING_INVALID');
      const same = await fx.service.move(AAD.secretary, {
        ...move,
        start: '2027-09-17T13:00',
        end: '2027-09-17T15:30',
      });
      expect(same.ok ? [] : same.failure.problems).toEqual([{ field: 'start', code: 'unchanged' }]);
      expect(await stateOf(fx.store, [REGISTRY_MEETING, 'neuvottelukunta-ks-2027-10-05'])).toEqual(before);
      expect(value(await fx.service.get(FORUM, REGISTRY_MEETING))).toMatchObject({ sequence: 0, version: 0 });
    });

    it('moves a registry meeting, counting the change, with optimistic concurrency', async () => {
      const moved = value(
        await fx.service.move(AAD.chair, {
          forumId: FORUM,
          meetingId: REGISTRY_MEETING,
          start: '2027-09-24T12:00',
          end: '2027-09-24T14:00',
          expectedVersion: 0,
        }),
      );
      expect(moved).toMatchObject({
        id: REGISTRY_MEETING,
        origin: 'registry',
        start: '2027-09-24T12:00:00+03:00',
        end: '2027-09-24T14:00:00+03:00',
        title: { fi: 'Neuvottelukunnan syyskokous 2027', en: 'Negotiating committee autumn meeting 2027' },
        sequence: 1,
        version: 1,
      });
      const stale = await fx.service.move(AAD.secretary, {
        forumId: FORUM,
        meetingId: REGISTRY_MEETING,
        start: '2027-09-25T12:00',
        end: '2027-09-25T14:00',
        expectedVersion: 0,
      });
      expect(stale.ok ? undefined : stale.failure).toMatchObject({
        code: 'MEETING_CONFLICT',
        current: { version: 1, sequence: 1 },
      });
      expect(value(await fx.service.get(FORUM, REGISTRY_MEETING)).start).toBe('2027-09-24T12:00:00+03:00');
      const again = value(
        await fx.service.move(AAD.secretary, {
          forumId: FORUM,
          meetingId: REGISTRY_MEETING,
          start: '2027-09-25T12:00',
          end: '2027-09-25T14:00',
          expectedVersion: 1,
        }),
      );
      expect(again).toMatchObject({ sequence: 2, version: 2 });
      const history = value(await fx.service.history(FORUM, REGISTRY_MEETING));
      expect(history.map((entry) => [entry.event, entry.actor, entry.data?.sequence])).toEqual([
        ['meeting.moved', 'kaisa-kuvitelma', 1],
        ['meeting.moved', 'marja-malli', 2],
      ]);
    });

    it('lets concurrent changes without a version both through, one after the other', async () => {
      const move = (instance: typeof fx.service, day: number) =>
        instance.move(AAD.secretary, {
          forumId: FORUM,
          meetingId: REGISTRY_MEETING,
          start: `2027-09-${day}T12:00`,
          end: `2027-09-${day}T14:00`,
        });
      const results = await Promise.all([
        move(fx.service, 20),
        move(fx.instance(), 21),
        move(fx.instance(), 22),
      ]);
      expect(results.every((r) => r.ok)).toBe(true);
      expect(value(await fx.service.get(FORUM, REGISTRY_MEETING))).toMatchObject({ sequence: 3, version: 3 });
    });

    it('cancels a meeting: kept in the list, flagged, skipped as next; cannot be cancelled or moved again', async () => {
      const added = value(await addAutumn()).meeting;
      const cancelled = value(
        await fx.service.cancel(AAD.secretary, { forumId: FORUM, meetingId: REGISTRY_MEETING }),
      );
      expect(cancelled).toMatchObject({ cancelled: true, sequence: 1, start: '2027-09-17T13:00:00+03:00' });
      expect(value(await fx.service.list(FORUM)).map((m) => [m.id, m.cancelled])).toEqual([
        [REGISTRY_MEETING, true],
        [added.id, false],
      ]);
      expect(value(await fx.service.next(FORUM))?.id).toBe(added.id);
      expect(value(await fx.service.previous(FORUM, added.id))).toBeUndefined();
      expect(
        code(await fx.service.cancel(AAD.secretary, { forumId: FORUM, meetingId: REGISTRY_MEETING })),
      ).toBe('MEETING_CANCELLED');
      expect(
        code(
          await fx.service.move(AAD.secretary, {
            forumId: FORUM,
            meetingId: REGISTRY_MEETING,
            start: '2027-09-20T12:00',
            end: '2027-09-20T13:00',
          }),
        ),
      ).toBe('MEETING_CANCELLED');
      const chatCancelled = value(
        await fx.service.cancel(AAD.chair, { forumId: FORUM, meetingId: added.id, expectedVersion: 1 }),
      );
      expect(chatCancelled).toMatchObject({ origin: 'chat', cancelled: true, sequence: 1, version: 2 });
    });

    it('refuses to move or cancel a meeting that has started', async () => {
      fx.at('2027-09-17T13:00:00+03:00');
      expect(
        code(await fx.service.cancel(AAD.secretary, { forumId: FORUM, meetingId: REGISTRY_MEETING })),
      ).toBe('MEETING_STARTED');
    });

    it('finds the next meeting after now and the one before a meeting', async () => {
      const added = value(await addAutumn()).meeting;
      expect(value(await fx.service.next(FORUM))?.id).toBe(REGISTRY_MEETING);
      expect(value(await fx.service.next(FORUM, Date.parse('2027-09-18T00:00:00Z')))?.id).toBe(added.id);
      expect(value(await fx.service.previous(FORUM, added.id))?.id).toBe(REGISTRY_MEETING);
      expect(code(await fx.service.previous(FORUM, 'nope'))).toBe('MEETING_NOT_FOUND');
      expect(code(await fx.service.list('nope'))).toBe('MEETING_NOT_FOUND');
    });

    it('serves every meeting as iCalendar: stable UID, SEQUENCE, STATUS, local times with TZID', async () => {
      const added = value(await addAutumn()).meeting;
      value(
        await fx.service.move(AAD.secretary, {
          forumId: FORUM,
          meetingId: REGISTRY_MEETING,
          start: '2027-09-24T12:00',
          end: '2027-09-24T14:00',
        }),
      );
      value(await fx.service.cancel(AAD.secretary, { forumId: FORUM, meetingId: added.id }));
      const ics = value(await fx.service.forumMeetingsIcs(FORUM, 'fi'));
      expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Helsinki');
      expect(ics).toContain('X-WR-CALNAME:Kuntien ja hyvinvointialueen neuvottelukunta: kokoukset');
      const events = icsEvents(ics);
      expect(events).toHaveLength(2);
      const [moved, cancelled] = events;
      expect(moved).toMatchObject({
        UID: `${REGISTRY_MEETING}@yhdyspinta-bot`,
        SEQUENCE: '1',
        'DTSTART;TZID=Europe/Helsinki': '20270924T120000',
        'DTEND;TZID=Europe/Helsinki': '20270924T140000',
        STATUS: 'CONFIRMED',
        SUMMARY: 'Neuvottelukunnan syyskokous 2027',
      });
      expect(cancelled).toMatchObject({
        UID: `${added.id}@yhdyspinta-bot`,
        SEQUENCE: '1',
        'DTSTART;TZID=Europe/Helsinki': '20271005T130000',
        STATUS: 'CANCELLED',
        SUMMARY: 'PERUTTU: Ylimääräinen kokous',
        LOCATION: 'Teams',
      });
      // DTSTAMP in UTC, as RFC 5545 requires, whatever the events' zone.
      expect(moved?.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
      expect(ics).toContain('X-WR-TIMEZONE:Europe/Helsinki');
      const english = icsEvents(value(await fx.service.forumMeetingsIcs(FORUM, 'en')));
      expect(english[0]?.SUMMARY).toBe('Negotiating committee autumn meeting 2027');
      expect(code(await fx.service.forumMeetingsIcs('nope', 'fi'))).toBe('MEETING_NOT_FOUND');
    });

    it('gives a winter meeting its standard-time local hours', async () => {
      const added = value(
        await fx.service.add(AAD.secretary, {
          forumId: FORUM,
          title: 'Talvi',
          start: '2027-01-15T08:00:00Z',
          end: '2027-01-15T09:00:00Z',
        }),
      ).meeting;
      expect(added.start).toBe('2027-01-15T10:00:00+02:00');
      const event = icsEvents(value(await fx.service.forumMeetingsIcs(FORUM, 'fi'))).find((e) =>
        e.UID?.startsWith(added.id),
      );
      expect(event?.['DTSTART;TZID=Europe/Helsinki']).toBe('20270115T100000');
      expect(event?.SEQUENCE).toBe('0');
    });
  });
}
