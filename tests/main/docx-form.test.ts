import { describe, expect, it } from 'vitest';
import { composeDoc } from '../../content/compose/doc';
import { emptyBriefing, emptyFields } from '../../content/model/briefing';
import { docToDocx } from '../../main/export/docx';
import { builtinRegistry } from '../../templates/registry';
import { briefReport } from '../helpers/brief-report';
import { attrOf, find, findAll, paragraphs, readDocx } from '../helpers/ooxml';

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
  it('draws its rules across the whole type area: no side indents on a line that fits', async () => {
    const { docx } = await read('gbt9704');
    const ps = paragraphs(docx.document);
    const colophon = ps.slice(ps.findIndex((p) => p.text.startsWith('抄送：')));
    expect(colophon).toHaveLength(2);
    for (const p of colophon) {
      expect(attrOf(p.pPr, 'w:ind', 'w:left') ?? '0').toBe('0');
      expect(attrOf(p.pPr, 'w:ind', 'w:right') ?? '0').toBe('0');
    }
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
