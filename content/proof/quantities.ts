import { readNumber } from './chars';

/**
 * The quantities written in a text, read just well enough to compare them: value (with 万 and
 * 亿 applied), unit, and the words before and after that say what is measured. The statistics
 * extractor (content/stats) reads far more; this reader is the checker's own so that a number
 * is compared exactly as the brief writes it.
 */

export interface Quantity {
  start: number;
  end: number;
  /** the characters as written: 「21.59亿元」 */
  text: string;
  value: number;
  /** the unit without its magnitude: 「元」 for 「亿元」 */
  base: string;
  /** 超, 近, 约, 余, 多, 以上, 左右 … when written: the value is not exact */
  inexact: boolean;
  /** what is measured, from the words right before the number: 「引进内资」 */
  label: string;
  /** 增长, 下降 … when the number is a change */
  change: string;
  /** what is counted, from the words right after the unit: 「口袋公园」 in 「5处口袋公园」 */
  noun: string;
  /** index of the sentence in the unit's text */
  sentence: number;
}

const UNITS = [
  '个百分点',
  '万平方米',
  '平方公里',
  '平方米',
  '立方米',
  '千瓦时',
  '千米',
  '千瓦',
  '千克',
  '公里',
  '公顷',
  '标箱',
  '人次',
  '户次',
  '家次',
  '架次',
  '批次',
  '元',
  '个',
  '项',
  '户',
  '家',
  '人',
  '名',
  '位',
  '天',
  '亩',
  '处',
  '条',
  '所',
  '张',
  '件',
  '份',
  '座',
  '场',
  '次',
  '辆',
  '台',
  '套',
  '间',
  '栋',
  '批',
  '篇',
  '册',
  '米',
  '倍',
  '块',
  '支',
  '部',
  '起',
  '宗',
  '笔',
  '株',
  '棵',
  '吨',
  '%',
  '％',
];

const QUANTITY = new RegExp(
  String.raw`(?<![\d.,．])(\d{1,3}(?:,\d{3})+|\d+)([.．]\d+)?(余|多)?(万|亿)?(余|多)?(${UNITS.join('|')})(以上|左右|以内|以下)?`,
  'g',
);

const QUALIFIER_BEFORE = /(?:超过|超|近|约|逾|突破|不到|不足|大约)$/;
const FILLER_END =
  /(?:达到|达|共计|共有|共|累计|合计|实现|完成|为|是|有|至|到|分别|总计|总数|仅|只|计|约|已|再|又|则|即)$/;
const CHANGE_END = /(?:增长|下降|提高|降低|增加|减少|上升|回落|提升|回升)$/;
const BASIS_END = /(?:同比|环比|比上年同期|比上年|较上年同期|较上年|比去年同期|较去年同期|比年初|较年初)$/;

/** The Han and Latin characters right before `at`, back to any other character. */
function wordsBefore(text: string, at: number): string {
  let s = at;
  while (s > 0 && /[\p{Script=Han}A-Za-z]/u.test(text[s - 1]!)) s--;
  return text.slice(s, at);
}

function wordsAfter(text: string, at: number): string {
  const m = /^[\p{Script=Han}A-Za-z]{0,8}/u.exec(text.slice(at));
  return m ? m[0] : '';
}

export function quantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  const sentenceStarts = [0];
  for (const m of text.matchAll(/[。！？；]/g)) sentenceStarts.push(m.index + 1);
  // matches come in text order, so the sentence index only moves forward
  let k = 0;
  const sentenceOf = (at: number): number => {
    while (k + 1 < sentenceStarts.length && sentenceStarts[k + 1]! <= at) k++;
    return k;
  };
  for (const m of text.matchAll(QUANTITY)) {
    const [, whole, frac, more1, mag, more2, unit, after] = m;
    const magnitude = mag === '亿' ? 1e8 : mag === '万' ? 1e4 : 1;
    let label = wordsBefore(text, m.index);
    const inexact = QUALIFIER_BEFORE.test(label) || !!more1 || !!more2 || !!after;
    label = label.replace(QUALIFIER_BEFORE, '');
    for (let k = 0; k < 3; k++) label = label.replace(FILLER_END, '');
    let change = '';
    const c = CHANGE_END.exec(label);
    if (c) {
      change = c[0];
      label = label.slice(0, -change.length);
    }
    label = label.replace(BASIS_END, '');
    const end = m.index + m[0].length - (after?.length ?? 0);
    out.push({
      start: m.index,
      end,
      text: text.slice(m.index, end),
      value: readNumber(`${whole}${frac ?? ''}`) * magnitude,
      base: unit === '％' ? '%' : unit!,
      inexact,
      label,
      change,
      noun: wordsAfter(text, m.index + m[0].length),
      sentence: sentenceOf(m.index),
    });
  }
  return out;
}

/** Values equal up to the rounding of the shorter written form. */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
