import { resolveOwnerText } from '../../../../src/domain/actions';
import type { RegistryIndex } from '../../../../src/domain/registry';
import { testRegistry } from './registry-fixture';

describe('resolveOwnerText', () => {
  let registry: RegistryIndex;
  beforeAll(async () => {
    registry = await testRegistry();
  });
  const ids = (text: string, regionId?: string) => {
    const result = resolveOwnerText(text, registry, regionId ? { regionId } : {});
    return {
      persons: result.persons.map((p) => p.id),
      organisations: result.organisations.map((o) => o.id),
      problems: result.problems.map((p) => p.code),
    };
  };

  it('finds organisations by short name, name, alias and other languages, without diacritics', () => {
    expect(ids('Jyväskylä').organisations).toEqual(['kunta-179']);
    expect(ids('jyvaskyla').organisations).toEqual(['kunta-179']);
    expect(ids('Jyväskylän kaupunki').organisations).toEqual(['kunta-179']);
    expect(ids('City of Jyväskylä').organisations).toEqual(['kunta-179']);
    expect(ids('Karleby').organisations).toEqual(['kunta-272']);
    expect(ids('KYT').organisations).toEqual(['jarjesto-kyt']);
  });

  it('finds people by name', () => {
    expect(ids('Aino Esimerkki')).toEqual({ persons: ['aino-esimerkki'], organisations: [], problems: [] });
  });

  it('reads several owners', () => {
    expect(ids('Jyväskylä ja Muurame').organisations).toEqual(['kunta-179', 'kunta-500']);
    expect(ids('Aino Esimerkki, Gradia')).toEqual({
      persons: ['aino-esimerkki'],
      organisations: ['oppilaitos-gradia'],
      problems: [],
    });
  });

  it('keeps a name that contains "ja" whole when the whole name is known', () => {
    expect(ids('Keski-Suomen Yhteisöjen Tuki ry').organisations).toEqual(['jarjesto-kyt']);
  });

  it('uses the forum’s region for names every region has', () => {
    expect(ids('hyvinvointialue', 'keski-suomi').organisations).toEqual(['hva-keski-suomi']);
    expect(ids('Kela', 'keski-pohjanmaa').organisations).toEqual(['kela-keski-pohjanmaa']);
    expect(ids('Kela').problems).toEqual(['ownerAmbiguous']);
  });

  it('offers the closest names for an unknown owner', () => {
    const result = resolveOwnerText('Jyväskylää', registry, { regionId: 'keski-suomi' });
    expect(result.persons).toEqual([]);
    expect(result.problems[0]).toMatchObject({
      field: 'owner',
      code: 'ownerUnknown',
      params: { text: 'Jyväskylää' },
    });
    expect(result.problems[0]?.suggestions?.[0]).toBe('Jyväskylä');
    const typo = resolveOwnerText('Aino Esimerki', registry);
    expect(typo.problems[0]?.suggestions).toContain('Aino Esimerkki');
  });

  it('offers nothing rather than something unrelated', () => {
    expect(resolveOwnerText('Helsingin yliopisto', registry).problems[0]?.suggestions).toEqual([]);
  });
});
