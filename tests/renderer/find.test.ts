import { beforeEach, describe, expect, it } from 'vitest';
import { emptyBriefing } from '../../content/model/briefing';
import { sampleReport } from '../../content/sample';
import { DEFAULT_FIND, findIn, findInBriefing, findInReport, replaceIn } from '../../renderer/find/search';
import { loadDocument, undo, useStore } from '../../renderer/store/store';
import { resetStore } from './helpers';

describe('find in words', () => {
  it('finds every match, left to right, without overlaps', () => {
    expect(findIn('青禾区青禾区青禾', '青禾', DEFAULT_FIND)).toEqual([
      [0, 2],
      [3, 5],
      [6, 8],
    ]);
    expect(findIn('aaaa', 'aa', DEFAULT_FIND)).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(findIn('任何文字', '', DEFAULT_FIND)).toEqual([]);
  });

  it('ignores case unless asked, and whole words only when asked', () => {
    expect(findIn('GDP 与 gdp', 'gdp', DEFAULT_FIND)).toHaveLength(2);
    expect(findIn('GDP 与 gdp', 'gdp', { ...DEFAULT_FIND, matchCase: true })).toEqual([[6, 9]]);
    // off by default: 「PP」 is found inside 「PPP」, as Word finds it
    expect(findIn('PPP项目', 'PP', DEFAULT_FIND)).toHaveLength(1);
    expect(findIn('PPP项目 PP', 'PP', { ...DEFAULT_FIND, wholeWord: true })).toEqual([[6, 8]]);
    // Chinese beside a Latin word does not join it: 「5G基站」 holds the word 5G
    expect(findIn('建成5G基站', '5G', { ...DEFAULT_FIND, wholeWord: true })).toEqual([[2, 4]]);
  });

  it('replaces every match and nothing else', () => {
    expect(replaceIn('临川县、临川县城', '临川县', '云溪市', DEFAULT_FIND)).toBe('云溪市、云溪市城');
    expect(replaceIn('没有', '有无', 'x', DEFAULT_FIND)).toBe('没有');
  });
});

describe('find and replace over the briefing', () => {
  const report = sampleReport();
  const economy = report.sections.find((sec) => sec.title === '稳住经济运行基本盘')!;
  const st = useStore.getState;
  beforeEach(() => {
    resetStore();
    loadDocument(report, emptyBriefing());
    st().toggleSection(economy.id, true);
  });

  it('finds in titles and texts, and 全部替换 is one undo step that leaves the report as it was', () => {
    const before = st().briefing;
    const query = '亿元';
    const found = findInBriefing(report, before, query, DEFAULT_FIND);
    expect(found.length).toBeGreaterThan(1);
    expect(new Set(found.map((m) => m.itemId)).size).toBeGreaterThan(1);
    st().setFindQuery(query);
    st().setFindReplacement('亿 元');
    expect(st().replaceAllMatches()).toBe(found.length);
    expect(findInBriefing(report, st().briefing, query, DEFAULT_FIND)).toHaveLength(0);
    expect(findInBriefing(report, st().briefing, '亿 元', DEFAULT_FIND)).toHaveLength(found.length);
    expect(st().report).toBe(report);
    undo();
    expect(st().briefing).toBe(before);
  });

  it('replaces one match only, and undoes it alone', () => {
    const before = st().briefing;
    const [first, second] = findInBriefing(report, before, '亿元', DEFAULT_FIND);
    st().setFindQuery('亿元');
    st().setFindReplacement('万元');
    expect(st().replaceMatch(first!)).toBe(true);
    const after = findInBriefing(report, st().briefing, '亿元', DEFAULT_FIND);
    expect(after[0]!.context).toEqual(second!.context);
    // the match replaced is no longer there: replacing it again changes nothing
    expect(st().replaceMatch(first!)).toBe(false);
    undo();
    expect(st().briefing).toBe(before);
  });

  it('finds in the report pane by row, with the sections to unfold', () => {
    const found = findInReport(report, '亿元', DEFAULT_FIND);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.context.hit === '亿元')).toBe(true);
    expect(found.some((m) => m.sectionIds.length > 0)).toBe(true);
  });
});
