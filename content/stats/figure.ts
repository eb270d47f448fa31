import {
  DURATION_CUE,
  PERIOD_BEFORE,
  RESULT_VERB_BEFORE,
  SET_PHRASE_AFTER,
  SUFFIX_QUALIFIER,
} from './lexicon';
import type { NumberToken } from './numbers';
import { stripQualifiers } from './qualifier';
import { type Quantity, type Reading, leadBeforeNumber } from './reading';

/**
 * Which numbers are figures: not a year, a code, an ordinal, a number in a name or a set phrase,
 * a time unit that names a period, nor a threshold that defines a category.
 */

/** A number run into letters or other digits is part of a name or a code: 「5G」, 「G20」, 「PM2.5」. */
export function standsAlone(folded: string, tok: NumberToken): boolean {
  const before = folded[tok.start - 1] ?? '';
  const after = folded[tok.numEnd] ?? '';
  if (/[0-9.]/.test(before)) return false;
  // 「每千人口」, 「每万人」: the count a rate is per
  if (before === '每') return false;
  if (/[A-Za-z]/.test(before)) {
    // 「GDP500亿元」 keeps its figure; 「PM2.5」, 「G20」 are names
    const word = /[A-Za-z]+$/.exec(folded.slice(Math.max(0, tok.start - 8), tok.start))?.[0] ?? '';
    if (!(word.length >= 2 && word === word.toUpperCase() && tok.unit && !/^PM$/.test(word))) return false;
  }
  if (!tok.unit && /[A-Za-z]/.test(after)) return false;
  if (/届$/.test(folded.slice(tok.start - 1, tok.start)) || folded[tok.end] === '届') return false;
  // a year: 「2022年」, 「自2024起」
  if (tok.arabic && tok.numEnd - tok.start === 4 && tok.value >= 1900 && tok.value <= 2100) {
    if (!tok.unit && /^(年|—|-|至|以来)/.test(folded.slice(tok.numEnd, tok.numEnd + 2))) return false;
    if (tok.unit === '年' || tok.unit === '起') return false;
  }
  return true;
}

/**
 * Whether a number with a unit is a figure: Chinese numerals only after a verb of result and
 * never in set phrases; time units only as durations or day counts; thresholds that define a
 * category (「2000万元以上的企业」) are not figures.
 */
export function isFigure(r: Reading, q: Quantity): boolean {
  const { tok } = q;
  const before = r.folded.slice(Math.max(0, tok.start - 8), tok.start);
  const after = r.folded.slice(tok.numEnd, tok.numEnd + 8);
  if (!tok.arabic && !tok.percentWords && !q.from) {
    if (tok.value < 2) return false;
    if (/^[”」》』"]/.test(r.folded.slice(tok.end, tok.end + 1)) || /[”」》』"]$/.test(before)) return false;
    if (SET_PHRASE_AFTER.test(after)) return false;
    // 「十件民生实事」, 「三件大事」: a programme's name; 「百件实事清单」 counts a list
    if (tok.value <= 10 && /^[件项](民生)?(实事|大事)/.test(after)) return false;
    // 「二次供水」: 二 alone is an ordinal; counting uses 两
    if (r.folded.slice(tok.start, tok.numEnd) === '二') return false;
    const lead = leadBeforeNumber(r, tok.start);
    if (tok.value < 10 && !RESULT_VERB_BEFORE.test(lead.replace(/(了|共|累计|新)$/, ''))) return false;
  }
  if (tok.unitClass === 'time' && tok.unit !== '个工作日' && tok.unit !== '工作日') {
    if (PERIOD_BEFORE.test(before)) return false;
    const lead = leadBeforeNumber(r, tok.start);
    const cue = DURATION_CUE.test(stripQualifiers(lead).rest) || /天数$/.test(lead);
    if (!cue) {
      // 「24小时不打烊」, 「15分钟生活圈」: a name; 「5天内办结」 is a duration
      if (tok.unit === '年' || tok.unit === '个月') return false;
      const follow = r.folded.slice(tok.end, tok.end + 3);
      if (!/^($|[，,。；;、）)]|内|以内|之内|左右|以上|时间|的时间)/.test(follow)) return false;
    }
  }
  if (tok.unit === '位' && /(第|前)$/.test(before)) return false;
  // 「突破千亿元大关」, 「迈上新台阶」: a milestone named, the figure is given elsewhere
  if (/^(大关|台阶|级)/.test(r.folded.slice(tok.end, tok.end + 2))) return false;
  // 「在全市9个区县中排名第2」: the size of the field a rank is among
  if (
    tok.unitClass === 'count' &&
    /^[\p{Script=Han}]{0,5}(中|之中|当中)[，,]?(排名|排|位列|位居|居|名列)/u.test(
      r.folded.slice(tok.end, tok.end + 12),
    )
  )
    return false;
  // 「超10亿元企业」, 「过亿元项目」: a threshold written before the category it names
  if (
    tok.unitClass === 'money' &&
    /(超过|超|过|逾)$/.test(before) &&
    /^(的)?(企业|工业企业|龙头企业|项目|重点项目|大项目|产业集群|集群|商户|市场主体|园区)/.test(
      r.folded.slice(tok.end, tok.end + 6),
    )
  )
    return false;
  // a threshold that names a category: 「年营业收入2000万元及以上的企业」, 「5000万元以上项目20个」
  const suffix = SUFFIX_QUALIFIER.exec(r.folded.slice(tok.end, tok.end + 4))?.[0];
  if (suffix && /以上|以下/.test(suffix)) {
    const rest = r.folded.slice(tok.end + suffix.length, tok.end + suffix.length + 14);
    if (/^的/.test(rest)) return false;
    if (/^[\p{Script=Han}]{1,10}[0-9零〇一二两三四五六七八九十百千]/u.test(rest)) return false;
  }
  return true;
}
