import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  decodeFrame,
  decodeWire,
  decodeWireBytes,
  encodeFrame,
  encodeWire,
} from '../../content/util/wire';

describe('the browser-mode wire encoding', () => {
  it('matches Node’s base64 for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const b64 = bytesToBase64(bytes);
        expect(b64).toBe(Buffer.from(bytes).toString('base64'));
        expect([...base64ToBytes(b64)]).toEqual([...bytes]);
      }),
    );
  });

  it('carries bytes nested inside a request and leaves other values alone', () => {
    const req = {
      name: '报告.docx',
      bytes: new Uint8Array([0, 1, 2, 250, 255]),
      n: 3,
      list: ['a', { $bytes: 1 }],
    };
    const back = decodeWire(encodeWire(req)) as typeof req;
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect([...back.bytes]).toEqual([0, 1, 2, 250, 255]);
    expect(back.name).toBe('报告.docx');
    expect(back.list).toEqual(['a', { $bytes: 1 }]);
  });

  it('carries any bytes in a frame, as views into it rather than copies', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.uint8Array({ maxLength: 50 }),
        fc.string(),
        (a, b, text) => {
          const frame = concat(encodeFrame({ text, file: { a, list: [b, 1] } }));
          const back = decodeFrame(frame) as {
            text: string;
            file: { a: Uint8Array; list: [Uint8Array, number] };
          };
          expect(back.text).toBe(text);
          expect([...back.file.a]).toEqual([...a]);
          expect([...back.file.list[0]]).toEqual([...b]);
          expect(back.file.list[1]).toBe(1);
          expect(back.file.a.buffer).toBe(frame.buffer);
        },
      ),
    );
  });

  it('refuses a frame that is cut short or points outside itself', () => {
    const frame = concat(encodeFrame({ bytes: new Uint8Array(10) }));
    expect(() => decodeFrame(frame.subarray(0, 5))).toThrow();
    expect(() => decodeFrame(frame.subarray(0, frame.length - 1))).toThrow(/out of range/);
  });

  it('reads a value a worker encoded to UTF-8, bytes and all', () => {
    const value = { title: '报告', bytes: new Uint8Array([9, 8]), n: 2 };
    const back = decodeWireBytes(new TextEncoder().encode(encodeWire(value))) as typeof value;
    expect(back.title).toBe('报告');
    expect([...back.bytes]).toEqual([9, 8]);
  });

  it('rejects invalid base64 instead of inventing bytes', () => {
    expect(() => base64ToBytes('ab$d')).toThrow();
  });
});

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
