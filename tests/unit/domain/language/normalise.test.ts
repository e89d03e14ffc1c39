import fc from 'fast-check';
import {
  MAX_ANALYSED_CHARS,
  foldNordic,
  normaliseText,
  tokenize,
  tokenizeText,
  toWords,
} from '../../../../src/domain/language/normalise';

describe('normaliseText', () => {
  test('lower-cases, drops punctuation and collapses whitespace', () => {
    expect(normaliseText('  Kenelle KUULUU   asuminen,  Jyväskylässä?! ')).toBe(
      'kenelle kuuluu asuminen jyväskylässä',
    );
  });

  test('keeps å ä ö and folds other diacritics', () => {
    expect(normaliseText('Åbo, Ähtäri, Föglö; café, naïve, Šiauliai, Müller')).toBe(
      'åbo ähtäri föglö cafe naive siauliai muller',
    );
  });

  test('composes decomposed letters (NFD input) before folding', () => {
    expect(normaliseText('Ja\u0308msa\u0308ssa\u0308')).toBe('jämsässä');
  });

  test('maps Nordic look-alikes ø and æ to ö and ä', () => {
    expect(normaliseText('Ømø Kæ')).toBe('ömö kä');
  });

  test('strips HTML tags and decodes entities', () => {
    expect(normaliseText('<p>Kuka&nbsp;vastaa <b>HYTE</b>-asioista &amp; TE24:stä?</p>')).toBe(
      'kuka vastaa hyte asioista te24',
    );
    expect(normaliseText('&lt;at&gt;Bot&lt;/at&gt; &#228;&#x00E4;')).toBe('at bot at ää');
  });

  test('keeps hyphens inside compounds, drops dangling and dash punctuation', () => {
    expect(normaliseText('Sivistys- ja sote-palvelut – Mänttä-Vilppula')).toBe(
      'sivistys ja sote-palvelut mänttä-vilppula',
    );
    expect(normaliseText('hyte--neuvottelu -- -x-')).toBe('hyte-neuvottelu x');
  });

  test('drops the case ending after an abbreviation colon and joins apostrophes', () => {
    expect(normaliseText('TE24:n ja KOTO24:ssä, Koski Tl:ssä')).toBe('te24 ja koto24 koski tl');
    expect(normaliseText("Lahti's services, vaa'an")).toBe('lahtis services vaaan');
    expect(normaliseText('klo 14:00')).toBe('klo 14 00');
  });

  test('removes URLs', () => {
    expect(normaliseText('katso https://example.org/a?b=c ja vastaa')).toBe('katso ja vastaa');
  });

  test('analyses only the first MAX_ANALYSED_CHARS characters', () => {
    const long = `${'a '.repeat(MAX_ANALYSED_CHARS)}Jyväskylässä`;
    expect(normaliseText(long)).not.toContain('jyväskylässä');
    expect(normaliseText(long).length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    expect(normaliseText('Jyväskylässä kuka', 12)).toBe('jyväskylässä');
  });

  test('empty and punctuation-only input give no tokens', () => {
    expect(normaliseText('')).toBe('');
    expect(tokenizeText(' ?!… ')).toEqual([]);
  });
});

describe('tokenize', () => {
  test('keeps a hyphenated compound whole and as parts', () => {
    expect(tokenize('hyte-neuvottelu jämsässä')).toEqual([
      { text: 'hyte-neuvottelu', parts: ['hyte', 'neuvottelu'] },
      { text: 'jämsässä', parts: ['jämsässä'] },
    ]);
  });

  test('toWords flattens parts and remembers their token', () => {
    expect(toWords(tokenizeText('Kuka Mänttä-Vilppulassa?'))).toEqual([
      { text: 'kuka', token: 0 },
      { text: 'mänttä', token: 1 },
      { text: 'vilppulassa', token: 1 },
    ]);
  });
});

describe('foldNordic', () => {
  test('folds å ä ö for keyboards without them', () => {
    expect(foldNordic('jämsässä åbo föglö')).toBe('jamsassa abo foglo');
  });
});

describe('normaliseText on plain and unusual text alike', () => {
  /**
   * Every step that the shortcut skips and that could touch its alphabet, then the rest. (Entities
   * need "&" and folding needs letters other than å ä ö: neither is in the plain alphabet.)
   */
  function normaliseEveryStep(input: string): string {
    return input
      .slice(0, MAX_ANALYSED_CHARS)
      .replace(/<[^<>]{0,200}>/g, ' ')
      .replace(/\bhttps?:\/\/\S+/gi, ' ')
      .toLowerCase()
      .normalize('NFC')
      .replace(/[\u00ad\p{M}]/gu, '')
      .replace(/([\p{L}\p{N}])['’`´]+(?=\p{L})/gu, '$1')
      .replace(/([\p{L}\p{N}]):\p{L}{1,5}(?![\p{L}\p{N}])/gu, '$1')
      .replace(/[\u2010\u2011]/g, '-')
      .replace(/[^\p{L}\p{N}-]+/gu, ' ')
      .replace(/(?<=\s|^)-+|-+(?=\s|$)/g, ' ')
      .replace(/-{2,}/g, '-')
      .replace(/\s+/g, ' ')
      .trim();
  }

  const plainAlphabet = 'aAzZ09åäöÅÄÖ ?!.,;:()"\'-'.split('');
  const otherAlphabet = [
    'é',
    'ü',
    'ø',
    '’',
    '´',
    '\u00ad',
    '\u0301',
    '\u2010',
    '<',
    '>',
    '&',
    '/',
    '\n',
    '🙂',
  ];

  test('plain text (the shortcut) gives what every step gives', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...plainAlphabet), { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        expect(normaliseText(text)).toBe(normaliseEveryStep(text));
      }),
      { numRuns: 5000 },
    );
  });

  test('drops hyphens at word edges, also where they stand next to each other', () => {
    expect(normaliseText('a- -b')).toBe('a b');
    expect(normaliseText('- -a')).toBe('a');
    expect(normaliseText('sote--keskus - HYTE-')).toBe('sote-keskus hyte');
  });

  test('is idempotent, so normalised text can be analysed again unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...plainAlphabet, ...otherAlphabet), { maxLength: 60 }),
        (chars) => {
          const once = normaliseText(chars.join(''));
          expect(normaliseText(once)).toBe(once);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
