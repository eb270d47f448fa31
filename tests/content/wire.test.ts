import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeWire, encodeWire } from '../../content/util/wire';

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

  it('rejects invalid base64 instead of inventing bytes', () => {
    expect(() => base64ToBytes('ab$d')).toThrow();
  });
});
