import { chineseValue, inRanges, isChineseContext, narrowDigits } from './chars';
import { hit, type RuleDef, type UnitContext } from './hits';
import type { Hit, ProofUnit } from './types';

/**
 * Numbers, GB/T 15835-2011 《出版物上数字用法》 (and the connecting marks of GB/T 15834-2011
 * 4.13). Only forms the standards name as wrong are flagged: 「5～10%」 (not 「5%～10%」),
 * 「2020-2022年」, full-width digits, 「22年上半年」, 「4千」, 「二零二二年」, 「三、四个」.
 * Fixed expressions that keep Chinese numerals (「十四五」) come from the word lists.
 */

const def = (id: string, rule: string, why: string, whyEn: string): RuleDef => ({
  id: `number.${id}`,
  kind: 'number',
  rule,
  why,
  whyEn,
});

export const NUMBER_RULES = {
  fullwidth: def(
    'fullwidth',
    'GB/T 15835-2011 4.1.7.1',
    '阿拉伯数字应使用半角形式',
    'Arabic numerals are half-width',
  ),
  rangeUnit: def(
    'range-unit',
    'GB/T 15835-2011 4.1.3',
    '数值范围省略前一数值的「%」或「万」「亿」会造成歧义，不应省略',
    'Keep % and 万/亿 on both ends of a range (15%～30%, not 15～30%)',
  ),
  rangeMark: def(
    'range-mark',
    'GB/T 15834-2011 4.13.3.2',
    '表示起止或数值范围用一字线「—」或浪纹线「～」，不用短横线',
    'A range is marked with — or ～, not a hyphen',
  ),
  shortYear: def(
    'short-year',
    'GB/T 15835-2011 4.1.4.2',
    '四位数字表示的年份不应简写为两位',
    'A four-digit year is not shortened to two digits',
  ),
  approx: def(
    'approx',
    'GB/T 15835-2011 4.2.1',
    '两个数字连用表示概数时，两数之间不用顿号',
    'Two numerals giving an estimate take no 、 between them',
  ),
  zero: def(
    'zero',
    'GB/T 15835-2011 4.2.5',
    '用作编号（年份）时，「0」的汉字形式为「〇」',
    'In a year written in Chinese numerals, zero is 〇',
  ),
  mixed: def(
    'mixed',
    'GB/T 15835-2011 4.3',
    '一般数值不能同时采用阿拉伯数字与汉字数字（「万」「亿」除外）',
    'Do not mix Arabic and Chinese numerals in one number (except 万 and 亿)',
  ),
  percentWords: def(
    'percent-words',
    'GB/T 15835-2011 3.1.1',
    '用于计量的百分比应采用阿拉伯数字',
    'Percentages are written in Arabic numerals',
  ),
  points: def(
    'points',
    '国家统计局统计用语：比率之差用「百分点」',
    '比率（增速、比重、占比等）的升降用「个百分点」表示',
    'A change in a rate is given in percentage points (个百分点)',
  ),
  time: def(
    'time',
    'GB/T 15835-2011 4.1.5.3',
    '时分用半角冒号「:」分隔',
    'Hours and minutes are separated by a half-width colon',
  ),
  redundant: def(
    'redundant',
    '《现代汉语词典》第7版：「约」「近」「超过」与「余」「多」「左右」「以上」不并用',
    '概数词重复：表示约数的词只用一个',
    'Two words for an approximate number: keep one',
  ),
  decimal: def(
    'decimal',
    'GB/T 15835-2011 4.1.2',
    '纯小数必须写出小数点前的「0」',
    'A decimal below one keeps its leading 0',
  ),
  separators: def(
    'separators',
    'GB/T 15835-2011 4.1.1',
    '同一文稿中多位数的分节方式应一致',
    'Large numbers are grouped the same way throughout',
  ),
} as const;

const RANGE_SEP = '[-－–~～—]';
const HYPHENS = /^[-－–~]$/;
/** measure words after which a hyphenated pair is a number, not a range: house and room numbers */
const NUMBERING_UNITS = /^(?:号|栋|幢|室|层|楼|单元|期|版|届|次会议|号线)/;

function ranges(text: string, protect: UnitContext['protect']): Hit[] {
  const out: Hit[] = [];
  // years: 2020-2022年 → 2020—2022年; 2020年-2022年 → 2020年—2022年
  for (const m of text.matchAll(
    new RegExp(`(?<![\\d.-])(\\d{4})(年?)\\s*(${RANGE_SEP})\\s*(\\d{4})年`, 'g'),
  )) {
    const sep = m[3]!;
    if (!HYPHENS.test(sep) || inRanges(protect, m.index)) continue;
    if (Number(m[4]) <= Number(m[1])) continue;
    const s = m.index + m[0].indexOf(sep, 4);
    out.push(hit(NUMBER_RULES.rangeMark, s, s + 1, '—'));
  }
  // months and days: 1-6月 → 1—6月
  for (const m of text.matchAll(
    new RegExp(`(?<![\\d.\\-－])(\\d{1,2})\\s*(${RANGE_SEP})\\s*(\\d{1,2})(月|日)(?!份?[\\d])`, 'g'),
  )) {
    const sep = m[2]!;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (!HYPHENS.test(sep) || a >= b || inRanges(protect, m.index)) continue;
    if (m[4] === '月' ? b > 12 : b > 31) continue;
    // 2022-1-5月 is a date gone wrong, not a range
    if (/\d[-－]$/.test(text.slice(0, m.index))) continue;
    const s = m.index + m[0].indexOf(sep, m[1]!.length);
    out.push(hit(NUMBER_RULES.rangeMark, s, s + 1, '—'));
  }
  // values: 5-10% → 5%～10%; 15～40万元 → 15万～40万元; 3-5年 → 3～5年
  const value = String.raw`\d+(?:\.\d+)?`;
  const re = new RegExp(
    `(?<![\\d.\\-－/:A-Za-z])(${value})(%|％|万|亿)?\\s*(${RANGE_SEP})\\s*(${value})(%|％|万|亿)?`,
    'g',
  );
  for (const m of text.matchAll(re)) {
    if (inRanges(protect, m.index)) continue;
    const [, a, unitA, sep, b, unitB] = m as unknown as [
      string,
      string,
      string | undefined,
      string,
      string,
      string | undefined,
    ];
    const end = m.index + m[0].length;
    const after = text.slice(end);
    // dates, phone numbers, model numbers, house numbers, standards (GB/T 15834-2011) are hyphenated on purpose
    if (/^[-－\d]/.test(after) || NUMBERING_UNITS.test(after)) continue;
    if (/^0\d/.test(a) || (b.length >= 5 && !unitB)) continue;
    if (
      /(?:[A-Z]{1,4}(?:\/[A-Z])?|电话|热线|传真|编号|代码|号码|文号)\s*[\d.]*$/.test(
        text.slice(Math.max(0, m.index - 12), m.index),
      )
    )
      continue;
    if (a.length === 4 && /^年/.test(after) && !unitB) continue;
    if (/^(?:月|日)/.test(after) && !unitB) continue;
    if (Number(a) >= Number(b) && unitA === unitB) continue;
    if (!unitA && unitB && (unitB === '%' || unitB === '％' || unitB === '万' || unitB === '亿')) {
      // 9～16亿 → 9亿～16亿 (a magnitude or a percent sign dropped from the first value changes what it says)
      const mark = HYPHENS.test(sep) ? '～' : sep;
      out.push(hit(NUMBER_RULES.rangeUnit, m.index, end, `${a}${unitB}${mark}${b}${unitB}`));
      continue;
    }
    if (!HYPHENS.test(sep)) continue;
    // a hyphenated pair with no unit after it is not clearly a range
    if (!unitB && !/^[\p{Script=Han}]/u.test(after)) continue;
    if (!isChineseContext(text[m.index - 1]) && !/^[\p{Script=Han}]/u.test(after) && !unitB) continue;
    const s = m.index + m[0].indexOf(sep, a.length);
    out.push(hit(NUMBER_RULES.rangeMark, s, s + 1, '～'));
  }
  return out;
}

function fullWidthDigits(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(/[０-９]+(?:[．.][０-９]+)?/g))
    out.push(
      hit(NUMBER_RULES.fullwidth, m.index, m.index + m[0].length, narrowDigits(m[0]).replace('．', '.')),
    );
  // a full-width point between half-width digits: 2368．5
  for (const m of text.matchAll(/(?<=\d)．(?=\d)/g))
    out.push(hit(NUMBER_RULES.fullwidth, m.index, m.index + 1, '.'));
  return out;
}

/** the periods a two-digit year is written before: 22年上半年, 22年6月 */
const YEAR_FOLLOWERS =
  /^(?:1[0-2]月|[1-9]月|上半年|下半年|全年|年初|年底|年末|一季度|二季度|三季度|四季度|第[一二三四]季度|前三季度)/;

function shortYears(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(/(?<![\d.０-９])(\d{2})年/g)) {
    const after = text.slice(m.index + m[0].length);
    if (!YEAR_FOLLOWERS.test(after)) continue;
    // 「近22年」「连续22年」 count years
    if (/(?:近|连续|历时|用了|经过|坚持|多|第|这|共|已|每)$/.test(text.slice(0, m.index))) continue;
    const yy = Number(m[1]);
    const year = yy <= 50 ? 2000 + yy : 1900 + yy;
    out.push(hit(NUMBER_RULES.shortYear, m.index, m.index + 2, String(year)));
  }
  return out;
}

const COUNT_WORDS = '个天人次名家项岁倍周条年户';

function approximations(text: string): Hit[] {
  const out: Hit[] = [];
  const re = new RegExp(
    `([一二三四五六七八九])、([一两二三四五六七八九十])(十|百|千|万)?([${COUNT_WORDS}])(?!级|度|份|期|号)`,
    'g',
  );
  for (const m of text.matchAll(re)) {
    const a = chineseValue(m[1]!)!;
    const b = m[2] === '十' ? 10 : chineseValue(m[2]!)!;
    if (b !== a + 1) continue;
    out.push(hit(NUMBER_RULES.approx, m.index, m.index + 3, `${m[1]}${m[2]}`));
  }
  // 3、4个 written in Arabic: an estimate is written in Chinese numerals (GB/T 15835-2011 3.2.2)
  const arabic = new RegExp(`(?<![\\d.、])([1-8])、([2-9])([${COUNT_WORDS}])(?!级|度|份|期|号)`, 'g');
  for (const m of text.matchAll(arabic)) {
    const a = Number(m[1]);
    if (Number(m[2]) !== a + 1) continue;
    const cn = '〇一二三四五六七八九';
    out.push(
      hit(NUMBER_RULES.approx, m.index, m.index + 3, `${cn[a]}${cn[a + 1]}`, {
        rule: 'GB/T 15835-2011 3.2.2',
        why: '数字连用表示概数应采用汉字数字，两数之间不用顿号',
        whyEn: 'An estimate of two adjacent numbers is written in Chinese numerals without 、',
      }),
    );
  }
  return out;
}

function zeros(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(/(?<![一二三四五六七八九〇零十百千万])([一二三四五六七八九〇零0]{4})年/g)) {
    if (!/[零0]/.test(m[1]!) || !/[一二三四五六七八九]/.test(m[1]!)) continue;
    out.push(hit(NUMBER_RULES.zero, m.index, m.index + 4, m[1]!.replace(/[零0]/g, '〇')));
  }
  return out;
}

function mixed(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)([百千])(?![米克瓦伏帕焦卡兆字赫分])(万|亿)?/g)) {
    const n = Number(m[1]) * (m[2] === '百' ? 100 : 1000);
    const ok = Number.isFinite(n) && Math.abs(n - Math.round(n)) < 1e-9;
    out.push(
      hit(NUMBER_RULES.mixed, m.index, m.index + m[0].length, ok ? `${Math.round(n)}${m[3] ?? ''}` : null),
    );
  }
  return out;
}

function percentWords(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(/百分之([零一二三四五六七八九十两]+)(?:点([零〇一二三四五六七八九]+))?/g)) {
    if (/^(?:百|一百)/.test(m[1]!)) continue;
    const whole = chineseValue(m[1]!);
    if (whole === null) continue;
    const frac = m[2] ? [...m[2]].map((c) => chineseValue(c === '〇' ? '零' : c) ?? 0).join('') : '';
    out.push(
      hit(NUMBER_RULES.percentWords, m.index, m.index + m[0].length, `${whole}${frac ? `.${frac}` : ''}%`),
    );
  }
  return out;
}

const RATE_NOUN = '(?:率|比重|占比|增速|增幅|降幅|涨幅|跌幅|比例|份额)';
const BASIS =
  '(?:同比|环比|比上年同期|比上年|较上年同期|较上年|比去年同期|较去年同期|比年初|较年初|比一季度|较一季度)?';
const CHANGE = '(?:提高|上升|下降|回落|降低|增加|减少|提升|回升|收窄|扩大|加快|放缓)';
const AMOUNT_NOUN = '(?:总值|产值|收入|总额|总量|销售额|营业额|增加值|零售总额|GDP|利润)';

const CLAUSE_MARK = /[，,；;。！？：]/;
const BASIS_ONLY = new RegExp(`^${BASIS}$`);

/**
 * Whether the change at `at` is a change of a rate: its own subject is a rate (「比重提高」), or it
 * has none of its own and the clause before states a percentage (「比例为85.6%，比上年提高」).
 */
function changeOfRate(text: string, at: number): boolean {
  let s = at;
  while (s > 0 && at - s < 40 && !CLAUSE_MARK.test(text[s - 1]!)) s--;
  const subject = text.slice(s, at);
  if (new RegExp(`${RATE_NOUN}${BASIS}$`).test(subject)) return true;
  if (subject !== '' && !BASIS_ONLY.test(subject)) return false;
  if (s === 0 || !/[，,]/.test(text[s - 1]!)) return false;
  let p = s - 1;
  while (p > 0 && s - p < 80 && !CLAUSE_MARK.test(text[p - 1]!)) p--;
  const before = text.slice(p, s - 1);
  return /\d(?:\.\d+)?[%％]/.test(before) && !/个百分点/.test(before);
}

function percentagePoints(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(new RegExp(`(${CHANGE})了?(\\d+(?:\\.\\d+)?)(%|％)`, 'g'))) {
    if (!changeOfRate(text, m.index)) continue;
    const s = m.index + m[0].length - m[2]!.length - 1;
    out.push(hit(NUMBER_RULES.points, s, s + m[2]!.length + 1, `${m[2]}个百分点`));
  }
  for (const m of text.matchAll(
    new RegExp(`${AMOUNT_NOUN}${BASIS}(?:增长|下降)了?(\\d+(?:\\.\\d+)?)个百分点`, 'g'),
  )) {
    const s = m.index + m[0].length - m[1]!.length - 4;
    out.push(
      hit(NUMBER_RULES.points, s, s + m[1]!.length + 4, `${m[1]}%`, {
        why: '总量、金额的增减用百分比表示，「百分点」只用于比率之差',
        whyEn: 'A change in an amount is a percentage; percentage points are for rates',
      }),
    );
  }
  return out;
}

function times(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(
    /(上午|下午|晚上|早上|凌晨|中午|傍晚|于|至|到|—|～|-)?(\d{1,2})：([0-5]\d)(?!\d)/g,
  )) {
    const hour = Number(m[2]);
    const before = m[1];
    const after = text.slice(m.index + m[0].length);
    const timeLike = before !== undefined || /^(?:前|后|开始|召开|举行|至|到|—|～|-|\d)/.test(after);
    if (!timeLike || hour > 24) continue;
    const s = m.index + (before?.length ?? 0) + m[2]!.length;
    out.push(hit(NUMBER_RULES.time, s, s + 1, ':'));
  }
  return out;
}

/** 「约5000余人」「超过3万人以上」「大约10天左右」: one word for an estimate is enough. */
function redundantEstimates(text: string): Hit[] {
  const out: Hit[] = [];
  const re =
    /(约|大约|近|将近|超过|超|逾)(\d+(?:\.\d+)?|[一二三四五六七八九十百千]+)(万|亿)?(余|多)?(万|亿)?(\p{Script=Han}{0,4}?)(左右|以上)?(?=[，。；、\s]|$)/gu;
  for (const m of text.matchAll(re)) {
    const [whole, before, , , more, , , after] = m;
    const tail = more ?? after;
    if (!tail) continue;
    if ((before === '超过' || before === '超' || before === '逾') && tail === '左右') continue;
    const at =
      tail === more ? m.index + whole.indexOf(more, before!.length) : m.index + whole.length - after!.length;
    out.push(hit(NUMBER_RULES.redundant, at, at + tail.length, ''));
  }
  return out;
}

function decimals(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(/(?<=\p{Script=Han})\.(\d+)(?=%|万|亿|个百分点|倍)/gu))
    out.push(hit(NUMBER_RULES.decimal, m.index, m.index + m[0].length, `0${m[0]}`));
  return out;
}

/** Every number finding in one unit. */
export function numbers(ctx: UnitContext): Hit[] {
  const { text } = ctx.unit;
  const digits = /\d/.test(text);
  return [
    ...(/[０-９．]/.test(text) ? fullWidthDigits(text) : []),
    ...(digits ? ranges(text, ctx.protect) : []),
    ...(digits ? shortYears(text) : []),
    ...approximations(text),
    ...zeros(text),
    ...(digits ? mixed(text) : []),
    ...(text.includes('百分之') ? percentWords(text) : []),
    ...(digits ? percentagePoints(text) : []),
    ...(text.includes('：') ? times(text) : []),
    ...(text.includes('.') ? decimals(text) : []),
    ...(/[约近超逾]/.test(text) ? redundantEstimates(text) : []),
  ];
}

/**
 * Large numbers grouped two ways in one document (「1,730万元」 here, 「17300户」 there): the
 * less usual way is flagged, in favour of the document's own habit.
 */
export function separatorConsistency(units: readonly ProofUnit[]): Array<{ index: number; hit: Hit }> {
  const grouped: Array<{ index: number; start: number; text: string }> = [];
  const plain: Array<{ index: number; start: number; text: string }> = [];
  units.forEach((unit, index) => {
    for (const m of unit.text.matchAll(
      /(?<![\d.,，])(\d{1,3}(?:,\d{3})+|\d{5,})(?![\d,])(?:\.\d+)?(?=\s*(?:万|亿)?[\p{Script=Han}])/gu,
    )) {
      const after = unit.text.slice(m.index + m[0].length);
      // years and hotline numbers are labels, not amounts
      if (/^(?:年|号|热线|专线)/.test(after)) continue;
      (m[1]!.includes(',') ? grouped : plain).push({ index, start: m.index, text: m[1]! });
    }
  });
  if (grouped.length === 0 || plain.length === 0) return [];
  const flagGrouped = grouped.length <= plain.length;
  return (flagGrouped ? grouped : plain).map(({ index, start, text }) => ({
    index,
    hit: hit(
      NUMBER_RULES.separators,
      start,
      start + text.length,
      flagGrouped ? text.replace(/,/g, '') : Number(text).toLocaleString('en-US'),
      {
        why: flagGrouped
          ? '全文其他多位数不分节，这里也不用千分撇'
          : '全文其他多位数用千分撇分节，这里也应分节',
        whyEn: flagGrouped
          ? 'Other large numbers here are not grouped; do not group this one'
          : 'Other large numbers here are grouped with commas; group this one too',
      },
    ),
  }));
}
