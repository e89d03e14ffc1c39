import type { RegistryIndex } from '../../../../src/domain/registry';
import { openFixture, type ServiceFixture, type StoreBackend } from './fixture';
import { AAD, decided, FORUM, logged, value } from './helpers';

const ids = (page: { items: readonly { action: { id: string } }[] }) => page.items.map((i) => i.action.id);

export function describeQueries(backend: StoreBackend, registry: () => RegistryIndex): void {
  describe(`views of actions and decisions (${backend.name})`, () => {
    let fx: ServiceFixture;

    beforeAll(async () => {
      fx = await openFixture(backend, registry());
      // 001–012: due one week apart from 1.12.2026, Aino's on even numbers, interface hyte on every third.
      for (let i = 1; i <= 12; i++) {
        const due = new Date(Date.UTC(2026, 11, 1 + (i - 1) * 7)).toISOString().slice(0, 10);
        await logged(fx, {
          title: i === 5 ? 'Selvitetään ruoka-avun kuljetukset' : `Toimenpide numero ${i}`,
          description: i === 7 ? 'Hyvinvointisuunnitelman päivitys' : undefined,
          dueDate: due,
          ...(i % 2 === 0 ? { ownerPersonId: 'aino-esimerkki' } : { organisationIds: ['kunta-077'] }),
          ...(i % 3 === 0 ? { interfaceId: 'hyte', goalId: 'ks-kuolleisuus-laskee' } : {}),
          ...(i <= 4 ? { meetingId: 'neuvottelukunta-ks-2027-09' } : {}),
        });
      }
      await logged(fx, { title: 'Ilman määräaikaa', ownerPersonId: 'aino-esimerkki' }); // 013
      await logged(fx, { forumId: 'hyte-neuvottelu-ks', title: 'Toisen foorumin', dueDate: '2026-12-02' });
      // Done and cancelled ones leave the open views but stay in the groupings.
      value(
        await fx.service.updateStatus(AAD.secretary, {
          forumId: FORUM,
          actionId: 'ANK-2026-002',
          status: 'valmis',
        }),
      );
      value(
        await fx.service.updateStatus(AAD.secretary, {
          forumId: FORUM,
          actionId: 'ANK-2026-003',
          status: 'peruttu',
        }),
      );
      await decided(fx, 'Ensimmäinen päätös', 'neuvottelukunta-ks-2027-09');
      await decided(fx, 'Toinen päätös', 'neuvottelukunta-ks-2027-09');
      await decided(fx, 'Kokouksen ulkopuolinen päätös');
      // Three weeks on: 001 (1.12.) and 004 (22.12.) are late; 002 and 003 are closed.
      fx.at('2026-12-23T09:00:00+02:00');
    });
    afterAll(async () => {
      await fx.dispose();
    });

    it('lists the forum’s open actions by due date, undated last, with paging and a total', async () => {
      const first = value(await fx.service.forumOpenActions(FORUM, { limit: 4 }));
      expect(first.total).toBe(11);
      expect(ids(first)).toEqual(['ANK-2026-001', 'ANK-2026-004', 'ANK-2026-005', 'ANK-2026-006']);
      const last = value(await fx.service.forumOpenActions(FORUM, { offset: 8, limit: 4 }));
      expect(ids(last)).toEqual(['ANK-2026-011', 'ANK-2026-012', 'ANK-2026-013']);
      expect(last).toMatchObject({ offset: 8, limit: 4, total: 11 });
      expect(first.items[0]).toMatchObject({ overdue: true, version: 1 });
      expect(first.items[2]?.overdue).toBe(false);
    });

    it('derives overdue from due date and status at today', async () => {
      const overdue = value(await fx.service.forumOverdueActions(FORUM));
      expect(ids(overdue)).toEqual(['ANK-2026-001', 'ANK-2026-004']);
      expect(overdue.total).toBe(2);
      expect(overdue.items.every((item) => item.overdue)).toBe(true);
      // Due today is not late yet.
      fx.at('2026-12-29T23:59:00+02:00');
      expect(value(await fx.service.forumOverdueActions(FORUM)).total).toBe(2);
      fx.at('2026-12-30T00:01:00+02:00');
      expect(value(await fx.service.forumOverdueActions(FORUM)).total).toBe(3);
      fx.at('2026-12-23T09:00:00+02:00');
    });

    it('shows a user their own open actions', async () => {
      const mine = value(await fx.service.myActions(AAD.owner, { limit: 3 }));
      expect(mine.total).toBe(6);
      expect(ids(mine)).toEqual(['ANK-2026-004', 'ANK-2026-006', 'ANK-2026-008']);
      expect(value(await fx.service.myActions(AAD.outsider)).total).toBe(0);
      const stranger = await fx.service.myActions(AAD.stranger);
      expect(stranger.ok ? 'ok' : stranger.failure.code).toBe('ACTION_UNKNOWN_USER');
    });

    it('groups by interface, organisation, goal and meeting, closed ones included', async () => {
      expect(ids(value(await fx.service.actionsBy('interface', 'hyte')))).toEqual([
        'ANK-2026-003',
        'ANK-2026-006',
        'ANK-2026-009',
        'ANK-2026-012',
      ]);
      expect(value(await fx.service.actionsBy('organisation', 'kunta-179')).total).toBe(7);
      expect(value(await fx.service.actionsBy('organisation', 'kunta-077', { limit: 2 }))).toMatchObject({
        total: 6,
      });
      expect(value(await fx.service.actionsBy('goal', 'ks-kuolleisuus-laskee')).total).toBe(4);
      expect(ids(value(await fx.service.actionsBy('meeting', 'neuvottelukunta-ks-2027-09')))).toEqual([
        'ANK-2026-001',
        'ANK-2026-002',
        'ANK-2026-003',
        'ANK-2026-004',
      ]);
      const unknown = await fx.service.actionsBy('goal', 'no-goal');
      expect(unknown.ok ? 'ok' : unknown.failure).toEqual({
        code: 'ACTION_NOT_FOUND',
        params: { kind: 'goal', id: 'no-goal' },
      });
    });

    it('searches a forum’s actions by words', async () => {
      expect(ids(value(await fx.service.searchActions(FORUM, 'ruoka-avun')))).toEqual(['ANK-2026-005']);
      expect(ids(value(await fx.service.searchActions(FORUM, 'HYVINVOINTISUUNNITELMAN')))).toEqual([
        'ANK-2026-007',
      ]);
      const numbered = value(await fx.service.searchActions(FORUM, 'toimenpide numero', { limit: 3 }));
      expect(numbered.total).toBe(11);
      expect(ids(numbered)).toEqual(['ANK-2026-012', 'ANK-2026-011', 'ANK-2026-010']);
      expect(value(await fx.service.searchActions(FORUM, 'toisen foorumin')).total).toBe(0);
    });

    it('finds an action by the id people type', async () => {
      expect(value(await fx.service.findAction('ank-2026-5')).action.id).toBe('ANK-2026-005');
      expect(value(await fx.service.findAction('HYNK-2026-001')).action.forum).toBe('hyte-neuvottelu-ks');
      expect((await fx.service.findAction('ANK-2026-404')).ok).toBe(false);
      expect((await fx.service.findAction('nonsense')).ok).toBe(false);
    });

    it('lists decisions of a meeting in order and of a forum newest first', async () => {
      const meeting = value(await fx.service.decisionsOfMeeting('neuvottelukunta-ks-2027-09'));
      expect(meeting.items.map((d) => d.decision.text)).toEqual(['Ensimmäinen päätös', 'Toinen päätös']);
      const forum = value(await fx.service.decisionsOfForum(FORUM, { limit: 1 }));
      expect(forum.total).toBe(3);
      expect(forum.items[0]?.decision.id).toBe('ANK-2026-P003');
    });

    it('sanitises paging values from card payloads', async () => {
      const odd = value(await fx.service.forumOpenActions(FORUM, { offset: -5, limit: 10_000 }));
      expect(odd).toMatchObject({ offset: 0, limit: 100, total: 11 });
      const nan = value(await fx.service.forumOpenActions(FORUM, { offset: Number.NaN, limit: 0 }));
      expect(nan).toMatchObject({ offset: 0, limit: 10 });
    });
  });
}
