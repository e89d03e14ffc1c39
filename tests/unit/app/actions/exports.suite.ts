import { exportTokenKey } from '../../../../src/app/actions/storage-keys';
import type { RegistryIndex } from '../../../../src/domain/registry';
import { openFixture, type ServiceFixture, type StoreBackend } from './fixture';
import { parseCsv, parseIcsEvents } from './formats';
import { AAD, decided, FORUM, logged, value } from './helpers';

const MEETING = 'neuvottelukunta-ks-2027-09';

export function describeExports(backend: StoreBackend, registry: () => RegistryIndex): void {
  describe(`exports (${backend.name})`, () => {
    let fx: ServiceFixture;

    beforeEach(async () => {
      fx = await openFixture(backend, registry());
      await logged(fx, {
        title: '=HYPERLINK("http://evil.example","klikkaa")',
        description: 'Rivi 1, jossa pilkku\nRivi 2 "lainaus"',
        ownerPersonId: 'aino-esimerkki',
        dueDate: '2027-03-31',
        interfaceId: 'hyte',
        meetingId: MEETING,
      });
      await logged(fx, {
        title: 'Ilman määräaikaa',
        ownerText: '@Kylätoimikunta',
        organisationIds: ['kunta-077', 'kunta-179'],
      });
      await logged(fx, {
        title: '[Linkki](javascript:alert(1)) # otsikko',
        dueDate: '2027-01-15',
        meetingId: MEETING,
      });
    });
    afterEach(async () => {
      await fx.dispose();
    });

    it('exports the forum’s actions as RFC 4180 CSV that spreadsheets cannot run', async () => {
      const csv = value(await fx.service.forumActionsCsv(FORUM, 'fi'));
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsv(csv.slice(1));
      expect(rows).toHaveLength(4);
      expect(rows[0]?.slice(0, 7)).toEqual([
        'Tunnus',
        'Toimenpide',
        'Kuvaus',
        'Tila',
        'Myöhässä',
        'Määräaika',
        'Vastuuhenkilö',
      ]);
      expect(rows.every((row) => row.length === rows[0]?.length)).toBe(true);
      const [, first, second] = rows;
      expect(first?.slice(0, 8)).toEqual([
        'ANK-2026-001',
        `'=HYPERLINK("http://evil.example","klikkaa")`,
        'Rivi 1, jossa pilkku\nRivi 2 "lainaus"',
        'avoin',
        'ei',
        '2027-03-31',
        'Aino Esimerkki',
        'Jyväskylä',
      ]);
      expect(first?.[8]).toBe('Hyvinvoinnin ja terveyden edistäminen');
      expect(second?.[6]).toBe("'@Kylätoimikunta");
      expect(second?.[7]).toBe('Hankasalmi; Jyväskylä');
      const english = parseCsv(value(await fx.service.forumActionsCsv(FORUM, 'en')).slice(1));
      expect(english[0]?.[0]).toBe('Id');
      expect(english[1]?.[3]).toBe('open');
      expect((await fx.service.forumActionsCsv('nope', 'fi')).ok).toBe(false);
    });

    it('exports when each done action was done, and nothing for the others', async () => {
      const setStatus = async (
        actionId: string,
        status: 'valmis' | 'peruttu' | 'kaynnissa',
      ): Promise<void> => {
        value(await fx.service.updateStatus(AAD.secretary, { forumId: FORUM, actionId, status }));
      };
      const doneColumn = async (): Promise<Map<string, string | undefined>> => {
        const rows = parseCsv(value(await fx.service.forumActionsCsv(FORUM, 'fi')).slice(1));
        const column = rows[0]?.indexOf('Valmistunut') ?? -1;
        expect(column).toBeGreaterThan(0);
        return new Map(rows.slice(1).map((row) => [row[0] ?? '', row[column]]));
      };
      fx.at('2026-12-03T14:30:00+02:00');
      await setStatus('ANK-2026-001', 'valmis');
      fx.at('2026-12-04T09:00:00+02:00');
      await setStatus('ANK-2026-002', 'peruttu');
      const done = await doneColumn();
      expect(done.get('ANK-2026-001')).toBe('2026-12-03 14:30');
      expect(done.get('ANK-2026-002')).toBe('');
      expect(done.get('ANK-2026-003')).toBe('');
      // Reopened, it is no longer done.
      await setStatus('ANK-2026-001', 'kaynnissa');
      expect((await doneColumn()).get('ANK-2026-001')).toBe('');
    });

    it('exports due dates as iCalendar: stable UID, SEQUENCE = version, all-day DTSTART', async () => {
      const before = parseIcsEvents(value(await fx.service.forumDeadlinesIcs(FORUM, 'fi')));
      expect(before).toHaveLength(2);
      const event = before.find((e) => e['DTSTART;VALUE=DATE'] === '20270331');
      expect(event).toMatchObject({
        UID: 'action-neuvottelukunta-ks-ank-2026-001@yhdyspinta-bot',
        SEQUENCE: '1',
        'DTEND;VALUE=DATE': '20270401',
      });
      expect(event?.SUMMARY).toContain('ANK-2026-001');
      value(
        await fx.service.changeDueDate(AAD.secretary, {
          forumId: FORUM,
          actionId: 'ANK-2026-001',
          dueDate: '2027-04-30',
        }),
      );
      value(
        await fx.service.updateStatus(AAD.secretary, {
          forumId: FORUM,
          actionId: 'ANK-2026-003',
          status: 'peruttu',
        }),
      );
      const after = parseIcsEvents(value(await fx.service.forumDeadlinesIcs(FORUM, 'sv')));
      const moved = after.find((e) => e.UID === event?.UID);
      expect(moved).toMatchObject({ SEQUENCE: '2', 'DTSTART;VALUE=DATE': '20270430' });
      expect(moved?.SUMMARY?.startsWith('Deadline: ANK-2026-001')).toBe(true);
      const cancelled = after.find((e) => e.UID === 'action-neuvottelukunta-ks-ank-2026-003@yhdyspinta-bot');
      expect(cancelled).toMatchObject({ SEQUENCE: '2', STATUS: 'CANCELLED' });
    });

    it('writes a meeting’s minutes as Markdown with user text escaped', async () => {
      await decided(fx, 'Hyväksyttiin *kaikki* <b>heti</b>', MEETING);
      const markdown = value(await fx.service.meetingMinutesMarkdown(MEETING, 'fi'));
      const lines = markdown.split('\n');
      expect(lines[0]).toBe('# Pöytäkirjan ote: Neuvottelukunnan syyskokous 2027');
      expect(markdown).toContain('Kuntien ja hyvinvointialueen neuvottelukunta · 17.9.2027');
      expect(markdown).toContain('1. **ANK\\-2026\\-P001** Hyväksyttiin \\*kaikki\\* \\<b\\>heti\\</b\\>');
      expect(markdown).toContain(
        '- **ANK\\-2026\\-003** \\[Linkki\\]\\(javascript:alert\\(1\\)\\) \\# otsikko — ',
      );
      expect(markdown).toContain(
        'Vastuuhenkilö: Aino Esimerkki, Jyväskylä; Määräaika: 31.3.2027; Tila: avoin',
      );
      expect(markdown).not.toMatch(/\]\(javascript/);
      expect(lines.filter((line) => line.startsWith('#'))).toHaveLength(3);
      const english = value(await fx.service.meetingMinutesMarkdown(MEETING, 'en'));
      expect(english).toContain('Due date: 31 Mar 2027; Status: open');
      const none = value(await fx.service.meetingMinutesMarkdown('hyte-neuvottelu-ks-2027', 'sv'));
      expect(none.match(/Inga anteckningar\./g)).toHaveLength(2);
      expect((await fx.service.meetingMinutesMarkdown('nope', 'fi')).ok).toBe(false);
    });

    it('creates, verifies and rotates per-forum export tokens, storing only a digest', async () => {
      const token = value(await fx.service.createExportToken(AAD.secretary, FORUM));
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await fx.service.verifyExportToken(FORUM, token)).toBe(true);
      expect(await fx.service.verifyExportToken(FORUM, `${token.slice(0, -1)}A`)).toBe(token.endsWith('A'));
      expect(await fx.service.verifyExportToken('hyte-neuvottelu-ks', token)).toBe(false);
      expect(await fx.service.verifyExportToken(FORUM, '')).toBe(false);
      expect(JSON.stringify(await fx.store.get(exportTokenKey(FORUM)))).not.toContain(token);
      const again = await fx.service.createExportToken(AAD.chair, FORUM);
      expect(again.ok ? 'ok' : again.failure.code).toBe('ACTION_CONFLICT');
      const rotated = value(await fx.service.rotateExportToken(AAD.chair, FORUM));
      expect(rotated).not.toBe(token);
      expect(await fx.service.verifyExportToken(FORUM, token)).toBe(false);
      expect(await fx.service.verifyExportToken(FORUM, rotated)).toBe(true);
      for (const actor of [AAD.owner, AAD.otherSecretary, AAD.stranger]) {
        const refused = await fx.service.rotateExportToken(actor, FORUM);
        expect(refused.ok).toBe(false);
      }
      expect(await fx.service.verifyExportToken(FORUM, rotated)).toBe(true);
      expect(await fx.service.verifyExportToken('kotoutumisryhma-ks', rotated)).toBe(false);
    });
  });
}
