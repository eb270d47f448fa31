import { describe, expect, it } from 'vitest';
import { importReport } from '../../../content/import';
import { readMarkdown } from '../../../content/import/markdown';
import {
  MAX_PICTURE_BYTES,
  loadPictures,
  pictureMime,
  relativePicturePath,
  type SiblingFiles,
} from '../../../content/import/pictures';
import type { RawBlock, Report, Section } from '../../../content/model/report';
import { tinyPng } from '../../fixtures/import/build-docx';

const raw = (md: string): RawBlock[] => readMarkdown(md).blocks;
const lines = (md: string): string[] => raw(md).map((b) => (b.type === 'text' ? b.text : `[${b.type}]`));
const md = (text: string, siblings?: SiblingFiles): Promise<Report> =>
  importReport({ name: 'r.md', bytes: new TextEncoder().encode(text), ...(siblings ? { siblings } : {}) });
const outline = (sections: readonly Section[]): string[] =>
  sections.flatMap((s) => [`${s.level}:${s.title}`, ...outline(s.sections)]);

/** A reader over files given here, recording what it was asked. */
function filesOf(files: Record<string, Uint8Array>): SiblingFiles & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async read(path, maxBytes) {
      asked.push(path);
      const bytes = files[path];
      if (!bytes) return { ok: false, reason: 'not-found' };
      if (bytes.length > maxBytes) return { ok: false, reason: 'too-large' };
      return { ok: true, bytes };
    },
  };
}

describe('markdown headings', () => {
  it('gives setext headings their levels, and a line of --- under a list item is no heading', () => {
    const blocks = raw('总体情况\n===\n\n经济运行\n---\n\n- 甲\n\n---\n');
    expect(blocks[0]).toMatchObject({ text: '总体情况', hints: { heading: 1 } });
    expect(blocks[1]).toMatchObject({ text: '经济运行', hints: { heading: 2 } });
    expect(blocks[2]).toMatchObject({ text: '甲', hints: { listItem: true } });
    expect(blocks).toHaveLength(3);
  });

  it('nests sections by the levels the source gives: ## 甲 / ### 乙 / ### 丙 / ## 丁', async () => {
    const r = await md('# 标题\n\n## 甲\n\n一段。\n\n### 乙\n\n### 丙\n\n## 丁\n\n又一段。\n');
    expect(r.title).toBe('标题');
    expect(outline(r.sections)).toEqual(['1:甲', '2:乙', '2:丙', '1:丁']);
    expect(r.sections[0]?.sections.map((s) => s.title)).toEqual(['乙', '丙']);
  });

  it('skips a missing level without sinking what follows: ## 甲 / #### 乙 / ### 丙 / ## 丁', async () => {
    const r = await md('# 标题\n\n## 甲\n\n#### 乙\n\n### 丙\n\n## 丁\n');
    expect(outline(r.sections)).toEqual(['1:甲', '2:乙', '2:丙', '1:丁']);
  });

  it('takes a file with several # headings as chapters, with no title among them', async () => {
    const r = await md('# 第一章 总则\n\n内容。\n\n# 第二章 措施\n\n内容。\n');
    expect(r.title).toBe('r');
    expect(outline(r.sections)).toEqual(['1:总则', '1:措施']);
  });
});

describe('markdown lists, emphasis, code and HTML', () => {
  it('keeps nested items as items and an ordered item’s number as an editor shows it', () => {
    const blocks = raw('3. 甲项\n4. 乙项\n   - 乙项之一\n     续行\n\n   乙项的第二段。\n');
    expect(blocks.map((b) => (b.type === 'text' ? b.text : ''))).toEqual([
      '3. 甲项',
      '4. 乙项',
      '乙项之一续行',
      '乙项的第二段。',
    ]);
    expect(blocks.every((b) => b.type === 'text' && b.hints?.listItem)).toBe(true);
  });

  it('numbers an ordered list from its start even when every item is written 1.', () => {
    expect(lines('1. 甲\n1. 乙\n1. 丙\n')).toEqual(['1. 甲', '2. 乙', '3. 丙']);
  });

  it('takes emphasis, links and code as their text, and a wholly bold line as bold', () => {
    const blocks = raw('**重点工作**\n\n完成*投资*`12.5`亿元，详见[附件](a.md)。\n\n**甲**乙\n');
    expect(blocks[0]).toMatchObject({ text: '重点工作', hints: { bold: true } });
    expect(blocks[1]).toMatchObject({ text: '完成投资12.5亿元，详见附件。' });
    expect(blocks[1]?.type === 'text' && blocks[1].hints).toBeFalsy();
    expect(blocks[2]?.type === 'text' && blocks[2].hints?.bold).toBeFalsy();
  });

  it('joins soft-wrapped lines without a space between Chinese, with one between English words', () => {
    expect(lines('同比增长\n23.5%，符合预\n期。\n\nbig\ndata\n')).toEqual([
      '同比增长23.5%，符合预期。',
      'big data',
    ]);
  });

  it('reads a fenced block as code: a # line in it is no heading and ** stays as written', async () => {
    const blocks = raw('```\n# 注释\n**x**\n```\n');
    expect(blocks).toEqual([
      expect.objectContaining({ text: '# 注释', hints: { listItem: true } }),
      expect.objectContaining({ text: '**x**', hints: { listItem: true } }),
    ]);
    const r = await md('正文。\n\n```\n# 注释\n```\n');
    expect(outline(r.sections).some((s) => s.includes('注释'))).toBe(false);
  });

  it('keeps an HTML block’s text, never its markup: scripts, styles and comments go', () => {
    const text = lines(
      '<div align="center">居中&amp;<b>标题</b><br>第二行</div>\n\n<script>alert(1)</script>\n\n<!-- 注释 -->\n\n<style>p{}</style>\n\n正文<span onclick="x()">内容</span>。\n',
    );
    expect(text).toEqual(['居中&标题', '第二行', '正文内容。']);
    expect(text.join('')).not.toMatch(/[<>]|alert|onclick/);
  });

  it('reads an HTML table’s cells as a table and an <img> as a picture', () => {
    const { blocks, pictures } = readMarkdown(
      '<table><tr><th>指标</th><th>数值</th></tr><tr><td>投资</td><td>3亿元</td></tr></table>\n\n<img src="a.png" alt="图2 现场">\n',
    );
    expect(blocks[0]).toMatchObject({
      type: 'table',
      rows: [
        ['指标', '数值'],
        ['投资', '3亿元'],
      ],
    });
    expect(blocks[1]).toMatchObject({ type: 'image', alt: '图2 现场' });
    expect(pictures).toEqual([{ blockId: blocks[1]?.id, ref: 'a.png' }]);
  });

  it('reads a GFM table, a pipe escaped in a cell, and no table without its delimiter row', () => {
    expect(raw('| 甲 | 乙 |\n| - | - |\n| 1 | a\\|b |\n')[0]).toMatchObject({
      rows: [
        ['甲', '乙'],
        ['1', 'a|b'],
      ],
    });
    expect(raw('| 甲 | 乙 |\n| 1 | 2 |\n')[0]?.type).toBe('text');
  });
});

describe('markdown pictures beside the file', () => {
  const png = tinyPng();

  it('loads a picture by its relative path, also below the folder, and one named twice once', async () => {
    const files = filesOf({ 'images/a.png': png, 'b.png': png });
    const r = await md(
      '![图1 甲](images/a.png)\n\n![乙](./b.png "乙图")\n\n![又一次](images/./a.png)\n',
      files,
    );
    expect(r.figures.map((f) => [f.caption, f.assetId])).toEqual([
      ['图1 甲', 'img1'],
      ['乙', 'img2'],
      ['又一次', 'img1'],
    ]);
    expect(Object.keys(r.assets)).toEqual(['img1', 'img2']);
    expect(files.asked).toEqual(['images/a.png', 'b.png']);
  });

  it('never asks for a path leaving the folder, an absolute path or a URL', async () => {
    const files = filesOf({});
    const r = await md(
      '![a](../secret.png)\n\n![b](/etc/passwd)\n\n![c](C:\\\\x.png)\n\n![d](https://example.com/x.png)\n\n![e](file:///etc/x.png)\n\n![f](//host/x.png)\n\n![g](images/../../x.png)\n',
      files,
    );
    expect(files.asked).toEqual([]);
    expect(r.figures.every((f) => !f.assetId && f.missing)).toBe(true);
    expect(r.figures.map((f) => f.missing)).toEqual([
      expect.stringContaining('不在报告所在文件夹'),
      expect.stringContaining('不在报告所在文件夹'),
      expect.stringContaining('不在报告所在文件夹'),
      expect.stringContaining('网络图片'),
      expect.stringContaining('网络图片'),
      expect.stringContaining('网络图片'),
      expect.stringContaining('不在报告所在文件夹'),
    ]);
  });

  it('refuses a file that is not a PNG, JPEG, GIF or WebP by its bytes, whatever its name', async () => {
    const files = filesOf({ 'x.png': new TextEncoder().encode('<svg onload="alert(1)"/>') });
    const r = await md('![图](x.png)\n', files);
    expect(r.figures[0]?.assetId).toBeUndefined();
    expect(r.figures[0]?.missing).toMatch(/不是 PNG/);
  });

  it('asks for no more than the cap, and says a picture over it is too large', async () => {
    let cap = 0;
    const files: SiblingFiles = {
      async read(_path, maxBytes) {
        cap = maxBytes;
        return { ok: false, reason: 'too-large' };
      },
    };
    const r = await md('![图](big.png)\n', files);
    expect(cap).toBe(MAX_PICTURE_BYTES);
    expect(r.figures[0]?.missing).toMatch(/过大/);
  });

  it('tells picture types by their first bytes', () => {
    expect(pictureMime(png)).toBe('image/png');
    expect(pictureMime(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(pictureMime(new TextEncoder().encode('GIF89a....'))).toBe('image/gif');
    expect(pictureMime(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(pictureMime(new TextEncoder().encode('%PDF-1.4'))).toBeNull();
    expect(pictureMime(new TextEncoder().encode('RIFF\0\0\0\0WAVE'))).toBeNull();
  });

  it('normalises a relative path and rejects every way out of the folder', () => {
    expect(relativePicturePath('./images//a%20b.png?v=2#x')).toEqual({ path: 'images/a b.png' });
    expect(relativePicturePath('images\\a.png')).toEqual({ path: 'images/a.png' });
    for (const bad of [
      '../a.png',
      'a/../../b.png',
      '/a.png',
      '\\a.png',
      'D:/a.png',
      'd:a.png',
      '%2e%2e/a.png',
    ])
      expect(relativePicturePath(bad)).toEqual({ missing: 'outside' });
    for (const remote of ['http://x/a.png', 'data:image/png;base64,AAAA', '//x/a.png', '\\\\server\\a.png'])
      expect(relativePicturePath(remote)).toEqual({ missing: 'remote' });
  });

  it('without a reader keeps every figure and says the picture needs the file’s folder', async () => {
    const loaded = await loadPictures([{ blockId: 'b1', ref: 'a.png' }], undefined);
    expect(loaded.missing.get('b1')).toBe('no-folder');
    const r = await md('![图1 甲](a.png)\n');
    expect(r.figures[0]).toMatchObject({ caption: '图1 甲', missing: expect.stringContaining('打开原文件') });
  });
});
