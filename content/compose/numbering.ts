import { parseChineseNumber } from '../stats/extract';

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

/**
 * The marker a heading already carries as the speaker or writer put it: 「第一，」 「第二个方面，」
 * 「一是」 「首先，」 「其次，」 「最后，」. A numeral the brief could print itself (「一、」
 * 「（二）」) is no such marker; 「第一季度」 and 「第一产业」 are words, not markers (a marker is
 * followed by its punctuation, or is an 「X是」).
 */
const OWN_MARKER =
  /^\s*(?:第[一二三四五六七八九十]+(?:个方面|方面|点|条)?\s*[，,、：:]|[一二三四五六七八九十]+是(?![否的])\s*[，,：:]?|(?:首先|其次|再次|再者|最后|其[一二三四五六七八九十])\s*[，,、：:])\s*/;

/**
 * A heading title split into the marker it carries (「第一，」, '' when none) and the rest. Such a
 * heading takes no second number: the brief prints its own marker, the deck numbers the rest.
 */
export function ownHeadingMarker(title: string): { marker: string; rest: string } {
  const m = OWN_MARKER.exec(title);
  const rest = m ? title.slice(m[0].length).trim() : '';
  return m && rest ? { marker: m[0].trim(), rest } : { marker: '', rest: title };
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

/** 二〇二二 → 2022, read digit by digit as years are written (○, Ｏ and O are typed for 〇 too). */
function chineseYear(text: string): number | null {
  const digits = [...text.replace(/[○ＯO]/g, '〇')].map((c) => parseChineseNumber(c));
  return digits.every((d): d is number => d !== null && d < 10) ? Number(digits.join('')) : null;
}

/**
 * 成文日期 as GB/T 9704-2012 writes it: Arabic numerals, no leading zeros, 「2022年7月5日」.
 * Accepts 「2022年07月05日」, 「2022-07-05」, 「2022/7/5」, 「2022.7.5」, full-width digits and
 * 「二〇二二年七月五日」. A date it cannot read is returned as typed (trimmed), never dropped.
 */
export function officialDate(input: string): string {
  const raw = input.trim();
  if (!raw) return '';
  const ascii = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  let parts: Array<number | null> | null = null;
  const numeric = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(ascii);
  if (numeric) parts = numeric.slice(1, 4).map(Number);
  const chinese =
    /^([〇零一二三四五六七八九○ＯO]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/.exec(
      ascii,
    );
  if (chinese)
    parts = [
      chineseYear(chinese[1] ?? ''),
      parseChineseNumber(chinese[2] ?? ''),
      parseChineseNumber(chinese[3] ?? ''),
    ];
  if (!parts) return raw;
  const [y, mo, d] = parts.map((n) => n ?? NaN) as [number, number, number];
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && y >= 1000)) return raw;
  return `${y}年${mo}月${d}日`;
}
