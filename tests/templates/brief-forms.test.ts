import { describe, expect, it } from 'vitest';
import { docToDocx } from '../../main/export/docx';
import { briefForm, briefForms } from '../../templates/brief/blocks';
import { MIN_PICTURE_SCALE, paginateBrief } from '../../templates/brief/paginate';
import { typeArea } from '../../templates/brief/schema';
import { emptyFields, type Doc, type DocBlock } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { renderBrief } from '../../templates/render/brief';
import { makePng } from '../helpers/brief-report';
import { attrOf, find, findAll, paragraphs, readDocx } from '../helpers/ooxml';

const registry = builtinRegistry();
const gbt = registry.get('brief', 'gbt9704');
const pngOf = (w: number, h: number): string => Buffer.from(makePng(w, h)).toString('base64');

const BLOCKS: DocBlock[] = [
  { kind: 'heading', level: 1, number: '一、', text: '经济运行总体平稳', itemId: 'h1' },
  { kind: 'point', lead: '工业生产稳步回升', text: '规上工业增加值\n同比增长5.2%。' },
  { kind: 'paragraph', text: '全区上下坚持稳中求进。' },
  { kind: 'quote', text: '发展是第一要务。' },
  {
    kind: 'image',
    number: 1,
    caption: '临川县产业园一角',
    image: { mime: 'image/png', data: pngOf(400, 300) },
  },
  {
    kind: 'table',
    number: 1,
    caption: '重点项目进展',
    rows: [
      ['项目', '进度'],
      ['云溪大桥', '主体完工'],
    ],
  },
  {
    kind: 'stats',
    number: 2,
    caption: '主要数据',
    stats: [
      {
        statId: 'a',
        value: '6.5',
        unit: '%',
        label: '地区生产总值',
        sentence: '地区生产总值增长6.5%左右。',
        prefix: '增长',
        suffix: '左右',
        tag: '目标',
      },
      {
        statId: 'b',
        value: '1000',
        unit: '万元',
        label: '税收收入',
        sentence: '税收收入超1000万元。',
        prefix: '超',
      },
    ],
  },
];

describe('the brief’s block forms: decided once, drawn by the preview and the .docx', () => {
  it('builds the 序号/指标/数值 table with each number as compose wrote it and a target marked', () => {
    const form = briefForm(BLOCKS[6]!, gbt);
    if (form.kind !== 'table') throw new Error('a statistics block is a table');
    expect(form.caption).toBe('表2　主要数据');
    expect(form.rows).toEqual([
      ['序号', '指标', '数值'],
      ['1', '地区生产总值（目标）', '增长6.5%左右'],
      ['2', '税收收入', '超1000万元'],
    ]);
    expect(form.center).toEqual([0, 2]);
    expect(form.sources).toEqual(['地区生产总值增长6.5%左右。', '税收收入超1000万元。']);
  });

  it('numbers headings and captions, sets a point’s lead-in apart, and keeps no line break inside a paragraph', () => {
    const [heading, point, , , figure, table] = briefForms(
      { templateId: 'gbt9704', fields: emptyFields(), blocks: BLOCKS },
      gbt,
    );
    expect(heading).toMatchObject({ kind: 'heading', level: 1, text: '一、经济运行总体平稳', itemId: 'h1' });
    expect(point).toEqual({
      kind: 'paragraph',
      style: 'body',
      runs: [
        { text: '工业生产稳步回升。', bold: true },
        { text: '规上工业增加值同比增长5.2%。', bold: false },
      ],
    });
    expect(figure).toMatchObject({ kind: 'figure', caption: '图1　临川县产业园一角', missing: null });
    // two four-character columns: equal widths, from their content
    expect(table).toMatchObject({ caption: '表1　重点项目进展', right: [] });
    expect(table?.kind === 'table' && table.shares[0] === table.shares[1]).toBe(true);
  });

  it('sizes a picture as made at 96 dpi, never wider than the type area nor taller than half of it', () => {
    const small = briefForm(
      { kind: 'image', number: 1, caption: '', image: { mime: 'image/png', data: pngOf(200, 100) } },
      gbt,
    );
    expect(small.kind === 'figure' && small.picture).toMatchObject({ widthTwips: 3000, heightTwips: 1500 });
    const tall = briefForm(
      { kind: 'image', number: 1, caption: '', image: { mime: 'image/png', data: pngOf(300, 3000) } },
      gbt,
    );
    if (tall.kind !== 'figure' || !tall.picture) throw new Error('a PNG is placed');
    expect(tall.picture.heightTwips).toBeLessThanOrEqual(typeArea(gbt).height / 2);
    expect(tall.picture.widthTwips / tall.picture.heightTwips).toBeCloseTo(0.1, 2);
  });

  it('gives the preview and the Word file the same texts in the same order', async () => {
    const doc: Doc = { templateId: 'gbt9704', fields: emptyFields(), blocks: BLOCKS };
    const word = paragraphs(readDocx(await docToDocx(doc, gbt)).document)
      .map((p) => p.text)
      .filter(Boolean);
    const html = renderBrief(doc, gbt, { bodyOnly: true });
    const preview = [...html.matchAll(/<(p|th|td|figcaption)\b[^>]*>([\s\S]*?)<\/\1>/g)]
      .map((m) =>
        (m[2] ?? '')
          .replace(/<[^>]*>/g, '')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&'),
      )
      .filter(Boolean);
    expect(preview).toEqual(word);
    expect(word).toContain('增长6.5%左右');
  });
});

describe('tables in a brief', () => {
  const tableBlock = (rows: string[][]): DocBlock => ({
    kind: 'table',
    number: 1,
    caption: '主要指标',
    rows,
  });
  const formOf = (rows: string[][]) => {
    const f = briefForm(tableBlock(rows), gbt);
    if (f.kind !== 'table') throw new Error('not a table');
    return f;
  };
  const width = typeArea(gbt).width;
  /** a cell's text width at the table's 12 pt, twips */
  const textTwips = (s: string): number => [...s].length * 240;

  it('sizes columns by their content when all fit, and sets the number columns right', () => {
    const f = formOf([
      ['指标', '单位', '上半年', '增速'],
      ['规模以上工业增加值', '亿元', '1,236.5', '6.5%'],
      ['社会消费品零售总额', '亿元', '842.1', '-1.2%'],
      ['一般公共预算收入', '亿元', '—', '3.0个百分点'],
    ]);
    const total = f.shares.reduce((a, b) => a + b, 0);
    const widths = f.shares.map((s) => (s / total) * width);
    // the first column takes its longest name whole; the 「亿元」 column stays narrow
    expect(widths[0]).toBeGreaterThan(textTwips('规模以上工业增加值') + 160);
    expect(widths[1]).toBeLessThan(widths[0]! / 2);
    expect(f.right).toEqual([2, 3]);
  });

  it('keeps the first column unwrapped and lets the long text column wrap when they do not all fit', () => {
    const long = '新建城市主干道四点二公里，同步实施雨污分流、综合管廊和两侧绿化提升工程，年内完成路基施工';
    const f = formOf([
      ['项目名称', '建设内容', '投资（亿元）'],
      ['青禾大道改造工程', long, '12.5'],
      ['云溪湿地公园', '生态修复和游步道', '3.8'],
    ]);
    const total = f.shares.reduce((a, b) => a + b, 0);
    const widths = f.shares.map((s) => (s / total) * width);
    expect(widths[0]).toBeGreaterThanOrEqual(textTwips('青禾大道改造工程') + 160);
    expect(widths[2]).toBeGreaterThanOrEqual(textTwips('12.5') / 2 + 160);
    expect(widths[1]).toBeGreaterThan(width / 2);
    expect(f.right).toEqual([2]);
  });

  it('writes the same widths and alignments into the .docx and the preview', async () => {
    const rows = [
      ['指标', '单位', '上半年'],
      ['规模以上工业增加值', '亿元', '1,236.5'],
    ];
    const doc: Doc = { templateId: 'gbt9704', fields: { ...emptyFields() }, blocks: [tableBlock(rows)] };
    const d = readDocx(await docToDocx(doc, gbt));
    const grid = findAll(d.document, 'w:gridCol').map((g) => Number(g.attrs['w:w']));
    expect(new Set(grid).size).toBe(3);
    const f = formOf(rows);
    const total = f.shares.reduce((a, b) => a + b, 0);
    grid.forEach((w, c) => expect(Math.abs(w - (width * f.shares[c]!) / total)).toBeLessThanOrEqual(1));
    const cell = paragraphs(d.document).find((p) => p.text === '1,236.5')!;
    expect(attrOf(cell.pPr, 'w:jc', 'w:val')).toBe('right');
    expect(attrOf(paragraphs(d.document).find((p) => p.text === '上半年')!.pPr, 'w:jc', 'w:val')).toBe(
      'center',
    );
    expect(renderBrief(doc, gbt)).toContain('<td class="brief-right">1,236.5</td>');
  });
});

describe('a picture that does not fit under the text', () => {
  const para = (n: number): DocBlock[] =>
    Array.from({ length: n }, () => ({
      kind: 'paragraph' as const,
      text: '全区经济运行总体平稳，主要指标好于预期。'.repeat(3),
    }));
  const picture: DocBlock = {
    kind: 'image',
    number: 1,
    caption: '云溪湿地公园',
    image: { mime: 'image/png', data: pngOf(600, 800) },
  };
  const docOf = (n: number): Doc => ({
    templateId: 'gbt9704',
    fields: { ...emptyFields() },
    blocks: [...para(n), picture],
  });
  const height = typeArea(gbt).height;

  it('is scaled down to stay on the page rather than leave a third of it empty, the same in the .docx and the preview', async () => {
    // paragraphs of three lines: the most that leave at least a third of the page free
    const n = [...Array(8).keys()].reverse().find((k) => 3 * k * gbt.lineTwips <= (height * 2) / 3)!;
    const doc = docOf(n);
    const full = briefForms(doc, gbt)[n]!;
    const pages = paginateBrief(doc, gbt);
    expect(pages.count).toBe(1);
    const size = pages.pictures[n]!;
    expect(full.kind === 'figure' && full.picture!.heightTwips).toBeGreaterThan(size.heightTwips);
    expect(size.heightTwips).toBeGreaterThanOrEqual(
      (full.kind === 'figure' ? full.picture!.heightTwips : 0) * MIN_PICTURE_SCALE,
    );
    // the proportions kept, within a pixel
    expect(size.widthTwips / size.heightTwips).toBeCloseTo(600 / 800, 1);
    const d = readDocx(await docToDocx(doc, gbt));
    expect(find(d.document, 'wp:extent')?.attrs).toEqual({
      cx: String((size.widthTwips / 15) * 9525),
      cy: String((size.heightTwips / 15) * 9525),
    });
    expect(renderBrief(doc, gbt)).toContain(`height: ${size.heightTwips / 20}pt`);
  });

  it('moves to the next page whole when less than a third of the page is left', () => {
    const n = [...Array(12).keys()].find((k) => 3 * k * gbt.lineTwips > (height * 3) / 4)!;
    const pages = paginateBrief(docOf(n), gbt);
    expect(pages.pictures).toEqual({});
    expect(pages.count).toBe(2);
  });
});
