/**
 * A minimal synchronous ZIP reader for XLSX: the central directory, stored
 * and deflated entries, sizes and CRC checked. Node's zlib does the
 * inflating. Synchronous because parseDocument is (the spreadsheet libraries
 * on npm that read merges only load asynchronously), and an XLSX needs no
 * more of ZIP than this: no encryption, no multi-disk, no ZIP64 (4 GiB).
 */
import * as zlib from 'node:zlib';
import { SourceError } from './binary';

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Largest entry inflated: an XML part beyond this is refused rather than exhausting memory (a "zip bomb"). */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const damaged = (why: string) => new SourceError(`looks like a ZIP/XLSX file but ${why}: the file is truncated or damaged`);

/** Entries by name, from the central directory at the end of the archive. */
export function readZipDirectory(buf: Buffer): Map<string, ZipEntry> {
  // The end record is 22 bytes plus a comment of up to 65535 bytes; search backwards.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('it has no end-of-archive record');
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new SourceError('ZIP64 archives are not supported (an XLSX of over 4 GiB?)');
  if (offset + size > eocd) throw damaged('its directory lies outside the file');

  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw damaged(`directory entry ${i + 1} of ${count} is unreadable`);
    const flags = buf.readUInt16LE(p + 8);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    // Bit 11: UTF-8 names; XLSX part names are ASCII either way.
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    entries.set(name, {
      name,
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The uncompressed bytes of one entry, checked against the directory's size and CRC. */
export function readZipEntry(buf: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw damaged(`the header of ${entry.name} is missing`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw damaged(`${entry.name} is cut off`);
  if (entry.size > MAX_ENTRY_BYTES) throw new SourceError(`${entry.name} would unpack to ${entry.size} bytes, more than the ${MAX_ENTRY_BYTES} allowed`);
  const raw = buf.subarray(start, end);
  let data: Buffer;
  if (entry.method === 0) {
    data = raw;
  } else if (entry.method === 8) {
    try {
      // The declared size bounds the output, so a lying header cannot inflate without limit.
      data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
    } catch (e) {
      throw damaged(`${entry.name} does not inflate (${(e as Error).message})`);
    }
  } else {
    throw new SourceError(`${entry.name} uses ZIP compression method ${entry.method}, which XLSX files do not use`);
  }
  if (data.length !== entry.size) throw damaged(`${entry.name} has ${data.length} bytes where ${entry.size} were declared`);
  // zlib.crc32 is in Node ≥ 20.15; older runtimes rely on the size check alone.
  const crc32 = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  if (crc32 && crc32(data) >>> 0 !== entry.crc >>> 0) throw damaged(`${entry.name} fails its checksum`);
  return data;
}
