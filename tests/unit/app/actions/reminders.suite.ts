import type { DueReminder } from '../../../../src/app/actions';
import type { RegistryIndex } from '../../../../src/domain/registry';
import { openFixture, type ServiceFixture, type StoreBackend } from './fixture';
import { AAD, FORUM, logged, value } from './helpers';

const keys = (reminders: readonly DueReminder[]) =>
  reminders.map((r) => `${r.kind} ${r.action.action.id} ${r.dueDate}`).sort();

export function describeReminders(backend: StoreBackend, registry: () => RegistryIndex): void {
  describe(`reminders (${backend.name})`, () => {
    let fx: ServiceFixture;

    beforeEach(async () => {
      fx = await openFixture(backend, registry());
      // Today is 23.11.2026.
      await logged(fx, { title: 'A', dueDate: '2026-11-30', ownerPersonId: 'aino-esimerkki' }); // 001: in 7 days
      await logged(fx, { title: 'B', dueDate: '2026-12-15' }); // 002: later
      await logged(fx, { title: 'C', dueDate: '2026-11-22', confirmPastDueDate: true }); // 003: overdue from today
      await logged(fx, { title: 'D', dueDate: '2026-11-25' }); // 004: closed below
      await logged(fx, { title: 'E' }); // 005: no due date
      await logged(fx, { title: 'F', dueDate: '2026-12-01' }); // 006: in 8 days
      value(
        await fx.service.updateStatus(AAD.secretary, {
          forumId: FORUM,
          actionId: 'ANK-2026-004',
          status: 'valmis',
        }),
      );
    });
    afterEach(async () => {
      await fx.dispose();
    });

    it('hands each reminder to exactly one of three concurrent claimers, once', async () => {
      const instances = [fx.service, fx.instance(), fx.instance()];
      const rounds = await Promise.all(instances.map((service) => service.claimDueReminders(fx.now())));
      expect(keys(rounds.flat())).toEqual([
        'dueSoon ANK-2026-001 2026-11-30',
        'overdue ANK-2026-003 2026-11-22',
      ]);
      const aino = rounds.flat().find((r) => r.action.action.id === 'ANK-2026-001');
      expect(aino).toMatchObject({ ownerAadObjectId: AAD.owner, action: { overdue: false } });
      expect(rounds.flat().find((r) => r.kind === 'overdue')?.action.overdue).toBe(true);
      // Later the same day, and on another instance: nothing again.
      fx.at('2026-11-23T18:00:00+02:00');
      expect(await fx.instance().claimDueReminders(fx.now())).toEqual([]);
    });

    it('reminds again on the day an action becomes overdue, and for a moved due date', async () => {
      await fx.service.claimDueReminders(fx.now());
      fx.at('2026-11-24T07:00:00+02:00');
      // 006 is now 7 days away.
      expect(keys(await fx.service.claimDueReminders(fx.now()))).toEqual(['dueSoon ANK-2026-006 2026-12-01']);
      fx.at('2026-12-01T07:00:00+02:00');
      // 001 was due yesterday; 002 is still 14 days away.
      expect(keys(await fx.service.claimDueReminders(fx.now()))).toEqual(['overdue ANK-2026-001 2026-11-30']);
      value(
        await fx.service.changeDueDate(AAD.secretary, {
          forumId: FORUM,
          actionId: 'ANK-2026-001',
          dueDate: '2026-12-05',
        }),
      );
      expect(keys(await fx.service.claimDueReminders(fx.now()))).toEqual(['dueSoon ANK-2026-001 2026-12-05']);
    });

    it('catches up a run missed for a few days, and never reminds of closed actions', async () => {
      fx.at('2026-11-26T07:00:00+02:00');
      expect(keys(await fx.service.claimDueReminders(fx.now()))).toEqual([
        'dueSoon ANK-2026-001 2026-11-30',
        'dueSoon ANK-2026-006 2026-12-01',
        'overdue ANK-2026-003 2026-11-22',
      ]);
    });

    it('uses the number of days it is given', async () => {
      expect(keys(await fx.service.claimDueReminders(fx.now(), { daysBefore: 8, catchUpDays: 0 }))).toEqual([
        'dueSoon ANK-2026-001 2026-11-30',
        'dueSoon ANK-2026-006 2026-12-01',
        'overdue ANK-2026-003 2026-11-22',
      ]);
    });

    it('does not make up for runs missed longer than the catch-up days', async () => {
      fx.at('2026-11-28T07:00:00+02:00');
      // 003 became overdue on 23.11., five days ago.
      expect(keys(await fx.service.claimDueReminders(fx.now(), { catchUpDays: 3 }))).toEqual([
        'dueSoon ANK-2026-001 2026-11-30',
        'dueSoon ANK-2026-006 2026-12-01',
      ]);
    });

    it('offers a released reminder again', async () => {
      const [first] = (await fx.service.claimDueReminders(fx.now())).filter((r) => r.kind === 'dueSoon');
      if (!first) throw new Error('no reminder');
      await fx.service.releaseReminder(first);
      expect(keys(await fx.service.claimDueReminders(fx.now()))).toEqual(['dueSoon ANK-2026-001 2026-11-30']);
    });
  });
}
