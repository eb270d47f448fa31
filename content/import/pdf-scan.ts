import { Inflate } from 'fflate';
import { ImportError } from './errors';
import { IMPORT_LIMITS, overLimit } from './limits';

/**
 * Every stream of a PDF decoded once, in chunks, counting, before pdf.js reads the file: pdf.js
 * decodes a stream whole into memory, so a 2 MB file holding a stream that inflates to gigabytes,
 * or a gigabyte of drawing operators, would take minutes and gigabytes there. Here each stream
 * stops at its limit and nothing decoded is kept. Pictures are left alone: reading the text
 * never decodes them. Streams this reader cannot follow (an encrypted file's, a filter it does
 * not know) are left to pdf.js, which runs under the import's time and memory limits.
 */

/**
 * Bytes handed to an inflater at a time. Deflate expands at most about 1,000 times, and an
 * inflater hands on all it makes from one piece at once: 16 KB in is at most some 16 MB out.
 */
const CHUNK = 16 * 1024;
/** How far back from `stream` a stream's dictionary may begin. */
const MAX_DICT_BYTES = 64 * 1024;

type Emit = (chunk: Uint8Array) => void;

/** One decoding filter: bytes in, decoded bytes out to the next. */
interface Stage {
  push(chunk: Uint8Array, final: boolean): void;
}

const enc = new TextEncoder();
const STREAM = enc.encode('stream');
const ENDSTREAM = enc.encode('endstream');

/**
 * Check every stream a text reader would decode: each within its limit decoded, all together
 * within theirs. Throws the ImportError naming the limit.
 */
export function checkPdfStreams(bytes: Uint8Array): void {
  let total = 0;
  for (const stream of findStreams(bytes)) {
    if (stream.skip) continue;
    let size = 0;
    const limit = stream.font ? 'pdfFontBytes' : 'pdfStreamBytes';
    const count: Emit = (chunk) => {
      size += chunk.length;
      total += chunk.length;
      if (size > IMPORT_LIMITS[limit].max) throw overLimit(limit);
      if (total > IMPORT_LIMITS.pdfDecodedBytes.max) throw overLimit('pdfDecodedBytes');
    };
    const stages = pipeline(stream.filters, count);
    if (!stages) continue;
    try {
      for (let k = 0; k < stream.data.length; k += CHUNK) {
        const end = Math.min(stream.data.length, k + CHUNK);
        stages.push(stream.data.subarray(k, end), end === stream.data.length);
      }
    } catch (err) {
      // a stream this reader cannot decode (damaged, encrypted) is pdf.js's to judge
      if (err instanceof ImportError) throw err;
    }
  }
}

interface FoundStream {
  filters: string[];
  data: Uint8Array;
  /** a picture, an attached file, metadata: nothing the text reader decodes */
  skip: boolean;
  /** an embedded font program: larger than any page's content may be */
  font: boolean;
}

/** The streams of a PDF, found by their `stream` keywords, each with its dictionary's filters. */
function* findStreams(bytes: Uint8Array): Generator<FoundStream> {
  let from = 0;
  const decoder = new TextDecoder('latin1');
  for (;;) {
    const at = indexOf(bytes, STREAM, from);
    if (at < 0) return;
    from = at + STREAM.length;
    // `endstream` ends one; a `stream` keyword is one when a dictionary's `>>` comes just before it
    if (at >= 3 && bytes[at - 1] === 0x64 && bytes[at - 2] === 0x6e && bytes[at - 3] === 0x65) continue;
    const dictEnd = skipSpaceBack(bytes, at);
    if (bytes[dictEnd - 1] !== 0x3e || bytes[dictEnd - 2] !== 0x3e) continue;
    const dictStart = dictionaryStart(bytes, dictEnd);
    if (dictStart < 0) continue;
    let start = at + STREAM.length;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    const dict = decoder.decode(bytes.subarray(dictStart, dictEnd));
    const end = streamEnd(bytes, start, dict);
    from = end;
    yield {
      filters: filtersOf(dict),
      data: bytes.subarray(start, end),
      skip: isSkipped(dict),
      font: isFont(dict),
    };
  }
}

function indexOf(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0] ?? 0;
  for (let i = bytes.indexOf(first, from); i >= 0; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && bytes[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

const isSpace = (b: number | undefined): boolean =>
  b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;

function skipSpaceBack(bytes: Uint8Array, at: number): number {
  let i = at;
  while (i > 0 && isSpace(bytes[i - 1])) i--;
  return i;
}

/** Where the dictionary ending at `end` (just after its `>>`) begins, balancing nested `<< >>`. */
function dictionaryStart(bytes: Uint8Array, end: number): number {
  let depth = 0;
  const stop = Math.max(0, end - MAX_DICT_BYTES);
  for (let i = end - 1; i > stop; i--) {
    const b = bytes[i];
    if (b === 0x3e && bytes[i - 1] === 0x3e) {
      depth++;
      i--;
    } else if (b === 0x3c && bytes[i - 1] === 0x3c) {
      depth--;
      i--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The end of a stream's data: its /Length when that lands on `endstream`, else the next `endstream`. */
function streamEnd(bytes: Uint8Array, start: number, dict: string): number {
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  if (length?.[1]) {
    const end = start + Number(length[1]);
    let i = end;
    while (i < bytes.length && isSpace(bytes[i])) i++;
    if (end <= bytes.length && indexOf(bytes.subarray(i, i + ENDSTREAM.length), ENDSTREAM, 0) === 0)
      return end;
  }
  const found = indexOf(bytes, ENDSTREAM, start);
  return found < 0 ? bytes.length : found;
}

const FILTER_NAMES: Record<string, string> = {
  FlateDecode: 'flate',
  Fl: 'flate',
  LZWDecode: 'lzw',
  LZW: 'lzw',
  ASCIIHexDecode: 'hex',
  AHx: 'hex',
  ASCII85Decode: 'a85',
  A85: 'a85',
  RunLengthDecode: 'rl',
  RL: 'rl',
};

function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  if (!m?.[1]) return [];
  return [...m[1].matchAll(/\/([A-Za-z0-9]+)/g)].map((f) => FILTER_NAMES[f[1] ?? ''] ?? `other:${f[1]}`);
}

/** A font file's dictionary: the lengths of a Type 1 or TrueType program, or a compact font's subtype. */
function isFont(dict: string): boolean {
  return /\/Length[123]\s/.test(dict) || /\/Subtype\s*\/(?:Type1C|CIDFontType0C|OpenType)\b/.test(dict);
}

function isSkipped(dict: string): boolean {
  return /\/Subtype\s*\/Image\b/.test(dict) || /\/Type\s*\/(?:EmbeddedFile|Metadata)\b/.test(dict);
}

/** The stages that decode `filters` in order into `out`; null when a filter is not one of ours. */
function pipeline(filters: readonly string[], out: Emit): Stage | null {
  let next: Emit = out;
  let first: Stage | null = null;
  for (let i = filters.length - 1; i >= 0; i--) {
    const stage = stageFor(filters[i] ?? '', next);
    if (!stage) return null;
    first = stage;
    const s = stage;
    next = (chunk) => s.push(chunk, false);
  }
  return first ?? { push: (chunk) => out(chunk) };
}

function stageFor(filter: string, out: Emit): Stage | null {
  switch (filter) {
    case 'flate':
      return flate(out);
    case 'lzw':
      return lzw(out);
    case 'hex':
      return asciiHex(out);
    case 'a85':
      return ascii85(out);
    case 'rl':
      return runLength(out);
    default:
      return null;
  }
}

/** zlib data (a two-byte header, then deflate); a stream without the header is taken as raw deflate. */
function flate(out: Emit): Stage {
  const inflater = new Inflate((chunk) => out(chunk));
  let header: number[] | null = [];
  return {
    push(chunk, final) {
      let data = chunk;
      if (header) {
        const need = 2 - header.length;
        header.push(...data.subarray(0, need));
        data = data.subarray(need);
        if (header.length < 2 && !final) return;
        const [cmf = 0, flg = 0] = header;
        const zlib = (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
        if (!zlib) inflater.push(new Uint8Array(header), false);
        header = null;
      }
      // decoded bytes from the stage before come in any size: inflate them a piece at a time
      for (let k = 0; k < data.length; k += CHUNK) {
        const end = Math.min(data.length, k + CHUNK);
        inflater.push(data.subarray(k, end), final && end === data.length);
      }
      if (data.length === 0 && final) inflater.push(data, true);
    },
  };
}

/** LZW as PDF writes it: 9–12-bit codes, 256 clears the table, 257 ends, the width grows a code early. */
function lzw(out: Emit): Stage {
  const prefix = new Int32Array(4096).fill(-1);
  const suffix = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  for (let i = 0; i < 256; i++) {
    suffix[i] = i;
    length[i] = 1;
  }
  let next = 258;
  let width = 9;
  let prev = -1;
  let bits = 0;
  let nbits = 0;
  let done = false;
  const buf = new Uint8Array(4096);
  const firstOf = (code: number): number => {
    let c = code;
    while ((prefix[c] ?? -1) >= 0) c = prefix[c] ?? 0;
    return suffix[c] ?? 0;
  };
  const emit = (code: number): void => {
    const len = length[code] ?? 0;
    for (let c = code, i = len - 1; i >= 0; i--) {
      buf[i] = suffix[c] ?? 0;
      c = prefix[c] ?? 0;
    }
    out(buf.slice(0, len));
  };
  const add = (p: number, b: number): void => {
    if (next >= 4096) return;
    prefix[next] = p;
    suffix[next] = b;
    length[next] = Math.min(4096, (length[p] ?? 0) + 1);
    next++;
  };
  const take = (code: number): void => {
    if (code === 256) {
      next = 258;
      width = 9;
      prev = -1;
      return;
    }
    if (code === 257) {
      done = true;
      return;
    }
    if (prev < 0) {
      if (code > 255) throw new Error('lzw: bad first code');
    } else if (code < next) add(prev, firstOf(code));
    else if (code === next) add(prev, firstOf(prev));
    else throw new Error('lzw: code out of range');
    emit(code);
    prev = code;
    if (next + 1 >= 1 << width && width < 12) width++;
  };
  return {
    push(chunk) {
      for (let k = 0; k < chunk.length && !done; k++) {
        bits = ((bits << 8) | (chunk[k] ?? 0)) & 0xffffff;
        nbits += 8;
        while (nbits >= width && !done) {
          nbits -= width;
          take((bits >> nbits) & ((1 << width) - 1));
        }
      }
    },
  };
}

function asciiHex(out: Emit): Stage {
  let half = -1;
  return {
    push(chunk) {
      const o = new Uint8Array(Math.ceil(chunk.length / 2));
      let n = 0;
      for (const b of chunk) {
        const v =
          b >= 0x30 && b <= 0x39 ? b - 0x30 : (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 ? (b | 0x20) - 87 : -1;
        if (b === 0x3e) break;
        if (v < 0) continue;
        if (half < 0) half = v;
        else {
          o[n++] = (half << 4) | v;
          half = -1;
        }
      }
      if (n > 0) out(o.subarray(0, n));
    },
  };
}

function ascii85(out: Emit): Stage {
  let group = 0;
  let count = 0;
  let ended = false;
  return {
    push(chunk) {
      if (ended) return;
      const o: number[] = [];
      for (const b of chunk) {
        if (b === 0x7e) {
          ended = true;
          break;
        }
        if (b === 0x7a && count === 0) {
          o.push(0, 0, 0, 0);
          continue;
        }
        if (b < 0x21 || b > 0x75) continue;
        group = group * 85 + (b - 0x21);
        if (++count === 5) {
          o.push((group >>> 24) & 0xff, (group >>> 16) & 0xff, (group >>> 8) & 0xff, group & 0xff);
          group = 0;
          count = 0;
        }
      }
      if (o.length > 0) out(new Uint8Array(o));
    },
  };
}

function runLength(out: Emit): Stage {
  let pending = -1;
  let literal = 0;
  return {
    push(chunk) {
      const o: number[] = [];
      for (const b of chunk) {
        if (literal > 0) {
          o.push(b);
          literal--;
        } else if (pending >= 0) {
          for (let i = 0; i < 257 - pending; i++) o.push(b);
          pending = -1;
        } else if (b < 128) literal = b + 1;
        else if (b > 128) pending = b;
        else break;
        if (o.length >= CHUNK) {
          out(new Uint8Array(o));
          o.length = 0;
        }
      }
      if (o.length > 0) out(new Uint8Array(o));
    },
  };
}
