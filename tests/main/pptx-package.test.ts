import PptxGenJS from 'pptxgenjs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { finishPptx } from '../../main/export/pptx-package';
import { findAll, parseXml } from '../helpers/ooxml';
import { orderProblems, packageProblems } from '../helpers/ooxml-schema';

/**
 * The package post-pass against what pptxgenjs 4.0.1 itself writes: a small deck with what ours
 * use (shapes without text, solid backgrounds, a paragraph of runs in two sizes, a line and a bar
 * chart, speaker notes, a picture with the slide-number field) fails the schema and package checks
 * as written by the library, and passes them after the pass. If an upgrade of the library fixes a
 * defect, the first test says which, and that repair may go.
 */

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

async function libraryDeck(): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  for (const n of [1, 2, 3]) {
    const s = pptx.addSlide();
    s.background = { color: 'FFFFFF' };
    // 24 shapes and more: the slide-number field's fixed id 25 is taken
    for (let i = 0; i < (n === 1 ? 24 : 1); i++)
      s.addShape(pptx.ShapeType.rect, {
        x: 0,
        y: 0,
        w: 1,
        h: 7.5,
        fill: { color: 'C8102E' },
        line: { type: 'none' },
      });
    s.addText(
      [
        { text: '238.6', options: { fontSize: 54 } },
        { text: '亿元', options: { fontSize: 20 } },
      ],
      { x: 1, y: 1, w: 4, h: 1.5, align: 'center', lineSpacing: 60, isTextBox: true },
    );
    s.addImage({ data: `image/png;base64,${PNG}`, x: 12, y: 0.2, w: 0.5, h: 0.5 });
    s.slideNumber = { x: 12, y: 7, w: 1, h: 0.3 };
    const data = [{ name: '单位：亿元', labels: ['一季度', '二季度'], values: [1.5, 2.25] }];
    s.addChart(n === 1 ? pptx.ChartType.line : pptx.ChartType.bar, data, { x: 1, y: 3, w: 6, h: 4 });
    s.addNotes(`第${n}页的讲稿`);
  }
  const bytes = await pptx.write({ outputType: 'uint8array' });
  if (!(bytes instanceof Uint8Array)) throw new Error('no bytes');
  return bytes;
}

function problems(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  const xml: Record<string, string> = {};
  for (const [p, d] of Object.entries(files)) if (/\.(xml|rels)$/.test(p)) xml[p] = strFromU8(d);
  const out = packageProblems(files, xml);
  for (const [p, text] of Object.entries(xml))
    for (const q of orderProblems(text, 'pptx')) out.push(`${p}${q}`);
  for (const [p, text] of Object.entries(xml)) {
    if (!/^ppt\/(slides|notesSlides|notesMasters)\//.test(p) || !p.endsWith('.xml')) continue;
    const root = parseXml(text);
    for (const sp of findAll(root, 'p:sp'))
      if (!sp.children.some((c) => c.name === 'p:txBody')) out.push(`${p}: p:sp without p:txBody`);
    const ids = findAll(root, 'p:cNvPr').map((n) => n.attrs.id);
    if (new Set(ids).size !== ids.length) out.push(`${p}: shape ids twice`);
    if (p.startsWith('ppt/notesMasters/') && findAll(root, 'p:sp').length > 0)
      out.push(`${p}: placeholder shapes`);
  }
  return out;
}

describe('the package post-pass', () => {
  it('finds pptxgenjs 4.0.1 writing each repair trigger it fixes', async () => {
    const found = problems(await libraryDeck()).join('\n');
    expect(found).toContain('directory entry ppt/slides/');
    expect(found).toContain('content type for a missing part ppt/slideMasters/slideMaster2.xml');
    expect(found).toMatch(/slide1\.xml.*p:sp without p:txBody/);
    expect(found).toMatch(/p:bgPr: no <a:effectLst\|a:effectDag>/);
    expect(found).toMatch(/a:p: <a:pPr> out of order/);
    expect(found).toContain('p:presentation: <p:notesMasterIdLst> out of order');
    expect(found).toContain('notesMaster1.xml: placeholder shapes');
    expect(found).toMatch(/c:lineChart: no <c:grouping>/);
    expect(found).toMatch(
      /c:ser: <c:invertIfNegative> is not a child of <c:ser>|c:ser: <c:marker> out of order/,
    );
    expect(found).toMatch(/slide1\.xml: shape ids twice/);
  });

  it('leaves none of them', async () => {
    expect(problems(finishPptx(await libraryDeck(), (_p, xml) => xml))).toEqual([]);
  });

  it('keeps the text, the runs and their sizes of a paragraph whose extra a:pPr it drops', async () => {
    const files = unzipSync(finishPptx(await libraryDeck(), (_p, xml) => xml));
    const slide = parseXml(strFromU8(files['ppt/slides/slide1.xml']!));
    const para = findAll(slide, 'a:p').find((p) => findAll(p, 'a:t').some((t) => t.text === '238.6'))!;
    expect(para.children.map((c) => c.name)).toEqual(['a:pPr', 'a:r', 'a:r', 'a:endParaRPr']);
    expect(findAll(para, 'a:rPr').map((r) => r.attrs.sz)).toEqual(['5400', '2000']);
    expect(findAll(para, 'a:pPr')[0]!.attrs.algn).toBe('ctr');
    // the notes keep their text, and the notes master its text styles
    expect(strFromU8(files['ppt/notesSlides/notesSlide2.xml']!)).toContain('第2页的讲稿');
    expect(strFromU8(files['ppt/notesMasters/notesMaster1.xml']!)).toContain('<p:notesStyle>');
  });

  it('moves the line marker before the data labels and keeps the series data', async () => {
    const files = unzipSync(finishPptx(await libraryDeck(), (_p, xml) => xml));
    const chart = Object.keys(files).find(
      (p) => /^ppt\/charts\/chart\d+\.xml$/.test(p) && strFromU8(files[p]!).includes('<c:lineChart>'),
    )!;
    const ser = findAll(parseXml(strFromU8(files[chart]!)), 'c:ser')[0]!;
    const names = ser.children.map((c) => c.name);
    expect(names.indexOf('c:marker')).toBeLessThan(names.indexOf('c:dLbls'));
    expect(names).not.toContain('c:invertIfNegative');
    expect(findAll(ser, 'c:v').map((v) => v.text)).toEqual(expect.arrayContaining(['1.5', '2.25', '一季度']));
  });
});
