import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegistryFiles, RegistryFilesError } from '../../../../src/adapters/file/registry-files';

describe('readRegistryFiles', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'registry-files-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function rejection(path: string): Promise<RegistryFilesError> {
    const error: unknown = await readRegistryFiles(path).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    if (!(error instanceof RegistryFilesError))
      throw new Error(`expected a RegistryFilesError, got ${String(error)}`);
    return error;
  }

  it('reads a single file', async () => {
    const file = join(dir, 'registry.yaml');
    await writeFile(file, 'version: 1\n');
    expect(await readRegistryFiles(file)).toEqual([{ file, text: 'version: 1\n' }]);
  });

  it('reads the .yaml, .yml and .json files of a directory in sorted order, and nothing else', async () => {
    await writeFile(join(dir, 'b.yml'), 'b');
    await writeFile(join(dir, 'a.yaml'), 'a');
    await writeFile(join(dir, 'c.JSON'), '{}');
    await writeFile(join(dir, 'README.md'), '# not registry');
    await writeFile(join(dir, '.editing.yaml'), 'swap file');
    await mkdir(join(dir, 'sub.yaml'));

    const files = await readRegistryFiles(dir);
    expect(files.map((f) => f.file)).toEqual([join(dir, 'a.yaml'), join(dir, 'b.yml'), join(dir, 'c.JSON')]);
    expect(files.map((f) => f.text)).toEqual(['a', 'b', '{}']);
  });

  it('drops a byte order mark', async () => {
    const file = join(dir, 'bom.json');
    await writeFile(file, '\uFEFF{"version": 1}');
    expect((await readRegistryFiles(file))[0]?.text).toBe('{"version": 1}');
  });

  it('fails with REGISTRY_PATH_MISSING for a path that does not exist', async () => {
    const missing = join(dir, 'nope');
    const error = await rejection(missing);
    expect(error.code).toBe('REGISTRY_PATH_MISSING');
    expect(error.path).toBe(missing);
    expect(error.message).toContain(missing);
  });

  it('fails with REGISTRY_DIR_EMPTY for a directory without registry files', async () => {
    await writeFile(join(dir, 'notes.txt'), 'x');
    expect((await rejection(dir)).code).toBe('REGISTRY_DIR_EMPTY');
  });

  it('fails with REGISTRY_FILE_TYPE for a single file of another type', async () => {
    const file = join(dir, 'registry.txt');
    await writeFile(file, 'version: 1\n');
    expect((await rejection(file)).code).toBe('REGISTRY_FILE_TYPE');
  });

  it('fails with REGISTRY_PATH_UNREADABLE for a file that cannot be read', async () => {
    // A symlink to itself cannot be read, even by root (for whom permissions are no obstacle).
    const file = join(dir, 'loop.yaml');
    await symlink(file, file);
    const error = await rejection(dir);
    expect(error.code).toBe('REGISTRY_PATH_UNREADABLE');
    expect(error.path).toBe(file);
  });

  it('reads the bundled sample registry directory', async () => {
    const files = await readRegistryFiles(join(__dirname, '../../../../data/registry'));
    expect(files.map((f) => f.file.split(/[\\/]/).pop())).toEqual([
      'interfaces.yaml',
      'keski-pohjanmaa.yaml',
      'keski-suomi.yaml',
      'paijat-hame.yaml',
    ]);
  });
});
