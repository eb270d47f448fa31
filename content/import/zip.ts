import { Inflate } from 'fflate';
import { ImportError } from './errors';

/**
 * Just enough of the zip format to check a .docx before a library inflates it: list the entries
 * from the central directory, and inflate each one with a running cap, so a small file that
 * expands to gigabytes (a zip bomb) is refused after at most the cap, in bounded memory.
 */

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The most a .docx may inflate to, all parts together. Real reports with photos stay far below. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const INFLATE_CHUNK = 64 * 1024;

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** Read the central directory. Throws ImportError('corrupt') if there is none or it is inconsistent. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  let eocd = -1;
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (u32(bytes, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportError('corrupt', 'zip directory missing');
  const count = u16(bytes, eocd + 10);
  const dirSize = u32(bytes, eocd + 12);
  const dirOffset = u32(bytes, eocd + 16);
  // zip64 (over 65,535 parts or 4 GB) is no Word document anyone writes by hand
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ImportError('corrupt', 'zip64');
  if (dirOffset + dirSize > bytes.length) throw new ImportError('corrupt', 'zip directory out of range');
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== SIG_CENTRAL)
      throw new ImportError('corrupt', 'zip entry');
    const nameLen = u16(bytes, at + 28);
    const extraLen = u16(bytes, at + 30);
    const commentLen = u16(bytes, at + 32);
    entries.push({
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen)),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Check that a zip inflates to no more than `cap` bytes in all, by inflating every entry in
 * chunks and counting (the sizes a zip declares can lie). Nothing inflated is kept.
 */
export function checkZipExpansion(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  cap = MAX_INFLATED_BYTES,
): void {
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > cap) throw new ImportError('inflated-too-large');
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 1) throw new ImportError('encrypted');
    const data = entryData(bytes, entry);
    if (entry.method === 0) {
      total += data.length;
    } else if (entry.method === 8) {
      const inflater = new Inflate((chunk) => {
        total += chunk.length;
        if (total > cap) throw new ImportError('inflated-too-large');
      });
      for (let k = 0; k < data.length; k += INFLATE_CHUNK) {
        const end = Math.min(data.length, k + INFLATE_CHUNK);
        inflater.push(data.subarray(k, end), end === data.length);
      }
    } else {
      throw new ImportError('corrupt', `zip method ${entry.method}`);
    }
    if (total > cap) throw new ImportError('inflated-too-large');
  }
}

function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== SIG_LOCAL)
    throw new ImportError('corrupt', 'zip local header');
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ImportError('corrupt', 'zip entry out of range');
  return bytes.subarray(start, end);
}
