import { WriteRateLimit } from '../../../src/app/write-rate-limit';

it('allows a user N writes per window, counts users apart, and lets the window slide', () => {
  let now = 0;
  const limit = new WriteRateLimit(3, 60_000, () => now);
  expect([limit.allow('a'), limit.allow('a'), limit.allow('a'), limit.allow('a')]).toEqual([
    true,
    true,
    true,
    false,
  ]);
  expect(limit.allow('b')).toBe(true);
  now = 59_999;
  expect(limit.allow('a')).toBe(false);
  now = 60_001;
  expect(limit.allow('a')).toBe(true);
});
