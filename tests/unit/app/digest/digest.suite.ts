/** DigestService against one store backend: the same suite runs on files and on Redis. */
import { renderDigest } from '../../../../cards/digest.card';
import { acknowledgementsKey } from '../../../../src/app/digest/storage-keys';
import type { RegistryIndex } from '../../../../src/domain/registry';
import { cardProblems } from '../../../support/card-validator';
import { AAD } from '../../domain/actions/registry-fixture';
import type { StoreBackend } from '../actions/fixture';
import { key, ok, openDigestFixture, type DigestFixture } from './fixture';

const FORUM = 'neuvottelukunta-ks';
const MEETING = 'neuvottelukunta-ks-2027-09';
const DIGEST = `${FORUM}:${MEETING}:0`;

export function describeDigests(backend: StoreBackend, registry: () => RegistryIndex): void {
  describe(`DigestService on ${backend.name}`, () => {
    let fx: DigestFixture;
    let previousId: string;

    beforeEach(async () => {
      fx = await openDigestFixture(backend, registry());
      // 1.4.2027: the spring meeting is added in chat and actions are agreed.
      previousId = ok(
        await fx.meetings.add(AAD.secretary, {
          forumId: FORUM,
          title: 'Kevätkokous',
          start: '2027-05-05T13:00',
          end: '2027-05-05T15:00',
        }),
      ).meeting.id;
      const log = async (title: string, dueDate: string) =>
        ok(
          await fx.actions.logAction(AAD.secretary, {
            forumId: FORUM,
            idempotencyKey: key(),
            title,
            dueDate,
          }),
        ).record.action.id;
      await log('Myöhästyvä selvitys', '2027-06-30');
      await log('Ennen kokousta valmistuva', '2027-09-16');
      await log('Myöhemmin', '2027-10-30');
      const doneEarly = await log('Tehty ennen kevätkokousta', '2027-04-15');
      const doneLater = await log('Tehty kesällä', '2027-08-15');
      fx.at('2027-04-20T10:00:00+03:00');
      ok(
        await fx.actions.updateStatus(AAD.secretary, {
          forumId: FORUM,
          actionId: doneEarly,
          status: 'valmis',
        }),
      );
      fx.at('2027-05-05T16:00:00+03:00');
      ok(
        await fx.actions.logDecision(AAD.secretary, {
          forumId: FORUM,
          idempotencyKey: key(),
          text: 'Hyväksyttiin palveluverkkoselvitys.',
        }),
      );
      ok(
        await fx.actions.logDecision(AAD.secretary, {
          forumId: FORUM,
          idempotencyKey: key(),
          text: 'Toinen päivä.',
          date: '2027-05-06',
        }),
      );
      fx.at('2027-06-10T10:00:00+03:00');
      ok(
        await fx.actions.updateStatus(AAD.secretary, {
          forumId: FORUM,
          actionId: doneLater,
          status: 'valmis',
        }),
      );
      // Two days before the autumn meeting.
      fx.at('2027-09-15T10:00:00+03:00');
    });
    afterEach(async () => {
      await fx.dispose();
    });

    it('compiles the digest of the next meeting from the store, the meetings and the indicator source', async () => {
      const digest = ok(await fx.digests.build({ forumId: FORUM }));
      expect(digest.id).toBe(DIGEST);
      expect(digest.meeting.id).toBe(MEETING);
      expect(digest.previousMeeting?.id).toBe(previousId);
      expect(digest.actions).toMatchObject({
        open: 3,
        overdue: 1,
        dueBeforeMeeting: 1,
        doneSincePrevious: 1,
      });
      expect(digest.actions.attention.items.map((a) => a.title)).toEqual([
        'Myöhästyvä selvitys',
        'Ennen kokousta valmistuva',
      ]);
      expect(digest.actions.done.items.map((a) => a.title)).toEqual(['Tehty kesällä']);
      expect(digest.decisions.items.map((d) => d.text)).toEqual(['Hyväksyttiin palveluverkkoselvitys.']);
      expect(
        digest.indicators.map((i) => [i.id, i.county?.trend?.latest.year, i.municipalities.length]),
      ).toEqual([
        ['tyottomyysaste-ks', 2026, 22],
        ['vaesto-ks', 2026, 22],
      ]);
      expect(digest.statutory.map((flag) => flag.kind)).toEqual(['council-term-negotiation-missing']);
      // The forum's indicators for every area, ten years; the goals' other indicators for the county only.
      const asked = new Map(fx.source.requests.map((r) => [r.indicator.id, r]));
      expect(asked.get('tyottomyysaste-ks')?.areas).toHaveLength(23);
      expect(asked.get('tyottomyysaste-ks')?.areas[1]).toEqual({
        organisationId: 'kunta-077',
        kind: 'kunta',
        municipalityCode: '077',
      });
      expect(asked.get('tyottomyysaste-ks')?.years).toEqual([
        2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027,
      ]);
      expect(asked.get('nuorisotyottomyys-ks')?.areas).toEqual([
        { organisationId: 'hva-keski-suomi', kind: 'hyvinvointialue' },
      ]);
      expect(digest.goals.items.find((g) => g.id === 'ks-nuorisotyottomyys-laskee')?.latest).toEqual({
        year: 2026,
        value: 12.6,
      });
      const rendered = renderDigest(digest, { locale: 'fi' });
      expect(cardProblems(rendered.card)).toEqual([]);
    });

    it('counts a §14 negotiation scheduled in chat for another forum of the region', async () => {
      ok(
        await fx.meetings.add(AAD.otherSecretary, {
          forumId: 'hva-neuvottelu-ks',
          title: 'Valtuustokauden neuvottelu',
          start: '2027-12-01T09:00',
          end: '2027-12-01T12:00',
        }),
      );
      expect(ok(await fx.digests.build({ forumId: FORUM })).statutory).toEqual([]);
    });

    it('never lets a failing indicator source block the digest: the snapshot stands in and it is said', async () => {
      fx.source.failing.add('vaesto-ks');
      const digest = ok(await fx.digests.build({ forumId: FORUM }));
      const population = digest.indicators.find((i) => i.id === 'vaesto-ks');
      expect(population).toMatchObject({ sourceUnreachable: true, stale: true, latestYear: 2022 });
      expect(population?.county?.trend?.latest).toEqual({ year: 2022, value: 272437 });
      expect(fx.warnings).toEqual([expect.objectContaining({ indicator: 'vaesto-ks' })]);
      expect(renderDigest(digest, { locale: 'fi' }).text).toContain('Lähde ei vastannut');
    });

    it('refuses unknown forums and meetings, and a forum with nothing ahead', async () => {
      expect(await fx.digests.build({ forumId: 'nope' })).toEqual({
        ok: false,
        failure: { code: 'DIGEST_NOT_FOUND', params: { kind: 'forum', id: 'nope' } },
      });
      expect(await fx.digests.build({ forumId: FORUM, meetingId: 'nope' })).toMatchObject({
        ok: false,
        failure: { code: 'DIGEST_NOT_FOUND', params: { kind: 'meeting' } },
      });
      fx.at('2028-06-01T10:00:00+03:00');
      expect(await fx.digests.build({ forumId: FORUM })).toEqual({
        ok: false,
        failure: { code: 'DIGEST_NO_MEETING', params: { forum: FORUM } },
      });
      // A named meeting still compiles after it, e.g. for a card refresh.
      expect(ok(await fx.digests.build({ forumId: FORUM, meetingId: MEETING })).id).toBe(DIGEST);
    });

    it('records acknowledgements once per organisation and refuses people not in the registry', async () => {
      const stranger = await fx.digests.acknowledge(DIGEST, AAD.stranger);
      expect(stranger).toEqual({ ok: false, failure: { code: 'DIGEST_UNKNOWN_USER' } });
      expect(await fx.store.get(acknowledgementsKey(DIGEST))).toBeUndefined();

      const first = ok(await fx.digests.acknowledge(DIGEST, AAD.secretary));
      expect(first).toMatchObject({ organisation: 'hva-keski-suomi', created: true });
      // Pressing again, or a colleague from the same organisation pressing, changes nothing.
      expect(ok(await fx.digests.acknowledge(DIGEST, AAD.secretary)).created).toBe(false);
      const colleague = ok(await fx.digests.acknowledge(DIGEST, AAD.chair.toUpperCase()));
      expect(colleague).toMatchObject({ organisation: 'hva-keski-suomi', created: false });
      expect(colleague.acknowledgements.organisations['hva-keski-suomi']?.by).toBe('marja-malli');
      ok(await fx.digests.acknowledge(DIGEST, AAD.owner));

      const digest = ok(await fx.digests.build({ forumId: FORUM }));
      expect(digest.acknowledgements.acknowledged.map((a) => [a.organisation, a.by])).toEqual([
        ['hva-keski-suomi', 'Marja Malli'],
        ['kunta-179', 'Aino Esimerkki'],
      ]);
      expect(digest.acknowledgements.pending).toHaveLength(22);
      const audit = await fx.store.readAudit(`digest:${DIGEST}`);
      expect(audit.map((entry) => [entry.actor, entry.data?.organisation])).toEqual([
        ['marja-malli', 'hva-keski-suomi'],
        ['aino-esimerkki', 'kunta-179'],
      ]);
    });

    it('records acknowledgements pressed at the same moment on two instances', async () => {
      const results = await Promise.all([
        fx.digests.acknowledge(DIGEST, AAD.secretary),
        fx.instance().acknowledge(DIGEST, AAD.owner),
        fx.instance().acknowledge(DIGEST, AAD.outsider),
        fx.instance().acknowledge(DIGEST, AAD.chair),
      ]);
      expect(results.every((r) => r.ok)).toBe(true);
      const record = await fx.digests.acknowledgements(DIGEST);
      expect(Object.keys(record.organisations).sort()).toEqual([
        'hva-keski-suomi',
        'kunta-179',
        'liitto-keski-suomi',
      ]);
      expect(results.filter((r) => r.ok && r.value.created)).toHaveLength(3);
    });

    it('refuses digest ids that name no forum or meeting', async () => {
      for (const id of ['', 'nonsense', 'nope:x:0', `${FORUM}:nope:0`, `${FORUM}:${MEETING}`]) {
        expect(await fx.digests.acknowledge(id, AAD.secretary)).toEqual({
          ok: false,
          failure: { code: 'DIGEST_NOT_FOUND', params: { kind: 'digest', id } },
        });
      }
    });

    it('gives a moved meeting a new digest with fresh acknowledgements, and refreshes an old card to it', async () => {
      ok(await fx.digests.acknowledge(DIGEST, AAD.secretary));
      ok(
        await fx.meetings.move(AAD.secretary, {
          forumId: FORUM,
          meetingId: MEETING,
          start: '2027-09-24T13:00',
          end: '2027-09-24T15:00',
        }),
      );
      const refreshed = ok(await fx.digests.refresh(DIGEST));
      expect(refreshed.id).toBe(`${FORUM}:${MEETING}:1`);
      expect(refreshed.meeting.start).toBe('2027-09-24T13:00:00+03:00');
      expect(refreshed.acknowledgements.acknowledged).toEqual([]);
      expect(await fx.digests.refresh('x')).toMatchObject({
        ok: false,
        failure: { code: 'DIGEST_NOT_FOUND' },
      });
    });
  });
}
