import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A zip file (.docx, .pptx) written with Node's own zlib. fflate's deflate is plain JavaScript:
 * in a long-running app it soon runs fast, but in a fresh process (one command-line call) V8 runs
 * it cold, and it costs more than composing and writing the document itself.
 */

/** A part of the package: its path inside the zip and its bytes; `store` keeps it uncompressed. */
export interface ZipPart {
  path: string;
  data: Uint8Array;
  store?: boolean;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** bit 11 of the general-purpose flags: names are UTF-8 */
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const STORE = 0;

/** MS-DOS time and date fields for a moment (the format zip keeps). */
function dosDateTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((Math.max(at.getFullYear(), 1980) - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/**
 * The zip of these parts, in their order. A path given twice keeps its first place and its last
 * bytes, as fflate's zipSync does with an object's keys. A part whose deflated bytes would be no
 * smaller (a picture) is stored as it is.
 */
export function zipParts(parts: Iterable<ZipPart>, at = new Date()): Uint8Array {
  const byPath = new Map<string, ZipPart>();
  for (const part of parts) byPath.set(part.path, part);
  const { time, date } = dosDateTime(at);
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of byPath.values()) {
    const name = encoder.encode(part.path);
    const deflated = part.store ? null : deflateRawSync(part.data);
    const useDeflate = deflated !== null && deflated.length < part.data.length;
    const body = useDeflate ? deflated : part.data;
    const crc = crc32(part.data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, LOCAL_HEADER, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, UTF8_NAMES, true);
    local.setUint16(8, useDeflate ? DEFLATE : STORE, true);
    local.setUint16(10, time, true);
    local.setUint16(12, date, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, part.data.length, true);
    local.setUint16(26, name.length, true);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, CENTRAL_HEADER, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(8, UTF8_NAMES, true);
    entry.setUint16(10, useDeflate ? DEFLATE : STORE, true);
    entry.setUint16(12, time, true);
    entry.setUint16(14, date, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, body.length, true);
    entry.setUint32(24, part.data.length, true);
    entry.setUint16(28, name.length, true);
    entry.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, body);
    central.push(new Uint8Array(entry.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, END_OF_CENTRAL, true);
  end.setUint16(8, byPath.size, true);
  end.setUint16(10, byPath.size, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let pos = 0;
  for (const c of [...chunks, ...central, new Uint8Array(end.buffer)]) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}
