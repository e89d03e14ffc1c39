/**
 * One writer per data directory: a LOCK file created exclusively and holding the owner's pid.
 * A lock whose process is gone (killed, crashed, or an earlier life of a container that reuses
 * the same pid) is taken over; a live owner makes opening fail with a clear error.
 */
import { closeSync, fsyncSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { FileStoreLockedError } from './file-store-errors';
import { LOCK_FILE, pathIn } from './data-files';

// The pid in the file cannot tell this process's own live lock from a stale one left by an
// earlier process with the same pid, so the locks this process holds are remembered here.
const heldHere = new Set<string>();

function holderOf(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Takes the lock of `dir`; resolves with the function that gives it back. */
export async function lockDir(dir: string): Promise<() => void> {
  const path = resolve(pathIn(dir, LOCK_FILE));
  for (let attempt = 0; attempt < 5; attempt++) {
    if (heldHere.has(path)) throw new FileStoreLockedError(dir, process.pid);
    if (tryCreate(path)) {
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        if (holderOf(path) === process.pid) unlinkSync(path);
      };
    }
    let holder = holderOf(path);
    // A lock file without a pid may be one that its owner has created but not yet written.
    if (holder === undefined) {
      await sleep(100);
      holder = holderOf(path);
    }
    if (holder !== undefined && holder !== process.pid && isAlive(holder))
      throw new FileStoreLockedError(dir, holder);
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`could not take the lock ${path}: other processes keep taking it over`);
}
