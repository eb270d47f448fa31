import { describe, expect, it } from 'vitest';
import { statsInSentence, type FoundStat, type SentenceContext } from '../../../content/stats/extract';

/** The statistics of one sentence, each reduced to what the test names. */
const read = (sentence: string, context?: SentenceContext) => statsInSentence(sentence, context);
const only = (sentence: string, context?: SentenceContext): FoundStat => {
  const found = read(sentence, context);
  expect(found, sentence).toHaveLength(1);
  return found[0] as FoundStat;
};

describe('the examples that made this rule book, in new words', () => {
  it('a growth rate in a sentence of expectations is a target of growth, never a result', () => {
    expect(only('今年主要预期目标：地区生产总值增长7%左右。')).toMatchObject({
      value: 7,
      label: '地区生产总值',
      kind: 'target',
      measure: 'growth',
      qualifier: '左右',
      change: '增长',
    });
  });

  it('keeps the growth and the 以上 of 「确保全年完成固定资产投资增长10%以上」', () => {
    expect(only('确保全年完成固定资产投资增长10%以上。')).toMatchObject({
      label: '固定资产投资',
      kind: 'target',
      measure: 'growth',
      qualifier: '以上',
      period: '全年',
    });
  });

  it('reads 个工作日 as the unit and 以内 as its qualifier', () => {
    expect(only('不动产登记时间压缩至5个工作日以内。')).toMatchObject({
      value: 5,
      unit: '个工作日',
      qualifier: '以内',
      kind: 'duration',
      label: '不动产登记时间',
    });
  });

  it('never takes the next clause’s 「其中」 for a label', () => {
    expect(read('发放就业补贴60万元，其中一次性补贴20万元。')[0]).toMatchObject({ label: '发放就业补贴' });
  });

  it('reads 「完成全年目标的64.5%」 as the year’s target completion rate', () => {
    expect(only('完成全年目标的64.5%。')).toMatchObject({ label: '全年目标完成率', kind: 'share' });
  });

  it('gives a growth rate with no subject of its own the subject of its clause', () => {
    expect(read('全区完成GDP 210亿元，同比增长5.3%。')[1]).toMatchObject({
      label: 'GDP',
      kind: 'growth',
      basis: '同比',
    });
  });

  it('scopes a photo caption’s figures about one company to the caption and the company', () => {
    const found = read('临川精密铸造有限公司车间一角，该企业实现产值2.5亿元、税收超800万元。', {
      caption: true,
    });
    expect(found.map((s) => [s.label, s.qualifier, s.scope])).toEqual([
      ['产值', undefined, { kind: 'caption', name: '临川精密铸造有限公司' }],
      ['税收', '超', { kind: 'caption', name: '临川精密铸造有限公司' }],
    ]);
  });
});

describe('kinds', () => {
  it.each([
    ['招商引资到位资金36.8亿元。', 'amount'],
    ['新增市场主体4120户。', 'count'],
    ['居民消费价格上涨1.8%。', 'growth'],
    ['城镇化率达到62.4%。', 'share'],
    ['综合实力位列全省第5位。', 'rank'],
    ['仅用28天完成方舱医院改造。', 'duration'],
    ['力争全年接待游客500万人次。', 'target'],
  ])('「%s」 is %s', (sentence, kind) => {
    expect(only(sentence).kind).toBe(kind);
  });

  it('reads a first place said in words as a rank of 1', () => {
    expect(read('固投同比增长4%，增速居全市首位。')[1]).toMatchObject({
      value: 1,
      kind: 'rank',
      label: '固投增速全市排名',
    });
  });

  it('reads 「提高到」 as the level reached, 「提高」 as the change', () => {
    expect(only('森林覆盖率提高到44%。')).toMatchObject({ kind: 'share', label: '森林覆盖率' });
    expect(only('森林覆盖率提高1.5个百分点。')).toMatchObject({
      kind: 'growth',
      label: '森林覆盖率',
      change: '提高',
    });
  });

  it('marks a number in a plan as a target, and one said done after a target word as done', () => {
    expect(read('计划新建公园8个，上半年已完成投资1.2亿元。').map((s) => s.kind)).toEqual([
      'target',
      'amount',
    ]);
  });

  it('makes every number of a section of plans a target', () => {
    expect(only('新建停车泊位3000个。', { future: true })).toMatchObject({
      kind: 'target',
      measure: 'count',
    });
  });

  it('does not take 「高于预期目标」 for a target', () => {
    expect(read('经济增长5.8%，高于预期目标0.3个百分点。').map((s) => s.kind)).toEqual(['growth', 'growth']);
  });
});

describe('qualifiers', () => {
  it.each([
    ['税收收入超10亿元。', '超'],
    ['税收收入超过10亿元。', '超过'],
    ['新增就业1.2万人以上。', '以上'],
    ['能耗下降3%以下。', '以下'],
    ['审批时间控制在3天以内。', '以内'],
    ['经济增长6%左右。', '左右'],
    ['惠及群众近3万人。', '近'],
    ['总投资约45亿元。', '约'],
    ['服务企业达8000户次。', '达'],
    ['经济总量突破500亿元。', '突破'],
    ['累计培训农民工1.6万人次。', '累计'],
    ['帮扶困难群众300余人。', '余'],
  ])('keeps the qualifier of 「%s」: %s', (sentence, qualifier) => {
    expect(only(sentence).qualifier).toBe(qualifier);
  });

  it('never takes a word for a qualifier when its character belongs to another word', () => {
    expect(only('节约财政资金300万元。').qualifier).toBeUndefined();
  });
});

describe('period and basis', () => {
  it('reads the period and basis the sentence names', () => {
    expect(read('1—5月，规上工业增加值同比增长7.6%，比一季度加快1.2个百分点。')).toMatchObject([
      { period: '1—5月', basis: '同比' },
      { period: '1—5月', basis: '比一季度', label: '规上工业增加值增速' },
    ]);
    expect(only('截至6月末，存款余额达到860亿元。').period).toBe('截至6月末');
    expect(only('一季度实现营业收入12亿元。').period).toBe('一季度');
  });

  it('takes the period of the section when the sentence names none', () => {
    expect(only('完成投资18亿元。', { sectionTitles: ['一、上半年工作情况'] }).period).toBe('上半年');
  });
});

describe('changes from … to … and ranges', () => {
  it('reads 「从A提高到B」 as one statistic with its earlier value', () => {
    const s = only('城镇化率从56.3%提高到61.9%。');
    expect(s).toMatchObject({
      value: 61.9,
      unit: '%',
      label: '城镇化率',
      from: { value: 56.3, text: '56.3%' },
    });
  });

  it('reads a ratio without a unit the same way', () => {
    expect(only('城乡收入倍差从2.45缩小到2.21。')).toMatchObject({
      value: 2.21,
      unit: '',
      from: { value: 2.45 },
    });
  });

  it('never shows the earlier value alone when the later one cannot be read', () => {
    const s = read('贫困发生率从7.2%持续下降。')[0];
    expect(s?.unfit).toBeTruthy();
  });

  it('reads a range as one statistic, never its high end alone', () => {
    expect(only('对新落户企业给予20-50万元奖励。')).toMatchObject({
      value: 20,
      unit: '万元',
      text: '20-50万元',
      upper: { value: 50, text: '50万元' },
    });
    expect(only('利率下调幅度为3%～5%。')).toMatchObject({ value: 3, upper: { value: 5 }, unit: '%' });
  });
});

describe('parallel shares', () => {
  it('gives each share of 「以A%的X产出了B%的Y」 its own label', () => {
    expect(read('园区以全县4%的土地贡献了21%的工业产值、17%的税收。').map((s) => s.label)).toEqual([
      '土地占比',
      '工业产值占比',
      '税收占比',
    ]);
  });
});

describe('scope', () => {
  it('scopes a figure after a named enterprise to it, but not a count of enterprises', () => {
    expect(only('云溪药业有限公司全年实现销售收入9.6亿元。').scope).toEqual({
      kind: 'entity',
      name: '云溪药业有限公司',
    });
    expect(only('云丰、禾润等32户企业实现增产。').scope.kind).toBe('area');
  });

  it('scopes a quoted speaker’s figures to the speaker, and passes over numbers in quoted names', () => {
    expect(only('企业负责人说：“今年我们的订单增长了三成，产值同比增长25%。”').scope.kind).toBe('entity');
    expect(read('推进“十四五”规划和“1+6”政策体系落地。')).toEqual([]);
  });

  it('scopes one named project’s figures to the project, and a kind of project to the area', () => {
    expect(only('临川大桥项目总投资18亿元。').scope).toEqual({ kind: 'project', name: '临川大桥项目' });
    expect(only('重点项目总投资280亿元。').scope.kind).toBe('area');
  });
});

describe('units staff use', () => {
  it.each([
    ['全省经济总量达到5.8万亿元。', '万亿元'],
    ['粮食产量稳定在60亿斤以上。', '亿斤'],
    ['港口吞吐量完成2800万吨。', '万吨'],
    ['PM2.5平均浓度为29微克/立方米。', '微克/立方米'],
    ['通勤时间缩短至35分钟。', '分钟'],
    ['审批时限压缩至2个工作日。', '个工作日'],
    ['占比提高0.8个百分点。', '个百分点'],
    ['接待游客1200万人次。', '万人次'],
    ['建成区面积达到86平方公里。', '平方公里'],
    ['建设高标准农田2.5万标准亩。', '万标准亩'],
  ])('reads the unit of 「%s」: %s', (sentence, unit) => {
    expect(only(sentence).unit).toBe(unit);
  });
});

describe('Chinese numerals', () => {
  it('counts them when they carry a real measure', () => {
    expect(only('新建三个社区卫生服务中心。')).toMatchObject({
      value: 3,
      unit: '个',
      label: '新建社区卫生服务中心',
    });
    expect(only('培养后备干部二百余名。')).toMatchObject({ value: 200, qualifier: '余' });
  });

  it.each([
    ['抓实两项重点工作。'],
    ['覆盖五个城区的网格化管理体系逐步健全。'],
    ['推出一批重点项目。'],
    ['坚定拥护“两个确立”。'],
    ['交出三张答卷。'],
    ['实施“五大工程”。'],
    ['第二次全国污染源普查。'],
  ])('never counts ordinals or set phrases: 「%s」', (sentence) => {
    expect(read(sentence)).toEqual([]);
  });
});

describe('the value as written', () => {
  it('keeps every digit: no rounding', () => {
    expect(only('实现营业收入12.3456亿元。').value).toBe(12.3456);
    expect(only('新增1,238户。').value).toBe(1238);
  });
});
