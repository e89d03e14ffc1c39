import { digestEn, digestFi, digestSv, digestTranslator } from '../../../src/i18n/digest-messages';

describe('digest and meeting messages', () => {
  it('define the same keys in fi, sv and en, none empty, all prefixed digest. or meetings.', () => {
    const keys = Object.keys(digestFi).sort();
    expect(Object.keys(digestSv).sort()).toEqual(keys);
    expect(Object.keys(digestEn).sort()).toEqual(keys);
    for (const key of keys) expect(key).toMatch(/^(digest|meetings)\./);
    for (const catalogue of [digestFi, digestSv, digestEn]) {
      for (const value of Object.values(catalogue)) expect(value.trim()).not.toBe('');
    }
  });

  it('use the same placeholders in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(digestFi) as (keyof typeof digestFi)[]) {
      expect({ key, sv: placeholders(digestSv[key]) }).toEqual({ key, sv: placeholders(digestFi[key]) });
      expect({ key, en: placeholders(digestEn[key]) }).toEqual({ key, en: placeholders(digestFi[key]) });
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(digestTranslator('sv')('digest.title', { forum: 'X' })).toBe('Lägesbild: X');
    expect(digestTranslator('fi')('digest.more', {})).toBe('… ja {count} muuta');
  });
});
