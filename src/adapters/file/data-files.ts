/** Names of the files in a file store's directory and the fsync helpers they need. */
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export const SNAPSHOT_FILE = 'snapshot.jsonl';
export const SNAPSHOT_TEMP_FILE = 'snapshot.jsonl.tmp';
export const LOCK_FILE = 'LOCK';

const JOURNAL_NAME = /^journal-(\d+)\.log$/;

export function journalFile(generation: number): string {
  return `journal-${String(generation).padStart(6, '0')}.log`;
}

/** Journal generations present in `dir`, ascending. */
export async function listJournals(dir: string): Promise<number[]> {
  const generations: number[] = [];
  for (const name of await readdir(dir)) {
    const match = JOURNAL_NAME.exec(name);
    if (match?.[1]) generations.push(Number(match[1]));
  }
  return generations.sort((a, b) => a - b);
}

/** Makes creations, renames and removals in `dir` durable (they live in the directory). */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset, null);
    offset += bytesWritten;
  }
}

export function pathIn(dir: string, name: string): string {
  return join(dir, name);
}
