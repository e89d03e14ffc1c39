/**
 * Reloads the registry when its files change. Editors save in bursts (temp file, rename), so
 * changes are debounced; an invalid new version is rejected by the holder and the old one stays.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface RegistryWatcher {
  close(): void;
}

export function watchRegistry(path: string, onChange: () => void, debounceMs = 300): RegistryWatcher {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const trigger = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
    timer.unref();
  };
  try {
    // A single file is watched through its folder: editors replace files by renaming, which
    // would silently end a watch on the file itself.
    const isFile = statSync(path).isFile();
    const target = isFile ? dirname(path) : path;
    const name = basename(path);
    watcher = watch(target, { persistent: false }, (_event, changed) => {
      if (!isFile || changed === null || changed === name) trigger();
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    // Watching is a convenience: SIGHUP still reloads where the file system cannot be watched.
    watcher = undefined;
  }
  return {
    close: () => {
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
