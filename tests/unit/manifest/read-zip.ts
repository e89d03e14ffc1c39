/**
 * An independent ZIP reader for the tests: finds the end-of-central-directory record, walks the
 * central directory, checks each local header against it, inflates and verifies the CRC-32.
 * Written from the specification (APPNOTE.TXT), not from manifest/zip.ts.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export interface ReadEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly dosDate: number;
  readonly dosTime: number;
  readonly versionMadeBy: number;
  readonly externalAttributes: number;
  readonly data: Buffer;
}

export function readZip(zip: Buffer): ReadEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) throw new Error('no end of central directory record');
  if (zip.readUInt16LE(eocd + 20) + eocd + 22 !== zip.length)
    throw new Error('trailing bytes after the archive');
  const count = zip.readUInt16LE(eocd + 10);
  if (zip.readUInt16LE(eocd + 8) !== count) throw new Error('multi-disk archives are not expected');
  const size = zip.readUInt32LE(eocd + 12);
  const start = zip.readUInt32LE(eocd + 16);
  if (start + size !== eocd) throw new Error('central directory does not end at the EOCD record');

  const entries: ReadEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header signature at ${at}`);
    const versionMadeBy = zip.readUInt16LE(at + 4);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const dosTime = zip.readUInt16LE(at + 12);
    const dosDate = zip.readUInt16LE(at + 14);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const externalAttributes = zip.readUInt32LE(at + 38);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    if (zip.readUInt32LE(localOffset) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const local = {
      flags: zip.readUInt16LE(localOffset + 6),
      method: zip.readUInt16LE(localOffset + 8),
      crc: zip.readUInt32LE(localOffset + 14),
      compressedSize: zip.readUInt32LE(localOffset + 18),
      size: zip.readUInt32LE(localOffset + 22),
      name: zip.toString('utf8', localOffset + 30, localOffset + 30 + zip.readUInt16LE(localOffset + 26)),
    };
    const expected = { flags, method, crc, compressedSize, size, name };
    if (JSON.stringify(local) !== JSON.stringify(expected)) {
      throw new Error(`local header of ${name} disagrees with the central directory`);
    }
    const bodyStart =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const body = zip.subarray(bodyStart, bodyStart + compressedSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(body);
    else if (method === 8) data = inflateRawSync(body);
    else throw new Error(`unexpected compression method ${method} for ${name}`);
    if (data.length !== size) throw new Error(`size of ${name} is ${data.length}, header says ${size}`);
    if (crc32(data) >>> 0 !== crc) throw new Error(`CRC-32 mismatch for ${name}`);
    entries.push({ name, method, flags, dosDate, dosTime, versionMadeBy, externalAttributes, data });
  }
  if (at !== eocd) throw new Error('central directory size does not match its entries');
  return entries;
}
