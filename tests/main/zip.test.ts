import { randomBytes } from 'node:crypto';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipParts } from '../../main/export/zip';

describe('zipParts (Node zlib)', () => {
  it('writes a zip any reader opens, each part as it was, in order', () => {
    const xml = `<?xml version="1.0"?><w:document>${'<w:p>青禾区上半年工作综述</w:p>'.repeat(200)}</w:document>`;
    const zip = zipParts([
      { path: '[Content_Types].xml', data: strToU8('<Types/>') },
      { path: 'word/document.xml', data: strToU8(xml) },
      { path: 'word/media/图片1.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
    ]);
    const parts = unzipSync(zip);
    expect(Object.keys(parts)).toEqual(['[Content_Types].xml', 'word/document.xml', 'word/media/图片1.png']);
    expect(strFromU8(parts['word/document.xml']!)).toBe(xml);
    expect([...parts['word/media/图片1.png']!]).toEqual([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    // the repetitive XML is deflated, well below its size
    expect(zip.length).toBeLessThan(strToU8(xml).length / 10);
  });

  it('keeps the first place and the last bytes of a path given twice, as fflate does', () => {
    const zip = zipParts([
      { path: 'a.xml', data: strToU8('old') },
      { path: 'b.xml', data: strToU8('b') },
      { path: 'a.xml', data: strToU8('new') },
    ]);
    const parts = unzipSync(zip);
    expect(Object.keys(parts)).toEqual(['a.xml', 'b.xml']);
    expect(strFromU8(parts['a.xml']!)).toBe('new');
  });

  it('stores a part that would not shrink, and one asked to be stored', () => {
    const random = new Uint8Array(randomBytes(4096));
    const text = strToU8('x'.repeat(4096));
    const zip = zipParts([
      { path: 'noise.bin', data: random },
      { path: 'kept.txt', data: text, store: true },
    ]);
    // method field of each local header: 0 = stored
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    expect(view.getUint16(8, true)).toBe(0);
    const second = 30 + 'noise.bin'.length + random.length;
    expect(view.getUint16(second + 8, true)).toBe(0);
    expect([...unzipSync(zip)['noise.bin']!]).toEqual([...random]);
  });
});
