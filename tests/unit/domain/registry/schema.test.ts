import {
  interfaceAliasesSchema,
  isoDateSchema,
  isoDateTimeSchema,
  localisedTextSchema,
  municipalityCodeSchema,
  idSchema,
} from '../../../../src/domain/registry/schema';
import { nearest } from '../../../../src/domain/registry/suggest';

describe('registry value schemas', () => {
  it('reads a localised text from a plain string or an object with fi', () => {
    expect(localisedTextSchema.parse('Jyväskylä')).toEqual({ fi: 'Jyväskylä' });
    expect(localisedTextSchema.parse({ fi: 'Jyväskylä', sv: 'Jyväskylä stad' })).toEqual({
      fi: 'Jyväskylä',
      sv: 'Jyväskylä stad',
    });
    expect(localisedTextSchema.safeParse({ sv: 'Karleby' }).success).toBe(false);
    expect(localisedTextSchema.safeParse({ fi: '  ' }).success).toBe(false);
    expect(localisedTextSchema.safeParse(42).success).toBe(false);
  });

  it('accepts ids of lower-case letters, digits and "-" only', () => {
    expect(idSchema.parse('kunta-179')).toBe('kunta-179');
    expect(idSchema.parse(2024)).toBe('2024');
    for (const bad of ['Kunta-179', 'kunta_179', 'kunta 179', 'jyväskylä', '']) {
      expect(idSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('zero-pads municipality codes given as numbers and rejects other shapes', () => {
    expect(municipalityCodeSchema.parse('179')).toBe('179');
    expect(municipalityCodeSchema.parse(77)).toBe('077');
    expect(municipalityCodeSchema.parse(5)).toBe('005');
    expect(municipalityCodeSchema.parse('77')).toBe('077');
    for (const bad of ['1790', 1790, 'abc', 7.5, -1]) {
      expect(municipalityCodeSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('accepts calendar dates only', () => {
    expect(isoDateSchema.parse('2024-02-29')).toBe('2024-02-29');
    expect(isoDateSchema.parse(new Date(Date.UTC(2026, 8, 1)))).toBe('2026-09-01');
    for (const bad of ['2026-02-30', '2026-13-01', '1.9.2026', '2026-9-1']) {
      expect(isoDateSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('accepts times with an offset only', () => {
    for (const good of ['2026-12-10T09:00:00+02:00', '2026-12-10T09:00+02:00', '2026-12-10T07:00:00.000Z']) {
      expect(isoDateTimeSchema.parse(good)).toBe(good);
    }
    for (const bad of ['2026-12-10T09:00:00', '2026-12-10 09:00+02:00', '2026-12-32T09:00:00+02:00']) {
      expect(isoDateTimeSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('reads interface aliases per language or as one list for all', () => {
    expect(interfaceAliasesSchema.parse({ fi: ['KOTO24'] })).toEqual({ fi: ['KOTO24'], sv: [], en: [] });
    expect(interfaceAliasesSchema.parse(['KOTO24'])).toEqual({
      fi: ['KOTO24'],
      sv: ['KOTO24'],
      en: ['KOTO24'],
    });
    expect(interfaceAliasesSchema.safeParse(5).success).toBe(false);
  });
});

describe('nearest', () => {
  it('suggests a close id, ignoring case', () => {
    expect(nearest('hva-keski-suomii', ['hva-keski-suomi', 'hva-paijat-hame'])).toBe('hva-keski-suomi');
    expect(nearest('Kunta-179', ['kunta-179', 'kunta-077'])).toBe('kunta-179');
  });

  it('suggests nothing when no candidate is plausibly meant', () => {
    expect(nearest('nobody-at-all', ['aino-esimerkki', 'eero-esimerkki'])).toBeUndefined();
    expect(nearest('ab', ['cd'])).toBeUndefined();
    expect(nearest('x', [])).toBeUndefined();
  });
});
