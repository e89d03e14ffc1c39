/**
 * The append-only journal: one line per committed operation, fdatasync'ed before the
 * operation's promise resolves. Lines that arrive while a write is in flight are written and
 * synced together with the next one (group commit), so many writers share one fsync.
 * File work (batches, rotation, close) runs strictly one task after another.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { StoreUnavailableError } from '../../ports/store';
import { journalFile, pathIn, syncDir, writeAll } from './data-files';

interface Batch {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  // Every batch is awaited by its writers; this only keeps a failure from being reported twice.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

export async function openJournalFile(dir: string, generation: number): Promise<FileHandle> {
  const handle = await open(pathIn(dir, journalFile(generation)), 'a');
  await handle.datasync();
  await syncDir(dir);
  return handle;
}

export class Journal {
  private queue: string[] = [];
  private batch: Batch | undefined;
  private latest: Promise<void> = Promise.resolve();
  private tail: Promise<void> = Promise.resolve();
  private closed = false;
  /** Set once a write or sync failed: memory is then ahead of disk and nothing may go on. */
  failure: StoreUnavailableError | undefined;
  /** Bytes appended to the current generation, including lines not yet written. */
  bytes: number;

  constructor(
    private readonly dir: string,
    private handle: FileHandle,
    private generation: number,
    bytes: number,
  ) {
    this.bytes = bytes;
  }

  /** Resolves once `line` (and every line before it) is on disk. */
  append(line: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new StoreUnavailableError('file store journal is closed'));
    this.queue.push(line);
    this.bytes += Buffer.byteLength(line) + 1;
    if (!this.batch) {
      this.batch = newBatch();
      this.latest = this.batch.promise;
      void this.exclusive(() => this.flush());
    }
    return this.batch.promise;
  }

  /** Resolves once everything appended so far is on disk. */
  settled(): Promise<void> {
    return this.failure ? Promise.reject(this.failure) : this.latest;
  }

  /**
   * Starts a new generation between two batches. `capture` runs at that boundary: every line
   * in the older generations was appended before it ran. Resolves with the last old generation.
   */
  rotate<T>(capture: () => T): Promise<{ readonly previous: number; readonly captured: T }> {
    return this.exclusive(async () => {
      const captured = capture();
      const previous = this.generation;
      const next = await openJournalFile(this.dir, previous + 1);
      await this.handle.close();
      this.handle = next;
      this.generation = previous + 1;
      this.bytes = 0;
      return { previous, captured };
    });
  }

  /** Writes what is queued, then closes the file. */
  close(): Promise<void> {
    this.closed = true;
    return this.exclusive(() => this.handle.close());
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    const lines = this.queue;
    this.batch = undefined;
    this.queue = [];
    if (!batch) return;
    if (this.failure) {
      batch.reject(this.failure);
      return;
    }
    try {
      await writeAll(this.handle, Buffer.from(`${lines.join('\n')}\n`));
      await this.handle.datasync();
      batch.resolve();
    } catch (error) {
      this.failure = new StoreUnavailableError(
        `file store journal write failed in ${this.dir}; restart to recover from disk`,
        {
          cause: error,
        },
      );
      batch.reject(this.failure);
    }
  }
}
