import { indicatorTrend, isStale, verdictOf } from '../../../../src/domain/digest/indicator-trend';

// Jyväskylä's population (Sotkanet 127) and two made-up rate series.
const jyvaskyla = [
  { year: 2020, value: 143420 },
  { year: 2021, value: 144473 },
  { year: 2022, value: 145887 },
];

describe('indicatorTrend', () => {
  it('gives the latest value, the year before and the change in absolute numbers and percent', () => {
    const trend = indicatorTrend(jyvaskyla, 'neither', 2024);
    expect(trend?.latest).toEqual({ year: 2022, value: 145887 });
    expect(trend?.previous).toEqual({ year: 2021, value: 144473 });
    expect(trend?.change?.absolute).toBe(1414);
    expect(trend?.change?.percent).toBeCloseTo((1414 / 144473) * 100, 10);
    expect(trend?.change?.direction).toBe('up');
    expect(trend?.change?.verdict).toBe('neutral');
  });

  it.each([
    ['higher', 'up', 'good'],
    ['higher', 'down', 'bad'],
    ['lower', 'up', 'bad'],
    ['lower', 'down', 'good'],
    ['neither', 'up', 'neutral'],
    ['neither', 'down', 'neutral'],
  ] as const)('better %s and a change %s is %s', (better, direction, verdict) => {
    const points =
      direction === 'up'
        ? [
            { year: 2024, value: 7.5 },
            { year: 2025, value: 8.1 },
          ]
        : [
            { year: 2024, value: 8.1 },
            { year: 2025, value: 7.5 },
          ];
    expect(indicatorTrend(points, better, 2026)?.change).toMatchObject({ direction, verdict });
    expect(verdictOf(direction, better)).toBe(verdict);
  });

  it('calls an unchanged value flat and neutral whatever is better, ignoring float noise', () => {
    const same = indicatorTrend(
      [
        { year: 2024, value: 0.1 + 0.2 },
        { year: 2025, value: 0.3 },
      ],
      'higher',
      2026,
    );
    expect(same?.change).toEqual({ absolute: 0, percent: 0, direction: 'flat', verdict: 'neutral' });
  });

  it('marks data older than two years before the current year as stale', () => {
    expect(indicatorTrend(jyvaskyla, 'neither', 2024)?.stale).toBe(false);
    expect(indicatorTrend(jyvaskyla, 'neither', 2025)?.stale).toBe(true);
    expect(isStale(2024, 2026)).toBe(false);
    expect(isStale(2023, 2026)).toBe(true);
    expect(isStale(2026, 2026)).toBe(false);
  });

  it('gives no change across a missing year', () => {
    const trend = indicatorTrend(
      [
        { year: 2021, value: 12 },
        { year: 2023, value: 10 },
      ],
      'lower',
      2025,
    );
    expect(trend?.latest).toEqual({ year: 2023, value: 10 });
    expect(trend?.previous).toBeUndefined();
    expect(trend?.change).toBeUndefined();
  });

  it('sorts the points itself, lets a later duplicate win, and skips non-finite values', () => {
    const trend = indicatorTrend(
      [
        { year: 2025, value: Number.NaN },
        { year: 2024, value: 4 },
        { year: 2023, value: 5 },
        { year: 2024, value: 3 },
      ],
      'lower',
      2025,
    );
    expect(trend?.latest).toEqual({ year: 2024, value: 3 });
    expect(trend?.change).toMatchObject({ absolute: -2, percent: -40, direction: 'down', verdict: 'good' });
  });

  it('leaves the percent out when the previous value is zero and handles negative values', () => {
    expect(
      indicatorTrend(
        [
          { year: 2024, value: 0 },
          { year: 2025, value: 3 },
        ],
        'higher',
        2025,
      )?.change,
    ).toEqual({ absolute: 3, direction: 'up', verdict: 'good' });
    // A net migration of -200 becoming -100 is a 50 % rise.
    expect(
      indicatorTrend(
        [
          { year: 2024, value: -200 },
          { year: 2025, value: -100 },
        ],
        'higher',
        2025,
      )?.change,
    ).toMatchObject({ absolute: 100, percent: 50, verdict: 'good' });
  });

  it('has nothing to say about an empty series', () => {
    expect(indicatorTrend([], 'higher', 2025)).toBeUndefined();
    expect(indicatorTrend([{ year: 2024, value: Number.POSITIVE_INFINITY }], 'higher', 2025)).toBeUndefined();
  });
});
