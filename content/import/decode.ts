import { ImportError } from './errors';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

const SAMPLE_BYTES = 64 * 1024;
const CHUNK_BYTES = 1024 * 1024;
const MAX_JUNK_RATIO = 0.05;

/**
 * Guess a text file's encoding: a byte-order mark wins; then UTF-16 by where its high bytes fall;
 * then UTF-8 if every byte sequence is valid UTF-8; otherwise GB18030 (a superset of GBK and
 * GB2312, what old Chinese office systems write).
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const utf16 = guessUtf16(bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES) & ~1));
  if (utf16) return utf16;
  if (isValidUtf8(bytes)) return 'utf-8';
  return 'gb18030';
}

/**
 * UTF-16 without a BOM. In UTF-16 text the high byte of each unit is telling: 0x00 for ASCII,
 * 0x30 / 0xFF for CJK and full-width punctuation, 0x4E–0x9F for common ideographs. Those bytes
 * all sit at odd offsets (little-endian) or even ones (big-endian); in GBK or UTF-8 they don't
 * line up with either.
 */
function guessUtf16(sample: Uint8Array): TextEncoding | null {
  if (sample.length < 4) return null;
  const isHigh = (b: number): boolean =>
    b === 0 || b === 0x30 || b === 0xff || b === 0x20 || (b >= 0x4e && b <= 0x9f);
  let even = 0;
  let odd = 0;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (isHigh(sample[i] ?? 1)) even++;
    if (isHigh(sample[i + 1] ?? 1)) odd++;
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  const units = sample.length / 2;
  // mostly-ASCII UTF-16: a zero in every other byte, and only there
  if (zeroOdd / units > 0.2 && zeroEven === 0) return 'utf-16le';
  if (zeroEven / units > 0.2 && zeroOdd === 0) return 'utf-16be';
  // mostly-CJK UTF-16: one side clearly high-byte-like, the other not
  if (odd / units > 0.9 && even / units < 0.6) return 'utf-16le';
  if (even / units > 0.9 && odd / units < 0.6) return 'utf-16be';
  return null;
}

/** Validate UTF-8 byte by byte, without decoding (a 50 MB file is checked in one pass, no copy). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return false;
    // a file cut in the middle of its last character is still UTF-8
    if (i + need >= n) return continuation(bytes, i + 1, n);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return false;
    }
    if (b === 0xe0 && (bytes[i + 1] ?? 0) < 0xa0) return false;
    if (b === 0xed && (bytes[i + 1] ?? 0) > 0x9f) return false;
    if (b === 0xf0 && (bytes[i + 1] ?? 0) < 0x90) return false;
    if (b === 0xf4 && (bytes[i + 1] ?? 0) > 0x8f) return false;
    i += need + 1;
  }
  return true;
}

function continuation(bytes: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (((bytes[k] ?? 0) & 0xc0) !== 0x80) return false;
  return true;
}

/** Count control characters (other than tab, newlines, form feed) and replacement marks. */
function countJunk(text: string): number {
  let junk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f)
      junk++;
  }
  return junk;
}

/**
 * Decode a text file chunk by chunk, handing each piece of text to `onText`, so a 50 MB file never
 * exists as one string. Refuses binary junk with a clear message. Reports progress 0…1.
 */
export function decodeTextStream(
  bytes: Uint8Array,
  onText: (text: string) => void,
  onProgress?: (fraction: number) => void,
): TextEncoding {
  if (bytes.length === 0) throw new ImportError('empty');
  const encoding = detectEncoding(bytes);
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  let junk = 0;
  let chars = 0;
  let nonBlank = false;
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    const end = Math.min(bytes.length, at + CHUNK_BYTES);
    const text = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
    junk += countJunk(text);
    chars += text.length;
    // binary junk shows in its first chunk; stop before building anything from it
    if (chars > 0 && junk / chars > MAX_JUNK_RATIO && (at === 0 || end === bytes.length))
      throw new ImportError('binary');
    if (!nonBlank && /\S/.test(text.replace(/[\u3000\ufeff]/g, ''))) nonBlank = true;
    onText(text);
    onProgress?.(end / bytes.length);
  }
  if (chars > 0 && junk / chars > MAX_JUNK_RATIO) throw new ImportError('binary');
  if (!nonBlank) throw new ImportError('empty');
  return encoding;
}

/** Decode a whole text file into one string (small files, tests). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const parts: string[] = [];
  const encoding = decodeTextStream(bytes, (t) => parts.push(t));
  return { text: parts.join(''), encoding };
}
