/**
 * Child process of the durability test: opens a file store and writes until it is killed,
 * printing each write only after its promise resolved ("acknowledged").
 * Usage: node -r ts-register.js child-file-writer.ts <dir> <round> <compactAfterBytes>
 */
import { createFileStore } from '../../src/adapters/file/file-store';

const IN_FLIGHT = 32;

async function main(): Promise<void> {
  const [dir, round, compactAfterBytes] = process.argv.slice(2);
  if (!dir || !round) throw new Error('usage: child-file-writer <dir> <round> [compactAfterBytes]');
  const store = await createFileStore({ dir, compactAfterBytes: Number(compactAfterBytes ?? 1 << 20) });
  process.stdout.write(`ready ${process.pid}\n`);
  const pending = new Set<Promise<void>>();
  for (let i = 0; ; i++) {
    const key = `r${round}:k${i}`;
    const write =
      i % 4 === 3
        ? store.increment('acks').then((value) => {
            process.stdout.write(`inc ${value}\n`);
          })
        : store
            .put(
              key,
              { key, pad: 'ä'.repeat(i % 7 === 0 ? 20_000 : 300) },
              { indexes: [{ op: 'add', index: 'acked', member: key, score: i }] },
            )
            .then((version) => {
              process.stdout.write(`put ${key} ${version}\n`);
            });
    const tracked: Promise<void> = write.finally(() => pending.delete(tracked));
    pending.add(tracked);
    if (pending.size >= IN_FLIGHT) await Promise.race(pending);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
