import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { createZip, type ZipEntry } from '../../../manifest/zip';
import { readZip } from './read-zip';

/** Deterministic bytes that deflate cannot shrink. */
function noise(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

const ENTRIES: ZipEntry[] = [
  { name: 'manifest.json', data: Buffer.from(JSON.stringify({ a: 'x'.repeat(2000) })) },
  { name: 'noise.bin', data: noise(5000) },
  { name: 'empty.txt', data: Buffer.alloc(0) },
  { name: 'kansio/päätös.txt', data: Buffer.from('Päätös: yhdyspinnat kuntoon.\n') },
];

describe('createZip', () => {
  it('uses the standard CRC-32 (check value of "123456789")', () => {
    expect(crc32('123456789') >>> 0).toBe(0xcbf43926);
  });

  it('writes entries that read back byte for byte, in order', () => {
    const read = readZip(createZip(ENTRIES));
    expect(read.map((entry) => entry.name)).toEqual(ENTRIES.map((entry) => entry.name));
    read.forEach((entry, i) => expect(entry.data.equals(ENTRIES[i]?.data ?? Buffer.alloc(1))).toBe(true));
  });

  it('deflates what shrinks and stores what does not', () => {
    const methods = Object.fromEntries(
      readZip(createZip(ENTRIES)).map((entry) => [entry.name, entry.method]),
    );
    expect(methods).toEqual({
      'manifest.json': 8,
      'noise.bin': 0,
      'empty.txt': 0,
      'kansio/päätös.txt': 0,
    });
  });

  it('marks non-ASCII names as UTF-8 and only those', () => {
    const flags = readZip(createZip(ENTRIES)).map((entry) => entry.flags);
    expect(flags).toEqual([0, 0, 0, 0x0800]);
  });

  it('is deterministic, with the fixed timestamp 1980-01-01 00:00 unless told otherwise', () => {
    const first = createZip(ENTRIES);
    expect(createZip(ENTRIES).equals(first)).toBe(true);
    const [entry] = readZip(first);
    expect(entry).toMatchObject({ dosDate: (0 << 9) | (1 << 5) | 1, dosTime: 0 });

    const [dated] = readZip(createZip(ENTRIES.slice(0, 1), { modified: new Date(2026, 2, 31, 13, 45, 30) }));
    expect(dated).toMatchObject({ dosDate: (46 << 9) | (3 << 5) | 31, dosTime: (13 << 11) | (45 << 5) | 15 });
  });

  it('records Unix regular files readable by everyone (rw-r--r--)', () => {
    for (const entry of readZip(createZip(ENTRIES))) {
      expect(entry.versionMadeBy >> 8).toBe(3);
      expect((entry.externalAttributes >>> 16).toString(8)).toBe('100644');
    }
  });

  it('writes an empty archive as a lone end record', () => {
    const zip = createZip([]);
    expect(zip.length).toBe(22);
    expect(readZip(zip)).toEqual([]);
  });

  it.each(['', '/etc/passwd', '../outside.txt', 'a/../../b', 'a\\b.txt', 'C:evil', 'folder/', 'a//b', './x'])(
    'refuses the entry name %j',
    (name) => {
      expect(() => createZip([{ name, data: Buffer.from('x') }])).toThrow(/invalid ZIP entry name/);
    },
  );

  it('refuses duplicate names, also when they differ only in case', () => {
    const data = Buffer.from('x');
    expect(() =>
      createZip([
        { name: 'Manifest.json', data },
        { name: 'manifest.json', data },
      ]),
    ).toThrow(/duplicate ZIP entry name/);
  });

  it('refuses timestamps a ZIP cannot hold', () => {
    expect(() => createZip(ENTRIES, { modified: new Date(1979, 11, 31) })).toThrow(RangeError);
    expect(() => createZip(ENTRIES, { modified: new Date(Number.NaN) })).toThrow(RangeError);
  });

  it('is accepted by Info-ZIP unzip when that is installed (otherwise the reader above is the check)', () => {
    const zip = createZip(ENTRIES);
    const hasUnzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0;
    if (!hasUnzip) {
      expect(readZip(zip)).toHaveLength(ENTRIES.length);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    try {
      const file = join(dir, 'test.zip');
      writeFileSync(file, zip);
      const tested = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
      expect(tested.stdout).toContain('No errors detected');
      expect(tested.status).toBe(0);
      const listed = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' });
      expect(listed.stdout.trim().split('\n')).toEqual(ENTRIES.map((entry) => entry.name));
      const out = join(dir, 'out');
      expect(spawnSync('unzip', ['-q', file, '-d', out]).status).toBe(0);
      for (const entry of ENTRIES) expect(readFileSync(join(out, entry.name)).equals(entry.data)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
