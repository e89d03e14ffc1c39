import { catalogueKeys, LOCALES, t } from '../../../src/i18n';

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
  });
});
