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
