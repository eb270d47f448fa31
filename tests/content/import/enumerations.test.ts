import { describe, expect, it } from 'vitest';
import { partId, rawIdOf } from '../../../content/analyze/ids';
import { splitEnumeration } from '../../../content/analyze/structure';
import { importPastedText, reanalyze } from '../../../content/import';
import type { Block, Report } from '../../../content/model/report';
import { allSections, blockText } from './kinds';

const blocksOf = (r: Report): Block[] => allSections(r.sections).flatMap((s) => s.blocks);
const points = (r: Report): string[] =>
  blocksOf(r).map((b) =>
    b.kind === 'point' ? `${b.marker ?? ''}|${b.lead}|${b.leadEnd ?? ''}` : `¶${blockText(b)}`,
  );

describe('inline enumerations', () => {
  it('makes 「一是……。二是……。三是……。」 three points, markers kept, after the sentence leading into them', () => {
    const text =
      '在项目推进中，青禾区重点抓了三件事。一是领导包联到底，每个重大项目明确一名区领导牵头协调。二是要素保障到位，一季度新供应工业用地620亩。三是审批服务提速，平均用时缩短至45天。';
    const r = importPastedText(['总结', text].join('\n'));
    expect(points(r)).toEqual([
      '¶在项目推进中，青禾区重点抓了三件事。',
      '一是|领导包联到底|，',
      '二是|要素保障到位|，',
      '三是|审批服务提速|，',
    ]);
    // nothing of the paragraph is lost: the parts read back as it was
    expect(blocksOf(r).map(blockText).join('')).toBe(text);
    // 「三件事」 is a set phrase of the sentence, not a result: only measured figures are statistics
    expect(r.stats.map((s) => s.text)).toEqual(['620亩', '45天']);
  });

  it.each([
    [
      '第一，要在提升效率上下功夫。全面推行一件事一次办。第二，要在降低成本上下功夫。全年减负15亿元。',
      ['第一，', '第二，'],
    ],
    [
      '首先，要压实工作责任。主要负责同志亲自抓。其次，要强化考核问效。最后，要严格监督问责。',
      ['首先，', '其次，', '最后，'],
    ],
    ['其一，规模持续扩大。其二，结构不断优化。其三，效益稳步提升。', ['其一，', '其二，', '其三，']],
    [
      '主要呈现以下特点：一是工业生产稳中有进；二是投资持续发力；三是消费加快恢复。',
      ['一是', '二是', '三是'],
    ],
    ['全县工业增加值同比增长8.2%，一是工业生产稳中有进。二是投资持续发力。', ['一是', '二是']],
  ])('splits 「%s」 at its markers', (text, markers) => {
    const parts = splitEnumeration(text);
    expect(parts?.filter((p) => p.kind === 'point').map((p) => (p.kind === 'point' ? p.marker : ''))).toEqual(
      markers,
    );
  });

  it.each([
    '重点抓好三件事：一是抓项目，二是抓消费，三是抓民生。',
    '一是抓项目扩投资。盯紧投资完成率和入库率，推动主要经济指标由负转正。',
    '第一季度，全区经济运行稳中有进。第二季度继续保持回升势头。',
    '首先要看到，成绩来之不易。其次要看到，困难依然不少。',
    '二是投资持续发力。三是消费加快恢复。',
  ])('leaves 「%s」 alone: its markers do not open sentences in order', (text) => {
    expect(splitEnumeration(text)).toBeNull();
  });

  it('keeps the colon that ended a lead, so a draft can write 「主要目标是：」 back', () => {
    const r = importPastedText(
      ['总结', '主要目标是：地区生产总值增长7%左右，一般公共预算收入增长7%。'].join('\n'),
    );
    expect(blocksOf(r)[0]).toMatchObject({ kind: 'point', lead: '主要目标是', leadEnd: '：' });
  });

  it('gives the parts ids built from the paragraph’s raw id, stable across re-analysis, and traces them back', () => {
    const r = importPastedText(
      ['总结', '一、工作', '重点抓了两件事。一是领导包联。二是要素保障。', '三、打算', '继续努力。'].join(
        '\n',
      ),
    );
    const ids = blocksOf(r).map((b) => b.id);
    expect(ids.slice(0, 3)).toEqual(['b3', partId('b3', 2), partId('b3', 3)]);
    for (const id of ids.slice(0, 3)) expect(rawIdOf(r, { type: 'block', id })).toBe('b3');
    const again = reanalyze(r, { ...r.decisions, roles: { b5: 'point' } });
    expect(
      blocksOf(again)
        .map((b) => b.id)
        .slice(0, 3),
    ).toEqual(ids.slice(0, 3));
    // staff who call the paragraph a paragraph get it back whole
    const whole = reanalyze(r, { ...r.decisions, roles: { b3: 'paragraph' } });
    expect(blocksOf(whole)[0]).toMatchObject({
      kind: 'paragraph',
      id: 'b3',
      text: '重点抓了两件事。一是领导包联。二是要素保障。',
    });
  });
});
