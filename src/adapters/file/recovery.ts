/**
 * Rebuilds a file store from its directory: the snapshot, then every journal generation it does
 * not cover, skipping records the snapshot already holds (by sequence number). Only the end of
 * the newest journal can be torn (a crash in the middle of a write that was never
 * acknowledged); it is cut off. Damage anywhere else stops the opening with a clear error
 * instead of silently losing acknowledged writes.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { FileStoreDamagedError } from './file-store-errors';
import {
  journalFile,
  listJournals,
  pathIn,
  SNAPSHOT_FILE,
  SNAPSHOT_TEMP_FILE,
  syncDir,
  writeAll,
} from './data-files';
import { decodeOperation, type DecodedOperation } from './operation';
import { StoreState } from './store-state';

export interface RecoveryLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface Recovery {
  readonly state: StoreState;
  /** Sequence number of the last record applied. */
  readonly lsn: number;
  /** Journal generation to append to, and its size in bytes. */
  readonly generation: number;
  readonly bytes: number;
  /** Generations the snapshot covers completely; safe to remove. */
  readonly obsolete: readonly number[];
}

interface SnapshotHeader {
  readonly lsn: number;
  readonly generation: number;
}

function* lines(data: Buffer): Generator<{
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly complete: boolean;
}> {
  let start = 0;
  while (start < data.length) {
    const newline = data.indexOf(10, start);
    const end = newline === -1 ? data.length : newline + 1;
    yield {
      text: data.toString('utf8', start, newline === -1 ? end : newline),
      start,
      end,
      complete: newline !== -1,
    };
    start = end;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

async function loadSnapshot(dir: string, state: StoreState): Promise<SnapshotHeader> {
  const path = pathIn(dir, SNAPSHOT_FILE);
  const data = await readOptional(path);
  if (!data) return { lsn: 0, generation: 0 };
  let header: SnapshotHeader | undefined;
  let records = 0;
  let ended = false;
  for (const line of lines(data)) {
    if (ended) throw new FileStoreDamagedError(path, 'content after the end marker');
    let parsed: unknown;
    try {
      parsed = JSON.parse(line.text);
    } catch {
      throw new FileStoreDamagedError(path, `unreadable line at byte ${line.start}`);
    }
    const fields = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
    if (!header) {
      if (
        fields.snapshot !== 1 ||
        !Number.isSafeInteger(fields.lsn) ||
        !Number.isSafeInteger(fields.generation)
      ) {
        throw new FileStoreDamagedError(path, 'missing or unknown header');
      }
      header = { lsn: fields.lsn as number, generation: fields.generation as number };
      continue;
    }
    if ('end' in fields) {
      if (fields.end !== records)
        throw new FileStoreDamagedError(path, `expected ${String(fields.end)} records, found ${records}`);
      ended = true;
      continue;
    }
    const decoded = decodeOperation(line.text);
    if (!decoded || decoded.lsn !== undefined)
      throw new FileStoreDamagedError(path, `bad record at byte ${line.start}`);
    state.apply(decoded.operation);
    records++;
  }
  if (!header || !ended) throw new FileStoreDamagedError(path, 'incomplete snapshot');
  return header;
}

async function truncate(path: string, size: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(size);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

export async function recover(dir: string, logger?: RecoveryLogger): Promise<Recovery> {
  await rm(pathIn(dir, SNAPSHOT_TEMP_FILE), { force: true });
  const state = new StoreState();
  const snapshot = await loadSnapshot(dir, state);
  const generations = await listJournals(dir);
  const obsolete = generations.filter((generation) => generation < snapshot.generation);
  const live = generations.filter((generation) => generation >= snapshot.generation);
  let lsn = snapshot.lsn;
  let bytes = 0;
  for (const [position, generation] of live.entries()) {
    const path = pathIn(dir, journalFile(generation));
    const data = await readFile(path);
    const newest = position === live.length - 1;
    let good = 0;
    let torn: { readonly start: number } | undefined;
    for (const line of lines(data)) {
      const decoded: DecodedOperation | undefined = line.complete ? decodeOperation(line.text) : undefined;
      if (torn) {
        if (decoded?.lsn !== undefined && decoded.lsn > lsn) {
          throw new FileStoreDamagedError(
            path,
            `unreadable record at byte ${torn.start} before later records`,
          );
        }
        continue;
      }
      if (!decoded || decoded.lsn === undefined) {
        if (!newest) throw new FileStoreDamagedError(path, `unreadable record at byte ${line.start}`);
        torn = { start: line.start };
        continue;
      }
      good = line.end;
      if (decoded.lsn <= lsn) continue;
      if (decoded.lsn !== lsn + 1)
        throw new FileStoreDamagedError(path, `records ${lsn + 1}..${decoded.lsn - 1} are missing`);
      state.apply(decoded.operation);
      lsn = decoded.lsn;
    }
    if (torn) {
      logger?.warn(
        { file: path, bytes: data.length - good },
        'file store: cut off a torn write at the end of the journal',
      );
      await truncate(path, good);
    }
    bytes = good;
  }
  const generation = live.at(-1) ?? Math.max(snapshot.generation, 1);
  return { state, lsn, generation, bytes, obsolete };
}

/** Writes the snapshot beside the old one and renames it into place, so a crash keeps one whole. */
export async function writeSnapshot(
  dir: string,
  header: SnapshotHeader,
  records: readonly string[],
): Promise<void> {
  const temp = pathIn(dir, SNAPSHOT_TEMP_FILE);
  const handle = await open(temp, 'w');
  try {
    const chunk: string[] = [JSON.stringify({ snapshot: 1, lsn: header.lsn, generation: header.generation })];
    let size = 0;
    for (const record of records) {
      chunk.push(record);
      size += record.length;
      if (size >= 1 << 20) {
        await writeAll(handle, Buffer.from(`${chunk.join('\n')}\n`));
        chunk.length = 0;
        size = 0;
      }
    }
    chunk.push(JSON.stringify({ end: records.length }));
    await writeAll(handle, Buffer.from(`${chunk.join('\n')}\n`));
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(temp, pathIn(dir, SNAPSHOT_FILE));
  await syncDir(dir);
}

export async function removeJournals(dir: string, generations: readonly number[]): Promise<void> {
  for (const generation of generations) await rm(pathIn(dir, journalFile(generation)), { force: true });
  if (generations.length > 0) await syncDir(dir);
}
