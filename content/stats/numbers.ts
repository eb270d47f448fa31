import { countWork } from './work';

/**
 * Numbers and their units, read in one pass over a folded sentence (see fold.ts): 「21.59亿元」,
 * 「1,868件」, 「3万余人」, 「超千万元」, 「百分之六十」. Every token is read left to right once, and
 * a run of digits or numerals longer than any real figure is skipped whole, so the work is linear
 * in the text whatever it holds.
 */

/** What a unit measures, which decides the statistic's kind. */
export type UnitClass =
  'percent' | 'points' | 'money' | 'physical' | 'time' | 'age' | 'count' | 'ratio' | 'none';

/** Units and measure words, folded (simplified, ASCII), by what they measure. */
const UNIT_TABLE: ReadonlyArray<readonly [string, UnitClass]> = [
  ['%', 'percent'],
  ['‰', 'percent'],
  ['个百分点', 'points'],
  ['百分点', 'points'],
  ['元', 'money'],
  ['美元', 'money'],
  ['港元', 'money'],
  ['港币', 'money'],
  ['欧元', 'money'],
  ['吨标准煤', 'physical'],
  ['吨标煤', 'physical'],
  ['吨', 'physical'],
  ['公斤', 'physical'],
  ['千克', 'physical'],
  ['斤', 'physical'],
  ['平方公里', 'physical'],
  ['平方千米', 'physical'],
  ['平方米', 'physical'],
  ['平米', 'physical'],
  ['㎡', 'physical'],
  ['标准亩', 'physical'],
  ['亩', 'physical'],
  ['公顷', 'physical'],
  ['公里', 'physical'],
  ['千米', 'physical'],
  ['延米', 'physical'],
  ['米', 'physical'],
  ['立方米', 'physical'],
  ['微克/立方米', 'physical'],
  ['毫克/立方米', 'physical'],
  ['毫克/升', 'physical'],
  ['千瓦时', 'physical'],
  ['千瓦', 'physical'],
  ['兆瓦', 'physical'],
  ['度', 'physical'],
  ['标准箱', 'count'],
  ['标箱', 'count'],
  ['个工作日', 'time'],
  ['工作日', 'time'],
  ['分钟', 'time'],
  ['小时', 'time'],
  ['个月', 'time'],
  ['天', 'time'],
  ['年', 'time'],
  ['岁', 'age'],
  ['倍', 'ratio'],
  ['人次', 'count'],
  ['场次', 'count'],
  ['个次', 'count'],
  ['项次', 'count'],
  ['期次', 'count'],
  ['轮次', 'count'],
  ['户次', 'count'],
  ['家次', 'count'],
  ['架次', 'count'],
  ['批次', 'count'],
  ['车次', 'count'],
  ['辆次', 'count'],
  ['班次', 'count'],
  ['航次', 'count'],
  ['个', 'count'],
  ['项', 'count'],
  ['户', 'count'],
  ['家', 'count'],
  ['人', 'count'],
  ['名', 'count'],
  ['位', 'count'],
  ['处', 'count'],
  ['条', 'count'],
  ['所', 'count'],
  ['张', 'count'],
  ['件', 'count'],
  ['份', 'count'],
  ['座', 'count'],
  ['场', 'count'],
  ['次', 'count'],
  ['辆', 'count'],
  ['台', 'count'],
  ['套', 'count'],
  ['间', 'count'],
  ['栋', 'count'],
  ['批', 'count'],
  ['篇', 'count'],
  ['册', 'count'],
  ['块', 'count'],
  ['支', 'count'],
  ['部', 'count'],
  ['起', 'count'],
  ['宗', 'count'],
  ['笔', 'count'],
  ['株', 'count'],
  ['棵', 'count'],
  ['头', 'count'],
  ['只', 'count'],
  ['期', 'count'],
  ['轮', 'count'],
  ['艘', 'count'],
  ['架', 'count'],
  ['趟', 'count'],
  ['幅', 'count'],
  ['盏', 'count'],
  ['类', 'count'],
  ['种', 'count'],
  ['门', 'count'],
];

const UNIT_CLASS = new Map<string, UnitClass>(UNIT_TABLE);
const MAX_UNIT_CHARS = Math.max(...UNIT_TABLE.map(([u]) => u.length));

/** Magnitudes written between a number and its unit, longest first. */
const MAGNITUDES = ['万亿', '千万', '百万', '十万', '亿', '万', '千', '百'];

/** Digits before the point of the largest figure a report writes (a province's GDP in 元). */
export const MAX_INTEGER_DIGITS = 14;
const MAX_DECIMALS = 6;
/** The longest run of Chinese numerals a figure takes: 「九千九百九十九万」. */
export const MAX_CHINESE_CHARS = 10;

const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SCALE: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** Where a number can start: a digit or a Chinese numeral other than 万 and 亿. */
const NUMBER_START = /[0-9零〇一二两三四五六七八九十百千]/g;

/** What each character can be in a number, by char code: looked up once per character read. */
const DIGIT = 1;
const CN_START = 2;
const CN_BIG_CHAR = 3;
const CHAR_ROLE = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) CHAR_ROLE[c] = DIGIT;
for (const ch of [...Object.keys(CN_DIGIT), ...Object.keys(CN_SCALE)]) CHAR_ROLE[ch.charCodeAt(0)] = CN_START;
for (const ch of Object.keys(CN_BIG)) CHAR_ROLE[ch.charCodeAt(0)] = CN_BIG_CHAR;

const roleOf = (ch: string | undefined): number =>
  ch === undefined || ch === '' ? 0 : (CHAR_ROLE[ch.charCodeAt(0)] ?? 0);
/** A Chinese numeral can start a figure; 万 and 亿 alone (「万众一心」) cannot. */
const isCnStart = (ch: string): boolean => roleOf(ch) === CN_START;
const isCnChar = (ch: string): boolean => roleOf(ch) >= CN_START;
const isDigit = (ch: string | undefined): boolean => roleOf(ch) === DIGIT;

/**
 * 「百」→100, 「两」→2, 「三十五」→35, 「一百零八」→108, 「一万二千」→12000. Digits written one
 * after another (「二〇二二」, a year) are not a number: null.
 */
export function parseChineseNumber(s: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let afterZero = false;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      const d = CN_DIGIT[ch] ?? 0;
      if (digit !== null && !(digit === 0 && afterZero)) return null;
      digit = d;
      afterZero = d === 0;
    } else if (ch in CN_SCALE) {
      section += (digit ?? 1) * (CN_SCALE[ch] ?? 1);
      digit = null;
      afterZero = false;
    } else if (ch in CN_BIG) {
      total += (section + (digit ?? 0) || 1) * (CN_BIG[ch] ?? 1);
      section = 0;
      digit = null;
      afterZero = false;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/** A number read from the text, with what follows it up to its unit. */
export interface NumberToken {
  /** where the number starts and ends in the sentence */
  start: number;
  numEnd: number;
  /** after the unit (or after the number when there is none) */
  end: number;
  value: number;
  /** written in digits (else Chinese numerals) */
  arabic: boolean;
  /** 「余」「多」 after the number or its magnitude, as folded */
  approx: string;
  /** 「万」「亿」「万亿」 between the number and its unit */
  magnitude: string;
  /** the unit, folded; empty for a bare number */
  unit: string;
  unitClass: UnitClass;
  /** a 「百分之六十」 percentage */
  percentWords?: boolean;
  /** 「12.8万农村人口」: a magnitude and no unit, counting the thing after it */
  magnitudeOnly?: boolean;
}

/** Characters a unit can start with: most characters after a number start none, and are passed at once. */
const UNIT_START = new Uint8Array(0x10000);
for (const [u] of UNIT_TABLE) UNIT_START[u.charCodeAt(0)] = 1;

/** The unit at `at` in the folded text, longest first, with 「/」 and a second unit (「元/吨」). */
function unitAt(text: string, at: number): string {
  if (!UNIT_START[text.charCodeAt(at)]) return '';
  for (let len = Math.min(MAX_UNIT_CHARS, text.length - at); len > 0; len--) {
    const u = text.slice(at, at + len);
    if (!UNIT_CLASS.has(u)) continue;
    if (text[at + len] === '/' && !u.includes('/')) {
      for (let l2 = Math.min(MAX_UNIT_CHARS, text.length - at - len - 1); l2 > 0; l2--) {
        const per = text.slice(at + len + 1, at + len + 1 + l2);
        if (UNIT_CLASS.has(per) || PER_WORDS.has(per)) return `${u}/${per}`;
      }
    }
    return u;
  }
  return '';
}

const PER_WORDS = new Set(['人', '户', '亩', '年', '月', '日', '天', '吨', '平方米', '千瓦时', '公斤', '斤']);

/** The class of a unit as the tokenizer returned it (「元/吨」 counts as money). */
export function unitClassOf(unit: string): UnitClass {
  const base = unit.split('/')[0] ?? '';
  return UNIT_CLASS.get(unit) ?? UNIT_CLASS.get(base) ?? 'none';
}

/** Magnitude at `at`, if any. */
function magnitudeAt(text: string, at: number): string {
  for (const m of MAGNITUDES) if (text.startsWith(m, at)) return m;
  return '';
}

/** Read what follows a number: 余/多, a magnitude, 余/多 again, then a unit. */
function tail(text: string, at: number): { approx: string; magnitude: string; unit: string; end: number } {
  let p = at;
  let approx = '';
  const approxAt = (): void => {
    const ch = text[p];
    if (!approx && (ch === '余' || ch === '多')) {
      approx = ch;
      p++;
    }
  };
  approxAt();
  // a unit straight after the number wins over a magnitude: 「3百分点」 is not 3 百 + 分点
  let unit = unitAt(text, p);
  let magnitude = '';
  if (!unit) {
    magnitude = magnitudeAt(text, p);
    if (magnitude) {
      p += magnitude.length;
      approxAt();
      unit = unitAt(text, p);
    }
  }
  return { approx, magnitude, unit, end: p + unit.length };
}

/**
 * Every number in a folded sentence, in order: Arabic (「1,868」 「21.59」), Chinese
 * (「三十五」 「千万」), with its magnitude and unit when written. Runs too long to be a figure are
 * passed over whole.
 */
export function numberTokens(text: string): NumberToken[] {
  countWork(text.length);
  const out: NumberToken[] = [];
  // jump from one digit or numeral to the next: the characters between are never looked at twice
  const next = NUMBER_START;
  next.lastIndex = 0;
  for (let m = next.exec(text); m; m = next.exec(text)) {
    const i = m.index;
    const end =
      CHAR_ROLE[text.charCodeAt(i)] === DIGIT
        ? readArabic(text, i, out)
        : text.startsWith('百分之', i)
          ? readPercentWords(text, i, out)
          : readChinese(text, i, out);
    next.lastIndex = Math.max(end, i + 1);
  }
  return out;
}

function readArabic(text: string, start: number, out: NumberToken[]): number {
  let p = start;
  while (isDigit(text[p])) p++;
  let intDigits = p - start;
  let grouped = false;
  // thousands separators: 「1,868」, only groups of exactly three digits after a lead of one to three
  // (full-width 「３，２００」 too, whose comma stays full-width in the folded text)
  if (intDigits <= 3) {
    while (
      (text[p] === ',' || text[p] === '，') &&
      isDigit(text[p + 1]) &&
      isDigit(text[p + 2]) &&
      isDigit(text[p + 3])
    ) {
      if (isDigit(text[p + 4])) break;
      p += 4;
      intDigits += 3;
      grouped = true;
      if (intDigits > MAX_INTEGER_DIGITS) break;
    }
  }
  let decimals = 0;
  if (text[p] === '.' && isDigit(text[p + 1])) {
    let q = p + 1;
    while (isDigit(text[q])) q++;
    decimals = q - p - 1;
    p = q;
  }
  // too long for a figure (a serial number, a run of digits): pass over all of it
  if (intDigits > MAX_INTEGER_DIGITS || decimals > MAX_DECIMALS || isDigit(text[p]) || text[p] === '.') {
    while (isDigit(text[p]) || ((text[p] === '.' || text[p] === ',') && isDigit(text[p + 1]))) p++;
    return p;
  }
  const raw = text.slice(start, p);
  const value = Number(grouped ? raw.replace(/[,，]/g, '') : raw);
  const t = tail(text, p);
  // 「12.8万农村人口」: a magnitude with no unit counts what follows it
  const counts =
    !t.unit &&
    t.magnitude !== '' &&
    /^[\p{Script=Han}]/u.test(text[t.end] ?? '') &&
    !isCnChar(text[t.end] ?? '');
  out.push({
    start,
    numEnd: p,
    end: t.end,
    value,
    arabic: true,
    approx: t.approx,
    magnitude: t.magnitude,
    unit: t.unit,
    unitClass: t.unit ? unitClassOf(t.unit) : counts ? 'count' : 'none',
    ...(counts ? { magnitudeOnly: true } : {}),
  });
  // the unit is read: 「个百分点」 is not looked at again for a 「百」
  return t.end;
}

function readChinese(text: string, start: number, out: NumberToken[], bare = false): number {
  let p = start;
  while (p < text.length && isCnChar(text[p] ?? '')) p++;
  if (p - start > MAX_CHINESE_CHARS) return p;
  let run = text.slice(start, p);
  // a magnitude at the end is written into the unit: 「三万人」 is 3 万人, like 「3万人」
  let magnitude = '';
  for (const m of ['万亿', '亿', '万']) {
    if (run.length > m.length && run.endsWith(m) && !/[万亿]/.test(run.slice(0, -m.length))) {
      magnitude = m;
      run = run.slice(0, -m.length);
      break;
    }
  }
  const value = parseChineseNumber(run);
  if (value === null) return p;
  const numEnd = start + run.length;
  let q = numEnd + magnitude.length;
  let approx = '';
  if (text[q] === '余' || text[q] === '多') {
    approx = text[q] ?? '';
    q++;
  }
  const unit = unitAt(text, q);
  // a bare Chinese numeral is a figure only as a place (「第一」) or as zero (「降到零」): 「一是」 is none
  if (!bare && !unit && value !== 0 && text[start - 1] !== '第') return Math.max(p, q);
  out.push({
    start,
    numEnd,
    end: q + unit.length,
    value,
    arabic: false,
    approx,
    magnitude,
    unit,
    unitClass: unit ? unitClassOf(unit) : 'none',
  });
  return Math.max(p, q + unit.length);
}

/** 「百分之六十」 「百分之5」: a percentage in words. */
function readPercentWords(text: string, start: number, out: NumberToken[]): number {
  const p = start + 3;
  const inner: NumberToken[] = [];
  const next = isDigit(text[p])
    ? readArabic(text, p, inner)
    : isCnStart(text[p] ?? '')
      ? readChinese(text, p, inner, true)
      : p;
  const tok = inner[0];
  if (!tok || tok.start !== p || tok.magnitude) return Math.max(next, start + 1);
  out.push({
    start,
    numEnd: tok.numEnd,
    end: tok.numEnd,
    value: tok.value,
    arabic: tok.arabic,
    approx: '',
    magnitude: '',
    unit: '%',
    unitClass: 'percent',
    percentWords: true,
  });
  return tok.numEnd;
}
