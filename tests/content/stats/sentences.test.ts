import { describe, expect, it } from 'vitest';
import { statsInSentence, type FoundStat } from '../../../content/stats/extract';
import { ALL_CASES, type Expected } from './sentences';

/** What the test compares: the fields each expectation names, the rest left at their defaults. */
function shape(s: FoundStat, e: Expected): Expected {
  return {
    v: s.value,
    ...(e.u !== undefined ? { u: s.unit } : {}),
    l: s.label,
    k: s.kind,
    ...(s.qualifier ? { q: s.qualifier } : {}),
    ...(s.measure ? { m: s.measure } : {}),
    ...(e.p !== undefined ? { p: s.period } : {}),
    ...(e.b !== undefined ? { b: s.basis } : {}),
    ...(s.scope.kind !== 'area' ? { s: s.scope.kind } : {}),
    ...(s.from ? { from: s.from.value } : {}),
    ...(s.upper ? { upper: s.upper.value } : {}),
    ...(s.unfit ? { unfit: true as const } : {}),
  };
}

describe('a table of sentences written for the statistics rules', () => {
  it('holds at least 120 sentences in every voice, covering every kind', () => {
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(120);
    const kinds = new Set(ALL_CASES.flatMap(([, e]) => e.map((x) => x.k)));
    expect([...kinds].sort()).toEqual(['amount', 'count', 'duration', 'growth', 'rank', 'share', 'target']);
  });

  it.each(ALL_CASES)('reads 「%s」', (sentence, expected, context) => {
    const found = statsInSentence(sentence, context);
    expect(found.map((s, i) => shape(s, expected[i] ?? { v: 0, l: '', k: 'amount' }))).toEqual(expected);
  });
});

describe('「预期」 as expectations is no target cue', () => {
  it.each([
    ['面对企业预期偏弱等压力，全区地区生产总值完成186.4亿元，同比增长5.8%。', 'amount'],
    ['在稳定市场预期的同时，全县新增市场主体1200户。', 'count'],
    ['一季度规上工业增加值增长6.1%，好于预期。', 'growth'],
  ])('%s', (text, kind) => {
    const [first] = statsInSentence(text);
    expect(first?.kind).toBe(kind);
  });
  it('still reads 「预期增长6%」 as a target', () => {
    expect(statsInSentence('全年地区生产总值预期增长6%左右。')[0]?.kind).toBe('target');
  });
});

describe('whose figure: a body or project named before, or after an investment', () => {
  it.each([
    ['该公司上半年实现产值6.2亿元，同比增长31%。', 'entity'],
    ['一季度，该企业实现营业收入18.7亿元。', 'entity'],
    ['该项目建成后可新增就业岗位800个。', 'project'],
    ['总投资120亿元的澜湖储能电池基地项目已完成主体建设。', 'project'],
    ['投资52亿元的青禾锂电新材料产业园一期建成试产。', 'project'],
  ])('%s', (text, kind) => {
    expect(statsInSentence(text)[0]?.scope.kind).toBe(kind);
  });
  it('keeps the area’s own figures the area’s', () => {
    expect(statsInSentence('全区完成固定资产投资86亿元，同比增长9.1%。').map((s) => s.scope.kind)).toEqual([
      'area',
      'area',
    ]);
    // many projects are no one project
    expect(statsInSentence('总投资56亿元的12个重点项目全部开工。')[0]?.scope.kind).toBe('area');
  });
});

describe('a list item naming one project', () => {
  it('scopes 「XX提升工程：完成投资1.2亿元」 to the project', () => {
    const [first] = statsInSentence('鹭洲湿地公园提升工程：完成投资1.2亿元，计划10月开园。');
    expect(first?.scope).toEqual({ kind: 'project', name: '鹭洲湿地公园提升工程' });
  });
});

describe('the period a title names', () => {
  it.each([
    ['青禾区2024年上半年经济运行情况', '上半年'],
    ['临川县2024年1—5月主要经济指标', '1—5月'],
    ['云溪市2023年国民经济和社会发展统计公报', '2023年'],
  ])('%s → %s', (title, period) => {
    const [first] = statsInSentence('规上工业增加值增长9.2%。', { sectionTitles: [title] });
    expect(first?.period).toBe(period);
  });
});

describe('a currency before the number, and a target set for a date', () => {
  it('keeps 「达」 and 「约」 across 新台币 or 人民币', () => {
    expect(statsInSentence('投资金额达新台币216亿元。')[0]?.qualifier).toBe('达');
    expect(statsInSentence('观光产值约人民币96亿元。')[0]?.qualifier).toBe('约');
  });
  it('reads 「目标于年底前完成1200户」 as a target', () => {
    expect(statsInSentence('本府目标于年底前完成社会住宅1200户。')[0]?.kind).toBe('target');
  });
});

describe('a comparison with another place takes no basis from the growth before it', () => {
  it('reads 「增速高于全市1.1个百分点」 with no 同比', () => {
    const [growth, above] = statsInSentence('全县规上工业增加值同比增长7.7%，增速高于全市1.1个百分点。');
    expect(growth?.basis).toBe('同比');
    expect(above?.basis).toBeUndefined();
  });
});
