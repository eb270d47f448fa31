import { describe, expect, it } from 'vitest';
import { clauseLines } from '../../content/compose/deck-body';
import { factLines, factWeight, FORMULA_WEIGHT } from '../../content/compose/deck-lines';
import { safeCutBefore, safeCuts, sentencesOf } from '../../content/text/safe-cut';

describe('where a text may be cut', () => {
  it('never inside a number with its unit, a quotation or a title mark', () => {
    const text = '社会消费品零售总额完成238.6亿元，出台《临川县促进消费十条》，推行“一件事一次办”。';
    const cuts = safeCuts(text);
    const at = (s: string, k = 0): number => text.indexOf(s) + k;
    for (let k = 1; k < '238.6亿元'.length; k++)
      expect(cuts[at('238.6亿元', k)], `238.6亿元 at ${k}`).toBe(false);
    for (let k = 1; k < '《临川县促进消费十条》'.length; k++) expect(cuts[at('《', k)]).toBe(false);
    for (let k = 1; k < '“一件事一次办”'.length; k++) expect(cuts[at('“', k)]).toBe(false);
    expect(cuts[at('，')]).toBe(true);
    // a cut asked for inside the number falls back to before it
    expect(safeCutBefore(text, at('238.6亿元', 3))).toBeLessThanOrEqual(at('238.6亿元'));
  });

  it('splits sentences after their end mark, keeping a quotation’s closing mark and not splitting inside it', () => {
    expect(sentencesOf('他说：“要抓项目。要促消费。”全年完成投资12亿元。')).toEqual([
      '他说：“要抓项目。要促消费。”',
      '全年完成投资12亿元。',
    ]);
  });
});

describe('the fact lines of a point', () => {
  it('weigh numbers over results over measures, and rhetoric last', () => {
    expect(factWeight('完成投资12.5亿元')).toBe(3);
    expect(factWeight('临川大桥建成通车')).toBe(2);
    expect(factWeight('开展安全生产大检查')).toBe(1);
    expect(factWeight('我们始终坚持人民至上')).toBe(-1);
  });

  it('choose the sentence with the number first, leave rhetoric out when there are facts enough, and show them in report order', () => {
    const pick = factLines(
      [
        '我们始终坚持把项目建设作为头等大事。临川大桥建成通车。全年完成投资12.5亿元，同比增长8%。开展项目观摩活动。',
      ],
      4,
      () => true,
    );
    expect(pick.lines.map((l) => l.text)).toEqual([
      '临川大桥建成通车',
      '全年完成投资12.5亿元，同比增长8%',
      '开展项目观摩活动',
    ]);
    expect(pick.condensed).toEqual([true]);
  });

  it('keep chosen sentences in report order when only some fit', () => {
    // room for three lines: the two numbers and the result are chosen, shown as the report has them
    const pick = factLines(
      ['青禾区新建污水管网18公里。河道整治全面完成。群众满意度明显提升。全区水质优良率达到92%。'],
      6,
      (lines) => lines.length <= 3,
    );
    expect(pick.lines.map((l) => l.text)).toEqual([
      '青禾区新建污水管网18公里',
      '河道整治全面完成',
      '全区水质优良率达到92%',
    ]);
  });

  it('never make a line of a formula, even one with a count in it, and say the item was shortened', () => {
    for (const formula of [
      '现将上半年工作情况总结如下。',
      '刚才，三位同志作了发言，讲得都很好，我都同意。',
      '下面，我再讲三点意见。',
      '围绕这一目标，重点抓好以下五项工作。',
      '对这些问题，我们将高度重视，采取有力措施认真加以解决。',
      '各位代表！',
    ])
      expect(factWeight(formula)).toBe(FORMULA_WEIGHT);
    const pick = factLines(['下面，我再讲三点意见。全县新建应急避难场所12处。'], 4, () => true);
    expect(pick.lines.map((l) => l.text)).toEqual(['全县新建应急避难场所12处']);
    expect(pick.condensed).toEqual([true]);
    // a year is a date, not a figure: 「今天…总结2023年工作」 carries no number
    expect(factWeight('今天，我们召开会议，总结2023年全县工作')).toBeLessThan(3);
  });

  it('set a long sentence as balanced clause lines, never cutting inside a quotation', () => {
    const sentence =
      '深化“放管服”改革，推行企业开办、不动产登记“一件事一次办”，政务服务事项全程网办率达到95%以上，企业开办时间压缩至1个工作日以内';
    const lines = clauseLines(sentence);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.join('，')).toBe(sentence);
    for (const l of lines) expect(l.split('“').length).toBe(l.split('”').length);
  });
});
