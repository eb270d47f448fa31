import { describe, expect, it } from 'vitest';
import { check, said } from './helpers';

describe('numbers (GB/T 15835-2011)', () => {
  it('makes full-width digits half-width', () => {
    expect(said('新增学位３２４０个。')).toEqual(['number:３２４０→3240']);
    expect(said('增长１２．５%。')).toEqual(['number:１２．５→12.5']);
  });

  it('keeps the percent sign and the magnitude on both ends of a range', () => {
    expect(said('增长5～10%。')).toEqual(['number:5～10%→5%～10%']);
    expect(said('投资15-40万元。')).toEqual(['number:15-40万→15万～40万']);
    expect(said('规模9～16亿元。')).toEqual(['number:9～16亿→9亿～16亿']);
    expect(check('增长5～10%。')[0]!.rule).toBe('GB/T 15835-2011 4.1.3');
    for (const right of [
      '增长5%～10%。',
      '投资15万～40万元。',
      '3～5年内完成。',
      '100—150千克。',
      '-36～-8℃。',
    ])
      expect(said(right), right).toEqual([]);
  });

  it('wants a dash or a swung dash, not a hyphen, in a range', () => {
    expect(said('2020-2022年，全区累计投资。')).toEqual(['number:-→—']);
    expect(said('1-6月，全区完成投资。')).toEqual(['number:-→—']);
    expect(said('3-5年内完成。')).toEqual(['number:-→～']);
    const right = [
      '2022-07-15召开会议。',
      '联系电话0431-88886666转2号。',
      '按GB/T 15834-2011执行，GB 3095-2012规定。',
      '型号WZ-10直升机。',
      '住3-5号楼。',
      '2020—2022年，全区累计投资。',
      '上午9:00-11:30办理。',
    ];
    for (const text of right) expect(said(text), text).toEqual([]);
  });

  it('writes years in full', () => {
    expect(said('22年上半年，全区经济回升。')).toEqual(['number:22→2022']);
    expect(said('22年6月，全区经济回升。')).toEqual(['number:22→2022']);
    for (const right of [
      '近20年来，全区经济持续增长。',
      '连续22年上半年保持增长。',
      '工作22年。',
      '2022年上半年。',
    ])
      expect(said(right), right).toEqual([]);
  });

  it('writes an estimate of two numbers without a comma, in Chinese numerals', () => {
    expect(said('每周三、四次上门走访。')).toEqual(['number:三、四→三四']);
    expect(said('每周3、4次上门走访。')).toEqual(['number:3、4→三四']);
    for (const right of ['一、二季度经济平稳。', '三、四年级学生。', '1、2号楼。', '一、五个方面。'])
      expect(said(right), right).toEqual([]);
  });

  it('knows 〇 in years, mixed numerals, percentages in words, times and pure decimals', () => {
    expect(said('二零二三年七月二十日')).toEqual(['number:二零二三→二〇二三']);
    expect(said('二〇二三年七月二十日')).toEqual([]);
    expect(said('排查隐患2千余处。')).toEqual(['number:2千→2000']);
    expect(said('建成4千米绿道，储备5千瓦电池。')).toEqual([]);
    expect(said('覆盖率达到百分之七十二。')).toEqual(['number:百分之七十二→72%']);
    expect(said('增长百分之三点五。')).toEqual(['number:百分之三点五→3.5%']);
    expect(said('百分之百满意。')).toEqual([]);
    expect(said('会议上午9：30召开。')).toEqual(['number:：→:']);
    expect(said('比分3：2。')).toEqual([]);
    expect(said('增长.5个百分点。')).toEqual(['number:.5→0.5']);
  });

  it('gives a change in a rate in percentage points and a change in an amount in percent', () => {
    expect(said('资产负债率下降2.4%。')).toEqual(['number:2.4%→2.4个百分点']);
    expect(said('增速比一季度加快1.1%。')).toEqual(['number:1.1%→1.1个百分点']);
    expect(said('优良天数比例为85.6%，比上年同期提高3.2%。')).toEqual(['number:3.2%→3.2个百分点']);
    expect(said('营业收入同比增长3个百分点。')).toEqual(['number:3个百分点→3%']);
    for (const right of [
      '资产负债率下降2.4个百分点。',
      '固定资产投资完成92.3亿元，同比增长9.8%。',
      'PM2.5平均浓度为32微克/立方米，同比下降8.6%。',
      '失业率为3.5%，税收收入同比下降3.1%。',
      '利润总额增长12%。',
    ])
      expect(said(right), right).toEqual([]);
  });

  it('asks large numbers to be grouped one way in a document', () => {
    const text = '服务企业61000户次，解决问题22900个。\n兑现奖励1,730万元。';
    expect(said(text)).toEqual(['number:1,730→1730']);
    expect(said('服务企业61000户次，兑现奖励17300万元。\n2022年，拨打12345热线。')).toEqual([]);
  });

  it('keeps fixed expressions in Chinese numerals (from the word list)', () => {
    expect(said('编制“14五”规划。')).toEqual(['number:14五→十四五']);
    expect(said('做到“二个维护”。')).toEqual(['number:二个维护→两个维护']);
    expect(said('坚持“第1议题”制度。')).toEqual(['number:第1议题→第一议题']);
    expect(said('建成4个意识形态阵地，完成145项任务。')).toEqual([]);
    expect(check('编制“14五”规划。')[0]!.rule).toBe('GB/T 15835-2011 3.2.3');
  });
});

describe('approximate numbers and a full-width point', () => {
  it('finds two words for one estimate', () => {
    expect(said('参加培训约5000余人。')).toEqual(['number:余→']);
    expect(said('总投资约920亿元左右。')).toEqual(['number:左右→']);
    expect(said('惠及群众超过3万人以上。')).toEqual(['number:以上→']);
    for (const right of ['参加培训5000余人。', '总投资约920亿元。', '增长6%左右。', '超过3万人。'])
      expect(said(right), right).toEqual([]);
  });

  it('finds a full-width point in a number', () => {
    expect(said('实现地区生产总值2368．5亿元。')).toEqual(['number:．→.']);
  });
});
