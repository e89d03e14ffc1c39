import { parseDate } from '../../../../src/domain/actions';

const TODAY = '2026-11-23';

describe('parseDate', () => {
  it.each([
    ['31.3.2027', '2027-03-31'],
    ['31.03.2027', '2027-03-31'],
    ['1.4.27', '2027-04-01'],
    ['31. 3. 2027', '2027-03-31'],
    ['2027-03-31', '2027-03-31'],
    ['31. maaliskuuta 2027', '2027-03-31'],
    ['31 maaliskuuta 2027', '2027-03-31'],
    ['1. joulukuuta 2026', '2026-12-01'],
    ['31 mars 2027', '2027-03-31'],
    ['den 31 mars 2027', '2027-03-31'],
    ['5 maj 2027', '2027-05-05'],
    ['March 31, 2027', '2027-03-31'],
    ['march 31 2027', '2027-03-31'],
    ['Mar 31, 2027', '2027-03-31'],
    ['31 March 2027', '2027-03-31'],
    ['31st of March 2027', '2027-03-31'],
    ['May 5th, 2027', '2027-05-05'],
  ])('reads %s as %s', (text, expected) => {
    expect(parseDate(text, TODAY)).toEqual({ ok: true, date: expected });
  });

  it('takes the next such day when the year is left out', () => {
    expect(parseDate('31.3.', TODAY)).toEqual({ ok: true, date: '2027-03-31' });
    expect(parseDate('24.11.', TODAY)).toEqual({ ok: true, date: '2026-11-24' });
    expect(parseDate('23.11', TODAY)).toEqual({ ok: true, date: '2026-11-23' });
    expect(parseDate('22.11.', TODAY)).toEqual({ ok: true, date: '2027-11-22' });
    expect(parseDate('15. joulukuuta', TODAY)).toEqual({ ok: true, date: '2026-12-15' });
    expect(parseDate('29.2.', TODAY)).toEqual({ ok: true, date: '2028-02-29' });
  });

  it.each([
    '31.2.2027',
    '2027-02-30',
    '32.1.2027',
    '1.13.2027',
    'huomenna',
    '',
    'March 2027',
    '31 smarch 2027',
    '1.1.1066',
  ])('refuses %s without throwing', (text) => {
    expect(parseDate(text, TODAY)).toEqual({ ok: false });
  });

  it('accepts a past date (whether it is allowed is decided elsewhere)', () => {
    expect(parseDate('1.1.2020', TODAY)).toEqual({ ok: true, date: '2020-01-01' });
  });
});
