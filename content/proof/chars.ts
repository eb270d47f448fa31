import { parseChineseNumber } from '../stats/numbers';

/** Character classes the rules share. */

/**
 * A Chinese character (〇 included). By code point rather than a Unicode-property regex: the
 * checker asks this of every character, and the range test is many times faster.
 */
export function isHan(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3007 ||
    // a character outside the BMP (CJK extensions B and later) starts with a high surrogate
    (c >= 0xd840 && c <= 0xd87e)
  );
}

export const isAsciiDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
export const isWideDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '０' && ch <= '９';
export const isDigit = (ch: string | undefined): boolean => isAsciiDigit(ch) || isWideDigit(ch);
export const isLatin = (ch: string | undefined): boolean => ch !== undefined && /^[A-Za-z]$/.test(ch);

export const CHINESE_DIGITS = '零〇一二两三四五六七八九十百千万亿';
export const isChineseDigit = (ch: string | undefined): boolean =>
  ch !== undefined && ch !== '' && CHINESE_DIGITS.includes(ch);

/** Full-width marks of Chinese text (点号 and 标号). */
export const CJK_PUNCT = '，。、；：？！“”‘’（）《》〈〉【】〔〕—…·～';
export const isCjkPunct = (ch: string | undefined): boolean =>
  ch !== undefined && ch !== '' && CJK_PUNCT.includes(ch);

/** Chinese text around a mark: a Chinese character or a full-width mark. */
export const isChineseContext = (ch: string | undefined): boolean => isHan(ch) || isCjkPunct(ch);

/** 点号 that end or divide a sentence. */
export const POINT_MARKS = '，。、；：？！';

/** A full-width digit as ASCII. */
export const narrowDigits = (s: string): string =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Escape a literal for a RegExp. */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Ranges a rule must not read as Chinese prose: web addresses, e-mail addresses and file paths,
 * where half-width marks and odd digits are right as they are.
 */
export function protectedRanges(text: string): Array<[number, number]> {
  if (!/[:@/.\\]/.test(text)) return [];
  const out: Array<[number, number]> = [];
  const re =
    /(?:https?|ftp):\/\/[\x21-\x7e]+|www\.[\x21-\x7e]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z]:\\[\x21-\x7e]+|(?:[\w-]+\.)+(?:com|cn|net|org|gov|edu)(?:\/[\x21-\x7e]*)?/g;
  for (const m of text.matchAll(re)) {
    // a sentence mark right after an address belongs to the sentence
    let end = m.index + m[0].length;
    while (end > m.index && /[.,;:!?)]/.test(text[end - 1] ?? '')) end--;
    out.push([m.index, end]);
  }
  return out;
}

export const inRanges = (ranges: ReadonlyArray<[number, number]>, at: number): boolean =>
  ranges.some(([s, e]) => at >= s && at < e);

/** Read an Arabic number as written (full-width digits, thousands commas allowed). */
export function readNumber(text: string): number {
  return Number(narrowDigits(text).replace(/[,，]/g, '').replace('．', '.'));
}

/** 一 → 1, 十二 → 12, 三百零五 → 305 (below 万); null when it is not a plain Chinese number. */
export function chineseValue(text: string): number | null {
  // one reader of Chinese numerals for the whole app: the statistics' own, below 万 here
  if (!text || /[万亿]/.test(text)) return null;
  return parseChineseNumber(text);
}

const CN_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 3 → 三, 14 → 十四, 25 → 二十五 (below 100). */
export function chineseNumeral(n: number): string {
  if (n < 10) return CN_NUMERALS[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? CN_NUMERALS[n % 10] : ''}`;
  if (n < 100) return `${CN_NUMERALS[Math.floor(n / 10)]}十${n % 10 ? CN_NUMERALS[n % 10] : ''}`;
  return String(n);
}
