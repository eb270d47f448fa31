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

describe('numbered items written as whole sentences', () => {
  it('makes each 「1. ……。」 item of a list a point with its marker, led by its first clause, nothing lost', () => {
    const items = [
      '1. 地下水超采问题仍然突出，上半年监测井超采比例为12.4%。',
      '2. 部分乡镇垃圾转运设施老化。',
      '（3）农村生活污水治理率偏低，仅为46%，距年度目标尚有差距。',
    ];
    const r = importPastedText(
      ['云溪市生态环境工作情况', '一、存在的问题', '对照年度任务，仍有以下问题：', ...items].join('\n'),
    );
    expect(points(r)).toEqual([
      '¶对照年度任务，仍有以下问题：',
      '1.|地下水超采问题仍然突出|，',
      '2.|部分乡镇垃圾转运设施老化|。',
      '（3）|农村生活污水治理率偏低|，',
    ]);
    // the text reads back whole, markers included: a brief prints what the report says
    const body = blocksOf(r)
      .filter((b) => b.kind === 'point')
      .map((b) => (b.kind === 'point' ? `${b.marker}${b.lead}${b.leadEnd ?? ''}${b.text}` : ''));
    expect(body).toEqual(items.map((t) => t.replace(/^(1\.|2\.) /, '$1')));
    // the figures are still read, with their labels from the item
    expect(r.stats.map((s) => s.text)).toEqual(expect.arrayContaining(['12.4%', '46%']));
  });

  it('leaves a dash line (a quotation’s source) and an unmarked sentence as paragraphs', () => {
    const r = importPastedText(
      [
        '总结',
        '一、概况',
        '全年完成投资36亿元，同比增长8%，高于全市平均水平两个百分点以上。',
        '——摘自云溪市统计公报',
      ].join('\n'),
    );
    expect(points(r).filter((p) => !p.startsWith('¶'))).toEqual([]);
  });
});

describe('numbered lines: list items or headings', () => {
  const tree = (r: Report): string[] => {
    const out: string[] = [];
    const walk = (ss: Report['sections'], depth: number): void => {
      for (const s of ss) {
        if (s.title) out.push(`${'#'.repeat(depth)} ${s.number ?? ''}${s.title}`);
        for (const b of s.blocks)
          out.push(b.kind === 'point' ? `- ${b.marker ?? ''}${b.lead}` : `¶${blockText(b)}`);
        walk(s.sections, depth + 1);
      }
    };
    walk(r.sections, 1);
    return out;
  };

  it('reads 「3.主要目标是：」 after the points 1. and 2. as point 3, not a heading', () => {
    const r = importPastedText(
      [
        '临川县2025年工作安排',
        '一、产业发展',
        '1.抓产业升级。推动12家企业技术改造。',
        '2.抓园区建设。新建标准厂房8万平方米。',
        '3.主要目标是：',
        '规上工业增加值增长7%左右。',
        '二、民生保障',
        '新增城镇就业2300人。',
      ].join('\n'),
    );
    expect(tree(r)).toEqual([
      '# 一、产业发展',
      '- 1.抓产业升级',
      '- 2.抓园区建设',
      '- 3.主要目标是',
      '¶规上工业增加值增长7%左右。',
      '# 二、民生保障',
      '¶新增城镇就业2300人。',
    ]);
  });

  it('keeps 1. 2. headings with their paragraphs under them as headings', () => {
    const r = importPastedText(
      [
        '临川县2025年工作安排',
        '一、产业发展',
        '1.抓产业升级',
        '推动12家企业技术改造，完成投资6亿元。',
        '2.抓园区建设',
        '新建标准厂房8万平方米。',
      ].join('\n'),
    );
    expect(tree(r)).toEqual([
      '# 一、产业发展',
      '## 1.抓产业升级',
      '¶推动12家企业技术改造，完成投资6亿元。',
      '## 2.抓园区建设',
      '¶新建标准厂房8万平方米。',
    ]);
  });

  it('takes a run of 1. 2. 3. lines as one list when one of them is a sentence', () => {
    const r = importPastedText(
      [
        '临川县环境问题',
        '一、存在的问题',
        '1. 部分乡镇垃圾转运设施老化。',
        '2. 农村生活污水治理率偏低，仅为46%。',
        '3. 监测能力不足。',
        '二、下步打算',
        '加快补齐短板。',
      ].join('\n'),
    );
    expect(tree(r).slice(0, 4)).toEqual([
      '# 一、存在的问题',
      '- 1.部分乡镇垃圾转运设施老化',
      '- 2.农村生活污水治理率偏低',
      '- 3.监测能力不足',
    ]);
  });
});
