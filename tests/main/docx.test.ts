import { beforeAll, describe, expect, it } from 'vitest';
import { composeDoc } from '../../content/compose/doc';
import type { BriefingItem, ItemRef } from '../../content/model/briefing';
import { docToDocx } from '../../main/export/docx';
import { builtinRegistry } from '../../templates/registry';
import { emptyFields, type Doc } from '../../templates/model';
import { briefBriefing, briefReport, FULL_FIELDS, makePng } from '../helpers/brief-report';
import {
  attrOf,
  find,
  findAll,
  paragraphs,
  readDocx,
  rightAlignedStart,
  textOf,
  type ReadParagraph,
  type XNode,
} from '../helpers/ooxml';

/**
 * The model-to-OOXML stage, read back as XML: every number the official formats fix is checked
 * where Word reads it (fonts in w:rFonts, sizes in half points, twips in w:pgMar, w:docGrid,
 * w:ind, borders in eighths of a point).
 */

const registry = builtinRegistry();
const report = briefReport();
const ref = (type: ItemRef['type'], id: string, extra: Partial<BriefingItem> = {}): BriefingItem => ({
  id: `i-${type}-${id}`,
  ref: { type, id },
  ...extra,
});
/** Every kind of block: four heading levels, points, a paragraph, a quote, a picture, a table, a statistics table. */
const ALL_ITEMS: BriefingItem[] = [
  ref('section', 'theory'),
  ref('block', 'theory-p1'),
  ref('section', 'theory-a'),
  ref('block', 'theory-a-p1'),
  ref('section', 'theory-a-1'),
  ref('section', 'theory-a-1-i'),
  ref('section', 'economy'),
  ref('block', 'economy-p'),
  ref('block', 'intro-p', { style: 'quote' }),
  ref('block', 'economy-fig'),
  ref('block', 'economy-tab'),
  ref('stat', 'st1'),
  ref('stat', 'st2'),
];

type Read = ReturnType<typeof readDocx> & {
  paras: ReadParagraph[];
  sectPr: XNode;
  footerFor: (t: string) => XNode;
};

async function build(template: string, fields: Partial<Doc['fields']> = FULL_FIELDS): Promise<Read> {
  const doc = composeDoc(report, briefBriefing(template, ALL_ITEMS, fields));
  const bytes = await docToDocx(doc, registry.get('brief', template));
  const read = readDocx(bytes);
  const sectPr = find(read.document, 'w:sectPr');
  if (!sectPr) throw new Error('no w:sectPr');
  const targets = new Map(findAll(read.rels, 'Relationship').map((r) => [r.attrs.Id, r.attrs.Target]));
  const footerFor = (type: string): XNode => {
    const refNode = findAll(sectPr, 'w:footerReference').find((f) => f.attrs['w:type'] === type);
    const target = refNode ? targets.get(refNode.attrs['r:id']) : undefined;
    const footer = target ? read.footers[`word/${target}`] : undefined;
    if (!footer) throw new Error(`no ${type} footer`);
    return footer;
  };
  return { ...read, paras: paragraphs(read.document), sectPr, footerFor };
}

const para = (r: Read, pred: (p: ReadParagraph) => boolean): ReadParagraph => {
  const found = r.paras.find(pred);
  if (!found) throw new Error('paragraph not found');
  return found;
};
const starting = (r: Read, text: string): ReadParagraph => para(r, (p) => p.text.startsWith(text));
const fontsOf = (p: ReadParagraph, run = 0): Record<string, string> =>
  p.runs[run]?.rPr?.children.find((c) => c.name === 'w:rFonts')?.attrs ?? {};
const sizeOf = (p: ReadParagraph, run = 0): string | undefined => attrOf(p.runs[run]?.rPr, 'w:sz', 'w:val');
const isBold = (p: ReadParagraph, run = 0): boolean =>
  isOn(p.runs[run]?.rPr?.children.find((c) => c.name === 'w:b'));
/** An OOXML on/off element: present and not w:val="false"/"0". */
const isOn = (node: XNode | undefined): boolean =>
  node !== undefined && node.attrs['w:val'] !== 'false' && node.attrs['w:val'] !== '0';
const pAttr = (p: ReadParagraph, name: string, attr: string): string | undefined =>
  p.pPr?.children.find((c) => c.name === name)?.attrs[attr];
const border = (p: ReadParagraph, side: 'top' | 'bottom'): Record<string, string> | undefined =>
  p.pPr?.children.find((c) => c.name === 'w:pBdr')?.children.find((c) => c.name === `w:${side}`)?.attrs;

/** The 版记/报尾: the one floating table of a brief. */
function colophonTable(r: Read): XNode {
  const floating = findAll(r.document, 'w:tbl').filter((t) => find(t, 'w:tblpPr'));
  expect(floating).toHaveLength(1);
  return floating[0]!;
}

describe('a gbt9704 brief in OOXML', () => {
  let r: Read;
  beforeAll(async () => {
    r = await build('gbt9704');
  });

  it('is A4 with margins 37/35/28/26 mm: 2098 / 1984 / 1588 / 1474 twips', () => {
    expect(find(r.sectPr, 'w:pgSz')?.attrs).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(find(r.sectPr, 'w:pgMar')?.attrs).toMatchObject({
      'w:top': '2098',
      'w:bottom': '1984',
      'w:left': '1588',
      'w:right': '1474',
      'w:footer': '1267',
    });
  });

  it('has a line grid of pitch 579, 22 lines in the 12756-twip type area', () => {
    expect(find(r.sectPr, 'w:docGrid')?.attrs).toEqual({ 'w:type': 'lines', 'w:linePitch': '579' });
  });

  it('sets body text in 16 pt 仿宋_GB2312 with Times New Roman for Latin, exact 579 lines, 2-character indent both ways', () => {
    const p = starting(r, '上半年引进内资');
    expect(fontsOf(p)).toMatchObject({
      'w:eastAsia': '仿宋_GB2312',
      'w:ascii': 'Times New Roman',
      'w:hAnsi': 'Times New Roman',
    });
    expect(sizeOf(p)).toBe('32');
    expect(p.pPr?.children.find((c) => c.name === 'w:spacing')?.attrs).toMatchObject({
      'w:line': '579',
      'w:lineRule': 'exact',
    });
    expect(pAttr(p, 'w:ind', 'w:firstLineChars')).toBe('200');
    // LibreOffice ignores firstLineChars: two characters of 16 pt less the grid squeeze, 2 × 315
    expect(pAttr(p, 'w:ind', 'w:firstLine')).toBe('630');
    // 28 characters to a line: each body character 0.25 pt narrower (w:spacing −5 twips)
    expect(attrOf(p.runs[0]?.rPr, 'w:spacing', 'w:val')).toBe('-5');
    expect(pAttr(p, 'w:jc', 'w:val')).toBe('both');
  });

  it('centres the title in 22 pt 方正小标宋简体 and the subtitle under it with one dash', () => {
    const title = starting(r, FULL_FIELDS.title);
    expect(fontsOf(title)['w:eastAsia']).toBe('方正小标宋简体');
    expect(sizeOf(title)).toBe('44');
    expect(pAttr(title, 'w:jc', 'w:val')).toBe('center');
    expect(pAttr(title, 'w:ind', 'w:firstLineChars')).toBeUndefined();
    const sub = starting(r, '——在区委六届三次全会上的汇报');
    expect(fontsOf(sub)['w:eastAsia']).toBe('楷体_GB2312');
  });

  it('numbers and fonts headings: 一、 黑体, （一） 楷体_GB2312, 1. and （1） 仿宋_GB2312, all 16 pt and indented', () => {
    const cases: Array<[string, string]> = [
      ['一、抓好理论武装', '黑体'],
      ['（一）强化思想武装', '楷体_GB2312'],
      ['1.健全包保机制', '仿宋_GB2312'],
      ['（1）梳理实事清单', '仿宋_GB2312'],
      ['二、稳住经济运行基本盘', '黑体'],
    ];
    for (const [text, face] of cases) {
      const p = para(r, (x) => x.text === text);
      expect(fontsOf(p)['w:eastAsia'], text).toBe(face);
      expect(fontsOf(p)['w:ascii'], text).toBe('Times New Roman');
      expect(sizeOf(p), text).toBe('32');
      expect(pAttr(p, 'w:ind', 'w:firstLineChars'), text).toBe('200');
      expect(pAttr(p, 'w:ind', 'w:firstLine'), text).toBe('630');
    }
  });

  it('sets a point with its lead-in in bold and the rest plain', () => {
    const p = starting(r, '一是坚持“第一议题”制度。');
    expect(p.runs[0]?.text).toBe('一是坚持“第一议题”制度。');
    expect(isBold(p, 0)).toBe(true);
    expect(isBold(p, 1)).toBe(false);
    expect(fontsOf(p, 1)['w:eastAsia']).toBe('仿宋_GB2312');
  });

  it('names the font on every run and never uses theme fonts, in the document, styles and footers', () => {
    const parts = [r.document, r.styles, ...Object.values(r.footers)];
    for (const part of parts)
      for (const fonts of findAll(part, 'w:rFonts'))
        expect(Object.keys(fonts.attrs).filter((a) => /Theme$/i.test(a))).toEqual([]);
    for (const part of [r.document, ...Object.values(r.footers)])
      for (const run of findAll(part, 'w:r').filter((x) => find(x, 'w:t'))) {
        const fonts = find(run, 'w:rFonts')?.attrs ?? {};
        expect(fonts['w:eastAsia'], textOf(run)).toBeTruthy();
        expect(fonts['w:ascii'], textOf(run)).toBeTruthy();
        expect(fonts['w:hAnsi'], textOf(run)).toBeTruthy();
      }
  });

  it('defaults the document and the Normal style to 16 pt 仿宋_GB2312, and the theme to the template fonts', () => {
    const defaults = find(r.styles, 'w:rPrDefault');
    expect(attrOf(defaults, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attrOf(defaults, 'w:rFonts', 'w:ascii')).toBe('Times New Roman');
    expect(attrOf(defaults, 'w:sz', 'w:val')).toBe('32');
    const normal = findAll(r.styles, 'w:style').find((s) => s.attrs['w:styleId'] === 'Normal');
    expect(attrOf(normal, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attrOf(normal, 'w:sz', 'w:val')).toBe('32');
    const theme = r.xml['word/theme/theme1.xml'] ?? '';
    expect(theme).toContain('<a:ea typeface="仿宋_GB2312"/>');
    expect(theme).not.toContain('typeface="Calibri"');
  });

  it('prints page numbers 「— N —」 in 14 pt 宋体: odd pages right, even pages left, one character in', () => {
    expect(isOn(find(r.settings, 'w:evenAndOddHeaders'))).toBe(true);
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const [p] = paragraphs(r.footerFor(type));
      if (!p) throw new Error('empty footer');
      expect(pAttr(p, 'w:jc', 'w:val'), type).toBe(side);
      expect(pAttr(p, 'w:ind', `w:${side}`), type).toBe('280');
      expect(p.text).toBe('—  —');
      expect(p.runs[0]?.text).toBe('— ');
      expect(p.runs[p.runs.length - 1]?.text).toBe(' —');
      expect(findAll(p.node, 'w:instrText').map((i) => i.text.trim())).toEqual(['PAGE']);
      for (const run of p.runs) {
        expect(attrOf(run.rPr, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
        expect(attrOf(run.rPr, 'w:rFonts', 'w:ascii')).toBe('宋体');
        expect(attrOf(run.rPr, 'w:sz', 'w:val')).toBe('28');
      }
    }
  });

  it('heads the first page with the red mark 35 mm down, the 发文字号 and a full-width red rule 4 mm under it', () => {
    const mark = r.paras[0]!;
    expect(mark.text).toBe(FULL_FIELDS.unit);
    expect(fontsOf(mark)['w:eastAsia']).toBe('方正小标宋简体');
    expect(attrOf(mark.runs[0]?.rPr, 'w:color', 'w:val')).toBe('FF0000');
    expect(sizeOf(mark)).toBe('72');
    expect(pAttr(mark, 'w:spacing', 'w:before')).toBe('1984');
    expect(pAttr(mark, 'w:jc', 'w:val')).toBe('center');
    const number = r.paras[1]!;
    expect(number.text).toBe('绿府办〔2022〕12号');
    expect(border(number, 'bottom')).toMatchObject({
      'w:val': 'single',
      'w:color': 'FF0000',
      'w:sz': '12',
      'w:space': '11',
    });
    // a paragraph border spans the type area: no side indent on the ruled paragraph
    expect(number.pPr?.children.find((c) => c.name === 'w:ind')).toBeUndefined();
  });

  it('addresses the 主送 flush left after the title', () => {
    const p = para(r, (x) => x.text === '各街道办事处，区政府各部门：');
    expect(p.pPr?.children.find((c) => c.name === 'w:ind')).toBeUndefined();
  });

  it('signs with the unit two characters in and the date, normalised, two characters right of it', () => {
    const unit = para(r, (x) => x.text === FULL_FIELDS.unit && pAttr(x, 'w:jc', 'w:val') === 'right');
    expect(pAttr(unit, 'w:ind', 'w:right')).toBe('630');
    const date = para(r, (x) => x.text === '2022年7月5日');
    expect(pAttr(date, 'w:jc', 'w:val')).toBe('right');
    // counted as it renders: the date's first character two cells (of 315 twips on the grid)
    // right of the unit's first, its half-width digits and every character's grid spacing included
    expect(rightAlignedStart(date) - rightAlignedStart(unit)).toBeCloseTo(2 * 315, 0);
    expect(r.paras.some((x) => x.text.includes('07月'))).toBe(false);
  });

  it('closes with the 版记: 抄送 and 印发 in 14 pt between a thick first and last rule and a thin one', () => {
    const block = colophonTable(r);
    const rows = findAll(block, 'w:tr').map((row) => paragraphs(row));
    expect(rows.map((ps) => ps.map((p) => p.text))).toEqual([
      [`抄送：${FULL_FIELDS.cc}。`],
      [`${FULL_FIELDS.printedBy}2022年7月5日印发`],
    ]);
    const [cc, printed] = rows.map((ps) => ps[0]!);
    expect(sizeOf(cc!)).toBe('28');
    expect(
      find(block, 'w:tblBorders')?.children.map((b) => [b.name, b.attrs['w:val'], b.attrs['w:sz']]),
    ).toEqual([
      ['w:top', 'single', '8'],
      ['w:left', 'none', '0'],
      ['w:bottom', 'single', '8'],
      ['w:right', 'none', '0'],
      ['w:insideH', 'single', '6'],
      ['w:insideV', 'none', '0'],
    ]);
    // set in one character (14 pt) from each side inside the full-width rules
    expect(pAttr(cc!, 'w:ind', 'w:left')).toBe('280');
    expect(pAttr(cc!, 'w:ind', 'w:right')).toBe('280');
    // the date against the right side by a right tab stop one character in
    expect(printed!.runs.flatMap((x) => findAll(x.node, 'w:tab'))).toHaveLength(1);
    expect(attrOf(printed!.pPr, 'w:tab', 'w:pos')).toBe(String(8844 - 280));
    // nothing after it but the empty paragraph the floating table belongs to
    expect(r.paras[r.paras.length - 1]!.text).toBe('');
    expect(r.paras[r.paras.length - 2]!.text).toBe(printed!.text);
  });

  it('stands the 版记 at the foot of the type area, as wide as the type area', () => {
    const block = colophonTable(r);
    // floating: its bottom on the bottom margin, its left edge on the left margin (from the page,
    // which LibreOffice needs to float a table as wide as the text)
    expect(find(block, 'w:tblpPr')?.attrs).toMatchObject({
      'w:vertAnchor': 'margin',
      'w:tblpYSpec': 'bottom',
      'w:horzAnchor': 'page',
      'w:tblpX': '1588',
      'w:topFromText': '579',
    });
    expect(attrOf(block, 'w:tblW', 'w:w')).toBe('8844');
    expect(attrOf(block, 'w:gridCol', 'w:w')).toBe('8844');
    expect(find(block, 'w:tblInd')).toBeUndefined();
    // no cell padding that would move the text or the rules
    const mar = find(find(block, 'w:tcMar')!, 'w:left');
    expect(mar?.attrs['w:w']).toBe('0');
  });

  it('captions figures 图1 and tables 表1 表2, with the picture embedded', () => {
    expect(r.paras.map((p) => p.text)).toEqual(
      expect.arrayContaining(['图1　西新镇裴家村田园综合体', '表1　上半年主要经济指标', '表2　主要数据']),
    );
    const media = Object.entries(r.files).filter(([f]) => /^word\/media\/.+\.png$/.test(f));
    expect(media).toHaveLength(1);
    // the picture's own bytes, not a stand-in
    expect(Buffer.from(media[0]![1]).toString('base64')).toBe(report.assets.a1!.data);
    const extent = find(r.document, 'wp:extent');
    // 400 × 300 px at 96 dpi in EMU
    expect(extent?.attrs).toEqual({ cx: String(400 * 9525), cy: String(300 * 9525) });
  });

  it('sets tables across the type area with a repeating header row', () => {
    const tables = findAll(r.document, 'w:tbl').filter((t) => !find(t, 'w:tblpPr'));
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      expect(attrOf(t, 'w:tblW', 'w:w')).toBe('8844');
      expect(find(findAll(t, 'w:tr')[0]!, 'w:tblHeader')).toBeDefined();
    }
    const cell = paragraphs(tables[0]!).find((p) => p.text === '地区生产总值')!;
    expect(fontsOf(cell)['w:eastAsia']).toBe('仿宋_GB2312');
    expect(sizeOf(cell)).toBe('24');
    expect(paragraphs(tables[1]!).map((p) => p.text)).toEqual([
      '序号',
      '指标',
      '数值',
      '1',
      '引进内资',
      '21.59亿元',
      '2',
      '固投',
      // the change is said with the number, as on a slide
      '增长2%',
    ]);
  });
});

describe('a bulletin in OOXML', () => {
  let r: Read;
  beforeAll(async () => {
    r = await build('bulletin');
  });

  it('heads with 「{unit}工作简报」 in large red 小标宋, narrowed to fit one line', () => {
    const mark = r.paras[0]!;
    expect(mark.text).toBe('绿园区人民政府办公室工作简报');
    expect(fontsOf(mark)['w:eastAsia']).toBe('方正小标宋简体');
    expect(attrOf(mark.runs[0]?.rPr, 'w:color', 'w:val')).toBe('FF0000');
    expect(sizeOf(mark)).toBe('84');
    expect(attrOf(mark.runs[0]?.rPr, 'w:w', 'w:val')).toBe('75');
  });

  it('puts 第N期 below, then the unit left and the date right over a thick red rule', () => {
    expect(r.paras[1]?.text).toBe('第12期');
    const info = r.paras[2]!;
    expect(info.text).toBe(`${FULL_FIELDS.unit}2022年7月5日`);
    expect(info.runs.flatMap((x) => findAll(x.node, 'w:tab'))).toHaveLength(1);
    expect(attrOf(info.pPr, 'w:tab', 'w:val')).toBe('right');
    expect(attrOf(info.pPr, 'w:tab', 'w:pos')).toBe('8844');
    expect(border(info, 'bottom')).toMatchObject({ 'w:color': 'FF0000', 'w:sz': '24' });
  });

  it('has the 按语 in 楷体 after the title', () => {
    const note = starting(r, '按：');
    expect(note.text).toBe(`按：${FULL_FIELDS.note}`);
    expect(fontsOf(note)['w:eastAsia']).toBe('楷体_GB2312');
    expect(isBold(note, 0)).toBe(true);
    expect(r.paras.indexOf(note)).toBeGreaterThan(r.paras.findIndex((p) => p.text === FULL_FIELDS.title));
  });

  it('ends with the 报尾: 报/送/发 and 「（共印N份）」 between rules, at the foot of the type area', () => {
    const block = colophonTable(r);
    expect(find(block, 'w:tblpPr')?.attrs).toMatchObject({
      'w:vertAnchor': 'margin',
      'w:tblpYSpec': 'bottom',
    });
    expect(attrOf(block, 'w:tblW', 'w:w')).toBe('8844');
    // the distribution lines share one row: the thick rule above them, the thin one (insideH) below
    const rows = findAll(block, 'w:tr').map((row) => paragraphs(row).map((p) => p.text));
    expect(rows).toEqual([
      ['报：市委办公厅，市政府办公厅。', '送：区委各部门。', '发：各街道、镇。'],
      ['（共印50份）'],
    ]);
    expect(attrOf(block, 'w:insideH', 'w:sz')).toBe('6');
    expect(attrOf(block, 'w:bottom', 'w:sz')).toBe('8');
    // the print run set right one character in, inside a rule that spans the type area
    const copies = paragraphs(findAll(block, 'w:tr')[1]!)[0]!;
    expect(pAttr(copies, 'w:jc', 'w:val')).toBe('right');
    expect(pAttr(copies, 'w:ind', 'w:right')).toBe('280');
  });

  it('has no signature block: the date is in the masthead', () => {
    expect(r.paras.filter((p) => p.text === '2022年7月5日')).toHaveLength(0);
  });
});

describe('a plain brief in OOXML', () => {
  it('has no masthead, grid or odd/even footers, and a centred page number', async () => {
    const r = await build('plain');
    expect(r.paras[0]?.text).toBe(FULL_FIELDS.title);
    expect(attrOf(r.sectPr, 'w:docGrid', 'w:type')).toBeUndefined();
    expect(isOn(find(r.settings, 'w:evenAndOddHeaders'))).toBe(false);
    expect(Object.keys(r.footers)).toHaveLength(1);
    const [p] = paragraphs(r.footerFor('default'));
    expect(pAttr(p!, 'w:jc', 'w:val')).toBe('center');
    // unit and date under the title
    expect(r.paras[2]?.text).toBe(`${FULL_FIELDS.unit}　2022年7月5日`);
  });
});

describe('writing awkward content', () => {
  it('drops characters XML cannot hold instead of writing a file Word refuses', async () => {
    const doc: Doc = {
      templateId: 'gbt9704',
      fields: { ...emptyFields(), title: 'bad\u0001title' },
      blocks: [{ kind: 'paragraph', text: 'a\u0000b\u000bc\ud800d' }],
    };
    const r = readDocx(await docToDocx(doc, registry.get('brief', 'gbt9704')));
    const texts = paragraphs(r.document).map((p) => p.text);
    expect(texts).toEqual(['badtitle', 'abcd']);
  });

  it('writes a brief with no title and no blocks as a valid empty document', async () => {
    const doc: Doc = { templateId: 'plain', fields: emptyFields(), blocks: [] };
    const r = readDocx(await docToDocx(doc, registry.get('brief', 'plain')));
    expect(findAll(r.document, 'w:p').length).toBeGreaterThan(0);
  });

  it('places a JPEG whose frame header follows fill bytes, as the slides do', async () => {
    // SOI, an APP0 segment, two fill bytes, then a baseline frame header of 640×480
    const jpeg = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x06, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xff, 0xff, 0xc0, 0x00, 0x11, 0x08,
      0x01, 0xe0, 0x02, 0x80, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    const doc: Doc = {
      templateId: 'gbt9704',
      fields: emptyFields(),
      blocks: [
        {
          kind: 'image',
          number: 1,
          caption: '夜景',
          image: { mime: 'image/jpeg', data: Buffer.from(jpeg).toString('base64') },
        },
      ],
    };
    const r = readDocx(await docToDocx(doc, registry.get('brief', 'gbt9704')));
    const extent = find(r.document, 'wp:extent')!;
    expect(Number(extent.attrs.cx) / Number(extent.attrs.cy)).toBeCloseTo(640 / 480, 2);
  });

  it('says so in its place when a picture cannot go into a Word file, instead of dropping it', async () => {
    // a lossless WebP of 30×20: browsers and the slides show it, Word 2016 and WPS do not
    const webp = Uint8Array.from([
      ...[0x52, 0x49, 0x46, 0x46, 0x1a, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
      ...[0x56, 0x50, 0x38, 0x4c, 0x0d, 0, 0, 0, 0x2f, 0x1d, 0xc0, 0x04, 0, 0, 0, 0, 0, 0],
    ]);
    const doc: Doc = {
      templateId: 'gbt9704',
      fields: emptyFields(),
      blocks: [
        {
          kind: 'image',
          number: 1,
          caption: '新厂房',
          image: { mime: 'image/webp', data: Buffer.from(webp).toString('base64') },
        },
      ],
    };
    const r = readDocx(await docToDocx(doc, registry.get('brief', 'gbt9704')));
    expect(find(r.document, 'wp:extent')).toBeUndefined();
    const texts = paragraphs(r.document).map((p) => p.text);
    expect(texts.some((t) => t.includes('WEBP') && t.includes('另行插入'))).toBe(true);
    expect(texts).toContain('图1　新厂房');
  });

  it('shrinks a picture larger than the type area to fit it, keeping its shape', async () => {
    const png = makePng(2000, 500);
    const doc: Doc = {
      templateId: 'gbt9704',
      fields: emptyFields(),
      blocks: [
        {
          kind: 'image',
          number: 1,
          caption: '宽图',
          image: { mime: 'image/png', data: Buffer.from(png).toString('base64') },
        },
      ],
    };
    const r = readDocx(await docToDocx(doc, registry.get('brief', 'gbt9704')));
    const extent = find(r.document, 'wp:extent')!;
    const cx = Number(extent.attrs.cx);
    const cy = Number(extent.attrs.cy);
    expect(cx).toBeLessThanOrEqual((8844 / 1440) * 914400);
    expect(cx).toBeGreaterThan((8800 / 1440) * 914400);
    expect(cx / cy).toBeCloseTo(4, 1);
  });
});
