import { describe, expect, it } from 'vitest';
import { composeDoc } from '../../content/compose/doc';
import { emptyBriefing, emptyFields } from '../../content/model/briefing';
import { docToDocx } from '../../main/export/docx';
import { paginateBrief } from '../../templates/brief/paginate';
import { builtinRegistry } from '../../templates/registry';
import { briefCss, renderBrief } from '../../templates/render/brief';
import { briefReport } from '../helpers/brief-report';
import { attrOf, find, findAll, paragraphs, readDocx, rightAlignedStart, textOf } from '../helpers/ooxml';

/** The form of a Word brief in OOXML: language, the 版记 at the foot, an empty 报头, the title's lines. */

const registry = builtinRegistry();
const report = briefReport();
const fields = {
  ...emptyFields(),
  unit: '青禾区人民政府办公室',
  date: '2024年7月10日',
  cc: '区委办公室',
  printedBy: '青禾区人民政府办公室',
};

/** One point picked: a brief of a few lines, so its last page is mostly free. */
const SHORT = [{ id: 'i-block-theory-p1', ref: { type: 'block' as const, id: 'theory-p1' } }];

async function read(template: string, f = fields, items = SHORT) {
  const doc = composeDoc(report, { ...emptyBriefing(), briefTemplate: template, fields: f, items });
  return { doc, docx: readDocx(await docToDocx(doc, registry.get('brief', template))) };
}

describe('the language of a Word brief', () => {
  it('marks every run, the document defaults and the Normal style as Chinese for East Asian text', async () => {
    const { docx } = await read('gbt9704', fields, []);
    const runs = findAll(docx.document, 'w:r').filter((r) => find(r, 'w:t'));
    expect(runs.length).toBeGreaterThan(10);
    for (const r of runs) expect(attrOf(find(r, 'w:rPr'), 'w:lang', 'w:eastAsia')).toBe('zh-CN');
    expect(attrOf(find(docx.styles, 'w:docDefaults'), 'w:lang', 'w:eastAsia')).toBe('zh-CN');
    const normal = findAll(docx.styles, 'w:style').find((s) => s.attrs['w:styleId'] === 'Normal');
    expect(attrOf(normal, 'w:lang', 'w:eastAsia')).toBe('zh-CN');
  });
});

describe('the 版记 of a short brief', () => {
  const t = registry.get('brief', 'gbt9704');
  const itemsOf = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ ...SHORT[0]!, id: `${SHORT[0]!.id}-${i}` }));
  const briefOf = (n: number) =>
    composeDoc(report, { ...emptyBriefing(), briefTemplate: 'gbt9704', fields, items: itemsOf(n) });
  const first = (test: (p: ReturnType<typeof paginateBrief>) => boolean): number =>
    Array.from({ length: 80 }, (_, i) => i + 1).find((k) => test(paginateBrief(briefOf(k), t)))!;
  const breaksBefore = (docx: ReturnType<typeof readDocx>): number => {
    const body = find(docx.document, 'w:body')!.children;
    let at = body.findIndex((c) => c.name === 'w:tbl' && find(c, 'w:tblpPr'));
    let n = 0;
    // the empty paragraphs that break the page before the floating 版记
    while (at > 0 && find(body[--at]!, 'w:pageBreakBefore') && textOf(body[at]!) === '') n++;
    return n;
  };

  it('floats at the foot of the type area, its rules spanning it, on an even page (GB/T 9704 7.4)', async () => {
    const { docx } = await read('gbt9704');
    const block = findAll(docx.document, 'w:tbl').find((x) => find(x, 'w:tblpPr'))!;
    expect(find(block, 'w:tblpPr')?.attrs).toMatchObject({
      'w:vertAnchor': 'margin',
      'w:tblpYSpec': 'bottom',
    });
    expect(attrOf(block, 'w:tblW', 'w:w')).toBe('8844');
    // a few lines of text end on page 1, an odd page: the 版记 opens page 2, the back of the sheet
    expect(paginateBrief(briefOf(1), t).colophon).toMatchObject({ page: 2, newPage: true, blank: false });
    expect(breaksBefore(docx)).toBe(1);
  });

  it('stays under the text when the text ends on an even page with room for it', async () => {
    const n = first((p) => p.colophon?.page === 2 && !p.colophon.newPage);
    expect(n).toBeDefined();
    const { docx } = await read('gbt9704', fields, itemsOf(n));
    expect(breaksBefore(docx)).toBe(0);
    expect(findAll(docx.document, 'w:pageBreakBefore')).toHaveLength(0);
  });

  it('leaves a blank page before its own when the even page of text has no room for it', async () => {
    const n = first((p) => p.colophon?.blank === true);
    expect(n).toBeDefined();
    const pages = paginateBrief(briefOf(n), t);
    expect(pages.colophon).toMatchObject({ page: pages.count, newPage: true, blank: true });
    expect(pages.count % 2).toBe(0);
    const { docx } = await read('gbt9704', fields, itemsOf(n));
    expect(breaksBefore(docx)).toBe(2);
  });

  it('is on the last page whatever its number in a 工作简报: the 报尾 has no even-page rule', () => {
    const b = registry.get('brief', 'bulletin');
    const doc = composeDoc(report, {
      ...emptyBriefing(),
      briefTemplate: 'bulletin',
      fields: { ...fields, reportTo: '区委', copies: '30' },
      items: itemsOf(1),
    });
    expect(paginateBrief(doc, b).colophon).toMatchObject({ page: 1, newPage: false });
  });
});

describe('a 工作简报 with no issue number and no unit', () => {
  it('shows nothing for them: no 「第期」, no empty line over the red rule', async () => {
    const { docx } = await read('bulletin', { ...emptyFields() });
    const ps = paragraphs(docx.document);
    expect(ps.some((p) => p.text.includes('第期'))).toBe(false);
    const ruled = ps.filter((p) => attrOf(p.pPr, 'w:bottom', 'w:color') === 'FF0000');
    expect(ruled).toHaveLength(1);
    expect(ruled[0]!.text).toBe('工作简报');
    expect(ps.indexOf(ruled[0]!)).toBe(0);
  });
});

describe('the title of a brief', () => {
  it('is set on exact lines as tall as the body pitch, so a wrapped 二号 title is not double-spaced by the grid', async () => {
    const long = { ...fields, title: '关于青禾区二〇二四年上半年经济社会发展情况和下半年重点工作安排的报告' };
    const { docx } = await read('gbt9704', long);
    const title = paragraphs(docx.document).find((p) => p.text === long.title)!;
    expect(attrOf(title.pPr, 'w:spacing', 'w:lineRule')).toBe('exact');
    const line = Number(attrOf(title.pPr, 'w:spacing', 'w:line'));
    // 二号 is 22 pt (440 twips): a normal line is 1.2–1.5 times that, a doubled one twice
    expect(line).toBeGreaterThanOrEqual(440 * 1.2);
    expect(line).toBeLessThan(440 * 1.6);
  });
});

describe('the 署名 and 成文日期 as they render', () => {
  const cases = [
    { unit: '青禾区人民政府办公室', date: '2024年7月10日' },
    // a date longer than the unit: the date two characters in, the unit moved left
    { unit: '区政府', date: '2024年12月31日' },
    { unit: '青禾区发展和改革委员会', date: '2024年10月10日' },
  ];
  it.each(cases)(
    'puts the date of $unit two characters right of the unit, and the longer line two characters in',
    async ({ unit, date }) => {
      const { docx } = await read('gbt9704', { ...fields, unit, date, cc: '', printedBy: '' });
      const ps = paragraphs(docx.document).filter((p) => attrOf(p.pPr, 'w:jc', 'w:val') === 'right');
      const u = ps.find((p) => p.text === unit)!;
      const d = ps.find((p) => p.text === date)!;
      const cell = 315; // 三号 on the 28-character grid: 320 twips less 5 of spacing
      expect((rightAlignedStart(d) - rightAlignedStart(u)) / cell).toBeCloseTo(2, 2);
      const rights = [u, d].map((p) => Number(attrOf(p.pPr, 'w:ind', 'w:right')) / cell);
      expect(Math.min(...rights)).toBeCloseTo(2, 2);
    },
  );
});

describe('a 上行文 (签发人 given)', () => {
  const up = { ...fields, unit: '青禾区人民政府', docNumber: '青政〔2024〕15号', signer: '王明' };

  it('sets the 发文字号 one character in from the left and 「签发人：」 仿宋 with the name 楷体 one in from the right, on one line', async () => {
    const { docx } = await read('gbt9704', up);
    const line = paragraphs(docx.document).find((p) => p.text.includes('签发人'))!;
    expect(line.text).toBe('青政〔2024〕15号签发人：王明');
    expect(attrOf(line.pPr, 'w:jc', 'w:val')).toBe('left');
    const t = registry.get('brief', 'gbt9704');
    const left = Number(attrOf(line.pPr, 'w:ind', 'w:left'));
    // one character of 三号 on the grid: 16 pt plus the grid's spacing, never more than a cell
    expect(left).toBeGreaterThan(300);
    expect(left).toBeLessThanOrEqual(320);
    expect(attrOf(line.pPr, 'w:tab', 'w:val')).toBe('right');
    expect(Number(attrOf(line.pPr, 'w:tab', 'w:pos'))).toBe(8844 - left);
    const fonts = line.runs.map((r) => attrOf(r.rPr, 'w:rFonts', 'w:eastAsia'));
    expect(fonts).toEqual(['仿宋_GB2312', '仿宋_GB2312', '楷体_GB2312']);
    expect(line.runs.map((r) => attrOf(r.rPr, 'w:sz', 'w:val'))).toEqual(['32', '32', '32']);
    expect(findAll(line.runs[1]!.node, 'w:tab')).toHaveLength(1);
    // the red rule under that line
    expect(attrOf(line.pPr, 'w:bottom', 'w:color')).toBe('FF0000');
    // the mark's top 80 mm below the type area's top (4535 twips), not the 35 mm of a 下行文
    const mark = paragraphs(docx.document).find((p) => p.text === '青禾区人民政府')!;
    expect(attrOf(mark.pPr, 'w:spacing', 'w:before')).toBe('4535');
    expect(t.masthead.kind === 'redhead' && t.masthead.markOffset).toBe(1984);
  });

  it('keeps the 发文字号 centred with the mark at 35 mm when no 签发人 is given', async () => {
    const { docx } = await read('gbt9704', { ...up, signer: '' });
    const ps = paragraphs(docx.document);
    expect(ps.some((p) => p.text.includes('签发人'))).toBe(false);
    const number = ps.find((p) => p.text === '青政〔2024〕15号')!;
    expect(attrOf(number.pPr, 'w:jc', 'w:val')).toBe('center');
    expect(attrOf(ps.find((p) => p.text === '青禾区人民政府')!.pPr, 'w:spacing', 'w:before')).toBe('1984');
  });

  it('is counted lower on the first page by the paginator and drawn so in the preview', async () => {
    const t = registry.get('brief', 'gbt9704');
    // no body and no 版记, so both stay on one page
    const { doc } = await read('gbt9704', { ...up, cc: '', printedBy: '' });
    const { doc: down } = await read('gbt9704', { ...up, cc: '', printedBy: '', signer: '' });
    const [p, q] = [paginateBrief({ ...doc, blocks: [] }, t), paginateBrief({ ...down, blocks: [] }, t)];
    expect([p.count, q.count]).toEqual([1, 1]);
    // the mark 80 mm down rather than 35 mm takes 4535 - 1984 twips more of the page
    expect(q.lastPageFree - p.lastPageFree).toBe(4535 - 1984);
    const html = renderBrief(doc, t);
    expect(html).toMatch(
      /brief-masthead-upward[^>]*><span>青政〔2024〕15号<\/span><span><span class="brief-signer-label">签发人：<\/span><span class="brief-signer">王明<\/span>/,
    );
    expect(html).toContain('margin-top: 226.75pt');
    expect(briefCss(t)).toMatch(/\.brief-signer \{ font-family: "Times New Roman", "楷体_GB2312"/);
  });
});
