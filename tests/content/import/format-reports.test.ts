import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../../content/import';
import { pictureMime } from '../../../content/import/pictures';
import { ReportSchema, type Report, type Section } from '../../../content/model/report';
import { base64ToBytes } from '../../../content/util/wire';
import { runCli, type CliIO } from '../../../main/cli';
import { folderSiblings } from '../../../main/sibling-files';
import {
  NUMBERED_DOCX,
  TABLE_FIGURE,
  TABLE_FIGURE_TEXT,
  TWO_COLUMN,
  TWO_COLUMN_SENTENCES,
  chartPng,
  numberedReportDocx,
  type Expected,
} from '../../fixtures/import-formats/reports';
import { ROOT } from '../../helpers/paths';

/**
 * One realistic report of each kind this importer reads structure from (Word with automatic
 * numbering, Markdown with a # title, a two-column PDF, a PDF with a table and a figure), each
 * measured on its headings: precision, recall and levels against what a reader sees in it.
 */

const DIR = join(ROOT, 'tests', 'fixtures', 'import-formats');
const MARKDOWN: Expected = {
  title: '云溪市文化和旅游局2024年上半年工作总结',
  outline: [
    '1:主要工作成效',
    '2:文旅市场加快复苏',
    '2:公共文化服务提质增效',
    '1:存在的问题',
    '1:下半年工作打算',
    '2:做强文旅品牌',
    '2:守牢安全底线',
  ],
};

const outline = (sections: readonly Section[]): string[] =>
  sections.flatMap((s) => (s.id === 's-intro' ? [] : [`${s.level}:${s.title}`, ...outline(s.sections)]));
const titles = (o: readonly string[]): string[] => o.map((h) => h.slice(h.indexOf(':') + 1));

/** Heading precision and recall by title, and the share of found headings at the right level. */
function measure(report: Report, expected: Expected): { precision: number; recall: number; levels: number } {
  const got = outline(report.sections);
  const want = new Set(titles(expected.outline));
  const found = titles(got).filter((t) => want.has(t));
  const rightLevel = got.filter((h) => expected.outline.includes(h));
  return {
    precision: got.length ? found.length / got.length : 0,
    recall: want.size ? new Set(found).size / want.size : 0,
    levels: found.length ? rightLevel.length / found.length : 0,
  };
}

const file = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DIR, name)));
const texts = (r: Report): string[] => r.raw.flatMap((b) => (b.type === 'text' ? [b.text] : []));

function expectGood(report: Report, expected: Expected): void {
  expect(ReportSchema.parse(report)).toEqual(report);
  expect(report.title).toBe(expected.title);
  const m = measure(report, expected);
  expect(m.precision).toBeGreaterThanOrEqual(0.97);
  expect(m.recall).toBeGreaterThanOrEqual(0.97);
  expect(m.levels).toBeGreaterThanOrEqual(0.97);
}

describe('a Word report numbered by Word itself (一、 from a style, （一） and 1. from list levels)', () => {
  it('imports its headings at their levels with the numbers Word shows', async () => {
    const r = await importReport({ name: 'numbered.docx', bytes: await numberedReportDocx() });
    expectGood(r, NUMBERED_DOCX);
    expect(outline(r.sections)).toEqual(NUMBERED_DOCX.outline);
    const numbers = (sections: readonly Section[]): string[] =>
      sections.flatMap((s) => (s.id === 's-intro' ? [] : [s.number ?? '', ...numbers(s.sections)]));
    expect(numbers(r.sections)).toEqual([
      '一、',
      '（一）',
      '1.',
      '2.',
      '（二）',
      '1.',
      '2.',
      '二、',
      '（一）',
      '（二）',
      '三、',
      '（一）',
      '1.',
      '2.',
      '（二）',
      '四、',
    ]);
  });

  it('gives a numbered list its numbers as the points’ markers, restarting where the list does', async () => {
    const r = await importReport({ name: 'numbered.docx', bytes: await numberedReportDocx() });
    const items = texts(r).filter((t) => /^[①②③]/.test(t));
    expect(items.map((t) => t.slice(0, 1))).toEqual(['①', '②', '③', '①', '②']);
    expect(items[0]).toBe('① 举办“乐购青禾”促消费活动36场，带动销售额4.2亿元。');
    expect(r.stats.map((s) => `${s.value}${s.unit}`)).toEqual(
      expect.arrayContaining(['36场', '4.2亿元', '1.6万个']),
    );
  });
});

describe('a Markdown report with a # title, nested lists, a table and a picture beside it', () => {
  it('reads its structure as an editor shows it and loads the picture from its folder', async () => {
    const path = join(DIR, 'report.md');
    const r = await importReport({
      name: 'report.md',
      bytes: file('report.md'),
      siblings: folderSiblings(path),
    });
    expectGood(r, MARKDOWN);
    const picture = r.figures.find((f) => f.kind === 'image');
    expect(picture?.caption).toBe('图1 上半年月度游客接待量');
    const asset = r.assets[picture?.assetId ?? ''];
    expect(asset?.mime).toBe('image/png');
    expect(base64ToBytes(asset?.data ?? '')).toEqual(file('images/chart.png'));
    expect(r.figures.find((f) => f.kind === 'table')).toMatchObject({
      caption: '表1 上半年主要指标完成情况',
      rows: [
        ['指标', '完成值', '同比增长'],
        ['接待游客（万人次）', '1862.4', '23.6%'],
        ['旅游总收入（亿元）', '196.8', '27.1%'],
        ['文化产业增加值（亿元）', '41.2', '9.8%'],
      ],
    });
    // the HTML comment is not text; the nested items and the loose item's second paragraph are
    expect(texts(r).some((t) => t.includes('内部稿'))).toBe(false);
    expect(texts(r)).toEqual(
      expect.arrayContaining([
        '春季赏花线路4条，接待游客86万人次；',
        '1. 开展“文化进万家”惠民演出620场次。',
        '其中送戏下乡380场，覆盖全部行政村。',
        '2. 免费开放博物馆、美术馆等场馆17个，接待观众96.7万人次。',
      ]),
    );
  });

  it('without its folder (dropped or pasted bytes) keeps the figure and says its picture is missing', async () => {
    const r = await importReport({ name: 'report.md', bytes: file('report.md') });
    const picture = r.figures.find((f) => f.kind === 'image');
    expect(picture?.assetId).toBeUndefined();
    expect(picture?.missing).toMatch(/图片未载入/);
    expect(Object.keys(r.assets)).toEqual([]);
  });
});

describe('a two-column PDF printed by LibreOffice', () => {
  it('reads each column down, every sentence whole, the title across the page above them', async () => {
    const r = await importReport({ name: 'two-column.pdf', bytes: file('two-column.pdf') });
    expectGood(r, TWO_COLUMN);
    const all = texts(r).join('\n');
    for (const sentence of TWO_COLUMN_SENTENCES) expect(all).toContain(sentence);
    // the columns in order: the last sentence of the left column comes before the right's first
    expect(all.indexOf(TWO_COLUMN_SENTENCES[4])).toBeLessThan(all.indexOf(TWO_COLUMN_SENTENCES[5]));
  });
});

describe('a PDF with a table, a chart and quoted terms, printed by LibreOffice', () => {
  it('keeps the quotes where they stand, the table with its 表1 caption and the chart with its 图1 caption', async () => {
    const r = await importReport({ name: 'table-figure.pdf', bytes: file('table-figure.pdf') });
    expectGood(r, TABLE_FIGURE);
    expect(texts(r)).toContain(TABLE_FIGURE_TEXT.quoted);
    const table = r.figures.find((f) => f.kind === 'table');
    expect(table?.caption.replace(/\s/g, '')).toBe(TABLE_FIGURE_TEXT.tableCaption.replace(/\s/g, ''));
    expect(table?.rows).toEqual(TABLE_FIGURE_TEXT.rows);
    const chart = r.figures.find((f) => f.kind === 'image');
    expect(chart?.caption).toBe(TABLE_FIGURE_TEXT.figureCaption);
    const png = base64ToBytes(r.assets[chart?.assetId ?? '']?.data ?? '');
    expect(pictureMime(png)).toBe('image/png');
    // the picture's own size, as drawn into the document
    const view = new DataView(png.buffer, png.byteOffset);
    const source = new DataView(chartPng().buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([source.getUint32(16), source.getUint32(20)]);
  });

  it('reads the quoted line as pdftotext does', async () => {
    const plain = execFileSync('pdftotext', [join(DIR, 'table-figure.pdf'), '-'], { encoding: 'utf8' });
    const theirs = plain.replace(/\s/g, '');
    expect(theirs).toContain(TABLE_FIGURE_TEXT.quoted.replace(/\s/g, ''));
    const r = await importReport({ name: 'table-figure.pdf', bytes: file('table-figure.pdf') });
    expect(texts(r).join('')).toContain(TABLE_FIGURE_TEXT.quoted);
  });
});

describe('briefing inspect FILE --json on these reports', () => {
  const run = async (path: string): Promise<Report> => {
    const io: CliIO & { out: string; err: string } = {
      out: '',
      err: '',
      cwd: ROOT,
      stdout: (t) => {
        io.out += t;
      },
      stderr: (t) => {
        io.err += t;
      },
    };
    expect(await runCli(['inspect', path, '--json'], io)).toBe(0);
    expect(io.err).toBe('');
    return JSON.parse(io.out) as Report;
  };

  it('shows each report’s title, headings and figures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-inspect-'));
    const docx = join(dir, '自动编号.docx');
    writeFileSync(docx, await numberedReportDocx());
    for (const [path, expected] of [
      [docx, NUMBERED_DOCX],
      [join(DIR, 'report.md'), MARKDOWN],
      [join(DIR, 'two-column.pdf'), TWO_COLUMN],
      [join(DIR, 'table-figure.pdf'), TABLE_FIGURE],
    ] as const) {
      const shown = await run(path);
      expect(shown.title).toBe(expected.title);
      expect(outline(shown.sections)).toEqual(expected.outline);
    }
    // the command line opens a Markdown file from its folder, so its picture is there
    const md = await run(join(DIR, 'report.md'));
    expect(md.figures.find((f) => f.kind === 'image')?.assetId).toBeTruthy();
    const pdf = await run(join(DIR, 'table-figure.pdf'));
    expect(pdf.figures.map((f) => f.kind).sort()).toEqual(['image', 'table']);
  });
});
