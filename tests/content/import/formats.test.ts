import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../../content/import';
import { decodeText, detectEncoding } from '../../../content/import/decode';
import { markdownToRawBlocks } from '../../../content/import/markdown';
import { pagesToRawBlocks, tidySpaces, type TextRun } from '../../../content/import/pdf-layout';
import { ReportSchema, type Block, type Report, type Section } from '../../../content/model/report';
import { DOCX_TEXT, buildReportDocx, tinyPng } from '../../fixtures/import/build-docx';
import { ROOT } from '../../helpers/paths';
import { cjkLine, makePdf, utf16 } from './builders';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'import');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

const allSections = (sections: readonly Section[]): Section[] =>
  sections.flatMap((s) => [s, ...allSections(s.sections)]);
const blocks = (r: Report): Block[] => allSections(r.sections).flatMap((s) => s.blocks);
const outline = (sections: readonly Section[]): string[] =>
  sections.flatMap((s) => [`${s.level}:${s.title}`, ...outline(s.sections)]);

const SAMPLE = '某镇工作总结\n\n一、主要成效\n\n招商引资取得突破。全年签约项目18个，引进资金4.2亿元。\n';

describe('text files in any encoding an office uses', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(SAMPLE), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]), 'utf-8'],
    ['UTF-16LE with BOM', utf16(SAMPLE, 'le', true), 'utf-16le'],
    ['UTF-16BE with BOM', utf16(SAMPLE, 'be', true), 'utf-16be'],
    ['UTF-16LE without BOM', utf16(SAMPLE, 'le', false), 'utf-16le'],
    ['UTF-16BE without BOM', utf16(SAMPLE, 'be', false), 'utf-16be'],
  ])('reads %s without mojibake', async (_name, bytes, encoding) => {
    expect(detectEncoding(bytes)).toBe(encoding);
    expect(decodeText(bytes).text).toBe(SAMPLE);
    const r = await importReport({ name: 'a.txt', bytes });
    expect(r.title).toBe('某镇工作总结');
    expect(r.stats.map((s) => `${s.value}${s.unit}`)).toEqual(['18个', '4.2亿元']);
  });

  it('reads a GB18030 file written by iconv (tests/fixtures/import/gb18030.txt)', async () => {
    const bytes = fixture('gb18030.txt');
    const source = readFileSync(join(FIXTURES, 'gb18030-source.txt'), 'utf8');
    expect(detectEncoding(bytes)).toBe('gb18030');
    expect(decodeText(bytes).text).toBe(source);
    const r = await importReport({ name: 'old-system.TXT', bytes });
    expect(r.title).toBe('某镇2021年工作总结');
    expect(r.subtitle).toBe('夯实基础　奋力争先');
    expect(outline(r.sections)).toEqual([
      '1:主要工作成效',
      '2:经济发展稳中向好',
      '2:民生事业持续改善',
      '1:明年工作打算',
    ]);
    expect(r.stats.map((s) => `${s.value}${s.unit}`)).toEqual([
      '18个',
      '4.2亿元',
      '12%',
      '6所',
      '23公里',
      '350万元',
      '3处',
    ]);
  });

  it('understands full-width and half-width punctuation alike', async () => {
    const full = await importReport({
      name: 'f.txt',
      bytes: new TextEncoder().encode('总结\n（一）扩大投资\n全力扩大投资。签约13个，引进内资21.59亿元。'),
    });
    const half = await importReport({
      name: 'h.txt',
      bytes: new TextEncoder().encode('总结\n(一)扩大投资\n全力扩大投资!签约13个,引进内资21.59亿元;'),
    });
    for (const r of [full, half]) {
      expect(outline(r.sections)).toEqual(['1:扩大投资']);
      expect(r.stats.map((s) => [s.value, s.unit, s.label])).toEqual([
        [13, '个', '签约'],
        [21.59, '亿元', '引进内资'],
      ]);
    }
  });
});

describe('markdown', () => {
  const md = [
    '# 某区工作总结',
    '',
    '## 一、经济运行',
    '',
    '全力扩大投资。**50个**重点项目全部复工，',
    '引进内资21.59亿元。',
    '',
    '- 签约项目13个',
    '- 落地企业40户',
    '',
    '![图1 园区建设现场](images/park.jpg)',
    '',
    '表1 主要指标',
    '',
    '| 指标 | 数值 |',
    '| --- | ---: |',
    '| 投资 | 3亿元 |',
  ].join('\n');

  it('reads headings, joined paragraph lines, list items, images and tables', () => {
    const raw = markdownToRawBlocks(md);
    expect(raw.map((b) => b.type)).toEqual([
      'text',
      'text',
      'text',
      'text',
      'text',
      'image',
      'text',
      'table',
    ]);
    expect(raw[2]).toMatchObject({ text: '全力扩大投资。50个重点项目全部复工，引进内资21.59亿元。' });
    expect(raw[3]).toMatchObject({ text: '签约项目13个', hints: { listItem: true } });
    expect(raw[7]).toMatchObject({
      rows: [
        ['指标', '数值'],
        ['投资', '3亿元'],
      ],
    });
  });

  it('keeps a named picture as a figure with its caption but no picture, and a table under its 表1 caption', async () => {
    const r = await importReport({ name: 'r.md', bytes: new TextEncoder().encode(md) });
    expect(ReportSchema.parse(r)).toEqual(r);
    expect(r.title).toBe('某区工作总结');
    expect(outline(r.sections)).toEqual(['1:经济运行']);
    expect(r.sections[0]?.number).toBe('一、');
    expect(r.figures).toEqual([
      expect.objectContaining({ kind: 'image', caption: '图1 园区建设现场' }),
      expect.objectContaining({
        kind: 'table',
        caption: '表1 主要指标',
        rows: [
          ['指标', '数值'],
          ['投资', '3亿元'],
        ],
      }),
    ]);
    expect(r.figures[0]?.assetId).toBeUndefined();
    expect(blocks(r).find((b) => b.kind === 'point')).toMatchObject({ lead: '全力扩大投资' });
    expect(r.stats.map((s) => `${s.value}${s.unit}`)).toEqual(
      expect.arrayContaining(['50个', '21.59亿元', '13个', '40户']),
    );
  });
});

describe('docx written by hand, without heading styles', () => {
  it('finds the bold numbered and unnumbered headings, the picture with its caption and the table with its caption', async () => {
    const r = await importReport({ name: 'report.docx', bytes: await buildReportDocx() });
    expect(ReportSchema.parse(r)).toEqual(r);
    expect(r.source.format).toBe('docx');
    expect(r.title).toBe(DOCX_TEXT.title);
    expect(outline(r.sections)).toEqual([
      '1:',
      '1:经济运行稳中有进',
      '2:项目建设',
      '3:招商引资成效明显',
      '1:民生保障持续加强',
    ]);
    const image = r.figures.find((f) => f.kind === 'image');
    expect(image?.caption).toBe(DOCX_TEXT.caption);
    expect(image?.assetId).toBeDefined();
    const asset = r.assets[image?.assetId ?? ''];
    expect(asset?.mime).toBe('image/png');
    expect(new Uint8Array(Buffer.from(asset?.data ?? '', 'base64'))).toEqual(tinyPng());
    const table = r.figures.find((f) => f.kind === 'table');
    expect(table?.caption).toBe(DOCX_TEXT.tableCaption);
    expect(table?.rows).toEqual([
      ['指标', '数值', '增速'],
      ['地区生产总值', '86.4亿元', '5.2%'],
      ['固定资产投资', '31.7亿元', '9.1%'],
    ]);
    expect(blocks(r).find((b) => b.kind === 'point')).toMatchObject({ lead: '重点项目加快推进' });
    expect(r.stats.map((s) => `${s.value}${s.unit}`)).toEqual(
      expect.arrayContaining(['38个', '12.5亿元', '8.3%', '26个', '8.6亿元', '1200个', '300万元', '15场']),
    );
  });

  it('reads lines numbered by Word lists (the 一、 not typed) as headings at their list level', async () => {
    const { Document, LevelFormat, Packer, Paragraph } = await import('docx');
    const numbered = (text: string, level: number) =>
      new Paragraph({ text, numbering: { reference: 'headings', level } });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'headings',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: '某区工作总结' }),
            numbered('经济运行', 0),
            numbered('项目建设', 1),
            new Paragraph('完成投资12.5亿元。'),
            numbered('民生保障', 0),
            numbered('新增就业岗位1200个，发放补贴300万元。', 1),
          ],
        },
      ],
    });
    const r = await importReport({ name: 'listed.docx', bytes: new Uint8Array(await Packer.toBuffer(doc)) });
    expect(outline(r.sections)).toEqual(['1:经济运行', '2:项目建设', '1:民生保障']);
    expect(r.stats.map((s) => `${s.value}${s.unit}`)).toEqual(['12.5亿元', '1200个', '300万元']);
  });

  it('uses Heading N styles when the document has them', async () => {
    const { Document, HeadingLevel, Packer, Paragraph } = await import('docx');
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '总体情况', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: '工业生产', heading: HeadingLevel.HEADING_2 }),
            new Paragraph('规模以上工业增加值增长6.2%。'),
            new Paragraph({ text: '下步打算', heading: HeadingLevel.HEADING_1 }),
          ],
        },
      ],
    });
    const r = await importReport({ name: 'styled.docx', bytes: new Uint8Array(await Packer.toBuffer(doc)) });
    expect(outline(r.sections)).toEqual(['1:总体情况', '2:工业生产', '1:下步打算']);
    expect(r.stats[0]).toMatchObject({ value: 6.2, unit: '%', kind: 'growth', label: '规模以上工业增加值' });
  });
});

describe('pdf', () => {
  it('reads the PDF LibreOffice printed from the docx: headers, footers and page numbers gone, lines rejoined', async () => {
    const progress: number[] = [];
    const r = await importReport(
      { name: 'report.pdf', bytes: fixture('report.pdf') },
      { onProgress: (f) => progress.push(f) },
    );
    expect(ReportSchema.parse(r)).toEqual(r);
    // a page at a time up to 70 %, then the analysis up to the end, always forward
    expect(progress.slice(0, 3)).toEqual([0, 0.35, 0.7]);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
    expect(r.source.format).toBe('pdf');
    expect(r.title).toBe(DOCX_TEXT.title);
    const texts = r.raw.flatMap((b) => (b.type === 'text' ? [b.text] : []));
    expect(texts.some((t) => t.includes('某区工作简报'))).toBe(false);
    expect(texts.some((t) => /^[—\s\d]+$/.test(t))).toBe(false);
    // a paragraph of three printed lines comes back as one block, without the spaces PDF puts around digits
    expect(texts).toContain(DOCX_TEXT.point.replace('8.3%', '8.3%'));
    expect(texts).toContain(DOCX_TEXT.long);
    expect(outline(r.sections)).toEqual(
      expect.arrayContaining(['1:经济运行稳中有进', '2:项目建设', '1:民生保障持续加强']),
    );
    // the paragraph cut by the page break is joined by a repair the staff can see and undo
    const join = r.repairs.find((x) => x.kind === 'joined');
    expect(join?.applied).toBe(true);
    const [head, rest] = join?.blockIds ?? [];
    expect(r.raw.find((b) => b.id === head)?.src?.page).toBe(1);
    expect(r.raw.find((b) => b.id === rest)?.src?.page).toBe(2);
    expect(r.stats.map((s) => `${s.value}${s.unit}`)).toEqual(
      expect.arrayContaining(['12.5亿元', '38个', '1200个']),
    );
  });

  it('reads Chinese text set in a font that names an Adobe CMap instead of embedding one', async () => {
    const bytes = makePdf(
      [[cjkLine('上半年工作总结', 200, 780, 18), cjkLine('完成投资12.5亿元。', 72, 700)].join('\n')],
      {
        cjkFont: true,
      },
    );
    const r = await importReport({ name: 'cmap.pdf', bytes });
    expect(r.title).toBe('上半年工作总结');
    expect(r.stats[0]).toMatchObject({ value: 12.5, unit: '亿元' });
  });
});

describe('pdf layout rules', () => {
  const run = (text: string, x: number, y: number, width = text.length * 12, size = 12): TextRun => ({
    text,
    x,
    y,
    width,
    size,
  });

  it('removes the spaces extraction puts between Chinese and digits', () => {
    expect(tidySpaces('完成投资 428.6 亿元 ， 增长 8.3 % 。')).toBe('完成投资428.6亿元，增长8.3%。');
    expect(tidySpaces('GDP 增长 5 %')).toBe('GDP 增长5%');
    expect(tidySpaces('big data platform')).toBe('big data platform');
  });

  it('rejoins wrapped lines and starts a paragraph at an indent or a short last line', () => {
    const lines = [
      run('　　第一段第一行文字很长很长很长很长很长', 96, 700, 400),
      run('第一段第二行。', 72, 684, 84),
      run('第二段开头', 96, 668, 400),
      run('第二段结尾。', 72, 652, 72),
    ];
    expect(pagesToRawBlocks([{ runs: lines }]).map((b) => (b.type === 'text' ? b.text : ''))).toEqual([
      '第一段第一行文字很长很长很长很长很长第一段第二行。',
      '第二段开头第二段结尾。',
    ]);
  });

  it('drops page numbers and a running header repeated on every page', () => {
    const page = (n: number) => ({
      runs: [run('某区工作简报', 250, 800), run(`第${n}页正文内容。`, 96, 700), run(`— ${n} —`, 280, 40)],
    });
    const out = pagesToRawBlocks([page(1), page(2), page(3)]).map((b) => (b.type === 'text' ? b.text : ''));
    expect(out).toEqual(['第1页正文内容。', '第2页正文内容。', '第3页正文内容。']);
  });
});
