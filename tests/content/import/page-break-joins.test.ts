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
  it('keeps a line of the sentence the page cut, even one that ends like a plan or names a unit', () => {
    for (const line of ['的增速好于全市平均水平并超过年度计划', '加快建设云溪县区域医疗中心']) {
      const r = importPastedText(
        [
          '临川县工作总结',
          '一、工作回顾',
          '全县固定资产投资增长9.2%，其中工业投资',
          '— 2 —',
          line,
          '增长15.3%，民间投资增长4.1%。',
        ].join('\n'),
      );
      expect(r.repairs.filter((x) => x.kind === 'running-header')).toEqual([]);
      const kept = [...headingsOf(r).map((h) => h.text), ...paragraphsOf(r)].join('');
      expect(kept).toContain(line);
    }
  });

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

/** Cut text every `n` characters, as a copy wrapped by character count (not by width) gives it. */
const byChars = (text: string, n: number): string[] => {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += n) out.push(chars.slice(i, i + n).join(''));
  return out;
};

describe('a line left short by its digits', () => {
  const A =
    '今年以来，面对需求收缩和供给冲击的双重压力，青禾区上下坚持稳中求进工作总基调，扎实做好稳增长、促改革、调结构、惠民生、防风险各项工作，全区经济运行总体平稳、稳中向好，主要经济指标增速好于全市平均水平，为完成全年目标任务打下了坚实基础。';
  const B =
    '全区地区生产总值完成1286.4亿元，同比增长6.3%；规上工业增加值增长8.2%；社会消费品零售总额652.1亿元，增长5.7%；城乡居民人均可支配收入分别达到48620元和25310元，分别增长5.2%和7.4%，居民消费价格指数温和上涨，全区经济发展的质量和效益稳步提升。';
  const C =
    '与此同时，我们也清醒看到，经济恢复的基础仍不牢固，部分中小企业经营困难，重点项目建设进度不一，财政收支平衡压力加大，民生领域还有不少短板需要补齐，必须高度重视，认真加以解决。';

  it('reads on past a line its digits left short, which stops mid-sentence, and records the join', () => {
    const lines = [...byChars(A, 35), ...byChars(B, 35), ...byChars(C, 35)];
    // the premise: wrapped by characters, lines of digits stop well short of the page width
    expect(lines).toContain('增长8.2%；社会消费品零售总额652.1亿元，增长5.7%；城乡居民');
    const r = importPastedText(['青禾区2026年上半年经济运行情况', '一、总体情况', ...lines].join('\n'));
    expect(paragraphsOf(r)).toEqual([A, B, C]);
    const joins = r.repairs.filter((x) => x.kind === 'wrapped');
    expect(joins.map((x) => x.blockIds.length)).toEqual([4, 4, 3]);
  });

  it('still stops at a short heading after a line that ends without its full stop', () => {
    const lines = [
      ...byChars(A, 35),
      ...byChars(B.replace(/。$/, ''), 35),
      '坚持项目为王',
      ...byChars(C, 35),
    ];
    const r = importPastedText(['青禾区2026年上半年经济运行情况', '一、总体情况', ...lines].join('\n'));
    expect(headingsOf(r).map((h) => h.text)).toContain('坚持项目为王');
  });
});
