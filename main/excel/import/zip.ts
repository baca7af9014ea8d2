import zlib from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';

/**
 * The few zip operations the .xlsx reader needs, on a file already in memory (its size is capped by a setting).
 * Every entry is checked against the central directory while it is inflated: its unpacked size must match what
 * the directory declares (a zip bomb cannot unpack further than it admits) and its CRC must be right (a bit flip or
 * a truncated download is a clear error, never a hang or silently wrong data).
 */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  packed: number;
  size: number;
  localOffset: number;
}

/** Thrown for anything structurally wrong; the caller turns it into the user-facing "corrupt file" error. */
export class ZipError extends Error {}

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

export function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  const eocd = buf.lastIndexOf(EOCD);
  if (eocd < 0 || eocd + 22 > buf.length) throw new ZipError('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new ZipError('bad central directory');
    const nameLen = buf.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      name: buf.toString('utf8', at + 46, at + 46 + nameLen),
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      packed: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    };
    entries.set(entry.name, entry);
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

function packedData(buf: Buffer, e: ZipEntry): Buffer {
  const local = e.localOffset;
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new ZipError('bad local header');
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  if (start + e.packed > buf.length) throw new ZipError('entry beyond end of file');
  return buf.subarray(start, start + e.packed);
}

/** A small entry (workbook, relationships, styles) inflated at once and checked. */
export function readEntryText(buf: Buffer, e: ZipEntry): string {
  const data = packedData(buf, e);
  let plain: Buffer;
  if (e.method === 0) plain = data;
  else if (e.method === 8) {
    try {
      plain = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
    } catch {
      throw new ZipError('inflate failed');
    }
  } else throw new ZipError('unsupported compression');
  if (plain.length !== e.size || zlib.crc32(plain) !== e.crc) throw new ZipError('size or crc mismatch');
  return plain.toString('utf8');
}

/**
 * A big entry (a worksheet, the shared strings) inflated piece by piece: yields text chunks of about `chunkKb`
 * so that the caller parses while the file unpacks and memory stays bounded. Size and CRC are checked as the bytes
 * arrive; a mismatch found at the end throws, so the caller drops everything it read from the entry.
 */
export async function* streamEntryText(buf: Buffer, e: ZipEntry, chunkKb = 256): AsyncGenerator<string> {
  const data = packedData(buf, e);
  const decoder = new StringDecoder('utf8');
  let seen = 0;
  let crc = 0;
  if (e.method === 0) {
    if (data.length !== e.size || zlib.crc32(data) !== e.crc) throw new ZipError('size or crc mismatch');
    for (let i = 0; i < data.length; i += chunkKb * 1024) yield decoder.write(data.subarray(i, i + chunkKb * 1024));
    const rest = decoder.end();
    if (rest) yield rest;
    return;
  }
  if (e.method !== 8) throw new ZipError('unsupported compression');
  const inflate = zlib.createInflateRaw({ chunkSize: chunkKb * 1024 });
  inflate.end(data);
  try {
    for await (const piece of inflate as AsyncIterable<Buffer>) {
      seen += piece.length;
      if (seen > e.size) throw new ZipError('entry larger than declared');
      crc = zlib.crc32(piece, crc);
      yield decoder.write(piece);
    }
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError('inflate failed');
  } finally {
    inflate.destroy();
  }
  if (seen !== e.size || crc !== e.crc) throw new ZipError('size or crc mismatch');
  const rest = decoder.end();
  if (rest) yield rest;
}
