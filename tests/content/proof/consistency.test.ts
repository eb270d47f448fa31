import { describe, expect, it } from 'vitest';
import { builtinRules, proofread, type ProofUnit } from '../../../content/proof';
import { check, said } from './helpers';

describe('consistency within a document', () => {
  it('finds one measure stated with two values', () => {
    const text =
      '上半年，全区引进内资43.6亿元。\n\n招商引资成效明显。上半年引进内资46.3亿元，同比增长12.3%。';
    const found = check(text);
    expect(found.map((f) => `${f.kind}:${f.text}`)).toEqual(['consistency:46.3亿元']);
    expect(found[0]!.at).toEqual({ line: 3 });
    expect(found[0]!.why).toContain('43.6亿元');
  });

  it('does not compare different places, periods, targets or changes', () => {
    const right = [
      '临川镇：完成固定资产投资12亿元。\n云溪镇：完成固定资产投资8亿元。',
      '上半年完成固定资产投资92亿元。\n一季度完成固定资产投资41亿元。',
      '上半年完成固定资产投资92亿元。\n力争全年完成固定资产投资200亿元。',
      '固定资产投资增长9.8%，社会消费品零售总额增长5.6%。',
      '上半年引进内资43.6亿元，引进内资超50亿元的目标还要加把劲。',
      '引进内资43.6亿元。\n引进内资43.60亿元。',
    ];
    for (const text of right) expect(said(text), text).toEqual([]);
  });

  it('finds parts that add up to more than their total', () => {
    expect(said('实施重点项目120个，其中新开工项目46个、续建项目84个。')).toEqual([
      'consistency:120个，其中新开工项目46个、续建项目84个→∅',
    ]);
    expect(said('一般公共预算收入11.85亿元。其中，税收收入12.4亿元。')).toEqual([
      'consistency:11.85亿元。其中，税收收入12.4亿元→∅',
    ]);
    for (const right of [
      '实施重点项目120个，其中新开工项目46个、续建项目74个。',
      '服务企业超过6万户次，其中小微企业4万户次、个体工商户3万户次。',
      '生产总值186亿元，其中第三产业增长8%、工业增长7%。',
      '签约项目28个，协议投资135亿元，其中亿元以上项目19个。',
    ])
      expect(said(right), right).toEqual([]);
  });

  it('finds numbering that skips or repeats, and suggests the number when the next one confirms it', () => {
    const text = [
      '一、总体情况',
      '（一）经济',
      '（二）社会',
      '（二）民生',
      '（四）安全',
      '二、问题',
      '四、安排',
    ].join('\n');
    expect(said(text)).toEqual(['consistency:二→三', 'consistency:四→∅']);
    expect(said('一是抓投资；二是抓消费；四是抓改革。')).toEqual(['consistency:四→∅']);
    expect(said('一、总体\n（一）甲\n（二）乙\n二、问题\n（一）丙\n（二）丁')).toEqual([]);
    expect(said('统一是前提，唯一是目标。')).toEqual([]);
  });
});

describe('consistency with the report (briefing mode)', () => {
  const unit = (text: string, source: string, extra: Partial<ProofUnit> = {}): ProofUnit => ({
    at: { item: 'i1', field: 'text' },
    text,
    role: 'body',
    source,
    ...extra,
  });
  const rules = builtinRules().rules;

  it('finds a number staff changed away from the report and offers the report’s', () => {
    const found = proofread([unit('引进内资25.19亿元，签约13个。', '引进内资21.59亿元，签约13个。')], rules);
    expect(found.map((f) => `${f.text}→${f.suggestion}`)).toEqual(['25.19亿元→21.59亿元']);
    expect(found[0]!.why).toContain('21.59亿元');
  });

  it('leaves edits that keep the numbers, and numbers staff added', () => {
    expect(proofread([unit('引进内资21.59亿元。', '全年引进内资21.59亿元，签约13个。')], rules)).toEqual([]);
    expect(proofread([unit('引进内资21.59亿元，新建学校3所。', '引进内资21.59亿元。')], rules)).toEqual([]);
  });

  it('finds a retitled heading that leaves its siblings’ style', () => {
    const h = (id: string, text: string, source?: string): ProofUnit => ({
      at: { item: id, field: 'title' },
      text,
      role: 'heading',
      level: 2,
      group: 'h2:s1',
      ...(source ? { source } : {}),
    });
    const units = [
      h('a', '全力复工复产'),
      h('b', '全力扩大投资'),
      h('c', '激活消费', '全力激活消费'),
      h('d', '三、助企纾困', '全力助企纾困'),
    ];
    const found = proofread(units, rules);
    expect(found.map((f) => `${(f.at as { item: string }).item}:${f.text}→${f.suggestion}`)).toEqual([
      'c:激活消费→null',
      'd:三、→',
    ]);
  });
});
