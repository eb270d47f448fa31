/**
 * JSON with bytes: the browser-mode transport's encoding. Uint8Array values travel as
 * `{ "$bytes": "<base64>" }`; everything else is plain JSON. Electron's IPC needs none of this.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 4096;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    let s = '';
    for (let i = start; i < end; i += 3) {
      const a = bytes[i] ?? 0;
      const b = bytes[i + 1] ?? 0;
      const c = bytes[i + 2] ?? 0;
      const n = (a << 16) | (b << 8) | c;
      s +=
        B64[(n >> 18) & 63]! +
        B64[(n >> 12) & 63]! +
        (i + 1 < end ? B64[(n >> 6) & 63]! : '=') +
        (i + 2 < end ? B64[n & 63]! : '=');
    }
    parts.push(s);
  }
  return parts.join('');
}

export function base64ToBytes(b64: string): Uint8Array {
  const clean = b64.replace(/[\s=]+/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n =
      (idx(clean, i) << 18) |
      (idx(clean, i + 1) << 12) |
      ((i + 2 < clean.length ? idx(clean, i + 2) : 0) << 6) |
      (i + 3 < clean.length ? idx(clean, i + 3) : 0);
    out[o++] = (n >> 16) & 255;
    if (i + 2 < clean.length) out[o++] = (n >> 8) & 255;
    if (i + 3 < clean.length) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}

function idx(s: string, i: number): number {
  const v = B64_INDEX[s.charCodeAt(i)] ?? -1;
  if (v < 0) throw new Error('invalid base64');
  return v;
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array ? { $bytes: bytesToBase64(v) } : v,
  );
}

export function decodeWire(json: string): unknown {
  // a reviver visits every value: a large report without bytes in it parses several times faster without one
  if (!json.includes('"$bytes"')) return JSON.parse(json);
  return JSON.parse(json, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o.$bytes === 'string' && Object.keys(o).length === 1) return base64ToBytes(o.$bytes);
    }
    return v;
  });
}

/** A value a worker thread encoded (wire JSON in UTF-8): what the page does with an `encoded` reply. */
export function decodeWireBytes(bytes: Uint8Array): unknown {
  return decodeWire(new TextDecoder().decode(bytes));
}

/**
 * A request that carries large bytes (a file to import) travels as a frame instead of base64 JSON,
 * so neither the page nor the host spends seconds encoding and decoding a big file:
 * `[u32 JSON length][u32 number of blobs][JSON][blob 0][blob 1]…`, little-endian, where each
 * Uint8Array in the JSON is `{ "$blob": [start, length] }` into the blobs that follow.
 */
export const FRAME_CONTENT_TYPE = 'application/vnd.briefing.frame';

const FRAME_HEAD = 8;

/** The parts of a frame, to put in a Blob as they are (the blobs are not copied). */
export function encodeFrame(value: unknown): Uint8Array[] {
  const blobs: Uint8Array[] = [];
  let at = 0;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (!(v instanceof Uint8Array)) return v;
    blobs.push(v);
    const ref = { $blob: [at, v.byteLength] };
    at += v.byteLength;
    return ref;
  });
  const text = new TextEncoder().encode(json);
  const head = new Uint8Array(FRAME_HEAD);
  const view = new DataView(head.buffer);
  view.setUint32(0, text.byteLength, true);
  view.setUint32(4, blobs.length, true);
  return [head, text, ...blobs];
}

/** Read a frame; the bytes it carries are views into `frame`, not copies. */
export function decodeFrame(frame: Uint8Array): unknown {
  if (frame.byteLength < FRAME_HEAD) throw new Error('frame too short');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const length = view.getUint32(0, true);
  const count = view.getUint32(4, true);
  const base = FRAME_HEAD + length;
  if (base > frame.byteLength) throw new Error('frame too short');
  const json = new TextDecoder().decode(frame.subarray(FRAME_HEAD, base));
  if (count === 0) return JSON.parse(json);
  return JSON.parse(json, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const ref = (v as { $blob?: unknown }).$blob;
    if (!Array.isArray(ref) || ref.length !== 2 || Object.keys(v).length !== 1) return v;
    const [start, size] = ref as [unknown, unknown];
    if (
      typeof start !== 'number' ||
      typeof size !== 'number' ||
      !Number.isInteger(start) ||
      !Number.isInteger(size) ||
      start < 0 ||
      size < 0 ||
      base + start + size > frame.byteLength
    )
      throw new Error('frame blob out of range');
    return frame.subarray(base + start, base + start + size);
  });
}
