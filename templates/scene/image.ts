/**
 * The one reader of picture headers: which kind of picture some bytes are and how many pixels
 * wide and high, from the first bytes alone. The slide scene places pictures at their own
 * proportions with it, the Word brief sizes them with it, and a logo is checked with it, so a
 * picture is read the same way for every output.
 */

/** Picture kinds we can read the size of, by what their bytes say (not by a declared type). */
export const IMAGE_KINDS = ['png', 'jpeg', 'gif', 'bmp', 'webp'] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];

export interface ImageSize {
  width: number;
  height: number;
}

export interface ImageInfo extends ImageSize {
  kind: ImageKind;
}

/** The mime type of each kind, as OutputImage carries it. */
export const IMAGE_MIME: Record<ImageKind, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
};

const be16 = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const le16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const be32 = (b: Uint8Array, i: number): number => be16(b, i) * 65536 + be16(b, i + 2);
const le32 = (b: Uint8Array, i: number): number => le16(b, i) + le16(b, i + 2) * 65536;
const le24 = (b: Uint8Array, i: number): number => le16(b, i) + (b[i + 2] ?? 0) * 65536;
const ascii = (b: Uint8Array, i: number, n: number): string =>
  String.fromCharCode(...Array.from(b.subarray(i, i + n)));

/** Markers that stand alone, with no length after them: TEM, RST0–7, SOI, EOI. */
const standalone = (m: number): boolean => m === 0x01 || (m >= 0xd0 && m <= 0xd9);

/** The frame header's size, walking the JPEG's segments; fill bytes (0xFF runs) are skipped. */
function jpegSize(b: Uint8Array): ImageSize | null {
  let i = 2;
  while (i + 8 < b.length) {
    if (b[i] !== 0xff) return null;
    // any number of 0xFF may pad a marker (ITU T.81 B.1.1.2)
    while (b[i + 1] === 0xff && i + 9 < b.length) i++;
    const marker = b[i + 1] ?? 0;
    // start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) are not frames
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: be16(b, i + 5), width: be16(b, i + 7) };
    if (standalone(marker)) {
      i += 2;
      continue;
    }
    i += 2 + be16(b, i + 2);
  }
  return null;
}

function webpSize(b: Uint8Array): ImageSize | null {
  switch (ascii(b, 12, 4)) {
    case 'VP8 ':
      return { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff };
    case 'VP8L': {
      const bits = le32(b, 21);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    case 'VP8X':
      return { width: 1 + le24(b, 24), height: 1 + le24(b, 27) };
    default:
      return null;
  }
}

function sniff(b: Uint8Array): ImageInfo | null {
  if (b[0] === 0x89 && ascii(b, 1, 3) === 'PNG')
    return { kind: 'png', width: be32(b, 16), height: be32(b, 20) };
  if (ascii(b, 0, 4) === 'GIF8') return { kind: 'gif', width: le16(b, 6), height: le16(b, 8) };
  if (ascii(b, 0, 2) === 'BM' && b.length > 26)
    // a bottom-up bitmap stores its height negative
    return { kind: 'bmp', width: le32(b, 18), height: Math.abs(le32(b, 22) | 0) };
  if (b[0] === 0xff && b[1] === 0xd8) {
    const size = jpegSize(b);
    return size ? { kind: 'jpeg', ...size } : null;
  }
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    const size = webpSize(b);
    return size ? { kind: 'webp', ...size } : null;
  }
  return null;
}

/** Kind and pixel size of a picture from its first bytes, or null when they cannot be read. */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  const info = sniff(bytes);
  return info && info.width > 0 && info.height > 0 ? info : null;
}

/** How many bytes of a picture's start the reader may need: a JPEG's frame header can follow large metadata. */
const HEAD_BYTES: Record<string, number> = { 'image/jpeg': 256 * 1024 };

/** Decode the first `maxBytes` of a base64 string (whole 4-character groups only). */
function headBytes(base64: string, maxBytes: number): Uint8Array {
  const chars = Math.min(base64.length, Math.ceil(maxBytes / 3) * 4);
  const head = base64.slice(0, chars - (chars % 4));
  let bin: string;
  try {
    bin = atob(head);
  } catch {
    return new Uint8Array();
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Kind and size of a picture carried as base64 with a declared mime type; null when the bytes
 * cannot be read or are not the kind the mime type says (a mislabelled file is not trusted).
 */
export function base64ImageInfo(mime: string, base64: string): ImageInfo | null {
  const info = imageInfo(headBytes(base64, HEAD_BYTES[mime] ?? 64));
  return info && IMAGE_MIME[info.kind] === mime ? info : null;
}

/** Width and height in pixels of a base64 picture, or null when its header cannot be read. */
export function imageSize(mime: string, base64: string): ImageSize | null {
  const info = base64ImageInfo(mime, base64);
  return info ? { width: info.width, height: info.height } : null;
}
