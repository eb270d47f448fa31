import { describe, expect, it } from 'vitest';
import { findRepairs } from '../../../content/analyze/repair';
import { importPastedText, reanalyze } from '../../../content/import';
import type { RawBlock, Report } from '../../../content/model/report';
import { allSections, headingsOf, paragraphsOf } from './kinds';

const raw = (...texts: string[]): RawBlock[] =>
  texts.map((text, i) => ({ type: 'text', id: `b${i + 1}`, text }));
const kinds = (blocks: RawBlock[]): string[] =>
  findRepairs(blocks).map((r) => `${r.kind}:${r.blockIds.join(',')}`);
const body = (r: Report): string => paragraphsOf(r).join('\n');

const HEAD = '全县固定资产投资同比增长12.6%，其中制造业投资增长23.5%，工业技改投资';
const TAIL = '增长31.2%，基础设施投资增长9.8%。';
const DONE = '民间投资占全部投资的比重达到58.3%，比上年同期提高4.1个百分点。';

describe('page numbers', () => {
  it.each([
    '— 3 —',
    '- 3 -',
    '－3－',
    '·3·',
    '第 3 页',
    '第3页',
    '第3页 共5页',
    '第3页/共5页',
    '共5页 第3页',
    '3/5',
    '3 / 5',
    'Page 3 of 5',
  ])('drops 「%s」 between two pages and reads the sentence it cut as one', (page) => {
    const r = importPastedText(['上半年工作总结', HEAD, page, TAIL, DONE].join('\n'));
    expect(r.repairs.find((x) => x.kind === 'page-number')).toMatchObject({
      blockIds: ['b3'],
      before: page,
      applied: true,
    });
    expect(body(r)).toBe(`${HEAD}${TAIL}\n${DONE}`);
  });

  it('drops bare numbers that count the pages, and rejoins across them', () => {
    const page = (n: number): string[] => [
      `第${n}部分的工作正在有序推进，各项指标运行平稳，总体符合预期。`,
      '全区上下统筹推进各项工作。',
      '重点项目建设加快推进。',
      String(n),
    ];
    const r = importPastedText(['总结', ...page(1), ...page(2), ...page(3)].join('\n'));
    expect(r.repairs.filter((x) => x.kind === 'page-number').map((x) => x.before)).toEqual(['1', '2', '3']);
    expect(body(r)).not.toMatch(/^\d$/m);
  });

  it('keeps a column of numbers, 「01」 among them, as the table it is', () => {
    expect(kinds(raw('主要指标', '序号', '01', '02', '03', '12', '35', '48'))).toEqual([]);
  });

  it('keeps a lone number that neither counts pages nor cuts a sentence', () => {
    expect(kinds(raw('总结', '全年完成投资12亿元。', '3', '二、民生保障'))).toEqual([]);
  });
});

describe('running headers and footers', () => {
  const pageOf = (n: number, lines: string[]): string[] => [...lines, `— ${n} —`, '临川县人民政府工作报告'];

  it('drops the title repeated at every page break, but keeps it as the title', () => {
    const r = importPastedText(
      [
        '临川县人民政府工作报告',
        ...pageOf(1, ['一、工作回顾', HEAD]),
        ...pageOf(2, [TAIL, DONE]),
        '二、下步打算',
        '抓好项目建设。',
      ].join('\n'),
    );
    expect(r.title).toBe('临川县人民政府工作报告');
    expect(r.repairs.filter((x) => x.kind === 'running-header').map((x) => x.blockIds)).toEqual([
      ['b5'],
      ['b9'],
    ]);
    expect(headingsOf(r).map((h) => h.text)).toEqual(['一、工作回顾', '二、下步打算']);
    expect(body(r)).toContain(`${HEAD}${TAIL}`);
  });

  it('drops a unit name repeated between pages, and keeps the same unit signing the report with its date', () => {
    const r = importPastedText(
      [
        '关于一季度经济运行情况的报告',
        HEAD,
        '第1页 共2页',
        '云溪市发展和改革委员会',
        TAIL,
        DONE,
        '云溪市发展和改革委员会',
        '2023年4月20日',
        '第2页 共2页',
      ].join('\n'),
    );
    expect(r.repairs.filter((x) => x.kind === 'running-header').map((x) => x.blockIds)).toEqual([['b4']]);
    expect(r.issuer).toBe('云溪市发展和改革委员会');
    expect(r.date).toBe('2023年4月20日');
  });

  it('keeps the title of a report pasted twice, over its subtitle each time: that is no running header', () => {
    const once = ['临川县人民政府工作报告', '——在县第十八届人民代表大会第三次会议上', '一、工作回顾', DONE];
    const r = importPastedText([...once, ...once, ...once].join('\n'));
    expect(r.repairs).toEqual([]);
    expect(allSections(r.sections).filter((s) => s.title === '临川县人民政府工作报告')).toHaveLength(2);
  });

  it('keeps a short heading repeated in two chapters, standing between whole paragraphs', () => {
    const r = importPastedText(
      ['总结', '一、工业', '主要做法', DONE, '二、农业', '主要做法', '全年粮食播种面积稳定在58.6万亩。'].join(
        '\n',
      ),
    );
    expect(r.repairs).toEqual([]);
    expect(allSections(r.sections).filter((s) => s.title === '主要做法')).toHaveLength(2);
  });
});

describe('stray marks', () => {
  it('reads a lone 「。」 after an unfinished line back into its sentence, as the wrap it is', () => {
    const r = importPastedText(['总结', '全县未发生较大以上生产安全事故', '。', DONE].join('\n'));
    expect(body(r)).toBe(`全县未发生较大以上生产安全事故。\n${DONE}`);
    expect(r.repairs.map((x) => x.kind)).toEqual(['wrapped']);
  });

  it('drops a lone mark after a finished sentence, and a divider, each as a repair', () => {
    const r = importPastedText(['总结', DONE, '。', '* * *', TAIL].join('\n'));
    expect(r.repairs.map((x) => `${x.kind}:${x.before}`)).toEqual(['stray-mark:。', 'stray-mark:* * *']);
    expect(body(r)).toBe(`${DONE}\n${TAIL}`);
  });

  it('puts a dropped page number back when staff undo its repair', () => {
    const r = importPastedText(['上半年工作总结', HEAD, '— 3 —', TAIL].join('\n'));
    const page = r.repairs.find((x) => x.kind === 'page-number');
    const undone = reanalyze(r, { ...r.decisions, repairs: { [page!.id]: false } });
    expect(paragraphsOf(undone)).toContain('— 3 —');
  });
});
