import { RateWindows } from '../../../../src/app/delivery/rate-windows';

describe('RateWindows', () => {
  const windows = () =>
    new RateWindows([
      { limit: 2, periodMs: 1_000 },
      { limit: 3, periodMs: 10_000 },
    ]);

  it('allows a request at once while every window has room', () => {
    const limits = windows();
    expect(limits.earliest('a', 0)).toBe(0);
    limits.record('a', 0);
    expect(limits.earliest('a', 0)).toBe(0);
  });

  it('names the moment the oldest counted request leaves the tightest window', () => {
    const limits = windows();
    limits.record('a', 0);
    limits.record('a', 100);
    expect(limits.earliest('a', 200)).toBe(1_000);
    limits.record('a', 1_000);
    // Three in 10 s: the first must leave that window.
    expect(limits.earliest('a', 1_000)).toBe(10_000);
    expect(limits.earliest('b', 1_000)).toBe(1_000);
  });

  it('forgets what no window sees any more', () => {
    const limits = windows();
    limits.record('a', 0);
    limits.record('a', 100);
    limits.record('a', 200);
    limits.prune(10_150);
    expect(limits.earliest('a', 10_150)).toBe(10_150);
    limits.record('a', 10_150);
    limits.record('a', 10_160);
    expect(limits.earliest('a', 10_170)).toBe(11_150);
  });
});
