import type { ActionView } from '../../../../src/app/actions';
import { actionKey, INDEX } from '../../../../src/app/actions/storage-keys';
import type { Action } from '../../../../src/domain/actions';
import { summariseActions } from '../../../../src/domain/digest';
import type { RegistryIndex } from '../../../../src/domain/registry';
import { openFixture, type ServiceFixture, type StoreBackend } from './fixture';
import { AAD, FORUM, logged, snapshotOf, value } from './helpers';

export function describeUpdates(backend: StoreBackend, registry: () => RegistryIndex): void {
  describe(`following up actions (${backend.name})`, () => {
    let fx: ServiceFixture;
    let action: ActionView;
    const target = (expectedVersion?: number) => ({
      forumId: FORUM,
      actionId: action.action.id,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });

    beforeEach(async () => {
      fx = await openFixture(backend, registry());
      action = await logged(fx, { ownerPersonId: 'aino-esimerkki', dueDate: '2027-03-31' });
    });
    afterEach(async () => {
      await fx.dispose();
    });

    it('changes the status with the version the user saw, and audits old → new', async () => {
      fx.at('2026-11-24T08:00:00+02:00');
      const updated = value(
        await fx.service.updateStatus(AAD.secretary, { ...target(1), status: 'kaynnissa' }),
      );
      expect(updated).toMatchObject({
        version: 2,
        action: {
          status: 'kaynnissa',
          updatedBy: 'marja-malli',
          updatedAt: fx.now(),
          createdAt: action.action.createdAt,
        },
      });
      expect(value(await fx.service.getAction(FORUM, action.action.id))).toEqual(updated);
      const history = value(await fx.service.history(FORUM, action.action.id));
      expect(history[1]).toEqual({
        at: fx.now(),
        actor: 'marja-malli',
        event: 'action.status',
        data: { version: 2, from: 'avoin', to: 'kaynnissa' },
      });
    });

    it('lets exactly one of two concurrent edits of the same version win; the other sees the winner', async () => {
      const [a, b] = await Promise.all([
        fx.service.updateStatus(AAD.secretary, { ...target(1), status: 'valmis' }),
        fx.instance().changeDueDate(AAD.chair, { ...target(1), dueDate: '2027-06-30' }),
      ]);
      const outcomes = [a, b];
      const winners = outcomes.filter((o) => o?.ok);
      const losers = outcomes.filter((o) => o && !o.ok);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      const current = value(await fx.service.getAction(FORUM, action.action.id));
      expect(current.version).toBe(2);
      const loser = losers[0];
      if (!loser || loser.ok) throw new Error('no loser');
      expect(loser.failure).toMatchObject({
        code: 'ACTION_CONFLICT',
        params: { id: action.action.id, version: 2 },
      });
      expect(loser.failure.current).toEqual(current);
      expect(value(await fx.service.history(FORUM, action.action.id))).toHaveLength(2);
    });

    it('refuses a stale version with the current state and changes nothing', async () => {
      value(await fx.service.addComment(AAD.owner, { ...target(1), text: 'Aloitettu' }));
      const before = await snapshotOf(fx.store, FORUM, action.action.id);
      const stale = await fx.service.updateStatus(AAD.secretary, { ...target(1), status: 'peruttu' });
      expect(stale.ok ? undefined : stale.failure).toMatchObject({
        code: 'ACTION_CONFLICT',
        current: {
          version: 2,
          action: { status: 'avoin', comments: [{ text: 'Aloitettu', by: 'aino-esimerkki' }] },
        },
      });
      expect(await snapshotOf(fx.store, FORUM, action.action.id)).toEqual(before);
    });

    it('applies a change without a version to the current state', async () => {
      value(await fx.service.addComment(AAD.secretary, { ...target(), text: 'eka' }));
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          fx.service.addComment(AAD.secretary, { ...target(), text: `c${i}` }),
        ),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      const current = value(await fx.service.getAction(FORUM, action.action.id));
      expect(current.version).toBe(8);
      expect(current.action.comments.map((c) => c.text).sort()).toEqual([
        'c0',
        'c1',
        'c2',
        'c3',
        'c4',
        'c5',
        'eka',
      ]);
    });

    it.each([
      ['a person who leads nothing', AAD.outsider, 'ACTION_FORBIDDEN'],
      ['a secretary of another forum', AAD.otherSecretary, 'ACTION_FORBIDDEN'],
      ['a user not in the registry', AAD.stranger, 'ACTION_UNKNOWN_USER'],
    ])('refuses %s on every kind of change and changes nothing', async (_who, actor, code) => {
      const before = await snapshotOf(fx.store, FORUM, action.action.id);
      const outcomes = await Promise.all([
        fx.service.updateStatus(actor, { ...target(1), status: 'valmis' }),
        fx.service.addComment(actor, { ...target(1), text: 'x' }),
        fx.service.changeOwner(actor, { ...target(1), ownerPersonId: 'olli-oletus' }),
        fx.service.changeDueDate(actor, { ...target(1), dueDate: '2027-01-01' }),
      ]);
      for (const outcome of outcomes) expect(outcome.ok ? 'ok' : outcome.failure.code).toBe(code);
      expect(await snapshotOf(fx.store, FORUM, action.action.id)).toEqual(before);
    });

    it('refuses forged ids: non-existent, or another forum’s action named through one’s own forum', async () => {
      const before = await snapshotOf(fx.store, FORUM, action.action.id);
      const missing = await fx.service.updateStatus(AAD.secretary, {
        forumId: FORUM,
        actionId: 'ANK-2026-999',
        status: 'valmis',
      });
      expect(missing).toEqual({
        ok: false,
        failure: { code: 'ACTION_NOT_FOUND', params: { kind: 'action', id: 'ANK-2026-999' } },
      });
      // Jussi is secretary of kotoutumisryhma-ks, not of the action's forum.
      const viaOwnForum = await fx.service.updateStatus(AAD.otherSecretary, {
        forumId: 'kotoutumisryhma-ks',
        actionId: action.action.id,
        status: 'valmis',
      });
      expect(viaOwnForum.ok ? 'ok' : viaOwnForum.failure.code).toBe('ACTION_NOT_FOUND');
      const unknownForum = await fx.service.updateStatus(AAD.secretary, {
        forumId: 'x',
        actionId: action.action.id,
        status: 'valmis',
      });
      expect(unknownForum.ok ? 'ok' : unknownForum.failure.params).toEqual({ kind: 'forum', id: 'x' });
      const injected = await fx.service.updateStatus(AAD.secretary, {
        forumId: FORUM,
        actionId: `${action.action.id}:../x`,
        status: 'valmis',
      });
      expect(injected.ok ? 'ok' : injected.failure.code).toBe('ACTION_NOT_FOUND');
      const forgedStatus = await fx.service.updateStatus(AAD.secretary, {
        ...target(1),
        status: 'hacked' as never,
      });
      expect(forgedStatus.ok ? 'ok' : forgedStatus.failure.problems?.[0]?.code).toBe('statusUnknown');
      expect(await snapshotOf(fx.store, FORUM, action.action.id)).toEqual(before);
    });

    it('lets the owner update their own action until it is handed over', async () => {
      value(await fx.service.updateStatus(AAD.owner, { ...target(1), status: 'kaynnissa' }));
      const handed = value(
        await fx.service.changeOwner(AAD.owner, {
          ...target(2),
          ownerPersonId: 'olli-oletus',
          organisationIds: ['liitto-keski-suomi'],
        }),
      );
      expect(handed.action).toMatchObject({
        ownerPerson: 'olli-oletus',
        organisations: ['liitto-keski-suomi'],
      });
      expect((await fx.store.range(INDEX.ownerOpen('aino-esimerkki'))).length).toBe(0);
      expect((await fx.store.range(INDEX.ownerOpen('olli-oletus'))).map((e) => e.member)).toEqual([
        `${FORUM}:${action.action.id}`,
      ]);
      expect((await fx.store.range(INDEX.byOrganisation('kunta-179'))).length).toBe(0);
      const refused = await fx.service.updateStatus(AAD.owner, { ...target(3), status: 'valmis' });
      expect(refused.ok ? 'ok' : refused.failure.code).toBe('ACTION_FORBIDDEN');
      value(await fx.service.updateStatus(AAD.outsider, { ...target(3), status: 'valmis' }));
    });

    it('replaces the owner with free text when the owner is not in the registry', async () => {
      const updated = value(
        await fx.service.changeOwner(AAD.secretary, { ...target(1), ownerText: '  Kylätoimikunta ' }),
      );
      expect(updated.action.ownerPerson).toBeUndefined();
      expect(updated.action.ownerText).toBe('Kylätoimikunta');
      expect(updated.action.organisations).toEqual(['kunta-179']);
      const same = await fx.service.changeOwner(AAD.secretary, { ...target(2), ownerText: 'Kylätoimikunta' });
      expect(same.ok ? 'ok' : same.failure.problems?.[0]?.code).toBe('unchanged');
      const unknown = await fx.service.changeOwner(AAD.secretary, { ...target(2), ownerPersonId: 'ghost' });
      expect(unknown.ok ? 'ok' : unknown.failure.problems?.[0]?.code).toBe('unknownPerson');
    });

    it('records when the action was done: later comments and edits do not move it, reopening clears it', async () => {
      const doneAt = (): Promise<number | undefined> =>
        fx.store.get<Action>(actionKey(FORUM, action.action.id)).then((stored) => stored?.value.doneAt);
      fx.at('2026-12-01T09:00:00+02:00');
      const done = value(await fx.service.updateStatus(AAD.secretary, { ...target(1), status: 'valmis' }));
      expect(done.action.doneAt).toBe(Date.parse('2026-12-01T09:00:00+02:00'));
      fx.at('2027-02-01T09:00:00+02:00');
      value(await fx.service.addComment(AAD.chair, { ...target(2), text: 'Hyvin tehty' }));
      value(await fx.service.changeOwner(AAD.secretary, { ...target(3), ownerText: 'Työryhmä' }));
      expect(await doneAt()).toBe(Date.parse('2026-12-01T09:00:00+02:00'));
      const since = '2027-01-15T13:00:00+02:00';
      const doneSince = async (): Promise<string[]> => {
        const current = value(await fx.service.getAction(FORUM, action.action.id));
        return summariseActions({
          actions: [current.action],
          today: '2027-03-01',
          meetingDay: '2027-03-02',
          since,
          registry: fx.registry,
          attentionLimit: 5,
          doneLimit: 5,
        }).done.items.map((line) => line.id);
      };
      expect(await doneSince()).toEqual([]);

      fx.at('2027-02-02T09:00:00+02:00');
      const reopened = value(
        await fx.service.updateStatus(AAD.secretary, { ...target(4), status: 'kaynnissa' }),
      );
      expect(reopened.action).not.toHaveProperty('doneAt');
      expect(await doneAt()).toBeUndefined();
      fx.at('2027-02-10T09:00:00+02:00');
      value(await fx.service.updateStatus(AAD.secretary, { ...target(5), status: 'valmis' }));
      fx.at('2027-02-20T09:00:00+02:00');
      value(await fx.service.addComment(AAD.chair, { ...target(6), text: 'Kuitattu' }));
      expect(await doneAt()).toBe(Date.parse('2027-02-10T09:00:00+02:00'));
      expect(await doneSince()).toEqual([action.action.id]);
    });

    it('still loads and updates an action stored before doneAt existed', async () => {
      const key = actionKey(FORUM, action.action.id);
      const stored = await fx.store.get<Action>(key);
      if (!stored) throw new Error('no action');
      const legacy = { ...stored.value, status: 'valmis' as const };
      expect(legacy).not.toHaveProperty('doneAt');
      await fx.store.put(key, legacy, { expectedVersion: stored.version });
      const loaded = value(await fx.service.getAction(FORUM, action.action.id));
      expect(loaded.action).toMatchObject({ status: 'valmis', updatedAt: legacy.updatedAt });
      expect(loaded.action).not.toHaveProperty('doneAt');
      fx.at('2027-01-05T09:00:00+02:00');
      value(await fx.service.addComment(AAD.chair, { ...target(2), text: 'Vanha' }));
      const reopened = value(
        await fx.service.updateStatus(AAD.secretary, { ...target(3), status: 'kaynnissa' }),
      );
      expect(reopened.action.status).toBe('kaynnissa');
    });

    it('refuses transitions the life cycle does not allow', async () => {
      value(await fx.service.updateStatus(AAD.secretary, { ...target(1), status: 'valmis' }));
      const refused = await fx.service.updateStatus(AAD.secretary, { ...target(2), status: 'peruttu' });
      expect(refused).toEqual({
        ok: false,
        failure: { code: 'ACTION_TRANSITION', params: { from: 'valmis', to: 'peruttu' } },
      });
      const same = await fx.service.updateStatus(AAD.secretary, { ...target(2), status: 'valmis' });
      expect(same.ok ? 'ok' : same.failure.problems?.[0]?.code).toBe('unchanged');
    });

    it('moves the action between the open indexes as its status and due date change', async () => {
      const member = `${FORUM}:${action.action.id}`;
      const inOpen = async () =>
        (await fx.store.range(INDEX.forumOpen(FORUM))).some((e) => e.member === member);
      const inDue = async () => (await fx.store.range(INDEX.due)).find((e) => e.member === member)?.score;
      expect(await inOpen()).toBe(true);
      value(await fx.service.updateStatus(AAD.secretary, { ...target(1), status: 'valmis' }));
      expect(await inOpen()).toBe(false);
      expect(await inDue()).toBeUndefined();
      expect((await fx.store.range(INDEX.forumAll(FORUM))).length).toBe(1);
      value(await fx.service.updateStatus(AAD.secretary, { ...target(2), status: 'kaynnissa' }));
      expect(await inOpen()).toBe(true);
      const moved = value(
        await fx.service.changeDueDate(AAD.secretary, { ...target(3), dueDate: '2027-01-15' }),
      );
      expect(moved.action.dueDate).toBe('2027-01-15');
      expect(await inDue()).toBe(Date.UTC(2027, 0, 15) / 86_400_000);
      const cleared = value(await fx.service.changeDueDate(AAD.secretary, { ...target(4), dueDate: null }));
      expect(cleared.action.dueDate).toBeUndefined();
      expect(await inDue()).toBeUndefined();
      expect(await inOpen()).toBe(true);
    });

    it('asks to confirm moving the due date into the past', async () => {
      const asked = await fx.service.changeDueDate(AAD.secretary, { ...target(1), dueDate: '2026-10-01' });
      expect(asked.ok ? 'ok' : asked.failure.problems?.[0]?.code).toBe('dueDatePast');
      const done = value(
        await fx.service.changeDueDate(AAD.secretary, {
          ...target(1),
          dueDate: '2026-10-01',
          confirmPastDueDate: true,
        }),
      );
      expect(done.overdue).toBe(true);
    });

    it('validates comments', async () => {
      const empty = await fx.service.addComment(AAD.secretary, { ...target(1), text: '   ' });
      expect(empty.ok ? 'ok' : empty.failure.problems?.[0]?.code).toBe('commentEmpty');
      const long = await fx.service.addComment(AAD.secretary, { ...target(1), text: 'x'.repeat(2001) });
      expect(long.ok ? 'ok' : long.failure.problems?.[0]?.code).toBe('commentTooLong');
      expect((await fx.store.get(actionKey(FORUM, action.action.id)))?.version).toBe(1);
    });

    it('keeps the full audit trail: who, what, when, old → new', async () => {
      value(await fx.service.updateStatus(AAD.owner, { ...target(1), status: 'kaynnissa' }));
      fx.at('2026-11-25T12:00:00+02:00');
      value(await fx.service.addComment(AAD.chair, { ...target(2), text: 'Hyvä' }));
      value(await fx.service.changeOwner(AAD.secretary, { ...target(3), ownerText: 'Työryhmä' }));
      value(await fx.service.changeDueDate(AAD.secretary, { ...target(4), dueDate: '2027-04-30' }));
      const history = value(await fx.service.history(FORUM, action.action.id));
      expect(history.map((e) => [e.event, e.actor, e.data?.version])).toEqual([
        ['action.created', 'marja-malli', 1],
        ['action.status', 'aino-esimerkki', 2],
        ['action.comment', 'kaisa-kuvitelma', 3],
        ['action.owner', 'marja-malli', 4],
        ['action.dueDate', 'marja-malli', 5],
      ]);
      expect(history[3]?.data).toEqual({
        version: 4,
        from: { ownerPerson: 'aino-esimerkki', organisations: ['kunta-179'] },
        to: { ownerText: 'Työryhmä', organisations: ['kunta-179'] },
      });
      expect(history[4]?.data).toEqual({ version: 5, from: '2027-03-31', to: '2027-04-30' });
      expect(history[4]?.at).toBe(Date.parse('2026-11-25T12:00:00+02:00'));
      const missing = await fx.service.history(FORUM, 'ANK-2026-404');
      expect(missing.ok).toBe(false);
    });
  });
}
