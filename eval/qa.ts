/**
 * Runs a question set through the same code path as chat and prints each failure and, last,
 * `accuracy: 0.NN (passed/total)`.
 *
 *   npm run eval:qa -- --registry DIR --questions FILE [--now 2026-11-23T12:00:00Z] [--verbose]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { createFileStore } from '../src/adapters/file/file-store';
import { loadRegistryFromPath } from '../src/adapters/file/registry-source';
import { createQuestionAnswerer } from '../src/app/answer-question';
import { createMessageHandler, type MessageInput } from '../src/app/handle-message';
import type { Reply } from '../src/app/reply';
import type { ServedRegistry } from '../src/app/served-registry';
import type { Store } from '../src/ports/store';

const questionSchema = z.object({
  id: z.string(),
  q: z.string(),
  lang: z.enum(['fi', 'sv', 'en']).optional(),
  context: z.object({ region: z.string().optional() }).optional(),
  expect: z.object({
    kind: z.enum(['answer', 'clarify', 'none']),
    interface: z.string().optional(),
    region: z.string().optional(),
    municipality: z.string().optional(),
    forum: z.string().optional(),
    meeting: z.string().optional(),
    mustInclude: z.array(z.string()).default([]),
    mustIncludeAny: z.array(z.string()).default([]),
    mustNotInclude: z.array(z.string()).default([]),
  }),
});

const KIND: Record<string, string> = {
  responsibility: 'answer',
  forum: 'answer',
  membership: 'answer',
  'member-list': 'answer',
  'clarify-region': 'clarify',
  none: 'none',
  'not-understood': 'not-understood',
};

export interface QaResult {
  readonly passed: number;
  readonly total: number;
  readonly failures: readonly string[];
}

/** Runs every question through the chat code path against `registryPath`; `now` is the injected clock. */
export async function runQuestionSet(
  registryPath: string,
  questionsPath: string,
  now: number,
  verbose = false,
): Promise<QaResult> {
  const loaded = await loadRegistryFromPath(registryPath);
  if (!loaded.ok) throw new Error(`registry does not load:\n${loaded.errors.join('\n')}`);
  const served = loaded.value;
  const questions = z.array(questionSchema).parse(parse(readFileSync(resolve(questionsPath), 'utf8')));

  const dir = mkdtempSync(join(tmpdir(), 'eval-qa-'));
  const store = await createFileStore({ dir });
  const answerer = createQuestionAnswerer({ registry: () => served, clock: { now: () => now }, store });
  const handle = createMessageHandler({
    defaultLocale: 'fi',
    answerQuestion: async (input, locale) => (await answerer(input, locale)).reply,
  });
  const failures: string[] = [];
  let passed = 0;
  try {
    for (const question of questions) {
      const problems = await check(question, served, store, handle);
      if (problems.problems.length === 0) passed += 1;
      else {
        const shown = verbose ? `\n  ---\n  ${problems.text.replace(/\n/g, '\n  ')}` : '';
        failures.push(`FAIL ${question.id}: ${question.q}\n  ${problems.problems.join('\n  ')}${shown}`);
      }
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { passed, total: questions.length, failures };
}

type Question = z.infer<typeof questionSchema>;

async function check(
  question: Question,
  served: ServedRegistry,
  store: Store,
  handle: (input: MessageInput) => Promise<Reply>,
): Promise<{ problems: string[]; text: string }> {
  const conversationId = `eval-${question.id}`;
  const input: MessageInput = {
    text: question.q,
    conversationId,
    userAadObjectId: 'eval-user',
    clientLocale: 'fi-FI',
  };
  const regionId = question.context?.region;
  let channel: string | undefined;
  if (regionId) {
    channel = served.registry.forums.find((forum) => forum.region === regionId && forum.teams?.channelId)
      ?.teams?.channelId;
    // A region without a forum channel is given as the conversation's last region instead.
    if (!channel) await store.put(`last-region:${conversationId}:eval-user`, { regionId });
  }
  const reply = await handle({ ...input, ...(channel ? { teamsChannelId: channel } : {}) });
  const text = reply.text;
  const meta = reply.meta;
  const problems: string[] = [];
  const expect = question.expect;
  const kind = KIND[meta?.answerKind ?? 'not-understood'] ?? meta?.answerKind;
  if (kind !== expect.kind)
    problems.push(`kind ${kind ?? 'none'} (${meta?.answerKind ?? 'no meta'}), expected ${expect.kind}`);
  if (expect.interface && meta?.interfaceId !== expect.interface)
    problems.push(`interface ${meta?.interfaceId}, expected ${expect.interface}`);
  if (expect.region && meta?.regionId && meta.regionId !== expect.region)
    problems.push(`region ${meta.regionId}, expected ${expect.region}`);
  if (expect.municipality && meta?.municipalityCode !== expect.municipality) {
    problems.push(`municipality ${meta?.municipalityCode}, expected ${expect.municipality}`);
  }
  if (expect.forum && meta?.forumId !== expect.forum)
    problems.push(`forum ${meta?.forumId}, expected ${expect.forum}`);
  if (expect.meeting && meta?.meetingId !== expect.meeting)
    problems.push(`meeting ${meta?.meetingId}, expected ${expect.meeting}`);
  for (const must of expect.mustInclude) if (!text.includes(must)) problems.push(`missing "${must}"`);
  if (expect.mustIncludeAny.length > 0 && !expect.mustIncludeAny.some((any) => text.includes(any))) {
    problems.push(`none of ${JSON.stringify(expect.mustIncludeAny)}`);
  }
  for (const mustNot of expect.mustNotInclude)
    if (text.includes(mustNot)) problems.push(`must not include "${mustNot}"`);
  return { problems, text };
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const questionsPath = argument('questions');
  if (!questionsPath) throw new Error('usage: npm run eval:qa -- --registry DIR --questions FILE');
  const result = await runQuestionSet(
    resolve(argument('registry') ?? 'data/registry'),
    questionsPath,
    Date.parse(argument('now') ?? new Date().toISOString()),
    process.argv.includes('--verbose'),
  );
  for (const failure of result.failures) process.stdout.write(`${failure}\n`);
  process.stdout.write(
    `accuracy: ${(result.passed / result.total).toFixed(2)} (${result.passed}/${result.total})\n`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
