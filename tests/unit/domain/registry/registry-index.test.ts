import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../../../../src/domain/registry/load-registry';
import { RegistryIndex } from '../../../../src/domain/registry/registry-index';
import type { RegistryDocument } from '../../../../src/domain/registry/parse-document';

const FIXTURES = join(__dirname, '../../../fixtures/registry');

function indexOf(...documents: RegistryDocument[]): RegistryIndex {
  const result = loadRegistry(documents);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return new RegistryIndex(result.registry);
}

const minimal: RegistryDocument = {
  file: 'minimal.yaml',
  text: readFileSync(join(FIXTURES, 'valid/minimal.yaml'), 'utf8'),
};

describe('RegistryIndex', () => {
  const index = indexOf(minimal);

  it('finds items by id', () => {
    expect(index.regionsById.get('keski-suomi')?.wellbeingCounty).toBe('hva-keski-suomi');
    expect(index.organisationsById.get('kunta-179')?.code).toBe('179');
    expect(index.peopleById.get('aino-esimerkki')?.organisation).toBe('hva-keski-suomi');
    expect(index.interfacesById.get('hyte')?.name.fi).toBe('Hyvinvoinnin ja terveyden edistäminen');
    expect(index.forumsById.get('hyte-neuvottelu-ks')?.kind).toBe('hyte-neuvottelu');
    expect(index.agreementsById.get('sy-ks-2024')?.kind).toBe('strateginen');
    expect(index.goalsById.get('vaesto-kasvaa')?.indicator).toBe('vaesto');
    expect(index.indicatorsById.get('vaesto')?.sotkanetId).toBe(127);
    expect(index.meetingsById.get('nope')).toBeUndefined();
  });

  it('finds municipalities by code and region, ordered by code', () => {
    expect(index.municipality('077')?.id).toBe('kunta-077');
    expect(index.municipality('77')).toBeUndefined();
    expect(index.municipalitiesOf('keski-suomi').map((o) => o.code)).toEqual(['077', '179']);
    expect(index.municipalitiesOf('nowhere')).toEqual([]);
    expect(index.organisationsOf('keski-suomi')).toHaveLength(5);
    expect(index.regionOfMunicipality('179')?.id).toBe('keski-suomi');
  });

  it('finds the employment area of a municipality code', () => {
    expect(index.employmentAreaOf('077')?.id).toBe('tyollisyysalue-jyvaskyla');
    expect(index.employmentAreaOf('999')).toBeUndefined();
  });

  it('lists meetings of a forum by start, not by file order', () => {
    expect(index.meetingsOf('hyte-neuvottelu-ks').map((m) => m.id)).toEqual(['hyte-2027-a', 'hyte-2027-b']);
    expect(index.meetingsOf('unknown')).toEqual([]);
  });

  it('lists meetings by instant even when their offsets differ', () => {
    const text = [
      'version: 1',
      'regions: [{ id: r, name: R, wellbeingCounty: hva }]',
      'organisations: [{ id: hva, kind: hyvinvointialue, region: r, name: HVA }]',
      'forums: [{ id: f, name: F, kind: muu, region: r }]',
      'meetings:',
      // 08:00Z sorts first as text, yet 09:30+02:00 (07:30Z) is earlier.
      '  - { id: second, forum: f, title: T, start: "2027-01-01T08:00:00Z", end: "2027-01-01T09:00:00Z" }',
      '  - { id: first, forum: f, title: T, start: "2027-01-01T09:30:00+02:00", end: "2027-01-01T11:00:00+02:00" }',
    ].join('\n');
    expect(
      indexOf({ file: 'r.yaml', text })
        .meetingsOf('f')
        .map((m) => m.id),
    ).toEqual(['first', 'second']);
  });

  it('walks the interface tree both ways', () => {
    expect(index.childrenOf('hyte').map((i) => i.id)).toEqual(['ehkaiseva-paihdetyo']);
    expect(index.childrenOf('tyollisyys')).toEqual([]);
    expect(index.descendantsOf('hyte').map((i) => i.id)).toEqual(['ehkaiseva-paihdetyo']);
    expect(index.interfaceWithAncestors('ehkaiseva-paihdetyo').map((i) => i.id)).toEqual([
      'ehkaiseva-paihdetyo',
      'hyte',
    ]);
    expect(index.interfaceWithAncestors('unknown')).toEqual([]);
  });

  it('groups responsibilities by interface, forums by region and secretary, indicators by region', () => {
    expect(index.responsibilitiesFor('hyte').map((r) => r.person)).toEqual(['aino-esimerkki']);
    expect(index.responsibilitiesFor('tyollisyys').map((r) => r.organisation)).toEqual([
      'tyollisyysalue-jyvaskyla',
    ]);
    expect(index.responsibilitiesFor('ehkaiseva-paihdetyo')).toEqual([]);
    expect(index.forumsOf('keski-suomi').map((f) => f.id)).toEqual(['hyte-neuvottelu-ks']);
    expect(index.forumsWithSecretary('eero-esimerkki').map((f) => f.id)).toEqual(['hyte-neuvottelu-ks']);
    expect(index.forumsWithSecretary('aino-esimerkki')).toEqual([]);
    expect(index.indicatorsOf('keski-suomi').map((i) => i.id)).toEqual(['vaesto']);
  });

  it('finds people by Entra object id in any case', () => {
    expect(index.personByAadObjectId('3f2a9c1e-7b4d-4e8a-9c61-0d5b2e7f1a11')?.id).toBe('aino-esimerkki');
    expect(index.personByAadObjectId('3F2A9C1E-7B4D-4E8A-9C61-0D5B2E7F1A11')?.id).toBe('aino-esimerkki');
    expect(index.personByAadObjectId('00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });
});
