/**
 * End-to-end suite: the bot driven through Microsoft 365 Agents Playground in headless Chromium.
 * Run with `npm run test:e2e`; the default `jest` run (`*.test.ts`) does not include it.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 120000,
  maxWorkers: 1,
};
