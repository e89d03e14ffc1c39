/**
 * The Store in a local directory (DATA_DIR): the embedded default, for one bot instance.
 *
 * Durability: every operation is applied in memory and appended as one JSON line to a journal
 * that is fdatasync'ed before the operation resolves, so whatever resolved survives `kill -9`
 * and power loss (as far as the disk honours fsync). Writers queued behind an fsync share the
 * next one (group commit). Reads are served from memory but wait until every earlier write is on
 * disk, so nothing is ever answered from data that a crash could still take back. A put with
 * its index changes is one journal line: after a crash it is there entirely or not at all.
 * On opening, the snapshot and the journal are replayed; a torn last line (a crash during a
 * write that was never acknowledged) is cut off. When the journal grows past
 * `compactAfterBytes`, the state is written to a new snapshot (temp file, fsync, rename) and the
 * journal generations it covers are removed; a crash at any step leaves a readable directory.
 *
 * A LOCK file keeps a second process off the same directory. Several bot instances need the
 * Redis adapter instead.
 */
import { access, constants, mkdir } from 'node:fs/promises';
import { systemClock, type Clock } from '../../ports/clock';
import {
  StoreConflictError,
  StoreUnavailableError,
  type AuditEntry,
  type IndexChange,
  type IndexEntry,
  type PutOptions,
  type RangeQuery,
  type Store,
  type Versioned,
} from '../../ports/store';
import { listJournals } from './data-files';
import { lockDir } from './dir-lock';
import { Journal, openJournalFile } from './journal';
import { encodeOperation, type IndexOp, type Operation } from './operation';
import { recover, removeJournals, writeSnapshot } from './recovery';
import {
  checkBounds,
  checkExpectedVersion,
  checkIndexChanges,
  checkLimit,
  checkTtl,
  normalizeRange,
  serialize,
} from '../store-input';
import type { StoreState } from './store-state';

/** The part of the structured logger (pino) the file store uses. */
export interface FileStoreLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface FileStoreOptions {
  readonly dir: string;
  /** Decides claim expiry; tests pass their own. */
  readonly clock?: Clock;
  readonly logger?: FileStoreLogger;
  /** Journal size that triggers a snapshot; default 8 MiB. */
  readonly compactAfterBytes?: number;
}

const DEFAULT_COMPACT_AFTER_BYTES = 8 * 1024 * 1024;

function indexOps(changes: readonly IndexChange[]): IndexOp[] {
  return changes.map((change) =>
    change.op === 'add' ? [change.index, change.member, change.score] : [change.index, change.member],
  );
}

class FileStore implements Store {
  private closing: Promise<void> | undefined;
  private compaction: Promise<void> | undefined;

  constructor(
    private readonly dir: string,
    private readonly state: StoreState,
    private readonly journal: Journal,
    private lsn: number,
    private readonly unlock: () => void,
    private readonly clock: Clock,
    private readonly compactAfterBytes: number,
    private readonly logger: FileStoreLogger | undefined,
  ) {}

  async get<T>(key: string): Promise<Versioned<T> | undefined> {
    this.checkOpen();
    const stored = this.state.values.get(key);
    const result = stored && { value: JSON.parse(stored.json) as T, version: stored.version };
    await this.journal.settled();
    return result;
  }

  async getMany<T>(keys: readonly string[]): Promise<(Versioned<T> | undefined)[]> {
    this.checkOpen();
    const result = keys.map((key) => {
      const stored = this.state.values.get(key);
      return stored && { value: JSON.parse(stored.json) as T, version: stored.version };
    });
    await this.journal.settled();
    return result;
  }

  async put<T>(key: string, value: T, options: PutOptions = {}): Promise<number> {
    this.checkOpen();
    const json = serialize(value);
    checkExpectedVersion(options.expectedVersion);
    const indexes = indexOps(checkIndexChanges(options.indexes));
    // From the version check to the commit nothing may await: that is what makes them one step.
    const current = this.state.values.get(key)?.version ?? 0;
    const conflict = this.conflict(key, options.expectedVersion, current);
    if (conflict) return this.rejectWhenSettled(conflict);
    const version = current + 1;
    await this.commit({ op: 'put', key, version, json, indexes });
    return version;
  }

  async delete(key: string, options: PutOptions = {}): Promise<boolean> {
    this.checkOpen();
    checkExpectedVersion(options.expectedVersion);
    const indexes = indexOps(checkIndexChanges(options.indexes));
    const existed = this.state.values.has(key);
    const conflict = this.conflict(key, options.expectedVersion, this.state.values.get(key)?.version ?? 0);
    if (conflict) return this.rejectWhenSettled(conflict);
    if (!existed && indexes.length === 0) {
      await this.journal.settled();
      return false;
    }
    await this.commit({ op: 'delete', key, indexes });
    return existed;
  }

  async range(index: string, query?: RangeQuery): Promise<IndexEntry[]> {
    this.checkOpen();
    const { min, max, offset, limit, reverse } = normalizeRange(query);
    const entries = this.state.indexes.get(index)?.range(min, max, offset, limit, reverse) ?? [];
    await this.journal.settled();
    return entries;
  }

  async count(index: string, min?: number, max?: number): Promise<number> {
    this.checkOpen();
    const bounds = checkBounds(min, max);
    const result = this.state.indexes.get(index)?.count(bounds.min, bounds.max) ?? 0;
    await this.journal.settled();
    return result;
  }

  async increment(counter: string): Promise<number> {
    this.checkOpen();
    const value = (this.state.counters.get(counter) ?? 0) + 1;
    await this.commit({ op: 'increment', counter, value });
    return value;
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    this.checkOpen();
    const ttl = checkTtl(ttlMs);
    const now = this.clock.now();
    const expiresAt = this.state.claims.get(key);
    if (expiresAt !== undefined && now <= expiresAt) {
      await this.journal.settled();
      return false;
    }
    await this.commit({ op: 'claim', key, expiresAt: now + ttl });
    return true;
  }

  async releaseClaim(key: string): Promise<void> {
    this.checkOpen();
    if (this.state.claims.has(key)) await this.commit({ op: 'release', key });
    else await this.journal.settled();
  }

  async putExpiring<T>(key: string, value: T, ttlMs: number): Promise<void> {
    this.checkOpen();
    const ttl = checkTtl(ttlMs);
    await this.commit({ op: 'expiring', key, json: serialize(value), expiresAt: this.clock.now() + ttl });
  }

  async getExpiring<T>(key: string): Promise<T | undefined> {
    this.checkOpen();
    const stored = this.state.expiring.get(key);
    const live = stored && this.clock.now() <= stored.expiresAt ? stored : undefined;
    await this.journal.settled();
    return live && (JSON.parse(live.json) as T);
  }

  async appendAudit(stream: string, entry: AuditEntry): Promise<void> {
    this.checkOpen();
    await this.commit({ op: 'audit', stream, json: serialize(entry, 'audit entry') });
  }

  async readAudit(stream: string, limit?: number): Promise<AuditEntry[]> {
    this.checkOpen();
    const count = checkLimit(limit);
    const entries = this.state.audits.get(stream) ?? [];
    const result = entries.slice(0, count).map((json) => JSON.parse(json) as AuditEntry);
    await this.journal.settled();
    return result;
  }

  async ping(): Promise<void> {
    this.checkOpen();
    try {
      await access(this.dir, constants.W_OK);
    } catch (error) {
      throw new StoreUnavailableError(`file store directory ${this.dir} is not writable`, { cause: error });
    }
    await this.journal.settled();
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    await this.compaction;
    try {
      await this.journal.close();
    } finally {
      this.unlock();
    }
  }

  private checkOpen(): void {
    if (this.closing) throw new StoreUnavailableError(`file store in ${this.dir} is closed`);
    if (this.journal.failure) throw this.journal.failure;
  }

  private conflict(
    key: string,
    expected: number | undefined,
    actual: number,
  ): StoreConflictError | undefined {
    return expected === undefined || expected === actual
      ? undefined
      : new StoreConflictError(key, expected, actual);
  }

  /** A conflict is reported only once the state it was decided on is durable. */
  private async rejectWhenSettled(error: Error): Promise<never> {
    await this.journal.settled();
    throw error;
  }

  /** Applies in memory and journals in the same synchronous step: the order of the journal is the order of the writes. */
  private commit(operation: Operation): Promise<void> {
    this.state.apply(operation);
    this.lsn += 1;
    const durable = this.journal.append(encodeOperation(operation, this.lsn));
    if (!this.compaction && this.journal.bytes >= this.compactAfterBytes) {
      this.compaction = this.compact().finally(() => {
        this.compaction = undefined;
      });
    }
    return durable;
  }

  private async compact(): Promise<void> {
    try {
      const { previous, captured } = await this.journal.rotate(() => ({
        lsn: this.lsn,
        records: this.state.snapshot(this.clock.now()),
      }));
      await writeSnapshot(this.dir, { lsn: captured.lsn, generation: previous + 1 }, captured.records);
      const covered = (await listJournals(this.dir)).filter((generation) => generation <= previous);
      await removeJournals(this.dir, covered);
    } catch (error) {
      // The journal still holds everything; the next compaction tries again.
      this.logger?.warn({ err: String(error), dir: this.dir }, 'file store: compaction failed');
    }
  }
}

/** Opens (creating when needed) the file store in `options.dir`. */
export async function createFileStore(options: FileStoreOptions): Promise<Store> {
  const { dir } = options;
  await mkdir(dir, { recursive: true });
  const unlock = await lockDir(dir);
  try {
    const recovered = await recover(dir, options.logger);
    const handle = await openJournalFile(dir, recovered.generation);
    await removeJournals(dir, recovered.obsolete);
    const journal = new Journal(dir, handle, recovered.generation, recovered.bytes);
    options.logger?.info({ dir, lsn: recovered.lsn }, 'file store opened');
    return new FileStore(
      dir,
      recovered.state,
      journal,
      recovered.lsn,
      unlock,
      options.clock ?? systemClock,
      options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES,
      options.logger,
    );
  } catch (error) {
    unlock();
    throw error;
  }
}
