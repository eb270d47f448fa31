import { describe, expect, it } from 'vitest';
import { cutsNumber } from '../../../content/analyze/wraps';
import { importPastedText, reanalyze } from '../../../content/import';
import { headingsOf, paragraphsOf } from './kinds';

/** A paragraph of a summary, and the same text as a PDF wraps it at 28 characters. */
const PARAGRAPHS = [
  '今年以来，在市委、市政府的坚强领导下，县政府坚持稳中求进工作总基调，全县经济运行总体平稳、符合预期，主要指标好于全市平均水平。',
  '有效投资持续扩大。全县投资增长12.6%，其中制造业投资增长23.5%，工业技改投资增长31.2%，基础设施投资增长9.8%。',
  '消费市场加快回暖。社会消费品零售总额达到72.85亿元，同比增长7.9%。举办美食节、家电以旧换新等促消费活动36场，发放消费券1200万元。',
];

/** Wrap text at a page width, as a PDF viewer's copy gives it: no mark opens a line. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of text) {
    const cw = ch.charCodeAt(0) < 0x1100 ? 0.5 : 1;
    if (w + cw > width && line) {
      if ('，。、；：！？）》”%'.includes(ch)) {
        lines.push(line + ch);
        line = '';
        w = 0;
        continue;
      }
      lines.push(line);
      line = '';
      w = 0;
    }
    line += ch;
    w += cw;
  }
  if (line) lines.push(line);
  return lines;
}

const wrapped = (heading: string, width = 28): string =>
  [
    '临川县2023年上半年工作总结',
    '一、主要工作',
    ...PARAGRAPHS.flatMap((p) => wrap(p, width)),
    heading,
    ...wrap(PARAGRAPHS[0]!, width),
  ].join('\n');

describe('lines hard-wrapped at the page width', () => {
  it('reads each paragraph back whole, one repair per paragraph', () => {
    const r = importPastedText(wrapped('二、下步打算'));
    expect(paragraphsOf(r)).toEqual([...PARAGRAPHS, PARAGRAPHS[0]]);
    expect(r.repairs.map((x) => x.kind)).toEqual(['wrapped', 'wrapped', 'wrapped', 'wrapped']);
    expect(headingsOf(r).map((h) => h.text)).toEqual(['一、主要工作', '二、下步打算']);
  });

  it('reads on past a sentence that ends at the page’s edge, but not into the next paragraph’s lead-in', () => {
    const a =
      '全县经济运行总体平稳，主要指标好于预期。全县实现地区生产总值186亿元，同比增长6.8%，增速高于全市平均水平。';
    const b = '有效投资持续扩大。全县固定资产投资同比增长12.6%，其中制造业投资增长23.5%，全年目标可期。';
    const lines = [...wrap(a, 20), ...wrap(b, 20), ...wrap(a.replace('186', '192'), 20)];
    // the first line of each paragraph ends on its first full stop, right at the edge
    expect(lines[0]).toBe('全县经济运行总体平稳，主要指标好于预期。');
    const r = importPastedText(['临川县工作总结', ...lines].join('\n'));
    expect(paragraphsOf(r)).toEqual([a, b, a.replace('186', '192')]);
  });

  it('keeps a short unnumbered heading after a wrapped paragraph a heading', () => {
    const r = importPastedText(wrapped('加快产业转型升级'));
    expect(headingsOf(r).map((h) => h.text)).toContain('加快产业转型升级');
    expect(paragraphsOf(r)).toEqual([...PARAGRAPHS, PARAGRAPHS[0]]);
  });

  it('reads a number cut by the wrap as one number, never two', () => {
    const r = importPastedText(
      ['制造业投资', '全县投资增长12.6%，其中制造业投资增长2', '3.5%，高于全市平均水平。'].join('\n'),
    );
    expect(paragraphsOf(r)).toEqual(['全县投资增长12.6%，其中制造业投资增长23.5%，高于全市平均水平。']);
    expect(r.stats.map((s) => s.text)).toEqual(['12.6%', '23.5%']);
    expect(headingsOf(r)).toEqual([]);
  });

  it('reads the spaced numbers of a PDF copy (「增长 2」+「3.5 %」) as the numbers they are', () => {
    const r = importPastedText(
      ['制造业投资', '全县实现地区生产总值 186.42 亿元，制造业投资增长 2', '3.5 %，高于全市平均水平。'].join(
        '\n',
      ),
    );
    expect(paragraphsOf(r)).toEqual([
      '全县实现地区生产总值186.42亿元，制造业投资增长23.5%，高于全市平均水平。',
    ]);
    expect(r.stats.map((s) => `${s.value}${s.unit}`)).toEqual(['186.42亿元', '23.5%']);
  });

  it.each([
    ['全县经济运行总体平稳、符合预', '期，主要指标好于全市平均水平。'],
    ['规模以上工业增加值同比增', '长8.1%，增速高于全市。'],
    ['完成投资12', '亿元，占年度计划的57.4%。'],
    ['发放“科技贷”“园区贷”等政策性贷款1', '3.8亿元，为项目落地提供了支撑。'],
    ['统筹推进稳增长、调结构、促改革、惠民生，', '全县经济运行总体平稳。'],
  ])('rejoins 「%s⏎%s」 whatever the line’s width', (head, rest) => {
    const r = importPastedText(['上半年工作总结', head, rest].join('\n'));
    expect(paragraphsOf(r)).toEqual([head + rest]);
    expect(r.repairs).toEqual([expect.objectContaining({ kind: 'wrapped', applied: true })]);
  });

  it('gives the lines back when staff undo the repair', () => {
    const r = importPastedText(
      ['上半年工作总结', '全县经济运行总体平稳、符合预', '期，主要指标好于全市平均水平。'].join('\n'),
    );
    const undone = reanalyze(r, { ...r.decisions, repairs: { [r.repairs[0]!.id]: false } });
    // apart, the short first line reads as a heading again, as it did before the repair
    expect(headingsOf(undone).map((h) => h.text)).toEqual(['全县经济运行总体平稳、符合预']);
    expect(paragraphsOf(undone)).toEqual(['期，主要指标好于全市平均水平。']);
  });
});

describe('what is not a wrap', () => {
  it('leaves a number at the end of a genuine line, and the number on the next line, as they are', () => {
    // a heading ending in a year, then a paragraph opening on one
    expect(cutsNumber('回顾2023', '2024年是全面贯彻二十大精神的关键之年。', true)).toBe(false);
    const r = importPastedText(['工作总结', '回顾2023', '2024年是全面贯彻二十大精神的关键之年。'].join('\n'));
    expect(r.repairs).toEqual([]);
    expect(r.stats.map((s) => s.text)).not.toContain('20232024年');
  });

  it.each([
    ['表1', '2023年主要经济指标'],
    ['地区生产总值   326.5', '12.6%'],
    ['326.5  5.2', '28.7'],
    ['附件2', '3个重点项目清单'],
  ])('does not read 「%s」 on into 「%s」', (head, next) => {
    expect(cutsNumber(head, next)).toBe(false);
  });

  it('keeps finished sentences, headings and list items on their own lines', () => {
    const lines = [
      '上半年工作总结',
      '一、主要工作',
      '全县经济运行总体平稳。',
      '招商引资成效明显',
      '（一）工业经济',
      '一是工业生产稳中有进。',
      '二是投资持续发力。',
      '● 消费加快恢复',
    ];
    const r = importPastedText(lines.join('\n'));
    expect(r.repairs).toEqual([]);
  });

  it('does not read a heading on into the paragraph under it', () => {
    const r = importPastedText(
      [
        '上半年工作总结',
        '加快产业转型升级',
        '今年以来，我县坚持工业强县战略，规模以上工业增加值增长8.1%。',
        '持续增进民生福祉',
        '城镇新增就业6830人。',
      ].join('\n'),
    );
    expect(r.repairs).toEqual([]);
    expect(headingsOf(r).map((h) => h.text)).toEqual(['加快产业转型升级', '持续增进民生福祉']);
  });

  it('does not join across a blank line: that is the page-break repair’s to judge', () => {
    const r = importPastedText(['总结', '', '全县经济运行总体平稳，', '', '符合预期。'].join('\n'));
    expect(r.repairs.every((x) => x.kind !== 'wrapped')).toBe(true);
  });
});
