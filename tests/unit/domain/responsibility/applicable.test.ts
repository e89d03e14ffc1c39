import { join, resolve } from 'node:path';
import { readRegistryFiles } from '../../../../src/adapters/file/registry-files';
import { loadRegistry, RegistryIndex } from '../../../../src/domain/registry';
import { applicableRows, possiblyOutdated } from '../../../../src/domain/responsibility/applicable';
import { municipalitiesWithOwnRows, sideOf } from '../../../../src/domain/responsibility/parties';

const ROOT = resolve(__dirname, '../../../..');
let index: RegistryIndex;

const EXTRA = `
responsibilities:
  - { interface: kotoutuminen, region: keski-suomi, municipalities: ["179"], organisation: kela-keski-suomi, role: yhteyshenkilo, task: { fi: Vanha sopimus }, validUntil: 2026-01-31 }
  - { interface: kotoutuminen, region: keski-suomi, municipalities: ["179"], organisation: jarjesto-kyt, role: yhteyshenkilo, task: { fi: Voimassa tänään }, validUntil: 2026-11-23 }
`;

beforeAll(async () => {
  const documents = [
    ...(await readRegistryFiles(join(ROOT, 'data/registry'))),
    { file: 'extra.yaml', text: EXTRA },
  ];
  const loaded = loadRegistry(documents);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  index = new RegistryIndex(loaded.registry);
});

const orgs = (rows: ReturnType<typeof applicableRows>) => rows.map((r) => r.row.organisation);

describe('the responsibility rule', () => {
  it('leaves out rows past validUntil and keeps those valid today', () => {
    const rows = applicableRows(index, {
      interfaceId: 'kotoutuminen',
      regionId: 'keski-suomi',
      municipalityCode: '179',
      today: '2026-11-23',
    });
    expect(orgs(rows)).toContain('jarjesto-kyt');
    expect(orgs(rows)).not.toContain('kela-keski-suomi');
    const tomorrow = applicableRows(index, {
      interfaceId: 'kotoutuminen',
      regionId: 'keski-suomi',
      municipalityCode: '179',
      today: '2026-11-24',
    });
    expect(orgs(tomorrow)).not.toContain('jarjesto-kyt');
  });

  it("shows a municipality's own rows and region-wide rows, never another municipality's", () => {
    const rows = applicableRows(index, {
      interfaceId: 'kotoutuminen',
      regionId: 'keski-suomi',
      municipalityCode: '992',
      today: '2026-11-23',
    });
    expect(orgs(rows)).toEqual(expect.arrayContaining(['kunta-992', 'hva-keski-suomi']));
    expect(orgs(rows)).not.toContain('kunta-179');
  });

  it('includes the parent interface, marked as inherited, and never another region', () => {
    const rows = applicableRows(index, {
      interfaceId: 'opiskeluhuolto',
      regionId: 'keski-suomi',
      municipalityCode: '182',
      today: '2026-11-23',
    });
    const inherited = rows
      .filter((r) => r.inheritedFrom?.id === 'sivistys-sote')
      .map((r) => r.row.organisation);
    expect(inherited).toEqual(expect.arrayContaining(['hva-keski-suomi', 'kunta-182']));
    expect(rows.every((r) => r.row.region === 'keski-suomi')).toBe(true);
  });

  it('names the municipalities with rows of their own, for a whole region', () => {
    const rows = applicableRows(index, {
      interfaceId: 'tyollisyys',
      regionId: 'keski-suomi',
      today: '2026-11-23',
    });
    const names = municipalitiesWithOwnRows(index, rows).map((m) => m.shortName?.fi);
    expect(names).toHaveLength(22);
    expect(names.slice(0, 3)).toEqual(['Hankasalmi', 'Joutsa', 'Jyväskylä']);
  });

  it('marks rows never confirmed or confirmed over a year ago', () => {
    const base = { interface: 'x', region: 'r', organisation: 'o', role: 'vastuutaho' as const };
    expect(possiblyOutdated(base, '2026-11-23')).toBe(true);
    expect(possiblyOutdated({ ...base, confirmed: '2025-11-22' }, '2026-11-23')).toBe(true);
    expect(possiblyOutdated({ ...base, confirmed: '2025-11-23' }, '2026-11-23')).toBe(false);
  });

  it('puts employment areas on the municipal side and NGOs with the others', () => {
    expect(sideOf(index, index.organisationsById.get('tyollisyysalue-jyvaskyla-muurame')!)).toBe('kunta');
    expect(sideOf(index, index.organisationsById.get('hva-keski-suomi')!)).toBe('hyvinvointialue');
    expect(sideOf(index, index.organisationsById.get('jarjesto-kyt')!)).toBe('muut');
  });
});
