import { describe, expect, it } from 'vitest';
import { composeDoc } from '../../content/compose/doc';
import { draftBriefing } from '../../content/briefing/edit';
import { emptyBriefing } from '../../content/model/briefing';
import { sampleReport } from '../../content/sample';
import { briefWordCount, countWords } from '../../renderer/status/counts';
import { stepZoom, zoomScale } from '../../renderer/status/zoom';

describe('字数', () => {
  it('counts Chinese characters and punctuation one each, a Latin word or number as one', () => {
    expect(countWords('云溪市')).toBe(3);
    expect(countWords('增长6.5%。')).toBe(4);
    expect(countWords('完成GDP 21.59亿元')).toBe(6);
    expect(countWords('“两车”')).toBe(4);
    expect(countWords('   ')).toBe(0);
  });

  it('counts a brief’s title and every block, and grows with the words added', () => {
    const report = sampleReport();
    const briefing = draftBriefing(report, emptyBriefing(), 'brief');
    const doc = composeDoc(report, briefing);
    const n = briefWordCount(doc);
    expect(n).toBeGreaterThan(500);
    const more = {
      ...doc,
      blocks: [...doc.blocks, { kind: 'paragraph' as const, text: '临川县新增项目十个。' }],
    };
    expect(briefWordCount(more)).toBe(n + 10);
  });
});

describe('zoom', () => {
  const size = { availW: 500, availH: 300, contentW: 1000, contentH: 500 };
  it('fits the width, the whole page, or a percentage kept within 50–200 %', () => {
    expect(zoomScale('width', size)).toBe(0.5);
    expect(zoomScale('page', size)).toBe(0.5);
    expect(zoomScale('page', { ...size, availH: 200 })).toBe(0.4);
    expect(zoomScale(150, size)).toBe(1.5);
    expect(zoomScale(20, size)).toBe(0.5);
    expect(zoomScale(400, size)).toBe(2);
  });
  it('steps by ten per cent from the scale shown', () => {
    expect(stepZoom(0.43, 1)).toBe(50);
    expect(stepZoom(0.73, 1)).toBe(80);
    expect(stepZoom(0.73, -1)).toBe(70);
    expect(stepZoom(2, 1)).toBe(200);
    expect(stepZoom(0.5, -1)).toBe(50);
  });
});
