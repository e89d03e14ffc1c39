/**
 * Generates a registry for every wellbeing services county and all 308 municipalities from the
 * Statistics Finland municipality key (tests/fixtures/language/municipalities.csv), with
 * fictional people, responsibilities, forums and meetings. For benchmarks only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface MunicipalityRow {
  readonly code: string;
  readonly nameFi: string;
  readonly nameSv: string;
  readonly hvaCode: string;
  readonly hvaFi: string;
  readonly hvaSv: string;
  readonly hvaEn: string;
  readonly maakuntaFi: string;
  readonly maakuntaSv: string;
  readonly maakuntaEn: string;
  readonly areaCode: string;
  readonly areaFi: string;
}

export function readMunicipalities(root: string): MunicipalityRow[] {
  const text = readFileSync(join(root, 'tests/fixtures/language/municipalities.csv'), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  const columns = parseCsvLine(header ?? '');
  const at = (name: string): number => columns.indexOf(name);
  return lines.map((line) => {
    const cells = parseCsvLine(line);
    const get = (name: string): string => cells[at(name)] ?? '';
    return {
      code: get('code'),
      nameFi: get('name_fi'),
      nameSv: get('name_sv'),
      hvaCode: get('hva_code'),
      hvaFi: get('hva_name_fi'),
      hvaSv: get('hva_name_sv'),
      hvaEn: get('hva_name_en'),
      maakuntaFi: get('maakunta_name_fi'),
      maakuntaSv: get('maakunta_name_sv'),
      maakuntaEn: get('maakunta_name_en'),
      areaCode: get('tyollisyysalue_code'),
      areaFi: get('tyollisyysalue_name_fi'),
    };
  });
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char ?? '';
  }
  cells.push(cell);
  return cells;
}

const INTERFACES = [
  'johtaminen',
  'hyte',
  'tyollisyys',
  'kotoutuminen',
  'sivistys-sote',
  'opiskeluhuolto',
  'lapset-perheet',
  'perhekeskus',
  'ikaihmiset',
  'varautuminen',
  'palveluverkko',
  'asuminen',
  'elinvoima',
  'jarjestot',
  'liikenne',
];
const ROLES = ['vastuutaho', 'koordinaattori', 'yhteyshenkilo', 'paattaja'];

/** YAML documents of the scaled registry, plus the interface catalogue of the sample registry. */
export function scaledRegistryDocuments(root: string): { file: string; text: string }[] {
  const rows = readMunicipalities(root).filter((row) => row.hvaCode !== '' && row.hvaCode !== '22');
  const byHva = new Map<string, MunicipalityRow[]>();
  for (const row of rows) byHva.set(row.hvaCode, [...(byHva.get(row.hvaCode) ?? []), row]);
  const documents = [
    { file: 'interfaces.yaml', text: readFileSync(join(root, 'data/registry/interfaces.yaml'), 'utf8') },
  ];
  for (const [hva, members] of byHva) {
    const first = members[0]!;
    const region = `alue-${hva}`;
    const county = `hva-${hva}`;
    const areas = new Map<string, MunicipalityRow[]>();
    for (const row of members) areas.set(row.areaCode, [...(areas.get(row.areaCode) ?? []), row]);
    const people = [0, 1, 2, 3, 4].map((n) => ({
      id: `henkilo-${hva}-${n}`,
      name: `Henkilö ${hva}-${n} Esimerkki`,
      title: { fi: 'Koordinaattori', sv: 'Koordinator', en: 'Coordinator' },
      organisation: county,
      email: `henkilo.${hva}.${n}@example.fi`,
      aadObjectId: `00000000-0000-4000-8000-0000000${hva}${String(n).padStart(3, '0')}`,
    }));
    const responsibilities = [];
    for (const [i, iface] of INTERFACES.entries()) {
      responsibilities.push({
        interface: iface,
        region,
        organisation: county,
        person: people[i % people.length]!.id,
        role: ROLES[i % ROLES.length],
        task: { fi: `Alueellinen ${iface}-yhteistyö` },
        confirmed: '2026-03-01',
      });
      for (const [j, row] of members.entries()) {
        if ((i + j) % 3 === 0)
          responsibilities.push({
            interface: iface,
            region,
            municipalities: [row.code],
            organisation: `kunta-${row.code}`,
            role: 'vastuutaho',
            task: { fi: `${row.nameFi}: ${iface}` },
          });
      }
    }
    for (const [code, areaMembers] of areas) {
      responsibilities.push({
        interface: 'tyollisyys',
        region,
        municipalities: areaMembers.map((m) => m.code),
        organisation: `tyollisyysalue-${hva}-${code}`,
        role: 'vastuutaho',
      });
    }
    const registry = {
      version: 1,
      regions: [
        {
          id: region,
          name: { fi: first.maakuntaFi, sv: first.maakuntaSv, en: first.maakuntaEn },
          wellbeingCounty: county,
          regionalCouncil: `liitto-${hva}`,
        },
      ],
      organisations: [
        {
          id: county,
          kind: 'hyvinvointialue',
          region,
          name: { fi: first.hvaFi, sv: first.hvaSv, en: first.hvaEn },
        },
        { id: `liitto-${hva}`, kind: 'maakunnan-liitto', region, name: { fi: `${first.maakuntaFi} liitto` } },
        ...members.map((row) => ({
          id: `kunta-${row.code}`,
          kind: 'kunta',
          code: row.code,
          region,
          name: { fi: `${row.nameFi} kunta`, sv: `${row.nameSv} kommun` },
          shortName: { fi: row.nameFi, ...(row.nameSv !== row.nameFi ? { sv: row.nameSv } : {}) },
        })),
        ...[...areas].map(([code, areaMembers]) => ({
          id: `tyollisyysalue-${hva}-${code}`,
          kind: 'tyollisyysalue',
          region,
          name: { fi: `${areaMembers[0]!.areaFi} työllisyysalue` },
          municipalities: areaMembers.map((m) => m.code),
        })),
      ],
      people,
      responsibilities,
      forums: [
        {
          id: `neuvottelukunta-${hva}`,
          name: { fi: 'Alueneuvottelukunta', sv: 'Regionala förhandlingsdelegationen' },
          kind: 'neuvottelukunta',
          region,
          chair: people[0]!.id,
          secretaries: [people[1]!.id],
          teams: { channelId: `19:forum-${hva}@thread.tacv2` },
        },
        {
          id: `hyte-${hva}`,
          name: { fi: 'HYTE-neuvottelu', sv: 'HYTE-förhandling', en: 'Wellbeing negotiation' },
          kind: 'hyte-neuvottelu',
          region,
          interfaces: ['hyte'],
          chair: people[2]!.id,
          secretaries: [people[3]!.id],
        },
      ],
      meetings: [
        {
          id: `hyte-${hva}-2027`,
          forum: `hyte-${hva}`,
          title: { fi: 'HYTE-neuvottelu 2027' },
          start: '2027-10-01T09:00:00+03:00',
          end: '2027-10-01T12:00:00+03:00',
        },
      ],
    };
    documents.push({ file: `${region}.yaml`, text: stringify(registry) });
  }
  return documents;
}
