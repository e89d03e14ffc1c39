/**
 * Regression guard for question answering: the public question set through the chat code path.
 * The figure itself is reported by `npm run eval:qa`; this fails when it drops below the target.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runQuestionSet } from '../../../eval/qa';

const ROOT = resolve(__dirname, '../../..');
const NOW = Date.parse('2026-11-23T10:00:00+02:00');

it('answers at least 95 % of the public question set correctly', async () => {
  const result = await runQuestionSet(
    join(ROOT, 'data/registry'),
    join(ROOT, 'tests/fixtures/qa/public-questions.yaml'),
    NOW,
  );
  expect(result.total).toBe(45);
  expect({ accuracy: result.passed / result.total, failures: result.failures }).toEqual({
    accuracy: expect.any(Number),
    failures: expect.any(Array),
  });
  expect(result.passed / result.total).toBeGreaterThanOrEqual(0.95);
});

it('answers at least 95 % of the second question set, written by an independent tester for two other regions', async () => {
  const dir = join(ROOT, 'tests/fixtures/qa-unseen');
  const result = await runQuestionSet(join(dir, 'registry'), join(dir, 'questions.yaml'), NOW);
  expect(result.total).toBeGreaterThanOrEqual(80);
  expect(result.passed / result.total).toBeGreaterThanOrEqual(0.95);
});

it('counts a wrong expectation as a failure', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qa-'));
  const file = join(dir, 'q.yaml');
  writeFileSync(
    file,
    [
      '- id: a',
      '  q: "Kuka vastaa kotoutumisesta Jyväskylässä?"',
      '  expect: { kind: answer, interface: kotoutuminen, mustInclude: ["Aino Esimerkki"] }',
      '- id: b',
      '  q: "Kuka vastaa kotoutumisesta Jyväskylässä?"',
      '  expect: { kind: none, mustNotInclude: ["Aino Esimerkki"] }',
    ].join('\n'),
  );
  try {
    const result = await runQuestionSet(join(ROOT, 'data/registry'), file, NOW);
    expect(result.passed).toBe(1);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatch(/FAIL b:[\s\S]*expected none[\s\S]*must not include "Aino Esimerkki"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
