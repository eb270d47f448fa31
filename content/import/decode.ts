import { ImportError } from './errors';
import { IMPORT_LIMITS, overLimit } from './limits';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

const SAMPLE_BYTES = 64 * 1024;
const CHUNK_BYTES = 1024 * 1024;
const MAX_JUNK_RATIO = 0.05;
/** A file more than half NUL bytes is not text with stray NULs in it. */
const MAX_NUL_RATIO = 0.5;
/**
 * A line is UTF-8 when its valid multi-byte sequences outnumber its invalid bytes at least this
 * many times. GBK text read as UTF-8 makes a valid sequence now and then by chance, but fewer than
 * one per invalid byte (about one in four on a real report); UTF-8 with a damaged byte has dozens.
 */
const UTF8_EVIDENCE = 2;
/** A line with fewer non-ASCII sequences than this says too little: it follows the file. */
const MIN_EVIDENCE = 4;
/** Characters either side of the damage shown in a note. */
const EXCERPT = 12;

/**
 * What the decoder could not read as it stands, and what it did: bytes no encoding reads
 * (replaced by �), a line in GB18030 amid UTF-8 (read as GB18030), NUL bytes between characters
 * (dropped). `at` is where in the decoded text (the piece handed over with the note) the line starts.
 */
export interface DecodeNote {
  at: number;
  how: 'replaced' | 'gbk' | 'nul';
  /** bytes replaced or dropped; for a GB18030 line, the line's length in bytes */
  count: number;
  /** the damaged place as it reads without the repair */
  before: string;
  /** the same place as the report has it */
  after: string;
}

/**
 * Guess a text file's encoding: a byte-order mark wins; then UTF-16 by where its high bytes fall;
 * then the evidence of the whole file: UTF-8 if its lines read as UTF-8 (a few invalid bytes in a
 * UTF-8 file are damage, not another encoding), otherwise GB18030 (a superset of GBK and GB2312,
 * what old Chinese office systems write).
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const utf16 = guessUtf16(bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES) & ~1));
  if (utf16) return utf16;
  if (isValidUtf8(bytes)) return 'utf-8';
  const { utf8Lines, gbkLines } = weighEvidence(bytes);
  return utf8Lines >= gbkLines ? 'utf-8' : 'gb18030';
}

/**
 * UTF-16 without a BOM. In UTF-16 text the high byte of each unit is telling: 0x00 for ASCII,
 * 0x30 / 0xFF for CJK and full-width punctuation, 0x4E–0x9F for common ideographs. Those bytes
 * all sit at odd offsets (little-endian) or even ones (big-endian); in GBK or UTF-8 they don't
 * line up with either.
 */
function guessUtf16(sample: Uint8Array): TextEncoding | null {
  if (sample.length < 4) return null;
  // UTF-8 with NULs between its characters puts zeros in a regular pattern too (every fourth byte
  // after a Chinese character): without them it reads as UTF-8, which UTF-16 Chinese never does
  if (sample.includes(0) && readsAsUtf8WithoutNuls(sample)) return null;
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

function readsAsUtf8WithoutNuls(sample: Uint8Array): boolean {
  const stripped = sample.filter((b) => b !== 0);
  return isValidUtf8(stripped) && lineEvidence(stripped, 0, stripped.length).good > 0;
}

/** The length of the valid UTF-8 sequence starting at `i` (a lead byte), or 0 if there is none. */
function sequenceAt(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i] ?? 0;
  let need: number;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) need = 2;
  else if (b >= 0xf0 && b <= 0xf4) need = 3;
  else return 0;
  if (i + need >= end) return 0;
  for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  const c = bytes[i + 1] ?? 0;
  if (b === 0xe0 && c < 0xa0) return 0;
  if (b === 0xed && c > 0x9f) return 0;
  if (b === 0xf0 && c < 0x90) return 0;
  if (b === 0xf4 && c > 0x8f) return 0;
  return need + 1;
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
    // a file cut in the middle of its last character is still UTF-8
    const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
    if (b >= 0xc2 && b <= 0xf4 && i + need >= n) return continuation(bytes, i + 1, n);
    const len = sequenceAt(bytes, i, n);
    if (len === 0) return false;
    i += len;
  }
  return true;
}

function continuation(bytes: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (((bytes[k] ?? 0) & 0xc0) !== 0x80) return false;
  return true;
}

/** How one line reads as UTF-8: valid multi-byte sequences, invalid bytes, NUL bytes. */
interface LineEvidence {
  good: number;
  bad: number;
  nul: number;
}

function lineEvidence(bytes: Uint8Array, from: number, to: number): LineEvidence {
  const e = { good: 0, bad: 0, nul: 0 };
  let i = from;
  while (i < to) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      if (b === 0) e.nul++;
      i++;
      continue;
    }
    const len = sequenceAt(bytes, i, to);
    if (len > 0) {
      e.good++;
      i += len;
    } else {
      e.bad++;
      i++;
    }
  }
  return e;
}

type LineKind = 'utf-8' | 'gbk' | 'either';

/** Whether a line's own bytes say UTF-8, GBK, or too little to tell. */
function classify(e: LineEvidence): LineKind {
  if (e.good + e.bad < MIN_EVIDENCE) return 'either';
  return e.good >= UTF8_EVIDENCE * e.bad ? 'utf-8' : 'gbk';
}

/** Lines with a ~ 0x0A end: safe to split on in UTF-8 and GB18030, where 0x0A is never inside a character. */
function forEachLine(bytes: Uint8Array, fn: (from: number, to: number) => void): void {
  let from = 0;
  while (from < bytes.length) {
    let to = bytes.indexOf(0x0a, from);
    if (to < 0) to = bytes.length;
    fn(from, to);
    from = to + 1;
  }
}

/** The whole file's evidence: how many lines read as UTF-8, how many as GBK. */
function weighEvidence(bytes: Uint8Array): { utf8Lines: number; gbkLines: number; nul: number } {
  let utf8Lines = 0;
  let gbkLines = 0;
  let nul = 0;
  forEachLine(bytes, (from, to) => {
    const e = lineEvidence(bytes, from, to);
    nul += e.nul;
    if (e.good + e.bad === 0) return;
    const kind = classify(e);
    if (kind === 'utf-8') utf8Lines++;
    else if (kind === 'gbk') gbkLines++;
  });
  return { utf8Lines, gbkLines, nul };
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
 * exists as one string. A file whose bytes are not all valid in one encoding is read line by line,
 * each line as the evidence says, and every line that needed a repair comes with a note. Refuses
 * binary junk with a clear message. Reports progress 0…1.
 */
export function decodeTextStream(
  bytes: Uint8Array,
  onText: (text: string, notes: readonly DecodeNote[]) => void,
  onProgress?: (fraction: number) => void,
): TextEncoding {
  if (bytes.length === 0) throw new ImportError('empty');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf16 = bom ? null : guessUtf16(bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES) & ~1));
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  const whole: TextEncoding | null = le
    ? 'utf-16le'
    : be
      ? 'utf-16be'
      : (utf16 ?? (bom || isValidUtf8(bytes) ? 'utf-8' : null));
  const text = new TextCounter();
  if (whole && !(whole === 'utf-8' && bytes.includes(0))) {
    decodeWhole(bytes, whole, text, onText, onProgress);
    return whole;
  }
  const evidence = weighEvidence(bytes);
  if (evidence.nul > bytes.length * MAX_NUL_RATIO) throw new ImportError('binary');
  const majority: TextEncoding = evidence.utf8Lines >= evidence.gbkLines ? 'utf-8' : 'gb18030';
  decodeByLine(bytes, majority, text, onText, onProgress);
  return majority;
}

/** Counts decoded text against the import's limits and its share of junk, refusing binary files. */
class TextCounter {
  chars = 0;
  junk = 0;
  nonBlank = false;

  add(text: string, first: boolean, last: boolean): void {
    this.junk += countJunk(text);
    this.chars += text.length;
    if (this.chars > IMPORT_LIMITS.textChars.max) throw overLimit('textChars');
    // binary junk shows in its first chunk; stop before building anything from it
    if (this.chars > 0 && this.junk / this.chars > MAX_JUNK_RATIO && (first || last))
      throw new ImportError('binary');
    if (!this.nonBlank && /\S/.test(text.replace(/[\u3000\ufeff]/g, ''))) this.nonBlank = true;
  }

  finish(): void {
    if (this.chars > 0 && this.junk / this.chars > MAX_JUNK_RATIO) throw new ImportError('binary');
    if (!this.nonBlank) throw new ImportError('empty');
  }
}

/** A file valid in one encoding throughout: decoded in 1 MB chunks. */
function decodeWhole(
  bytes: Uint8Array,
  encoding: TextEncoding,
  counter: TextCounter,
  onText: (text: string, notes: readonly DecodeNote[]) => void,
  onProgress?: (fraction: number) => void,
): void {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    const end = Math.min(bytes.length, at + CHUNK_BYTES);
    const text = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
    counter.add(text, at === 0, end === bytes.length);
    onText(text, []);
    onProgress?.(end / bytes.length);
  }
  counter.finish();
}

/**
 * A file with invalid bytes, NULs or lines in two encodings: each line decoded by its own evidence
 * (a line too short to tell follows the file), what could not be read replaced by �, every
 * repaired line noted. Text goes out in pieces of about a megabyte.
 */
function decodeByLine(
  bytes: Uint8Array,
  majority: TextEncoding,
  counter: TextCounter,
  onText: (text: string, notes: readonly DecodeNote[]) => void,
  onProgress?: (fraction: number) => void,
): void {
  const gbk = new TextDecoder('gb18030');
  let parts: string[] = [];
  let notes: DecodeNote[] = [];
  let pending = 0;
  let first = true;
  const flush = (last: boolean): void => {
    const text = parts.join('');
    counter.add(text, first, last);
    first = false;
    onText(text, notes);
    parts = [];
    notes = [];
    pending = 0;
  };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  forEachLine(bytes.subarray(start), (from, to) => {
    from += start;
    to += start;
    const e = lineEvidence(bytes, from, to);
    const kind = classify(e);
    const asUtf8 = kind === 'utf-8' || (kind === 'either' && majority === 'utf-8');
    const line = asUtf8 ? readUtf8Line(bytes, from, to) : readGbkLine(bytes, from, to, gbk, majority);
    for (const note of line.notes) notes.push({ ...note, at: pending });
    parts.push(line.text, to < bytes.length ? '\n' : '');
    pending += line.text.length + 1;
    if (pending >= CHUNK_BYTES) {
      flush(false);
      onProgress?.(to / bytes.length);
    }
  });
  flush(true);
  onProgress?.(1);
  counter.finish();
}

interface ReadLine {
  text: string;
  notes: Omit<DecodeNote, 'at'>[];
}

/**
 * How many bytes at `i` (where no valid sequence starts) make up one damaged character: a lead
 * byte followed by as many bytes as it announces, all but one of them continuation bytes and the
 * odd one not ASCII (an ASCII byte is a character of its own), is one character with one byte
 * changed; anything else is one byte.
 */
function damagedCharacter(bytes: Uint8Array, i: number, to: number): number {
  const b = bytes[i] ?? 0;
  const length = b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
  if (length === 0 || i + length > to) return 1;
  let odd = 0;
  for (let k = i + 1; k < i + length; k++) {
    const c = bytes[k] ?? 0;
    if (c < 0x80) return 1;
    if ((c & 0xc0) !== 0x80) odd++;
  }
  return odd === 1 ? length : 1;
}

/** A UTF-8 line: NULs dropped, each invalid byte replaced by �, and a note of each. */
function readUtf8Line(bytes: Uint8Array, from: number, to: number): ReadLine {
  const out: string[] = [];
  const shown: string[] = [];
  let length = 0;
  let shownLength = 0;
  let bad = 0;
  let nul = 0;
  // where the first of each kind of damage is, in the repaired text and in the text as shown before
  const first = { bad: -1, nul: -1, shownBad: -1, shownNul: -1 };
  let run = from;
  const decoder = new TextDecoder('utf-8');
  const flushRun = (end: number): void => {
    if (end > run) {
      const s = decoder.decode(bytes.subarray(run, end));
      out.push(s);
      shown.push(s);
      length += s.length;
      shownLength += s.length;
    }
  };
  let i = from;
  while (i < to) {
    const b = bytes[i] ?? 0;
    if (b < 0x80 && b !== 0) {
      i++;
      continue;
    }
    const len = b === 0 ? 0 : sequenceAt(bytes, i, to);
    if (len > 0) {
      i += len;
      continue;
    }
    flushRun(i);
    if (b === 0) {
      nul++;
      if (first.nul < 0) [first.nul, first.shownNul] = [length, shownLength];
      shown.push('␀');
      shownLength++;
    } else {
      // one character whose bytes were damaged is one character lost, not one per byte
      const span = damagedCharacter(bytes, i, to);
      bad += span;
      if (first.bad < 0) [first.bad, first.shownBad] = [length, shownLength];
      out.push('\ufffd');
      length++;
      let hex = '';
      for (let k = i; k < i + span; k++)
        hex += `<${(bytes[k] ?? 0).toString(16).toUpperCase().padStart(2, '0')}>`;
      shown.push(hex);
      shownLength += hex.length;
      i += span - 1;
    }
    i++;
    run = i;
  }
  flushRun(to);
  const text = out.join('');
  if (bad === 0 && nul === 0) return { text, notes: [] };
  const before = shown.join('');
  const notes: Omit<DecodeNote, 'at'>[] = [];
  if (bad > 0)
    notes.push({
      how: 'replaced',
      count: bad,
      before: excerptOf(before, first.shownBad),
      after: excerptOf(text, first.bad),
    });
  if (nul > 0)
    notes.push({
      how: 'nul',
      count: nul,
      before: excerptOf(before, first.shownNul),
      after: excerptOf(text, first.nul),
    });
  return { text, notes };
}

/**
 * A line that reads as GB18030. In a UTF-8 file it is noted (a line in another encoding); in a
 * GB18030 file only bytes GB18030 cannot read are.
 */
function readGbkLine(
  bytes: Uint8Array,
  from: number,
  to: number,
  gbk: InstanceType<typeof TextDecoder>,
  majority: TextEncoding,
): ReadLine {
  const raw = bytes.subarray(from, to);
  const text = gbk.decode(raw);
  const notes: Omit<DecodeNote, 'at'>[] = [];
  const replaced = text.indexOf('\ufffd');
  if (majority === 'utf-8') {
    const asUtf8 = new TextDecoder('utf-8').decode(raw);
    notes.push({ how: 'gbk', count: raw.length, before: excerptOf(asUtf8, 0), after: excerptOf(text, 0) });
  }
  if (replaced >= 0) {
    let count = 0;
    for (const ch of text) if (ch === '\ufffd') count++;
    notes.push({
      how: 'replaced',
      count,
      before: excerptOf(text, replaced),
      after: excerptOf(text, replaced),
    });
  }
  return { text, notes };
}

/** A few characters either side of `at`, with … where the line goes on. */
function excerptOf(text: string, at: number): string {
  const trimmed = text.replace(/^[\s\u3000]+/, '');
  const shift = text.length - trimmed.length;
  const from = Math.max(0, at - shift - EXCERPT);
  const to = Math.min(trimmed.length, at - shift + EXCERPT);
  return `${from > 0 ? '…' : ''}${trimmed.slice(from, to).trimEnd()}${to < trimmed.length ? '…' : ''}`;
}

/** Decode a whole text file into one string (markdown, small files, tests). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding; notes: DecodeNote[] } {
  const parts: string[] = [];
  const notes: DecodeNote[] = [];
  let length = 0;
  const encoding = decodeTextStream(bytes, (t, n) => {
    for (const note of n) notes.push({ ...note, at: length + note.at });
    parts.push(t);
    length += t.length;
  });
  return { text: parts.join(''), encoding, notes };
}
