/**
 * Reads the registry files named by REGISTRY_PATH: one .yaml/.yml/.json file, or a directory
 * whose such files are read in sorted name order (the order in which the loader merges them).
 */
import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { RegistryDocument } from '../../domain/registry';

export type RegistryFilesErrorCode =
  'REGISTRY_PATH_MISSING' | 'REGISTRY_PATH_UNREADABLE' | 'REGISTRY_DIR_EMPTY' | 'REGISTRY_FILE_TYPE';

export class RegistryFilesError extends Error {
  constructor(
    readonly code: RegistryFilesErrorCode,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RegistryFilesError';
  }
}

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

const isRegistryFileName = (name: string): boolean =>
  !name.startsWith('.') && EXTENSIONS.has(extname(name).toLowerCase());

export async function readRegistryFiles(registryPath: string): Promise<RegistryDocument[]> {
  const info = await statOf(registryPath);
  if (!info.isDirectory()) {
    if (!EXTENSIONS.has(extname(registryPath).toLowerCase())) {
      throw new RegistryFilesError(
        'REGISTRY_FILE_TYPE',
        registryPath,
        `registry file ${registryPath} is not .yaml, .yml or .json`,
      );
    }
    return [await readOne(registryPath)];
  }

  let names: string[];
  try {
    names = (await readdir(registryPath)).filter(isRegistryFileName);
  } catch (error) {
    throw new RegistryFilesError(
      'REGISTRY_PATH_UNREADABLE',
      registryPath,
      `cannot list registry directory ${registryPath}: ${reason(error)}`,
      { cause: error },
    );
  }
  const files: string[] = [];
  // Sorted by code unit, not locale, so the merge order is the same on every machine.
  for (const name of names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const file = join(registryPath, name);
    if ((await statOf(file)).isFile()) files.push(file);
  }
  if (files.length === 0) {
    throw new RegistryFilesError(
      'REGISTRY_DIR_EMPTY',
      registryPath,
      `registry directory ${registryPath} has no .yaml, .yml or .json files`,
    );
  }
  return Promise.all(files.map(readOne));
}

async function statOf(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      throw new RegistryFilesError('REGISTRY_PATH_MISSING', path, `registry path ${path} does not exist`, {
        cause: error,
      });
    }
    throw new RegistryFilesError(
      'REGISTRY_PATH_UNREADABLE',
      path,
      `cannot read registry path ${path}: ${reason(error)}`,
      { cause: error },
    );
  }
}

async function readOne(file: string): Promise<RegistryDocument> {
  try {
    const text = await readFile(file, 'utf8');
    return { file, text: text.replace(/^\uFEFF/, '') };
  } catch (error) {
    throw new RegistryFilesError(
      'REGISTRY_PATH_UNREADABLE',
      file,
      `cannot read registry file ${file}: ${reason(error)}`,
      { cause: error },
    );
  }
}

function errorCode(error: unknown): string | undefined {
  return error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
