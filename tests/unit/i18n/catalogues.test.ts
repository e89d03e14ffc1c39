import { catalogueKeys, LOCALES, t, type MessageKey } from '../../../src/i18n';

describe('message catalogues', () => {
  it('define the same keys in fi, sv and en, none empty', () => {
    const reference = catalogueKeys('fi').sort();
    for (const locale of LOCALES) {
      expect(catalogueKeys(locale).sort()).toEqual(reference);
      for (const key of reference) expect(t(locale, key as never).trim()).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('fi', 'help.title', { x: 1 })).toBe('Näin voin auttaa');
    expect(t('en', 'answer.confirmed', { date: '1 Mar 2026' })).toBe('Confirmed 1 Mar 2026');
    expect(t('en', 'answer.confirmed', {})).toBe('Confirmed {date}');
  });

  it('fills every template of every catalogue as a plain search-and-replace would', () => {
    const reference = (template: string, params: Record<string, string | number>): string =>
      template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
      );
    let withPlaceholders = 0;
    for (const locale of LOCALES) {
      for (const key of catalogueKeys(locale) as MessageKey[]) {
        const template = t(locale, key);
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
        if (names.length > 0) withPlaceholders += 1;
        const all = Object.fromEntries(names.map((name, i) => [name, `<${i}$&{x}>`]));
        const some = Object.fromEntries(names.slice(1).map((name) => [name, 7]));
        for (const params of [all, some, {}, { unrelated: 'x' }])
          expect(t(locale, key, params)).toBe(reference(template, params));
      }
    }
    expect(withPlaceholders).toBeGreaterThan(50);
  });
});
