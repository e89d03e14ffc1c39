/** Errors of the file store that an operator has to act on; each carries a stable code. */
export class FileStoreLockedError extends Error {
  readonly code = 'STORE_LOCKED';
  constructor(
    readonly dir: string,
    readonly holder: number,
  ) {
    super(
      holder === process.pid
        ? `the file store in ${dir} is already open in this process; close it before opening it again`
        : `the file store in ${dir} is in use by process ${holder}; stop that process or use another DATA_DIR`,
    );
    this.name = 'FileStoreLockedError';
  }
}

export class FileStoreDamagedError extends Error {
  readonly code = 'STORE_DAMAGED';
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(
      `file store data in ${file} is damaged: ${detail}; keep a copy of the directory and restore it from a backup`,
    );
    this.name = 'FileStoreDamagedError';
  }
}
