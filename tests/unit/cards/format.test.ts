import { formatDate, formatDateTime, formatTimeRange } from '../../../cards/format';

describe('dates on cards', () => {
  it('writes dates as each language does, the same on every call', () => {
    for (let round = 0; round < 2; round++) {
      expect(formatDate('2026-03-05', 'fi')).toBe('5.3.2026');
      expect(formatDate('2026-03-05', 'sv')).toBe('5.3.2026');
      expect(formatDate('2026-03-05', 'en')).toBe('5 Mar 2026');
      expect(formatDate('not a date', 'fi')).toBe('not a date');
    }
  });

  it('writes times in the registry zone, and ranges on one day with the end time only', () => {
    const start = '2026-11-24T10:00:00Z';
    for (let round = 0; round < 2; round++) {
      expect(formatDateTime(start, 'Europe/Helsinki', 'fi')).toBe('24.11.2026 klo 12.00');
      expect(formatDateTime(start, 'UTC', 'fi')).toBe('24.11.2026 klo 10.00');
      expect(formatDateTime(start, 'Europe/Helsinki', 'en')).toBe('24 Nov 2026 at 12:00');
      expect(formatTimeRange(start, '2026-11-24T12:30:00Z', 'Europe/Helsinki', 'sv')).toBe(
        '24.11.2026 kl. 12.00–14.30',
      );
      expect(formatTimeRange(start, '2026-11-25T08:00:00Z', 'Europe/Helsinki', 'fi')).toBe(
        '24.11.2026 klo 12.00–25.11.2026 klo 10.00',
      );
    }
  });
});
