import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ELLIPSIS,
  fitSize,
  lineCount,
  textWidthEm,
  truncateToLines,
  wrapLines,
} from '../../templates/scene/measure';
import { imageSize } from '../../templates/scene/image';
import { splitSafe } from '../../content/compose/deck-fit';
import { LANDSCAPE_PNG, LOGO_PNG, pngBase64 } from '../fixtures/deck/png';

describe('measuring text without a browser', () => {
  it('counts Chinese characters and full-width punctuation as 1em, Latin letters and digits as about half', () => {
    expect(textWidthEm('稳住经济运行基本盘')).toBe(9);
    expect(textWidthEm('，。：“”')).toBe(5);
    const digits = textWidthEm('2022');
    expect(digits).toBeGreaterThan(2);
    expect(digits).toBeLessThan(2.8);
    expect(textWidthEm('abc')).toBeLessThan(2);
  });

  it('wraps Chinese anywhere but keeps a number or Latin word whole', () => {
    const lines = wrapLines('引进内资21.59亿元，同比增长百分之二十', 200, 20);
    expect(lines.join('')).toBe('引进内资21.59亿元，同比增长百分之二十');
    expect(lines.some((l) => l.includes('21.59'))).toBe(true);
    for (const l of lines) expect(textWidthEm(l) * 20).toBeLessThanOrEqual(200);
  });

  it('never starts a line with closing punctuation', () => {
    // ten characters fill a 10em line exactly; the comma must join the tenth, not start line two
    const lines = wrapLines('一二三四五六七八九十，一二三', 10 * 20, 19);
    for (const l of lines.slice(1)) expect(l.startsWith('，')).toBe(false);
  });

  it('breaks a word longer than the line rather than letting it run out of the box', () => {
    const lines = wrapLines('A'.repeat(80), 300, 20);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidthEm(l) * 20).toBeLessThanOrEqual(300);
  });

  it('keeps explicit line breaks', () => {
    expect(wrapLines('第一行\n第二行', 1000, 20)).toEqual(['第一行', '第二行']);
  });

  it('finds the largest size at which texts fit, or says none does', () => {
    const box = { widthPx: 400, heightPx: 100, lineHeight: 1.25 };
    const size = fitSize(['二十个汉字二十个汉字二十个汉字二十个汉字'], box, { min: 10, max: 60 });
    expect(size).not.toBeNull();
    expect(
      lineCount('二十个汉字二十个汉字二十个汉字二十个汉字', 400, size ?? 0) * (size ?? 0) * 1.25,
    ).toBeLessThanOrEqual(100);
    // one pixel larger no longer fits
    expect(
      lineCount('二十个汉字二十个汉字二十个汉字二十个汉字', 400, (size ?? 0) + 1) * ((size ?? 0) + 1) * 1.25,
    ).toBeGreaterThan(100);
    expect(fitSize(['字'.repeat(500)], box, { min: 20, max: 40 })).toBeNull();
  });

  it('shortens text to a number of lines with an ellipsis, leaving text that fits alone', () => {
    expect(truncateToLines('短标题', 500, 40, 1)).toBe('短标题');
    const long = '关于深入贯彻落实党中央国务院决策部署全力推动经济社会高质量发展的工作情况汇报';
    const cut = truncateToLines(long, 500, 40, 2);
    expect(cut.endsWith(ELLIPSIS)).toBe(true);
    expect(lineCount(cut, 500, 40)).toBeLessThanOrEqual(2);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    // room is kept for a suffix such as （续）
    const withSuffix = truncateToLines(long, 500, 40, 2, '（续）');
    expect(lineCount(`${withSuffix}（续）`, 500, 40)).toBeLessThanOrEqual(2);
  });

  it('splits a long text between sentences into pieces that each fit, losing nothing', () => {
    const sentence = '全面落实项目包保和专班服务机制，推动重点项目全部复工。';
    const text = sentence.repeat(12);
    const pieces = splitSafe(text, 600, 24, 4);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) expect(lineCount(p, 600, 24)).toBeLessThanOrEqual(4);
    // cuts fall after a full stop
    for (const p of pieces.slice(0, -1)) expect(p.endsWith('。')).toBe(true);
  });

  it('splits any text, Chinese or Latin, into fitting pieces that join back to it', () => {
    const text = fc.string({
      unit: fc.constantFrom('字', '数', '。', '，', 'a', 'B', '1', ' ', '%', '“', '”', 'W'),
      minLength: 1,
      maxLength: 400,
    });
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 120, max: 900 }),
        fc.integer({ min: 14, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        (t, w, size, lines) => {
          const pieces = splitSafe(t, w, size, lines);
          expect(pieces.join('')).toBe(t);
          // a quotation, or a word or number wider than the line, runs over rather than being torn;
          // all else fits
          const unbroken = [...t.matchAll(/[A-Za-z0-9.\-_/+,%]+/g)].some((m) => lineCount(m[0], w, size) > 1);
          if (!/[“”]/.test(t) && !unbroken)
            for (const p of pieces) expect(lineCount(p, w, size)).toBeLessThanOrEqual(lines);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('reading an image size from its header', () => {
  it('reads PNG', () => {
    expect(imageSize('image/png', LANDSCAPE_PNG)).toEqual({ width: 480, height: 270 });
    expect(imageSize('image/png', LOGO_PNG)).toEqual({ width: 96, height: 96 });
    expect(
      imageSize(
        'image/png',
        pngBase64(3, 7, () => [0, 0, 0]),
      ),
    ).toEqual({ width: 3, height: 7 });
  });

  it('reads GIF and JPEG', () => {
    const gif = btoa(
      String.fromCharCode(...[0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x20, 0x03, 0x58, 0x02, 0, 0, 0, 0]),
    );
    expect(imageSize('image/gif', gif)).toEqual({ width: 800, height: 600 });
    // SOI, an APP0 segment, then a baseline frame header of 1024×768
    const jpeg = [
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x06, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x03, 0x00,
      0x04, 0x00, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
    expect(imageSize('image/jpeg', btoa(String.fromCharCode(...jpeg)))).toEqual({ width: 1024, height: 768 });
  });

  it('gives up, rather than guessing, on data it cannot read', () => {
    expect(imageSize('image/png', 'not base64 at all!')).toBeNull();
    expect(imageSize('image/tiff', LANDSCAPE_PNG)).toBeNull();
  });
});
