import { INDEX } from '../../../../src/app/actions/storage-keys';
import type { RegistryIndex } from '../../../../src/domain/registry';
import { openFixture, type ServiceFixture, type StoreBackend } from './fixture';
import { AAD, decided, FORUM, logged, value } from './helpers';

export function describeLogging(backend: StoreBackend, registry: () => RegistryIndex): void {
  describe(`logging actions and decisions (${backend.name})`, () => {
    let fx: ServiceFixture;
    beforeEach(async () => {
      fx = await openFixture(backend, registry());
    });
    afterEach(async () => {
      await fx.dispose();
    });

    it('logs an action with a readable id per forum and year, indexed and audited', async () => {
      const outcome = await fx.service.logAction(AAD.secretary, {
        forumId: FORUM,
        idempotencyKey: 'activity-1',
        title: '  Päivitetään hyvinvointisuunnitelma ',
        ownerPersonId: 'aino-esimerkki',
        dueDate: '2027-03-31',
        interfaceId: 'hyte',
        goalId: 'ks-kuolleisuus-laskee',
        meetingId: 'neuvottelukunta-ks-2027-09',
        sourceMessageLink: 'https://teams.microsoft.com/l/message/19:x/1',
      });
      const { record, created } = value(outcome);
      expect(created).toBe(true);
      expect(record.version).toBe(1);
      expect(record.overdue).toBe(false);
      expect(record.action).toMatchObject({
        id: 'ANK-2026-001',
        forum: FORUM,
        title: 'Päivitetään hyvinvointisuunnitelma',
        status: 'avoin',
        ownerPerson: 'aino-esimerkki',
        // The owner person's organisation is responsible unless told otherwise.
        organisations: ['kunta-179'],
        dueDate: '2027-03-31',
        createdBy: 'marja-malli',
        createdAt: fx.now(),
        comments: [],
      });
      expect((await logged(fx)).action.id).toBe('ANK-2026-002');
      // hyte-neuvottelu-kp comes first in the registry and has HNK; this one gets the next candidate.
      expect((await logged(fx, { forumId: 'hyte-neuvottelu-ks' })).action.id).toBe('HYNK-2026-001');
      fx.at('2027-01-01T00:30:00+02:00');
      expect((await logged(fx)).action.id).toBe('ANK-2027-001');

      for (const index of [
        INDEX.forumOpen(FORUM),
        INDEX.ownerOpen('aino-esimerkki'),
        INDEX.byInterface('hyte'),
        INDEX.byGoal('ks-kuolleisuus-laskee'),
        INDEX.byMeeting('neuvottelukunta-ks-2027-09'),
        INDEX.byOrganisation('kunta-179'),
        INDEX.due,
      ]) {
        expect((await fx.store.range(index)).map((e) => e.member)).toContain(`${FORUM}:ANK-2026-001`);
      }
      const history = value(await fx.service.history(FORUM, 'ANK-2026-001'));
      expect(history).toEqual([
        expect.objectContaining({
          actor: 'marja-malli',
          event: 'action.created',
          at: Date.parse('2026-11-23T10:00:00+02:00'),
        }),
      ]);
    });

    it('lets the chair log too', async () => {
      expect((await logged(fx, {}, AAD.chair)).action.createdBy).toBe('kaisa-kuvitelma');
    });

    it.each([
      ['an owner', AAD.owner, 'ACTION_FORBIDDEN'],
      ['a secretary of another forum', AAD.otherSecretary, 'ACTION_FORBIDDEN'],
      ['a person who leads nothing', AAD.outsider, 'ACTION_FORBIDDEN'],
      ['a user not in the registry', AAD.stranger, 'ACTION_UNKNOWN_USER'],
    ])('refuses %s and changes nothing', async (_who, actor, code) => {
      const outcome = await fx.service.logAction(actor, { forumId: FORUM, idempotencyKey: 'k', title: 'x' });
      expect(outcome).toEqual({ ok: false, failure: expect.objectContaining({ code }) });
      expect(await fx.store.count(INDEX.forumAll(FORUM))).toBe(0);
      expect(await fx.store.count(INDEX.idempotency('action'))).toBe(0);
      // Nothing was claimed or counted: the same key and the next number are still free.
      const next = value(
        await fx.service.logAction(AAD.secretary, { forumId: FORUM, idempotencyKey: 'k', title: 'x' }),
      );
      expect(next).toMatchObject({ created: true, record: { action: { id: 'ANK-2026-001' } } });
    });

    it('refuses an unknown forum', async () => {
      const outcome = await fx.service.logAction(AAD.secretary, {
        forumId: 'no-such',
        idempotencyKey: 'k',
        title: 'x',
      });
      expect(outcome).toEqual({
        ok: false,
        failure: { code: 'ACTION_NOT_FOUND', params: { kind: 'forum', id: 'no-such' } },
      });
    });

    it('refuses bad input with every problem at once, and writes nothing', async () => {
      const outcome = await fx.service.logAction(AAD.secretary, {
        forumId: FORUM,
        idempotencyKey: 'bad',
        title: 'x'.repeat(501),
        description: 'd'.repeat(4001),
        dueDate: '2027-02-30',
        ownerPersonId: 'nobody',
        organisationIds: ['kunta-179', 'kunta-000'],
        meetingId: 'hyte-neuvottelu-ks-2027',
        decisionId: 'ANK-2026-P001',
        interfaceId: 'no-interface',
        goalId: 'no-goal',
        sourceMessageLink: 'javascript:alert(1)',
      });
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.failure.code).toBe('ACTION_INVALID');
      expect(outcome.failure.problems?.map((p) => p.code).sort()).toEqual(
        [
          'titleTooLong',
          'descriptionTooLong',
          'dueDateInvalid',
          'unknownPerson',
          'unknownOrganisation',
          'meetingOfOtherForum',
          'unknownDecision',
          'unknownInterface',
          'unknownGoal',
          'linkInvalid',
        ].sort(),
      );
      expect(await fx.store.count(INDEX.forumAll(FORUM))).toBe(0);
    });

    it('asks to confirm a due date in the past', async () => {
      const asked = await fx.service.logAction(AAD.secretary, {
        forumId: FORUM,
        idempotencyKey: 'past',
        title: 'late',
        dueDate: '2026-11-01',
      });
      expect(asked).toEqual({
        ok: false,
        failure: {
          code: 'ACTION_INVALID',
          problems: [{ field: 'dueDate', code: 'dueDatePast', params: { date: '2026-11-01' } }],
        },
      });
      const confirmed = await logged(fx, { dueDate: '2026-11-01', confirmPastDueDate: true });
      expect(confirmed).toMatchObject({ overdue: true, action: { id: 'ANK-2026-001' } });
    });

    it('links an action to a decision of the same forum only', async () => {
      const decision = await decided(fx, 'Hyväksyttiin suunnitelma');
      expect((await logged(fx, { decisionId: decision.decision.id })).action.decision).toBe('ANK-2026-P001');
      const other = await decided(fx, 'Toisen foorumin päätös', undefined, 'hyte-neuvottelu-ks');
      const outcome = await fx.service.logAction(AAD.secretary, {
        forumId: FORUM,
        idempotencyKey: 'x',
        title: 't',
        decisionId: other.decision.id,
      });
      expect(outcome.ok ? 'ok' : outcome.failure.problems?.[0]?.code).toBe('unknownDecision');
    });

    it('creates one action from 20 concurrent deliveries of the same activity, on two instances', async () => {
      const second = fx.instance();
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 === 0 ? fx.service : second).logAction(AAD.secretary, {
            forumId: FORUM,
            idempotencyKey: 'teams-activity-42',
            title: 'Kerran vain',
          }),
        ),
      );
      const results = outcomes.map(value);
      expect(new Set(results.map((r) => r.record.action.id))).toEqual(new Set(['ANK-2026-001']));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await fx.store.count(INDEX.forumAll(FORUM))).toBe(1);
      expect(value(await fx.service.history(FORUM, 'ANK-2026-001'))).toHaveLength(1);
      // No number was spent on the duplicates.
      expect((await logged(fx)).action.id).toBe('ANK-2026-002');
      // A redelivery much later still finds it.
      fx.at('2026-11-24T10:00:00+02:00');
      const again = value(
        await fx.service.logAction(AAD.secretary, {
          forumId: FORUM,
          idempotencyKey: 'teams-activity-42',
          title: 'Kerran vain',
        }),
      );
      expect(again).toMatchObject({ created: false, record: { action: { id: 'ANK-2026-001' } } });
    });

    it('scopes idempotency keys to the forum', async () => {
      const a = await logged(fx, { idempotencyKey: 'same' });
      const b = await logged(fx, { idempotencyKey: 'same', forumId: 'hyte-neuvottelu-ks' });
      expect([a.action.id, b.action.id]).toEqual(['ANK-2026-001', 'HYNK-2026-001']);
    });

    it('logs decisions idempotently, with their own numbers', async () => {
      const input = {
        forumId: FORUM,
        idempotencyKey: 'd-1',
        text: 'Hyväksyttiin',
        meetingId: 'neuvottelukunta-ks-2027-09',
      };
      const both = (
        await Promise.all([
          fx.service.logDecision(AAD.secretary, input),
          fx.service.logDecision(AAD.secretary, input),
        ])
      ).map(value);
      expect(both.map((r) => r.record.decision.id)).toEqual(['ANK-2026-P001', 'ANK-2026-P001']);
      expect(both.map((r) => r.created).sort()).toEqual([false, true]);
      expect(value(await fx.service.getDecision(FORUM, 'ANK-2026-P001')).decision).toMatchObject({
        text: 'Hyväksyttiin',
        date: '2026-11-23',
        loggedBy: 'marja-malli',
      });
      const refused = await fx.service.logDecision(AAD.owner, { ...input, idempotencyKey: 'd-2' });
      expect(refused.ok ? 'ok' : refused.failure.code).toBe('ACTION_FORBIDDEN');
      const invalid = await fx.service.logDecision(AAD.secretary, {
        ...input,
        idempotencyKey: 'd-3',
        text: ' ',
        date: '2026-13-01',
      });
      expect(invalid.ok ? [] : invalid.failure.problems?.map((p) => p.code)).toEqual([
        'textEmpty',
        'dateInvalid',
      ]);
      expect(await fx.store.count(INDEX.forumDecisions(FORUM))).toBe(1);
    });

    it('requires an idempotency key', async () => {
      await expect(
        fx.service.logAction(AAD.secretary, { forumId: FORUM, idempotencyKey: '', title: 'x' }),
      ).rejects.toThrow(TypeError);
    });

    it('drafts the form from the log command, resolving the owner in the forum’s region', () => {
      const draft = fx.service.draft(
        'kirjaa toimenpide: päivitetään hyvinvointisuunnitelma, vastuu Jyväskylä, määräaika 31.3.2027',
        FORUM,
      );
      expect(draft).toMatchObject({
        kind: 'action',
        title: 'päivitetään hyvinvointisuunnitelma',
        organisationIds: ['kunta-179'],
        dueDate: '2027-03-31',
        problems: [],
      });
      expect(draft.ownerText).toBeUndefined();
      const person = fx.service.draft('log action: x, owner Aino Esimerkki, due 2027-03-31', FORUM);
      expect(person).toMatchObject({ ownerPersonId: 'aino-esimerkki', organisationIds: ['kunta-179'] });
      const unknown = fx.service.draft('logga åtgärd: x, ansvar Jyväskylää, deadline 31 mars 2027', FORUM);
      expect(unknown.ownerText).toBe('Jyväskylää');
      expect(unknown.problems[0]).toMatchObject({
        code: 'ownerUnknown',
        suggestions: expect.arrayContaining(['Jyväskylä']),
      });
    });
  });

  it('gives every logged id a fresh number even when the key is new each time', async () => {
    const fx = await openFixture(backend, registry());
    try {
      const ids = await Promise.all(Array.from({ length: 15 }, () => logged(fx).then((a) => a.action.id)));
      expect(new Set(ids).size).toBe(15);
      expect(await fx.store.count(INDEX.forumOpen(FORUM))).toBe(15);
    } finally {
      await fx.dispose();
    }
  });
}
