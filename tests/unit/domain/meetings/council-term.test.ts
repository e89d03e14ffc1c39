import { councilTermOn } from '../../../../src/domain/meetings';

describe('councilTermOn', () => {
  it.each([
    ['2021-08-01', '2021-08-01', '2025-05-31'],
    ['2023-03-15', '2021-08-01', '2025-05-31'],
    ['2025-05-31', '2021-08-01', '2025-05-31'],
    ['2025-06-01', '2025-06-01', '2029-05-31'],
    ['2027-12-31', '2025-06-01', '2029-05-31'],
    ['2029-05-31', '2025-06-01', '2029-05-31'],
    ['2029-06-01', '2029-06-01', '2033-05-31'],
    ['2041-06-01', '2041-06-01', '2045-05-31'],
    ['2045-05-30', '2041-06-01', '2045-05-31'],
  ])('puts %s in the term %s..%s', (date, start, end) => {
    expect(councilTermOn(date)).toEqual({ start, end });
  });

  it('knows the term the postponed 2021 elections stretched, and the regular ones before it', () => {
    expect(councilTermOn('2021-07-31')).toEqual({ start: '2017-06-01', end: '2021-07-31' });
    expect(councilTermOn('2021-06-15')).toEqual({ start: '2017-06-01', end: '2021-07-31' });
    expect(councilTermOn('2017-05-31')).toEqual({ start: '2013-06-01', end: '2017-05-31' });
    expect(councilTermOn('2010-01-01')).toEqual({ start: '2009-06-01', end: '2013-05-31' });
  });

  it('gives consecutive terms with no gap and no overlap from 2009 to 2060', () => {
    let term = councilTermOn('2009-06-01');
    while (term.end < '2060-01-01') {
      const next = councilTermOn(nextDay(term.end));
      expect(next.start).toBe(nextDay(term.end));
      expect(councilTermOn(next.start)).toEqual(next);
      term = next;
    }
  });
});

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
