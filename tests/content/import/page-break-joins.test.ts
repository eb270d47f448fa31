import { describe, expect, it } from 'vitest';
import { importPastedText, reanalyze } from '../../../content/import';
import { headingsOf, paragraphsOf } from './kinds';

/**
 * Two pages of a PDF copied as text: the page number and the running header stand once, between
 * the halves of a sentence, so the header is not seen repeating.
 */
const TWO_PAGES = [
  '一、过去一年的工作',
  '　　这一年，临川县坚持项目为王，全县经济稳中向好。全县地区生产总值达到',
  '412.6亿元，增长5.9%；规上工业增加值增长8.1%；固定资产投资增长1',
  '',
  '— 3 —',
  '',
  '临川县人民政府工作报告',
  '4.7%；社会消费品零售总额158.3亿元，增长6.4%。',
  '　　（一）工业基础更加稳固。新增规上工业企业42家。',
].join('\n');

describe('a page break pasted once', () => {
  it('drops the header that stands by the page number once, and reads 14.7% back as one number', () => {
    const r = importPastedText(TWO_PAGES);
    const header = r.repairs.find((x) => x.kind === 'running-header');
    expect(header).toMatchObject({ before: '临川县人民政府工作报告', applied: true });
    expect(headingsOf(r).map((h) => h.text)).not.toContain('临川县人民政府工作报告');
    const body = paragraphsOf(r).join('\n');
    expect(body).toContain('固定资产投资增长14.7%；社会消费品零售总额158.3亿元');
    expect(body).not.toMatch(/增长1$/m);
    expect(r.stats.map((s) => s.text)).toContain('14.7%');
    expect(r.stats.map((s) => s.text)).not.toContain('4.7%');
  });

  it('puts the header back when staff undo its removal', () => {
    const r = importPastedText(TWO_PAGES);
    const header = r.repairs.find((x) => x.kind === 'running-header');
    const undone = reanalyze(r, { ...r.decisions, repairs: { [header!.id]: false } });
    const all = [...headingsOf(undone).map((h) => h.text), ...paragraphsOf(undone)].join('\n');
    expect(all).toContain('临川县人民政府工作报告');
  });

  it('drops a unit name beside a page number after a finished paragraph, but keeps a heading there', () => {
    const text = [
      '一、过去一年的工作',
      '全县地区生产总值达到412.6亿元，增长5.9%，增速居全市第二位。',
      '— 3 —',
      '临川县人民政府',
      '全县一般公共预算收入完成31.2亿元，同口径增长4.6%。',
      '— 4 —',
      '主要目标和工作计划',
      '全县固定资产投资增长8%以上。',
    ].join('\n');
    const r = importPastedText(text);
    expect(r.repairs.filter((x) => x.kind === 'running-header').map((x) => x.before)).toEqual([
      '临川县人民政府',
    ]);
    expect(headingsOf(r).map((h) => h.text)).toContain('主要目标和工作计划');
  });
});
