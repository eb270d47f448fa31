import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeDoc } from '../../content/compose/doc';
import { importReport } from '../../content/import';
import { emptyBriefing } from '../../content/model/briefing';
import { condenseBrief, splitSentences } from '../../templates/brief/condense';
import { paginateBrief } from '../../templates/brief/paginate';
import type { Doc } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { readReportBytes, ROOT } from '../helpers/paths';

const t = builtinRegistry().get('brief', 'gbt9704');
const bodies = (d: Doc): Map<string, string> =>
  new Map(d.blocks.flatMap((b) => ('text' in b && b.itemId ? [[b.itemId, b.text] as const] : [])));

describe('「压缩到 N 页」 on a composed brief', () => {
  let doc: Doc;
  beforeAll(async () => {
    const report = await importReport({ name: 'qinghe.txt', bytes: readReportBytes('qinghe') });
    doc = composeDoc(report, emptyBriefing());
  });

  it('fits the page count it was given, by the same count the preview shows', () => {
    expect(paginateBrief(doc, t).count).toBeGreaterThan(4);
    const c = condenseBrief(doc, t, 4);
    expect(c.fits).toBe(true);
    expect(paginateBrief(c.doc, t).count).toBeLessThanOrEqual(4);
  });

  it('never cuts a sentence: what stays of a text is some of its whole sentences, in order', () => {
    const before = bodies(doc);
    const after = bodies(condenseBrief(doc, t, 4).doc);
    for (const [id, text] of after) {
      const whole = splitSentences(before.get(id) ?? '');
      const kept = splitSentences(text);
      let k = 0;
      for (const s of kept) {
        while (k < whole.length && whole[k] !== s) k++;
        expect(k, s).toBeLessThan(whole.length);
        k++;
      }
    }
  });

  it('lists every sentence it leaves out, so the brief and the list hold the whole text', () => {
    const c = condenseBrief(doc, t, 4);
    const kept = [...bodies(c.doc).values()].join('');
    const out = new Set(c.leftOut.map((l) => l.text));
    for (const text of bodies(doc).values())
      for (const s of splitSentences(text))
        expect(kept.includes(s.trim()) || out.has(s.trim()), s).toBe(true);
  });

  it('keeps the title, every top-level heading and the leads at four pages, and drops no number before rhetoric', () => {
    const c = condenseBrief(doc, t, 4);
    const heads = (d: Doc): string[] => d.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
    expect(heads(c.doc)).toEqual(heads(doc));
    expect(c.doc.fields.title).toBe(doc.fields.title);
    expect(c.leftOut.some((l) => l.kind === 'point')).toBe(false);
    const firstNumber = c.leftOut.findIndex((l) => l.reason === '数据');
    const lastRhetoric = c.leftOut.map((l) => l.reason).lastIndexOf('修辞');
    if (firstNumber >= 0 && lastRhetoric >= 0) expect(lastRhetoric).toBeLessThan(firstNumber);
  });

  it('puts back what staff kept: a left-out sentence listed in keep stays', () => {
    const first = condenseBrief(doc, t, 4);
    const back = first.leftOut.find((l) => l.kind === 'sentence')!;
    const again = condenseBrief(doc, t, 4, { keep: new Set([back.key]) });
    expect(again.leftOut.some((l) => l.key === back.key)).toBe(false);
    expect([...bodies(again.doc).values()].join('')).toContain(back.text);
  });

  it('leaves a brief that fits alone', () => {
    const c = condenseBrief(doc, t, 50);
    expect(c.leftOut).toEqual([]);
    expect(c.doc).toBe(doc);
  });
});

describe('sentences', () => {
  it('end at 。！？ with their closing quotes, never at a decimal point or inside a number', () => {
    expect(splitSentences('增长6.5%。他说：“好！”然后走了')).toEqual([
      '增长6.5%。',
      '他说：“好！”',
      '然后走了',
    ]);
  });
});

describe('the page count of a speech', () => {
  it('grows with the text and is at least one page', async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/brief/speech.txt')));
    const report = await importReport({ name: 'speech.txt', bytes });
    const doc = composeDoc(report, emptyBriefing());
    const n = paginateBrief(doc, t).count;
    expect(n).toBeGreaterThanOrEqual(1);
    const doubled = { ...doc, blocks: [...doc.blocks, ...doc.blocks] };
    expect(paginateBrief(doubled, t).count).toBeGreaterThan(n);
  });
});

describe('「压缩到 N 页」 on a report with sections of their own (松岭镇)', () => {
  const g = builtinRegistry().get('brief', 'gbt9704');
  let doc: Doc;
  beforeAll(async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/brief/condense-sections.md')));
    const report = await importReport({ name: 'condense-sections.md', bytes });
    doc = composeDoc(report, emptyBriefing());
    expect(paginateBrief(doc, g).count).toBe(3);
  });

  it('never ends a point on a comma: a lead that stops at 「，」 keeps the sentence it runs into', () => {
    const c = condenseBrief(doc, g, 2);
    expect(c.fits).toBe(true);
    const points = c.doc.blocks.filter((b) => b.kind === 'point');
    expect(points.some((p) => p.marker === '二是')).toBe(true);
    for (const p of points) expect(`${p.lead}${p.text}`, p.lead).toMatch(/[。！？]["”’」』）)]*$/);
    for (const l of c.leftOut) if (l.kind === 'point') expect(l.text).toMatch(/[。！？]$/);
  });

  it('leaves no heading bare: every section keeps its first sentence, and cuts evenly', () => {
    const c = condenseBrief(doc, g, 2);
    const blocks = c.doc.blocks;
    blocks.forEach((b, i) => {
      if (b.kind !== 'heading') return;
      const next = blocks[i + 1];
      // a heading is followed by its own text, or by a heading one level down
      if (next?.kind === 'heading') expect(next.level, b.text).toBeGreaterThan(b.level);
      else expect(next, b.text).toBeDefined();
    });
    // each of 四、's plans keeps a target with its number: none of them is emptied for another
    const plans = blocks.slice(blocks.findIndex((b) => b.kind === 'heading' && b.number === '四、'));
    const texts = plans.filter((b) => b.kind === 'paragraph').map((b) => ('text' in b ? b.text : ''));
    expect(texts).toHaveLength(4);
    for (const t of texts) expect(t).toMatch(/[0-9]/);
  });

  it('uses the room of the budget: no sentence left out would have fitted in what is left free', () => {
    const c = condenseBrief(doc, g, 2);
    const p = paginateBrief(c.doc, g);
    expect(p.count).toBe(2);
    const free = p.lastPageFree - 3 * g.lineTwips;
    const perLine = 28;
    for (const l of c.leftOut.filter((x) => x.kind === 'sentence'))
      expect(Math.ceil(l.text.length / perLine) * g.lineTwips, l.text).toBeGreaterThan(free);
  });

  it('when not even the headings with one sentence each fit, gives the brief back whole and says how many pages it takes', () => {
    const c = condenseBrief(doc, g, 1);
    expect(c.fits).toBe(false);
    expect(c.doc).toBe(doc);
    expect(c.leftOut).toEqual([]);
    expect(c.floorPages).toBe(2);
  });
});
