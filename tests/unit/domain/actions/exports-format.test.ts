import {
  csvCell,
  escapeMarkdown,
  matchesWords,
  searchWords,
  toCsv,
  type Action,
} from '../../../../src/domain/actions';

describe('CSV', () => {
  it('quotes as RFC 4180 says, with CRLF rows', () => {
    expect(
      toCsv([
        ['a', 'b,c'],
        ['say "hi"', 'two\nlines'],
      ]),
    ).toBe('a,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('plain – text')).toBe('plain – text');
    expect(csvCell('2027-03-31')).toBe('2027-03-31');
  });
});

describe('escapeMarkdown', () => {
  it('keeps user text from becoming links, headings, lists or HTML', () => {
    expect(escapeMarkdown('[click](javascript:alert(1))')).toBe('\\[click\\]\\(javascript:alert\\(1\\)\\)');
    expect(escapeMarkdown('# big\n- item')).toBe('\\# big \\- item');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(escapeMarkdown('*bold* _it_ `code` |a|b| ~~s~~ \\')).toBe(
      '\\*bold\\* \\_it\\_ \\`code\\` \\|a\\|b\\| \\~\\~s\\~\\~ \\\\',
    );
    expect(escapeMarkdown('Päivitetään suunnitelma')).toBe('Päivitetään suunnitelma');
  });
});

describe('search words', () => {
  const action = {
    id: 'ANK-2026-001',
    title: 'Päivitetään hyvinvointisuunnitelma',
    description: 'HYTE-kerroin',
  } as Action;

  it('matches every word, ignoring case and diacritics, inside compounds too', () => {
    expect(matchesWords(action, searchWords('suunnitelma'))).toBe(true);
    expect(matchesWords(action, searchWords('PAIVITETAAN hyte'))).toBe(true);
    expect(matchesWords(action, searchWords('ank-2026-001'))).toBe(true);
    expect(matchesWords(action, searchWords('suunnitelma kotoutuminen'))).toBe(false);
    expect(matchesWords(action, searchWords('  '))).toBe(false);
  });
});
