/**
 * The pixel size of an embedded image, read from its header, so the .pptx can place it at its own
 * proportions (PowerPoint stretches a picture to its frame; the HTML deck uses object-fit).
 */

export interface ImageSize {
  width: number;
  height: number;
}

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

const be16 = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const le16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const be32 = (b: Uint8Array, i: number): number => be16(b, i) * 65536 + be16(b, i + 2);
const le32 = (b: Uint8Array, i: number): number => le16(b, i) + le16(b, i + 2) * 65536;

function jpegSize(b: Uint8Array): ImageSize | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) {
      i++;
      continue;
    }
    const marker = b[i + 1] ?? 0;
    // start-of-frame markers carry the size; C4 (DHT), C8 and CC are not frames
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: be16(b, i + 5), width: be16(b, i + 7) };
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    i += 2 + be16(b, i + 2);
  }
  return null;
}

/** Width and height in pixels, or null when the header cannot be read. */
export function imageSize(mime: string, base64: string): ImageSize | null {
  const b = headBytes(base64, mime === 'image/jpeg' ? 256 * 1024 : 64);
  let size: ImageSize | null = null;
  switch (mime) {
    case 'image/png':
      if (b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) size = { width: be32(b, 16), height: be32(b, 20) };
      break;
    case 'image/gif':
      size = { width: le16(b, 6), height: le16(b, 8) };
      break;
    case 'image/bmp':
      size = { width: le32(b, 18), height: Math.abs(le32(b, 22) | 0) };
      break;
    case 'image/jpeg':
      size = jpegSize(b);
      break;
    case 'image/webp': {
      const kind = String.fromCharCode(b[12] ?? 0, b[13] ?? 0, b[14] ?? 0, b[15] ?? 0);
      if (kind === 'VP8 ') size = { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff };
      else if (kind === 'VP8L') {
        const bits = le32(b, 21);
        size = { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
      } else if (kind === 'VP8X') {
        size = {
          width: 1 + ((b[24] ?? 0) | ((b[25] ?? 0) << 8) | ((b[26] ?? 0) << 16)),
          height: 1 + ((b[27] ?? 0) | ((b[28] ?? 0) << 8) | ((b[29] ?? 0) << 16)),
        };
      }
      break;
    }
  }
  return size && size.width > 0 && size.height > 0 ? size : null;
}
