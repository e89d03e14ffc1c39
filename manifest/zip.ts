/**
 * A minimal ZIP writer for the Teams app package: a handful of small files at the archive root.
 * No ZIP64, no encryption, no directories. Every entry gets the same fixed timestamp so that the
 * same input always gives the same bytes (reproducible packages, comparable in tests).
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

export interface ZipOptions {
  /** Timestamp stored for every entry (local time fields, 2-second precision). */
  readonly modified?: Date;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION_NEEDED = 20;
/**
 * Made by: Unix (upper byte 3), spec version 2.0. Info-ZIP's unzip reads names from MS-DOS hosts
 * as CP437 even when the UTF-8 flag is set, and a Unix host needs the file mode below.
 */
const VERSION_MADE_BY = (3 << 8) | 20;
/** Regular file, rw-r--r--, in the upper half of the external attributes. */
const UNIX_FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
const FLAG_UTF8_NAME = 0x0800;
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
/** 1980-01-01 00:00:00, the earliest date a DOS timestamp can hold. */
const DEFAULT_MODIFIED = new Date(1980, 0, 1, 0, 0, 0);

export function createZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Buffer {
  checkEntries(entries);
  const { date, time } = dosDateTime(options.modified ?? DEFAULT_MODIFIED);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;

  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const flags = /^[\x20-\x7e]*$/.test(entry.name) ? 0 : FLAG_UTF8_NAME;
    const checksum = crc32(entry.data) >>> 0;
    const deflated = deflateRawSync(entry.data, { level: 9 });
    // Small or incompressible files are stored: deflate would only make them larger.
    const method = deflated.length < entry.data.length ? METHOD_DEFLATED : METHOD_STORED;
    const body = method === METHOD_DEFLATED ? deflated : entry.data;
    if (offset > MAX_32 || body.length > MAX_32 || entry.data.length > MAX_32) {
      throw new RangeError('ZIP64 archives are not supported');
    }

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(VERSION_MADE_BY, 4);
    central.writeUInt16LE(VERSION_NEEDED, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra field length, comment length, disk number and internal attributes stay 0
    central.writeUInt32LE(UNIX_FILE_ATTRIBUTES, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }

  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  if (offset > MAX_32 || centralSize > MAX_32) throw new RangeError('ZIP64 archives are not supported');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

function checkEntries(entries: readonly ZipEntry[]): void {
  if (entries.length > MAX_ENTRIES) throw new RangeError(`at most ${MAX_ENTRIES} entries are supported`);
  const seen = new Set<string>();
  for (const { name } of entries) {
    // Names are archive-relative paths with forward slashes; anything else can escape the
    // extraction folder or means different things to different unzip tools.
    const bad =
      name === '' ||
      name.startsWith('/') ||
      name.endsWith('/') ||
      name.includes('\\') ||
      name.includes('\0') ||
      /^[A-Za-z]:/.test(name) ||
      name.split('/').some((part) => part === '' || part === '.' || part === '..');
    if (bad) throw new Error(`invalid ZIP entry name: ${JSON.stringify(name)}`);
    if (Buffer.byteLength(name, 'utf8') > 0xffff) throw new Error(`ZIP entry name too long: ${name}`);
    const key = name.toLowerCase();
    if (seen.has(key)) throw new Error(`duplicate ZIP entry name: ${name}`);
    seen.add(key);
  }
}

function dosDateTime(moment: Date): { date: number; time: number } {
  const year = moment.getFullYear();
  if (Number.isNaN(year) || year < 1980 || year > 2107) {
    throw new RangeError('a ZIP timestamp must lie between 1980 and 2107');
  }
  return {
    date: ((year - 1980) << 9) | ((moment.getMonth() + 1) << 5) | moment.getDate(),
    time: (moment.getHours() << 11) | (moment.getMinutes() << 5) | Math.floor(moment.getSeconds() / 2),
  };
}
