import { ImportError } from './errors';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Guess a text file's encoding: a BOM wins; then UTF-16 by its zero bytes; then UTF-8 if the
 * bytes are valid UTF-8; otherwise GB18030 (a superset of GBK and GB2312, what old Chinese
 * office systems write).
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
  }
  const half = sample.length / 2;
  // ASCII-heavy UTF-16 has a zero in every other byte; CJK-heavy UTF-16 has few zeros but no
  // valid UTF-8 either, which the GB18030 fallback then turns into junk — so also accept a
  // modest share of zeros on one side only.
  if (half > 0 && zeroOdd / half > 0.2 && zeroEven === 0) return 'utf-16le';
  if (half > 0 && zeroEven / half > 0.2 && zeroOdd === 0) return 'utf-16be';
  if (isValidUtf8(bytes)) return 'utf-8';
  return 'gb18030';
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Share of characters that are control characters or replacement marks: junk, not text. */
function junkRatio(text: string): number {
  if (text.length === 0) return 0;
  let junk = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) junk++;
  }
  return junk / n;
}

/** Decode a text file's bytes into a string, refusing binary junk with a clear message. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes.length === 0) throw new ImportError('empty');
  const encoding = detectEncoding(bytes);
  let text = new TextDecoder(encoding).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (junkRatio(text) > 0.05) throw new ImportError('binary');
  if (text.trim() === '') throw new ImportError('empty');
  return { text, encoding };
}
