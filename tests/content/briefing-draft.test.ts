import { beforeAll, describe, expect, it } from 'vitest';
import { draftItems } from '../../content/briefing/select';
import { importReport } from '../../content/import';
import type { Report } from '../../content/model/report';
import { readReportBytes } from '../helpers/paths';

describe('the default draft of a newspaper report', () => {
  let report: Report;
  beforeAll(async () => {
    report = await importReport({ name: 'qinghe.txt', bytes: readReportBytes() });
  });

  it('leaves out photo captions whose pictures did not survive the paste', () => {
    const captions = report.figures.filter((f) => f.kind === 'image' && !f.assetId);
    expect(captions.length).toBeGreaterThanOrEqual(4);
    const picked = new Set(draftItems(report).map((i) => i.ref.id));
    for (const c of captions) expect(picked.has(c.blockId), c.caption).toBe(false);
  });

  it('keeps every top-level section and its points', () => {
    const picked = new Set(draftItems(report).map((i) => i.ref.id));
    for (const s of report.sections) expect(picked.has(s.id), s.title).toBe(true);
    const points = report.sections.flatMap(function all(s): string[] {
      return [...s.blocks.filter((b) => b.kind === 'point').map((b) => b.id), ...s.sections.flatMap(all)];
    });
    expect(points.length).toBeGreaterThan(10);
    for (const id of points) expect(picked.has(id)).toBe(true);
  });
});

describe('text in outputs from a pasted newspaper report', () => {
  it('carries full-width punctuation in the brief and the deck, while the report keeps its own text', async () => {
    const { composeDoc } = await import('../../content/compose/doc');
    const { composeDeck } = await import('../../content/compose/deck');
    const { emptyBriefing } = await import('../../content/model/briefing');
    const { builtinRegistry } = await import('../../templates/registry');
    const report = await importReport({ name: 'qinghe.txt', bytes: readReportBytes() });
    const halfWidthInChinese = /[\u4e00-\u9fff][,;:(][\u4e00-\u9fff]/;
    expect(JSON.stringify(report.sections)).toMatch(halfWidthInChinese);
    const doc = composeDoc(report, { ...emptyBriefing(), briefTemplate: 'gbt9704' });
    expect(JSON.stringify(doc.blocks)).not.toMatch(halfWidthInChinese);
    expect(JSON.stringify(doc.blocks)).toContain('聚力攻坚，全力以赴稳住经济大盘');
    const deck = composeDeck(report, emptyBriefing(), builtinRegistry().get('deck', 'gov-red'));
    expect(JSON.stringify(deck.slides)).not.toMatch(halfWidthInChinese);
  });
});
