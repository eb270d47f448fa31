import { describe, expect, it } from 'vitest';
import { importPastedText } from '../../../content/import';
import { stripEmoji } from '../../../content/analyze/text-rules';
import { allSections, headingsOf, paragraphsOf } from './kinds';

/** A WeChat article as copied from the page: pictograph headings, photo captions in two styles. */
const ARTICLE = [
  '云溪县：前三季度经济“答卷”来了！速看👇',
  '',
  '10月20日，云溪县召开前三季度经济运行分析会，全县主要指标保持稳中向好态势。📊',
  '',
  '🌟 工业生产回升向好',
  '',
  '全县规模以上工业增加值同比增长8.7%，较上半年加快0.9个百分点。',
  '',
  '图为云溪县新材料产业园生产车间（记者 杜若 摄）',
  '',
  '🛒 消费市场持续活跃',
  '',
  '全县社会消费品零售总额达到96.3亿元，同比增长6.2%。',
  '',
  '云溪古镇夜市人头攒动（通讯员 方晴 摄）',
  '',
  '🎯 四季度怎么冲？',
  '',
  '会议要求，四季度要锚定全年目标，确保地区生产总值增长6.5%以上。',
].join('\n');

describe('a WeChat article’s parts', () => {
  const r = importPastedText(ARTICLE);

  it('reads 「图为……」 and 「……（记者 X 摄）」 lines as photo captions, not headings', () => {
    expect(r.figures.map((f) => f.caption)).toEqual([
      '图为云溪县新材料产业园生产车间（记者 杜若 摄）',
      '云溪古镇夜市人头攒动（通讯员 方晴 摄）',
    ]);
    expect(allSections(r.sections).every((s) => !/摄/.test(s.title))).toBe(true);
  });

  it('heads every pictograph-led part alike, a question among them, without the pictographs', () => {
    expect(headingsOf(r).map((h) => h.text)).toEqual([
      '工业生产回升向好',
      '消费市场持续活跃',
      '四季度怎么冲？',
    ]);
    expect(r.title).toBe('云溪县：前三季度经济“答卷”来了！速看');
  });

  it('keeps the body’s own text, pictographs and all', () => {
    expect(paragraphsOf(r)).toContain(
      '10月20日，云溪县召开前三季度经济运行分析会，全县主要指标保持稳中向好态势。📊',
    );
  });

  it('leaves a sentence ending in a question mark after a pictograph-free line a paragraph', () => {
    const q = importPastedText(
      ['总结', '一、工作回顾', '下半年怎么干？', '全年目标能否完成，关键在四季度。'].join('\n'),
    );
    expect(headingsOf(q).map((h) => h.text)).toEqual(['一、工作回顾']);
  });

  it('strips joined and varied pictographs, and keeps a line of pictographs alone as it is', () => {
    expect(stripEmoji('🛍️ 消费市场')).toBe('消费市场');
    expect(stripEmoji('👨‍💻数字经济👍🏽')).toBe('数字经济');
    expect(stripEmoji('🎉🎉')).toBe('🎉🎉');
    expect(stripEmoji('一、工作回顾')).toBe('一、工作回顾');
  });
});
