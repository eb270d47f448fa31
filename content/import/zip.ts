import { Inflate } from 'fflate';
import { ImportError } from './errors';
import { IMPORT_LIMITS, overLimit } from './limits';
import { XmlScanner } from './xml-scan';

/**
 * Just enough of the zip format to check a .docx before a library inflates it: list the entries
 * from the central directory, and inflate each one in chunks with running counts, so a small file
 * that expands to gigabytes (a zip bomb), or to an XML part no report has, is refused at the limit,
 * in bounded memory, before anything builds a tree from it.
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
export const MAX_INFLATED_BYTES = IMPORT_LIMITS.docxUnpackedBytes.max;

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
/** Deflate expands at most ~1,000 times, all at once per piece: 16 KB in is at most ~16 MB out. */
const INFLATE_CHUNK = 16 * 1024;

/** The parts of a Word file its reader parses; each is checked as XML while it inflates. */
const READ_PARTS =
  /^(?:\[Content_Types\]\.xml|_rels\/\.rels|word\/_rels\/document\.xml\.rels|word\/(?:document|styles|numbering|footnotes|endnotes|comments)\.xml)$/;
const isXmlPart = (name: string): boolean => /\.(?:xml|rels)$/i.test(name);

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
 * Check a Word file's zip by inflating every entry in chunks and counting (the sizes a zip declares
 * can lie): all parts together within the unpacked limit, each XML part within its own, and the
 * parts the reader parses well-formed, not too deep, with no more elements than a report has.
 * Nothing inflated is kept. Throws the ImportError that names what is wrong.
 */
export function checkZipExpansion(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  cap = MAX_INFLATED_BYTES,
): void {
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > cap) throw overLimit('docxUnpackedBytes');
  let total = 0;
  let elements = 0;
  const countElements = (n: number): void => {
    elements += n;
    if (elements > IMPORT_LIMITS.docxXmlElements.max) throw overLimit('docxXmlElements');
  };
  for (const entry of entries) {
    if (entry.flags & 1) throw new ImportError('encrypted');
    const xml = isXmlPart(entry.name);
    if (xml && entry.size > IMPORT_LIMITS.docxXmlBytes.max) throw overLimit('docxXmlBytes');
    const scanner = READ_PARTS.test(entry.name) ? new XmlScanner(entry.name, countElements) : null;
    let size = 0;
    const take = (chunk: Uint8Array): void => {
      size += chunk.length;
      total += chunk.length;
      if (total > cap) throw overLimit('docxUnpackedBytes');
      if (xml && size > IMPORT_LIMITS.docxXmlBytes.max) throw overLimit('docxXmlBytes');
      scanner?.push(chunk);
    };
    const data = entryData(bytes, entry);
    if (entry.method === 0) {
      for (let k = 0; k < data.length; k += INFLATE_CHUNK)
        take(data.subarray(k, Math.min(data.length, k + INFLATE_CHUNK)));
    } else if (entry.method === 8) {
      const inflater = new Inflate(take);
      for (let k = 0; k < data.length; k += INFLATE_CHUNK) {
        const end = Math.min(data.length, k + INFLATE_CHUNK);
        inflater.push(data.subarray(k, end), end === data.length);
      }
    } else {
      throw new ImportError('corrupt', `zip method ${entry.method}`);
    }
    scanner?.end();
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
