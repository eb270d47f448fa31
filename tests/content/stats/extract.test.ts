import { describe, expect, it } from 'vitest';
import type { Section, Stat } from '../../../content/model/report';
import { applyStatEdits, STAFF_UNFIT, withStatEdit } from '../../../content/stats/decisions';
import { extractStats, parseChineseNumber, splitSentences } from '../../../content/stats/extract';
import { foldText } from '../../../content/stats/fold';
import { numberTokens } from '../../../content/stats/numbers';

const section = (
  id: string,
  title: string,
  blocks: Section['blocks'],
  sections: Section[] = [],
): Section => ({
  id,
  title,
  level: 1,
  blocks,
  sections,
});

describe('numbers as written', () => {
  it('reads Chinese numerals, and refuses digits written one after another (a year)', () => {
    expect(parseChineseNumber('三十五')).toBe(35);
    expect(parseChineseNumber('一百零八')).toBe(108);
    expect(parseChineseNumber('两千')).toBe(2000);
    expect(parseChineseNumber('一万二千')).toBe(12000);
    expect(parseChineseNumber('二〇二二')).toBeNull();
  });

  it('keeps the magnitude in the unit and reads thousands separators, full-width too', () => {
    const [a, b, c] = numberTokens(foldText('21.59亿元、1,868件、３，２００人'));
    expect(a).toMatchObject({ value: 21.59, magnitude: '亿', unit: '元' });
    expect(b).toMatchObject({ value: 1868, unit: '件' });
    expect(c).toMatchObject({ value: 3200, unit: '人' });
  });

  it('reads 「超千万元」 as 1000 万元 and 「百分之六十」 as 60 %', () => {
    expect(numberTokens('税收超千万元')[0]).toMatchObject({ value: 1000, magnitude: '万', unit: '元' });
    expect(numberTokens('占百分之六十')[0]).toMatchObject({ value: 60, unit: '%' });
  });

  it('passes over a run of digits too long to be a figure, whole', () => {
    expect(numberTokens(`编号${'7'.repeat(40)}个`)).toEqual([]);
  });
});

describe('sentences', () => {
  it('splits at full- and half-width stops and line ends, keeping closing quotes', () => {
    expect(splitSentences('一是抓项目。二是促消费!他说：“好。”三是稳就业\n完成')).toEqual([
      '一是抓项目。',
      '二是促消费!',
      '他说：“好。”',
      '三是稳就业',
      '完成',
    ]);
  });
});

describe('statistics of a report', () => {
  const report = [
    section('s1', '一、经济运行', [
      { kind: 'paragraph', id: 'p1', text: '上半年全区实现地区生产总值235亿元，同比增长4.9%。' },
      { kind: 'point', id: 'p2', lead: '全力扩大投资', text: '固定资产投资增长12%，增速位列全市第2。' },
      { kind: 'figure', id: 'f1b', figureId: 'f1' },
      { kind: 'table', id: 't1b', figureId: 't1' },
    ]),
    section('s2', '二、下半年工作安排', [
      { kind: 'paragraph', id: 'p3', text: '全年地区生产总值增长6%左右，新增城镇就业1.2万人。' },
    ]),
    section('s4', '四、关于营商环境', [
      { kind: 'point', id: 'p6', lead: '要在降低成本上下功夫：', text: '确保全年为企业减负8亿元以上。' },
      { kind: 'point', id: 'p7', lead: '三要狠抓森林防火。', text: '全区森林覆盖率61.4%。' },
    ]),
    section('s3', '三、今年主要指标', [
      { kind: 'paragraph', id: 'p4', text: '今年经济社会发展的主要预期目标是：' },
      { kind: 'paragraph', id: 'p5', text: '一般公共预算收入增长5%。' },
    ]),
  ];
  const figures = new Map([
    ['f1', { caption: '云溪机械有限公司车间，企业上半年实现产值3亿元。' }],
    [
      't1',
      {
        caption: '表1 上半年主要经济指标',
        rows: [
          ['指标', '单位', '上半年', '同比增长（%）'],
          ['地区生产总值', '亿元', '235', '4.9'],
          ['规上工业增加值', '亿元', '61.2', '-2.3'],
          ['社会消费品零售总额', '亿元', '88.6', '3.1'],
        ],
      },
    ],
  ]);
  const stats = extractStats(report, figures);
  const byText = (text: string, block?: string): Stat | undefined =>
    stats.find((s) => s.text === text && (!block || s.blockId === block));

  it('gives each statistic an id from its block, its section, and the sentence as written', () => {
    expect(byText('235亿元', 'p1')).toMatchObject({
      id: 'p1.st1',
      sectionId: 's1',
      blockId: 'p1',
      sentence: '上半年全区实现地区生产总值235亿元，同比增长4.9%。',
      period: '上半年',
    });
  });

  it('scopes a photo caption’s figure to the caption and the company it names', () => {
    expect(byText('3亿元')).toMatchObject({
      label: '产值',
      scope: { kind: 'caption', name: '云溪机械有限公司' },
    });
  });

  it('reads a table of indicators cell by cell: amounts of the period, growth rates signed as written', () => {
    const table = stats.filter((s) => s.blockId === 't1b');
    expect(table).toHaveLength(6);
    expect(table.find((s) => s.label === '规上工业增加值' && s.kind === 'growth')).toMatchObject({
      value: -2.3,
      unit: '%',
      period: '上半年',
      basis: '同比',
    });
    expect(table.find((s) => s.label === '社会消费品零售总额' && s.kind === 'amount')).toMatchObject({
      value: 88.6,
      unit: '亿元',
    });
  });

  it('makes targets of the numbers in a section of plans, and of a list after 「主要预期目标是：」', () => {
    expect(stats.filter((s) => s.sectionId === 's2').map((s) => s.kind)).toEqual(['target', 'target']);
    expect(byText('5%', 'p5')).toMatchObject({
      kind: 'target',
      measure: 'growth',
      label: '一般公共预算收入',
    });
  });

  it('reads a point that asks (「要……」) by its own sentences: a plan where it says so, a fact where it states one', () => {
    expect(byText('8亿元', 'p6')).toMatchObject({ kind: 'target', measure: 'amount', qualifier: '以上' });
    expect(byText('61.4%', 'p7')).toMatchObject({ kind: 'share', label: '森林覆盖率' });
  });

  it('reads a section of 重点工作 as plans, and one of 推进情况 as what was done', () => {
    const found = extractStats([
      section('a', '二、重点工作推进情况', [{ kind: 'paragraph', id: 'a1', text: '新建5G基站320个。' }]),
      section('b', '三、2027年重点工作', [{ kind: 'paragraph', id: 'b1', text: '新建5G基站500个。' }]),
      section('c', '四、重点工作进展', [{ kind: 'paragraph', id: 'c1', text: '新建5G基站210个。' }]),
      section('d', '五、上半年重点工作', [{ kind: 'paragraph', id: 'd1', text: '新建5G基站140个。' }]),
      // a section of tasks also says where things stand: a sentence that plans nothing states
      section('e', '第二，全力抓好2027年各项任务落实', [
        { kind: 'paragraph', id: 'e1', text: '全县森林面积186万亩，森林覆盖率66.1%，防火任务繁重。' },
        { kind: 'paragraph', id: 'e2', text: '年内投入资金1800万元左右。' },
        { kind: 'paragraph', id: 'e3', text: '粮食播种面积稳定在64万亩以上。' },
      ]),
    ]);
    expect(found.map((s) => [s.value, s.kind])).toEqual([
      [320, 'count'],
      [500, 'target'],
      [210, 'count'],
      [140, 'count'],
      [186, 'amount'],
      [66.1, 'share'],
      [1800, 'target'],
      [64, 'target'],
    ]);
  });

  it('applies staff’s label and unfit mark by id, and clears them again', () => {
    const id = 'p1.st1';
    let decisions = withStatEdit({ repairs: {}, roles: {} }, id, { label: '全区GDP' });
    decisions = withStatEdit(decisions, id, { unfit: true });
    const edited = applyStatEdits(stats, decisions.stats);
    expect(edited.find((s) => s.id === id)).toMatchObject({ label: '全区GDP', unfit: STAFF_UNFIT });
    const cleared = withStatEdit(withStatEdit(decisions, id, { label: null }), id, { unfit: null });
    expect(cleared.stats).toEqual({});
    expect(applyStatEdits(stats, cleared.stats)).toEqual(stats);
  });

  it('lets staff keep a statistic extraction found unfit, once they give it a label', () => {
    const unfit: Stat = { ...(stats[0] as Stat), id: 'x', label: '其中', unfit: '说明只是一个虚词或泛称' };
    const [fixed] = applyStatEdits([unfit], { x: { label: '工业投资' } });
    expect(fixed).toMatchObject({ label: '工业投资' });
    expect(fixed?.unfit).toBeUndefined();
  });
});

describe('a table with a column per year', () => {
  it('reads each year’s value with its unit from the row’s brackets and the year as its period', () => {
    const report = [section('s1', '一、基本情况', [{ kind: 'table', id: 't2b', figureId: 't2' }])];
    const figures = new Map([
      [
        't2',
        {
          caption: '表1　2022—2023年青禾区政务服务主要指标',
          rows: [
            ['指标', '2022年', '2023年'],
            ['企业开办时间（个工作日）', '3', '1'],
            ['政务服务事项网办率（%）', '91.2', '98.6'],
            ['新增市场主体（户）', '7350', '8126'],
          ],
        },
      ],
    ]);
    const found = extractStats(report, figures).map(
      (s) => `${s.label}|${s.value}${s.unit}|${s.period ?? ''}`,
    );
    expect(found).toEqual([
      '企业开办时间|3个工作日|2022年',
      '企业开办时间|1个工作日|2023年',
      '政务服务事项网办率|91.2%|2022年',
      '政务服务事项网办率|98.6%|2023年',
      '新增市场主体|7350户|2022年',
      '新增市场主体|8126户|2023年',
    ]);
  });
});
