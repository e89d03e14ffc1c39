import { DateTime } from 'luxon';
import { addDays, dayIn, epochDay, isRealDate } from '../../../../src/domain/actions';

describe('calendar days', () => {
  it('gives the day of an instant in the zone, changing exactly at local midnight', () => {
    const midnight = Date.parse('2026-11-22T22:00:00Z'); // 00:00 in Helsinki (UTC+2)
    expect(dayIn(midnight - 1, 'Europe/Helsinki')).toBe('2026-11-22');
    expect(dayIn(midnight, 'Europe/Helsinki')).toBe('2026-11-23');
    expect(dayIn(midnight - 1, 'UTC')).toBe('2026-11-22');
    // Summer time: midnight is 21:00 UTC.
    const summer = Date.parse('2026-06-30T21:00:00Z');
    expect(dayIn(summer - 1, 'Europe/Helsinki')).toBe('2026-06-30');
    expect(dayIn(summer, 'Europe/Helsinki')).toBe('2026-07-01');
    // A zone 45 minutes off the hour.
    const kathmandu = Date.parse('2026-11-22T18:15:00Z');
    expect(dayIn(kathmandu - 1, 'Asia/Kathmandu')).toBe('2026-11-22');
    expect(dayIn(kathmandu, 'Asia/Kathmandu')).toBe('2026-11-23');
  });

  it('gives the day luxon gives for every instant, however often and in whatever order asked', () => {
    // Across the spring change to summer time, at uneven steps, in two zones.
    const instants = Array.from({ length: 400 }, (_, i) => Date.parse('2026-03-28T20:00:00Z') + i * 997_123);
    for (const zone of ['Europe/Helsinki', 'America/St_Johns']) {
      const expected = instants.map((t) => DateTime.fromMillis(t, { zone }).toISODate());
      expect(instants.map((t) => dayIn(t, zone))).toEqual(expected);
      expect([...instants].reverse().map((t) => dayIn(t, zone))).toEqual([...expected].reverse());
    }
  });

  it('counts days and knows real dates', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(epochDay('1970-01-02')).toBe(1);
  });
});
