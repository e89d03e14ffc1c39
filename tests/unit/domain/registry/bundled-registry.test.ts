import { join } from 'node:path';
import { readRegistryFiles } from '../../../../src/adapters/file/registry-files';
import { formatIssues } from '../../../../src/domain/registry/format-issues';
import { loadRegistry } from '../../../../src/domain/registry/load-registry';
import { RegistryIndex } from '../../../../src/domain/registry/registry-index';
import type { Registry } from '../../../../src/domain/registry/types';

const BUNDLED = join(__dirname, '../../../../data/registry');

describe('the bundled sample registry (data/registry)', () => {
  let registry: Registry;
  let warnings: string[];

  beforeAll(async () => {
    const result = loadRegistry(await readRegistryFiles(BUNDLED));
    if (!result.ok)
      throw new Error(`data/registry does not load:\n${formatIssues(result.errors).join('\n')}`);
    registry = result.registry;
    warnings = formatIssues(result.warnings);
  });

  it('loads with no errors and only the expected warning about Mänttä-Vilppula ("508")', () => {
    expect(warnings).toEqual([
      expect.stringMatching(
        /keski-suomi\.yaml:\d+: organisations\[\d+\]\.municipalities\[5\]: municipality code "508" is not the code of any organisation of kind kunta/,
      ),
    ]);
  });

  it('has the three regions, each with a wellbeing county and a regional council of the right kind', () => {
    expect(registry.regions.map((r) => r.id).sort()).toEqual([
      'keski-pohjanmaa',
      'keski-suomi',
      'paijat-hame',
    ]);
    const byId = new Map(registry.organisations.map((o) => [o.id, o]));
    for (const region of registry.regions) {
      expect(byId.get(region.wellbeingCounty)?.kind).toBe('hyvinvointialue');
      expect(byId.get(region.regionalCouncil ?? '')?.kind).toBe('maakunnan-liitto');
    }
  });

  it('gives every kunta a unique three-digit code: 22 + 8 + 10 municipalities', () => {
    const kunnat = registry.organisations.filter((o) => o.kind === 'kunta');
    expect(kunnat).toHaveLength(40);
    for (const kunta of kunnat) expect(kunta.code).toMatch(/^\d{3}$/);
    expect(new Set(kunnat.map((k) => k.code)).size).toBe(40);
    expect(kunnat.find((k) => k.id === 'kunta-077')?.code).toBe('077');
  });

  it('has the 17 interfaces of the shared catalogue', () => {
    expect(registry.interfaces).toHaveLength(17);
    expect(registry.timeZone).toBe('Europe/Helsinki');
  });

  it('indexes municipalities, employment areas, meetings and secretaries', () => {
    const index = new RegistryIndex(registry);
    expect(index.municipalitiesOf('keski-suomi')).toHaveLength(22);
    expect(index.municipalitiesOf('keski-pohjanmaa')).toHaveLength(8);
    expect(index.municipalitiesOf('paijat-hame')).toHaveLength(10);
    expect(index.municipality('179')?.id).toBe('kunta-179');
    expect(index.regionOfMunicipality('272')?.id).toBe('keski-pohjanmaa');
    expect(index.employmentAreaOf('179')?.id).toBe('tyollisyysalue-jyvaskyla-muurame');
    expect(index.employmentAreaOf('992')?.id).toBe('tyollisyysalue-pohjoinen-keski-suomi');
    expect(index.employmentAreaOf('398')?.id).toBe('tyollisyysalue-lahti');
    // Outside every region of the registry, yet in an employment area that reaches over the border.
    expect(index.employmentAreaOf('508')?.id).toBe('tyollisyysalue-etelainen-keski-suomi');
    expect(index.municipality('508')).toBeUndefined();

    expect(index.childrenOf('hyte').map((i) => i.id)).toEqual(['ehkaiseva-paihdetyo']);
    expect(index.personByAadObjectId('3F2A9C1E-7B4D-4E8A-9C61-0D5B2E7F1A11')?.id).toBe('marja-malli');
    expect(index.forumsWithSecretary('marja-malli').map((f) => f.id)).toEqual([
      'neuvottelukunta-ks',
      'hyte-neuvottelu-ks',
    ]);
    expect(index.responsibilitiesFor('kotoutuminen').map((r) => r.region)).toEqual(
      expect.arrayContaining(['keski-suomi', 'keski-pohjanmaa', 'paijat-hame']),
    );
    for (const forum of registry.forums) {
      const starts = index.meetingsOf(forum.id).map((m) => Date.parse(m.start));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});
