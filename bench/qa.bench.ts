/**
 * bench:qa — latency of answering 10,000 varied questions in process against a registry
 * scaled to all 308 municipalities (21 counties, Helsinki and Åland), side by side with the
 * same handler answering `help` (the bare command path) as a baseline. Prints start-up time
 * and heap used after loading.
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { createQuestionAnswerer } from '../src/app/answer-question';
import { createMessageHandler, type MessageInput } from '../src/app/handle-message';
import type { ServedRegistry } from '../src/app/served-registry';
import { inflectedForms } from '../src/domain/language';
import { QuestionModel } from '../src/domain/questions/question-model';
import { loadRegistry, RegistryIndex } from '../src/domain/registry';
import { readMunicipalities, scaledRegistryDocuments } from './scaled-registry';

const ROOT = resolve(__dirname, '..');
const QUESTIONS = 10_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function questionSet(): string[] {
  const municipalities = readMunicipalities(ROOT);
  const topics = [
    'kotoutumisesta',
    'työllisyyden hoidosta',
    'opiskeluhuollosta',
    'HYTE-työstä',
    'perhekeskuksesta',
    'varautumisesta',
    'ikäihmisten palveluista',
    'asumisesta',
  ];
  const sv = ['integrationen', 'sysselsättningen', 'elevhälsan', 'beredskapen', 'äldreomsorgen'];
  const en = [
    'integration',
    'employment services',
    'student welfare',
    'preparedness',
    'services for older people',
  ];
  const out: string[] = [];
  for (let i = 0; out.length < QUESTIONS; i++) {
    const m = municipalities[(i * 7919) % municipalities.length]!;
    const forms = [...inflectedForms(m.nameFi).keys()];
    const place = forms[(i * 31) % Math.max(1, forms.length)] ?? m.nameFi;
    switch (i % 6) {
      case 0:
        out.push(`Kuka vastaa ${topics[i % topics.length]} ${place}?`);
        break;
      case 1:
        out.push(`Vem ansvarar för ${sv[i % sv.length]} i ${m.nameSv}?`);
        break;
      case 2:
        out.push(`Who is responsible for ${en[i % en.length]} in ${m.nameFi}?`);
        break;
      case 3:
        out.push(`Mihin työllisyysalueeseen ${m.nameFi} kuuluu?`);
        break;
      case 4:
        out.push(`Milloin on seuraava HYTE-neuvottelu ja kuka on sihteeri?`);
        break;
      default:
        out.push(`kuka hoitaa ${topics[(i + 3) % topics.length]} ${place.slice(0, -1)}`);
        break;
    }
  }
  return out;
}

async function measure(
  name: string,
  handle: (input: MessageInput) => Promise<{ meta?: { answerKind: string } }>,
  texts: readonly string[],
  kinds?: Map<string, number>,
): Promise<string> {
  for (const text of texts.slice(0, 500)) await handle({ text, conversationId: 'warm-up' });
  const times: number[] = [];
  const started = performance.now();
  for (const [i, text] of texts.entries()) {
    const t0 = performance.now();
    const reply = await handle({
      text,
      conversationId: `c${i % 50}`,
      teamsChannelId: '19:forum-08@thread.tacv2',
    });
    times.push(performance.now() - t0);
    const kind = reply.meta?.answerKind ?? 'command';
    kinds?.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return `${name.padEnd(22)} ${String(texts.length).padStart(6)} ${percentile(times, 50).toFixed(3).padStart(8)} ${percentile(times, 99).toFixed(3).padStart(8)} ${(times.at(-1) ?? 0).toFixed(2).padStart(8)} ${Math.round(
    texts.length / (total / 1000),
  )
    .toString()
    .padStart(9)}`;
}

async function main(): Promise<void> {
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const documents = scaledRegistryDocuments(ROOT);
  const t1 = performance.now();
  const loaded = loadRegistry(documents);
  if (!loaded.ok)
    throw new Error(`scaled registry does not load: ${JSON.stringify(loaded.errors.slice(0, 3))}`);
  const index = new RegistryIndex(loaded.registry);
  const t2 = performance.now();
  const questions = new QuestionModel(index);
  const t3 = performance.now();
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const served: ServedRegistry = { registry: loaded.registry, index, questions };
  const registry = loaded.registry;

  const answerer = createQuestionAnswerer({
    registry: () => served,
    clock: { now: () => Date.parse('2026-11-23T10:00:00Z') },
  });
  const handle = createMessageHandler({
    defaultLocale: 'fi',
    answerQuestion: async (input, locale) => (await answerer(input, locale)).reply,
  });
  const texts = questionSet();

  const out = process.stdout;
  out.write(
    `registry: ${registry.regions.length} regions, ${registry.organisations.filter((o) => o.kind === 'kunta').length} municipalities, ${registry.responsibilities.length} responsibilities, ${registry.forums.length} forums\n`,
  );
  out.write(
    `start-up: generate ${(t1 - t0).toFixed(0)} ms, parse+validate+index ${(t2 - t1).toFixed(0)} ms, question model ${(t3 - t2).toFixed(0)} ms, total ${(t3 - t1).toFixed(0)} ms\n`,
  );
  out.write(
    `heap used after loading: ${((heapAfter - heapBefore) / 1048576).toFixed(1)} MiB (process total ${(heapAfter / 1048576).toFixed(1)} MiB)\n\n`,
  );
  out.write(
    `${'case'.padEnd(22)} ${'n'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'per sec'.padStart(9)}\n`,
  );
  out.write(
    `${await measure(
      'baseline: help',
      handle,
      texts.map(() => 'help'),
    )}\n`,
  );
  const kinds = new Map<string, number>();
  out.write(`${await measure('questions (varied)', handle, texts, kinds)}\n`);
  out.write(`answer kinds: ${[...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ')}\n`);
  out.write('\ntarget: questions p99 <= 2 ms\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
