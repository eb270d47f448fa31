import { describe, expect, it } from 'vitest';
import type { Stat } from '../../../content/model/report';
import { comparableSeries } from '../../../content/stats/series';

/** A growth rate of the area, in a paragraph of a part of the report. */
function growth(label: string, value: number, sectionId: string, blockId: string, change = '增长'): Stat {
  return {
    id: `${blockId}.${label}`,
    value,
    unit: '%',
    label,
    text: `${value}%`,
    sentence: `${label}${change}${value}%。`,
    sectionId,
    blockId,
    kind: 'growth',
    change,
    period: '上半年',
    basis: '同比',
    scope: { kind: 'area' },
  };
}

describe('charts compare like with like', () => {
  it('never puts tourists beside accidents, petitions and documents from other parts of the report', () => {
    const stats = [
      growth('接待游客', 18.4, 'tour', 't1'),
      growth('旅游综合收入', 15.2, 'tour', 't1'),
      growth('过夜游客', 9.6, 'tour', 't2'),
      growth('生产安全事故起数', 21.4, 'safety', 's1', '下降'),
      growth('信访总量', 13.6, 'safety', 's2', '下降'),
      growth('发文数量', 12, 'office', 'o1', '下降'),
      growth('会议数量', 10, 'office', 'o1', '下降'),
    ];
    const series = comparableSeries(stats);
    expect(series.length).toBeGreaterThan(0);
    for (const s of series) expect(new Set(s.stats.map((x) => x.sectionId)).size).toBe(1);
    expect(series[0]?.stats.map((x) => x.label)).toEqual(['接待游客', '旅游综合收入', '过夜游客']);
  });

  it('keeps the main indicators together across paragraphs, and a price index apart from them', () => {
    const stats = [
      growth('地区生产总值', 6.1, 'eco', 'e1'),
      growth('规上工业增加值', 8.2, 'eco', 'e2'),
      growth('固定资产投资', 5.4, 'eco', 'e3'),
      growth('居民消费价格', 0.6, 'eco', 'e3'),
      growth('社会消费品零售总额', 4.9, 'eco', 'e4'),
    ];
    const [first] = comparableSeries(stats);
    expect(first?.stats.map((x) => x.label)).toEqual([
      '地区生产总值',
      '规上工业增加值',
      '固定资产投资',
      '社会消费品零售总额',
    ]);
  });
});
