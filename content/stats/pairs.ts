import type { NumberToken } from './numbers';
import type { Quantity, Reading } from './reading';

/** Two numbers that are one statistic: a range 「15-40万元」, a change 「从58.1%提高到66.4%」. */

/** Two numbers that are one quantity: a range, or the earlier and later value of a change. */
export function pairOf(r: Reading, a: NumberToken, b: NumberToken): Quantity | undefined {
  const between = r.folded.slice(a.end, b.start);
  // 「降到零」: zero needs no unit
  const zero = !b.arabic && b.value === 0 && !b.unit && Boolean(a.unit);
  if (between.length > 6 || (!b.unit && !zero && !(a.unit === '' && isRatio(a, b)))) return undefined;
  const leadBefore = r.folded.slice(Math.max(0, a.start - 12), a.start);
  const fromWord = /(从|由)(上年的|去年的|上年末的|年初的|\d{4}年的|\d{4}年底的|\d{4}年末的)?$/.exec(
    leadBefore,
  );
  const sameUnit = !a.unit || zero || a.unit === b.unit;
  if (fromWord && sameUnit) {
    const change =
      /^[,，]?(提高|提升|增长|增加|上升|下降|降低|减少|缩小|缩短|压缩|压减|扩大|增|降|减|升|上涨|下跌|回落|跃升|攀升)?(到|至|为)了?$/;
    if (change.test(between)) {
      const tok: NumberToken = zero
        ? { ...b, unit: a.unit, magnitude: a.magnitude, unitClass: a.unitClass }
        : b;
      return {
        tok,
        start: b.start,
        end: b.end,
        leadEnd: a.start - fromWord[0].length,
        from: { value: a.value, text: r.text.slice(a.start, a.end) },
      };
    }
  }
  const scaled = (t: NumberToken): number => t.value * (MAGNITUDE_VALUE[t.magnitude] ?? 1);
  const low = a.magnitude || !a.unit ? scaled({ ...a, magnitude: a.magnitude || b.magnitude }) : scaled(a);
  if (/^(-|－|~|～|—|——|至|到)$/.test(between) && sameUnit && b.unit && low < scaled(b) && !a.approx) {
    // 「5000万元至2亿元」: the range keeps the low end's own magnitude
    const magnitude = a.magnitude || (a.unit ? '' : b.magnitude);
    const tok: NumberToken = { ...b, start: a.start, value: a.value, numEnd: b.numEnd, magnitude };
    return {
      tok,
      start: a.start,
      end: b.end,
      leadEnd: a.start,
      upper: { value: b.value, text: r.text.slice(b.start, b.end) },
    };
  }
  return undefined;
}

export const MAGNITUDE_VALUE: Readonly<Record<string, number>> = {
  万亿: 1e12,
  千万: 1e7,
  百万: 1e6,
  十万: 1e5,
  亿: 1e8,
  万: 1e4,
  千: 1e3,
  百: 1e2,
};

/** Two bare numbers with decimals are a ratio: 「倍差从2.52缩小到2.06」. */
export function isRatio(a: NumberToken, b: NumberToken): boolean {
  return a.arabic && b.arabic && !b.unit && a.value < 100 && b.value < 100;
}
