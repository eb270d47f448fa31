import { describe, expect, it } from 'vitest';
import { parseChineseNumber, splitSentences, statsInSentence } from '../../content/stats/extract';

const one = (sentence: string) =>
  statsInSentence(sentence).map((s) => ({ v: s.value, u: s.unit, l: s.label, k: s.kind }));

describe('statistics in a sentence', () => {
  it('keeps value and unit as written, magnitude in the unit', () => {
    expect(one('引进内资21.59亿元。')).toEqual([{ v: 21.59, u: '亿元', l: '引进内资', k: 'value' }]);
    expect(one('服务企业6.1万户次。')).toEqual([{ v: 6.1, u: '万户次', l: '服务企业', k: 'value' }]);
    expect(one('定向投放消费券400万元。')[0]).toMatchObject({ v: 400, u: '万元' });
    expect(one('累计处置1,868件。')[0]).toMatchObject({ v: 1868, u: '件' });
  });

  it('labels a count by the thing counted after it, and a duration by what took that long', () => {
    expect(one('社会面清零后仅用5天实现107户规模以上工业企业复工复产。')).toEqual([
      { v: 5, u: '天', l: '规模以上工业企业复工复产用时', k: 'value' },
      { v: 107, u: '户', l: '规模以上工业企业复工复产', k: 'value' },
    ]);
    expect(one('合理规划700个社区网格、426个小区。').map((s) => s.l)).toEqual(['社区网格', '小区']);
  });

  it('reads Chinese numerals', () => {
    expect(one('建立百名后备人才储备库。')).toEqual([{ v: 100, u: '名', l: '后备人才储备库', k: 'value' }]);
    expect(one('建成两个示范区。')[0]).toMatchObject({ v: 2, u: '个' });
    expect(parseChineseNumber('三十五')).toBe(35);
    expect(parseChineseNumber('一百零八')).toBe(108);
    expect(parseChineseNumber('两千')).toBe(2000);
  });

  it('marks changes and thresholds', () => {
    expect(one('固投同比增长2%。')).toEqual([{ v: 2, u: '%', l: '固投', k: 'change' }]);
    expect(one('工业产值下降3.5%。')[0]).toMatchObject({ k: 'change', l: '工业产值' });
    expect(one('减免缓缴各类税费超5亿元。')[0]).toMatchObject({ k: 'threshold', l: '减免缓缴各类税费' });
    expect(one('粮食产量达到12万吨。')[0]).toMatchObject({ k: 'threshold', u: '万吨' });
    expect(one('增速回落1.2个百分点。')[0]).toMatchObject({ k: 'change', u: '个百分点' });
  });

  it.each([
    ['2022年,必将是不平凡的一年。'],
    ['8月12日,中共长春市委六届三次全会召开。'],
    ['坚持“第一议题”制度。'],
    ['增强“四个意识”、坚定“四个自信”、做到“两个维护”。'],
    ['开展“稳产扩能、技改扩能”四个行动。'],
    ['坚决答好“疫情要防住”三张政治答卷。'],
    ['统筹推进二次供水等重点工程。'],
    ['出台《关于推进5个专项行动的意见》。'],
    ['排名第3名。'],
  ])('counts nothing in 「%s」', (sentence) => {
    expect(statsInSentence(sentence)).toEqual([]);
  });

  it('splits sentences at full- and half-width stops', () => {
    expect(splitSentences('一是抓项目。二是促消费!三是稳就业;完成')).toEqual([
      '一是抓项目。',
      '二是促消费!',
      '三是稳就业;',
      '完成',
    ]);
  });
});
