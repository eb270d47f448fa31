import { describe, expect, it } from 'vitest';
import { statsInSentence, type FoundStat } from '../../../content/stats/extract';
import { ALL_CASES, type Expected } from './sentences';

/** What the test compares: the fields each expectation names, the rest left at their defaults. */
function shape(s: FoundStat, e: Expected): Expected {
  return {
    v: s.value,
    ...(e.u !== undefined ? { u: s.unit } : {}),
    l: s.label,
    k: s.kind,
    ...(s.qualifier ? { q: s.qualifier } : {}),
    ...(s.measure ? { m: s.measure } : {}),
    ...(e.p !== undefined ? { p: s.period } : {}),
    ...(e.b !== undefined ? { b: s.basis } : {}),
    ...(s.scope.kind !== 'area' ? { s: s.scope.kind } : {}),
    ...(s.from ? { from: s.from.value } : {}),
    ...(s.upper ? { upper: s.upper.value } : {}),
    ...(s.unfit ? { unfit: true as const } : {}),
  };
}

describe('a table of sentences written for the statistics rules', () => {
  it('holds at least 120 sentences in every voice, covering every kind', () => {
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(120);
    const kinds = new Set(ALL_CASES.flatMap(([, e]) => e.map((x) => x.k)));
    expect([...kinds].sort()).toEqual(['amount', 'count', 'duration', 'growth', 'rank', 'share', 'target']);
  });

  it.each(ALL_CASES)('reads 「%s」', (sentence, expected, context) => {
    const found = statsInSentence(sentence, context);
    expect(found.map((s, i) => shape(s, expected[i] ?? { v: 0, l: '', k: 'amount' }))).toEqual(expected);
  });
});
