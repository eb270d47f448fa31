import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Section } from '../../../content/model/report';
import { extractStats } from '../../../content/stats/extract';
import { extractionWork } from '../../../content/stats/work';

/**
 * Extraction is linear in its input: the work it does (characters examined, counted by the
 * extractor itself, not time) on a text twice as long is about twice, never four times. Long runs
 * of digits, numerals, units and punctuation are where a backtracking pattern would show.
 */

const report = (text: string): Section[] => [
  { id: 's', title: '一、测试', level: 1, blocks: [{ kind: 'paragraph', id: 'p', text }], sections: [] },
];

/** The work of extracting the statistics of one paragraph of `text`. */
function work(text: string): number {
  const before = extractionWork.steps;
  extractStats(report(text));
  return extractionWork.steps - before;
}

/** Doubling the text at most doubles the work, give or take the logarithm of a lookup. */
const RATIO = 2.6;

const RUNS: Array<[string, (n: number) => string]> = [
  ['a run of digits', (n) => '1'.repeat(n)],
  ['a run of Chinese numerals', (n) => '三'.repeat(n)],
  ['numerals that parse', (n) => '一百二十三'.repeat(n / 5)],
  ['figures with no punctuation between them', (n) => '3个'.repeat(n / 2)],
  ['growth rates in one long clause', (n) => '增长1.2%'.repeat(n / 6)],
  ['growth rates in clauses', (n) => '固投增长1.2%，'.repeat(n / 8)],
  ['units with no numbers', (n) => '万亿元微克/立方米个百分点'.repeat(n / 12)],
  ['quotes around numbers', (n) => '“1个”'.repeat(n / 4)],
  ['ranges and changes', (n) => '从1%提高到2%，15-40万元、'.repeat(n / 16)],
  ['ranks', (n) => '增速位列全市首位，第3位'.repeat(n / 12)],
  ['thousands separators', (n) => '1,000,'.repeat(n / 6)],
  ['full-width digits and traditional units', (n) => '１２３億萬戶個'.repeat(n / 7)],
];

describe('statistics extraction is linear in its input', () => {
  it.each(RUNS)('doubling %s doubles the work, no more', (_name, make) => {
    const n = 4000;
    const one = work(make(n));
    const two = work(make(2 * n));
    expect(one).toBeGreaterThan(0);
    expect(two / one).toBeLessThanOrEqual(RATIO);
  });

  it('reads a line of 160,000 digits with work proportional to its length', () => {
    const n = 160_000;
    const steps = work('7'.repeat(n));
    expect(steps).toBeLessThan(20 * n);
    const numerals = work('三'.repeat(n / 2));
    expect(numerals).toBeLessThan(20 * n);
  });

  it('stays linear on any mix of digits, numerals, units and punctuation (fuzzed)', () => {
    const pieces = [
      '1',
      '2.5',
      '1,000',
      '３',
      '，',
      '。',
      '；',
      '、',
      '个',
      '万',
      '亿元',
      '%',
      '个百分点',
      '“',
      '”',
      '《',
      '从',
      '提高到',
      '第',
      '三',
      '十',
      '百',
      '增长',
      '-',
      '～',
      '分别',
      '首位',
      '位列',
      '的',
      '以上',
      '力争',
      '有限公司',
      '项目总投资',
      '天',
      '用',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 300, maxLength: 600 }), (parts) => {
        const text = parts.join('');
        const one = work(text);
        const two = work(text + text);
        // a constant for the fixed costs of a paragraph, then the ratio
        expect(two).toBeLessThanOrEqual(RATIO * one + 200);
        // whatever the input, every statistic is a quantity found in its sentence
        for (const s of extractStats(report(text))) {
          expect(Number.isFinite(s.value)).toBe(true);
          expect(s.sentence.includes(s.text)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
