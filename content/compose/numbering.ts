const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (up to 99, more than any brief has). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

/** The official numbering of a heading at `level` (1-based): 一、 （一） 1. （1） */
export function headingNumber(level: number, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    default:
      return `（${n}）`;
  }
}

/** Counts headings per level, resetting deeper levels when a shallower one appears. */
export class HeadingCounter {
  private readonly counts: number[] = [];

  next(level: number): string {
    this.counts.length = Math.max(this.counts.length, level);
    this.counts[level - 1] = (this.counts[level - 1] ?? 0) + 1;
    this.counts.length = level;
    return headingNumber(level, this.counts[level - 1] ?? 1);
  }
}
