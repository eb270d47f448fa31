import { describe, expect, it } from 'vitest';
import { check, rulesOn, said } from './helpers';

describe('punctuation (GB/T 15834-2011)', () => {
  it('turns half-width marks in Chinese text full-width, with the clause of each mark', () => {
    expect(said('征途漫漫,唯有奋斗。')).toEqual(['punct:,→，']);
    expect(said('实施“三大行动”;推进城市更新。')).toEqual(['punct:;→；']);
    expect(said('注:以上数据为快报数。')).toEqual(['punct::→：']);
    expect(said('这是为什么?')).toEqual(['punct:?→？']);
    expect(said('全区完成投资12亿元.')).toEqual(['punct:.→。']);
    expect(check('征途漫漫,唯有奋斗。')[0]!.rule).toBe('GB/T 15834-2011 4.4.2');
    expect(check('实施“三大行动”;推进。')[0]!.rule).toBe('GB/T 15834-2011 4.6.2');
  });

  it('takes the space after a half-width mark with it', () => {
    expect(said('推进改革, 加快发展。')).toEqual(['punct:, →，']);
  });

  it('leaves the half-width characters Chinese text legitimately holds', () => {
    const right = [
      '全区生产总值1,234.5亿元，增长2.5%。',
      '会议于09:30开始，比例尺为1:500。',
      '推进5G、AI、GDP核算和PM2.5治理。',
      '详见www.qinghe.gov.cn/zwgk/index.html，或发邮件至ban@qinghe.gov.cn。',
      '参见 https://example.org/a,b;c?d=1 的说明。',
      '引自Smith, J. (2020)的研究。',
      '双强计划2.0版本已上线。',
      '1. 天然气',
      '他说“No.1”是目标。',
    ];
    for (const text of right) expect(said(text), text).toEqual([]);
  });

  it('makes straight quotes and half-width brackets around Chinese curly and full-width', () => {
    expect(said('深入推进"双减"政策落地。')).toEqual(['punct:"双减"→“双减”']);
    expect(said('严格落实河(湖)长制。')).toEqual(['punct:(湖)→（湖）']);
    expect(said('文明实践中心（所、站)建设。')).toEqual(['punct:)→）']);
    expect(said('见<<政府工作报告>>。')).toEqual(['punct:<<政府工作报告>>→《政府工作报告》']);
    expect(said('see (Annex 1) and "Table 2".')).toEqual([]);
    expect(said('(1)加强组织领导。')).toEqual([]);
  });

  it('finds quotes that face the wrong way or have no partner, and forgives a line that wraps inside one', () => {
    expect(said('深入推进“双减“政策落地。')).toEqual(['punct:“→”']);
    expect(said('打造“向阳花志愿服务品牌。')).toEqual(['punct:“→∅']);
    expect(said('打造“向阳花”志愿服务品牌”。')).toEqual(['punct:”→∅']);
    expect(said('深化微宣讲“云\n课堂”品牌建设。')).toEqual([]);
    expect(said('他说：“第一段。\n“第二段。”')).toEqual([]);
    expect(said('他说：‘这是英文China’s的用法’。')).toEqual([]);
  });

  it('finds brackets and title marks without partners', () => {
    expect(rulesOn('出台《生态强区发展规划，深入推进。')).toEqual(['punct.brackets']);
    expect(rulesOn('推进社区（村）建设）。')).toEqual(['punct.brackets']);
    expect(said('出台《关于进一步优化营商环境的\n若干措施》。')).toEqual([]);
    expect(said('出台《关于〈条例〉的实施意见》（试行）。')).toEqual([]);
  });

  it('finds doubled marks and two marks in a row', () => {
    expect(said('推进改革，，加快发展。')).toEqual(['punct:，，→，']);
    expect(said('推进改革，。加快发展。')).toEqual(['punct:，。→。']);
    expect(said('完成任务。。')).toEqual(['punct:。。→。']);
    expect(said('这是为什么？。')).toEqual(['punct:？。→？']);
    expect(said('这是为什么？！')).toEqual([]);
    expect(said('他说：“好。”')).toEqual([]);
  });

  it('writes the ellipsis as …… and the dash as ——', () => {
    expect(said('钢铁、水泥、煤炭...')).toEqual(['punct:...→……']);
    expect(said('钢铁、水泥、煤炭。。。')).toEqual(['punct:。。。→……']);
    expect(said('钢铁、水泥、煤炭…')).toEqual(['punct:…→……']);
    expect(said('钢铁、水泥、煤炭……')).toEqual([]);
    expect(said('下一步--我们将继续努力。')).toEqual(['punct:--→——']);
    expect(said('——持之以恒保障改善民生。')).toEqual([]);
    expect(said('北京—上海高铁，编号G1-G4，区间2-3。')).toEqual([]);
  });

  it('wants no point mark at the end of a heading, but leaves a numbered sentence alone', () => {
    expect(said('一、上半年主要工作。\n（一）经济运行\n上半年，全区经济稳中向好。')).toEqual(['punct:。→']);
    expect(said('一、会议听取了专题汇报。\n二、会议审议了有关文件。')).toEqual([]);
    expect(said('（一）全力复工复产。出台复工方案，推动企业满产满销。')).toEqual([]);
  });

  it('puts the right mark after an ordinal', () => {
    expect(said('（一）、加强组织领导')).toEqual(['punct:、→']);
    expect(said('一.加强组织领导')).toEqual(['punct:.→、']);
    expect(said('1、加强组织领导')).toEqual(['punct:、→.']);
    expect(said('第一、要提高认识。')).toEqual(['punct:、→，']);
    expect(said('1、2号楼已经封顶。')).toEqual([]);
    expect(said('第一，要提高认识。')).toEqual([]);
  });

  it('knows the enumeration comma rules', () => {
    expect(said('开展“三服务”、“四进”活动。')).toEqual(['punct:、→']);
    expect(said('长春、吉林、等地。')).toEqual(['punct:、→']);
    expect(said('钢铁、水泥、以及煤炭。')).toEqual(['punct:、→，']);
    expect(said('质量、等级和价格。')).toEqual([]);
    expect(said('开展“三服务”“四进”活动。')).toEqual([]);
  });
});

describe('an address followed by a sentence mark', () => {
  it('leaves the address alone and still reads the mark after it as Chinese punctuation', () => {
    expect(said('详见www.qinghe.gov.cn/zwgk/index.html,或来电咨询。')).toEqual(['punct:,→，']);
  });
});

describe('spaces', () => {
  it('finds a space inside a sentence of running text, not in titles, signatures or short lines', () => {
    expect(
      said('上半年，全区经济运行稳中向好，主要指标增速 高于全市平均水平，固定资产投资同比增长9.8%。'),
    ).toEqual(['punct: →']);
    for (const right of [
      '凝心聚力向前行 克难奋进谋新篇',
      '临川县委书记  周明远',
      '推进5G 网络建设，支持 AI 企业发展，在全市率先建成千兆城市示范区，用户满意度明显提升。',
    ])
      expect(said(right), right).toEqual([]);
  });
});
