import { chineseValue, chineseNumeral } from './chars';
import { hit, type RuleDef } from './hits';
import { quantities, sameValue, type Quantity } from './quantities';
import type { Hit, ProofUnit } from './types';

/**
 * Consistency: with the report (a number staff changed in an item no longer says what the
 * report says), and within the document (one measure with two values, parts that add up to more
 * than their total, numbering that skips, a retitled heading that leaves its siblings' style).
 */

const def = (id: string, rule: string, why: string, whyEn: string): RuleDef => ({
  id: `consistency.${id}`,
  kind: 'consistency',
  rule,
  why,
  whyEn,
});

export const CONSISTENCY_RULES = {
  source: def(
    'source',
    '与报告原文一致（每个数字可追溯到原句）',
    '数字与报告原文不一致',
    'The number differs from the report',
  ),
  sameMeasure: def(
    'same-measure',
    '同一指标全文一致',
    '同一指标前后数值不一致',
    'The same measure is given two values',
  ),
  partSum: def(
    'part-sum',
    '分项之和不大于总数',
    '「其中」各项之和大于总数',
    'The parts add up to more than the total',
  ),
  numbering: def('numbering', 'GB/T 9704-2012 7.3.3', '结构层次序数不连续', 'The numbering skips or repeats'),
  siblings: def(
    'siblings',
    '同级标题体例一致',
    '改后的标题与同级标题体例不一致',
    'The retitled heading no longer matches its siblings',
  ),
} as const;

type Placed = { index: number; hit: Hit };

// ---- a number staff changed ----

/** Numbers in an edited field that the report's own words give differently. */
export function sourceEdits(unit: ProofUnit): Hit[] {
  if (unit.source === undefined || unit.source === unit.text) return [];
  const left = quantities(unit.source);
  const unmatched: Quantity[] = [];
  for (const q of quantities(unit.text)) {
    const same = left.findIndex((s) => s.base === q.base && sameValue(s.value, q.value));
    if (same >= 0) left.splice(same, 1);
    else unmatched.push(q);
  }
  const out: Hit[] = [];
  for (const q of unmatched) {
    const candidates = left.filter((s) => s.base === q.base);
    const pick =
      candidates.length === 1
        ? candidates[0]
        : (candidates.find((s) => s.label !== '' && s.label === q.label) ??
          candidates.find((s) => s.noun !== '' && s.noun === q.noun));
    if (!pick) continue;
    left.splice(left.indexOf(pick), 1);
    out.push(
      hit(CONSISTENCY_RULES.source, q.start, q.end, pick.text, {
        why: `报告原文是「${pick.text}」，这里改成了「${q.text}」`,
        whyEn: `The report says ${pick.text}; this says ${q.text}`,
      }),
    );
  }
  return out;
}

// ---- one measure, two values ----

const PERIOD =
  /上半年|下半年|全年|[一二三四]季度|前三季度|1[—-]\d{1,2}月|\d{1,2}月份?|今年|去年|上年|\d{4}年|年底|年初/;
const TARGET = /目标|力争|预计|确保|争取|预期|将达到|要达到/;
/** a named place, body or enterprise (not the whole area: 全区, 我县) */
const OWNER =
  /(?<![全我本])\p{Script=Han}{1,8}(?:镇|乡|街道|村|社区|园区|开发区|公司|集团|医院|学校|[区县市]委|[区县市]政府|局|委员会)/gu;
/** words before the thing measured that do not change what it is: when, where (the whole area), a verb */
const LEADING =
  /^(?:上半年|下半年|全年|[一二三四]季度|前三季度|今年|去年|\d{4}年|全区|全县|全市|全省|全镇|全乡|我区|我县|我市|在|对|从|已|共|累计|完成|实现|新增|共计)/;

/** The sentence around `at`, and its part before `at`. */
function sentenceAround(text: string, at: number): { sentence: string; before: string } {
  // a sentence is read at most this far either way: a line with no full stop stays linear
  const reach = 300;
  let s = at;
  while (s > 0 && at - s < reach && !/[。！？；]/.test(text[s - 1]!)) s--;
  let e = at;
  while (e < text.length && e - at < reach && !/[。！？；]/.test(text[e]!)) e++;
  return { sentence: text.slice(s, e), before: text.slice(s, at) };
}

/** What is measured, without the words that do not change it: 「全区完成固定资产投资」 → 「固定资产投资」. */
function coreLabel(label: string): string {
  let core = label;
  for (let k = 0; k < 4; k++) core = core.replace(LEADING, '');
  return core;
}

export function sameMeasure(units: readonly ProofUnit[]): Placed[] {
  // the first statement of each measure: by measure and period, and by measure alone
  const firstIn = new Map<string, { q: Quantity; index: number }>();
  const out: Placed[] = [];
  units.forEach((unit, index) => {
    // a number staff changed away from the report is reported against the report (sourceEdits)
    const fromSource = unit.source !== undefined ? quantities(unit.source) : null;
    for (const q of quantities(unit.text)) {
      if (q.inexact) continue;
      if (fromSource && !fromSource.some((s) => s.base === q.base && sameValue(s.value, q.value))) continue;
      const core = coreLabel(q.label);
      const strong = core.length >= 4 || (core.length >= 2 && q.noun.length >= 2);
      if (!strong) continue;
      const { sentence, before } = sentenceAround(unit.text, q.start);
      // a place or body named before the number says whose figure it is (「临川镇：完成投资12亿元」)
      const owner = [...before.matchAll(OWNER)].pop()?.[0] ?? '';
      // the period the sentence opens with (a later one is usually a comparison: 「比一季度」)
      const period = before.match(PERIOD)?.[0] ?? '';
      // what comes after the unit says what is counted only when the words before do not
      const noun = core.length >= 3 ? '' : q.noun;
      const key = [core, q.change, q.base, noun, TARGET.test(sentence) ? 'T' : '', owner].join('|');
      // periods that differ are different measures; a sentence that names none takes the other's
      const first = period
        ? (firstIn.get(`${key}|${period}`) ?? firstIn.get(`${key}|`))
        : firstIn.get(`${key}|*`);
      const entry = { q, index };
      if (!firstIn.has(`${key}|${period}`)) firstIn.set(`${key}|${period}`, entry);
      if (!firstIn.has(`${key}|*`)) firstIn.set(`${key}|*`, entry);
      if (!first || sameValue(first.q.value, q.value)) continue;
      if (first.index === index && first.q.sentence === q.sentence) continue;
      out.push({
        index,
        hit: hit(CONSISTENCY_RULES.sameMeasure, q.start, q.end, null, {
          why: `「${core}」前文为「${first.q.text}」，这里是「${q.text}」`,
          whyEn: `${core} is ${first.q.text} earlier and ${q.text} here`,
        }),
      });
    }
  });
  return out;
}

// ---- parts and their total ----

const ADDITIVE = (q: Quantity): boolean => !['%', '个百分点', '倍'].includes(q.base) && q.change === '';

export function partSums(units: readonly ProofUnit[]): Placed[] {
  const out: Placed[] = [];
  units.forEach((unit, index) => {
    const { text } = unit;
    if (!text.includes('其中')) return;
    const qs = quantities(text);
    // quantities are in text order: the first after each 其中 is found by moving forward
    let next = 0;
    for (const m of text.matchAll(/其中/g)) {
      const at = m.index;
      while (next < qs.length && qs[next]!.start <= at) next++;
      const partsEnd = (() => {
        const e = text.slice(at, at + 500).search(/[。！？]/);
        return e < 0 ? Math.min(text.length, at + 500) : at + e;
      })();
      const parts: Quantity[] = [];
      for (let k = next; k < qs.length && qs[k]!.end <= partsEnd; k++)
        if (ADDITIVE(qs[k]!)) parts.push(qs[k]!);
      if (parts.length === 0) continue;
      const base = parts[0]!.base;
      let total: Quantity | undefined;
      // the total is in the same sentence or the one before: a short way back
      for (let k = next - 1; k >= 0 && at - qs[k]!.end < 500; k--)
        if (qs[k]!.base === base && ADDITIVE(qs[k]!)) {
          total = qs[k];
          break;
        }
      if (!total || total.inexact) continue;
      // the total and its parts belong to one sentence, or 「其中」 opens the sentence after the total's
      const between = text.slice(total.end, at);
      if (/[。！？]/.test(between) && !/[。！？]\s*$/.test(between)) continue;
      const same = parts.filter(
        (p) => p.base === base && !/近|约|左右/.test(text.slice(p.start - 2, p.end + 2)),
      );
      const sum = same.reduce((n, p) => n + p.value, 0);
      if (sum <= total.value * (1 + 1e-9)) continue;
      const last = same[same.length - 1]!;
      const long = last.end - total.start > 80;
      out.push({
        index,
        hit: hit(CONSISTENCY_RULES.partSum, total.start, long ? total.end : last.end, null, {
          why: `「其中」各项之和（${formatSum(sum, total)}）大于总数「${total.text}」`,
          whyEn: `The parts add up to more than the total ${total.text}`,
        }),
      });
    }
  });
  return out;
}

function formatSum(sum: number, total: Quantity): string {
  const mag = /亿/.test(total.text) ? 1e8 : /万/.test(total.text) ? 1e4 : 1;
  const v = Math.round((sum / mag) * 1e4) / 1e4;
  return `${v}${mag === 1e8 ? '亿' : mag === 1e4 ? '万' : ''}${total.base}`;
}

// ---- numbering ----

interface Marker {
  level: number;
  value: number;
  start: number;
  end: number;
  /** the marker rewritten with another value */
  with: (n: number) => string;
}

function lineMarker(text: string): Marker | null {
  const lead = /^\s*/.exec(text)![0].length;
  const rest = text.slice(lead);
  // 「二.」 is a wrong mark after the ordinal (its own finding), still the second of its list
  let m = /^([一二三四五六七八九十]+)[、.．，,]/.exec(rest);
  if (m) {
    const v = chineseValue(m[1]!);
    return v === null
      ? null
      : { level: 1, value: v, start: lead, end: lead + m[1]!.length, with: chineseNumeral };
  }
  m = /^[（(]([一二三四五六七八九十]+)[）)]/.exec(rest);
  if (m) {
    const v = chineseValue(m[1]!);
    return v === null
      ? null
      : { level: 2, value: v, start: lead + 1, end: lead + 1 + m[1]!.length, with: chineseNumeral };
  }
  m = /^(\d{1,2})[.．、](?!\d)/.exec(rest);
  if (m) return { level: 3, value: Number(m[1]), start: lead, end: lead + m[1]!.length, with: String };
  m = /^[（(](\d{1,2})[）)]/.exec(rest);
  if (m)
    return { level: 4, value: Number(m[1]), start: lead + 1, end: lead + 1 + m[1]!.length, with: String };
  return null;
}

/** Ordinals must run 1, 2, 3 at each level; a new list may start again at 1. */
function checkRun(markers: Array<{ index: number; marker: Marker }>, out: Placed[]): void {
  const last: number[] = [0, 0, 0, 0, 0];
  markers.forEach(({ index, marker }, k) => {
    const { level, value } = marker;
    for (let l = level + 1; l < last.length; l++) last[l] = 0;
    const prev = last[level]!;
    last[level] = value;
    if (value === 1 || value === prev + 1 || prev === 0) return;
    const expected = prev + 1;
    const next = markers.slice(k + 1).find((n) => n.marker.level <= level);
    const typo = next?.marker.level === level && next.marker.value === expected + 1;
    out.push({
      index,
      hit: hit(CONSISTENCY_RULES.numbering, marker.start, marker.end, typo ? marker.with(expected) : null, {
        why: `序号不连续：前一个是「${marker.with(prev)}」，这里是「${marker.with(value)}」`,
        whyEn: `The numbering goes from ${prev} to ${value}`,
      }),
    });
    if (typo) last[level] = expected;
  });
}

export function numbering(units: readonly ProofUnit[]): Placed[] {
  const out: Placed[] = [];
  const lines: Array<{ index: number; marker: Marker }> = [];
  units.forEach((unit, index) => {
    if (!('line' in unit.at)) return;
    const marker = lineMarker(unit.text);
    if (marker) lines.push({ index, marker });
    // 「一是……二是……三是……」 inside a paragraph
    const inline: Array<{ index: number; marker: Marker }> = [];
    for (const m of unit.text.matchAll(/(?<=^\s*|[。；：，！？])([一二三四五六七八九十])是/g)) {
      const v = chineseValue(m[1]!)!;
      inline.push({
        index,
        marker: { level: 1, value: v, start: m.index, end: m.index + 1, with: chineseNumeral },
      });
    }
    if (inline.length > 1) checkRun(inline, out);
  });
  checkRun(lines, out);
  return out;
}

// ---- retitled headings ----

const TITLE_NUMBER =
  /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、]|[（(]\d{1,2}[）)]|第[一二三四五六七八九十]+[、，,])\s*/;

export function siblingTitles(units: readonly ProofUnit[]): Placed[] {
  const out: Placed[] = [];
  const groups = new Map<string, number[]>();
  units.forEach((u, index) => {
    if (u.group && (u.role === 'heading' || u.isTitle)) {
      const g = groups.get(u.group);
      if (g) g.push(index);
      else groups.set(u.group, [index]);
    }
  });
  units.forEach((unit, index) => {
    if (unit.source === undefined || unit.source === unit.text || !unit.group) return;
    if (unit.role !== 'heading' && !unit.isTitle) return;
    const numberMark = TITLE_NUMBER.exec(unit.text);
    if (numberMark && !TITLE_NUMBER.test(unit.source)) {
      out.push({
        index,
        hit: hit(CONSISTENCY_RULES.siblings, 0, numberMark[0].length, '', {
          rule: 'GB/T 9704-2012 7.3.3',
          why: '标题序号由简报按层级自动编排，标题里再写序号会重复',
          whyEn: 'Headings are numbered automatically; a number typed in the title is doubled',
        }),
      });
      return;
    }
    const others = (groups.get(unit.group) ?? []).filter((k) => k !== index).map((k) => units[k]!.text);
    if (others.length < 2) return;
    const prefix = others[0]!.slice(0, 2);
    if (
      prefix.length === 2 &&
      others.every((t) => t.startsWith(prefix)) &&
      unit.source.startsWith(prefix) &&
      !unit.text.startsWith(prefix)
    ) {
      out.push({
        index,
        hit: hit(CONSISTENCY_RULES.siblings, 0, unit.text.length, null, {
          why: `同级标题都以「${prefix}」开头，改后的标题不再一致`,
          whyEn: `The sibling headings all begin with ${prefix}; this one no longer does`,
        }),
      });
      return;
    }
    const n = others[0]!.length;
    if (others.every((t) => t.length === n) && unit.source.length === n && unit.text.length !== n) {
      out.push({
        index,
        hit: hit(CONSISTENCY_RULES.siblings, 0, unit.text.length, null, {
          why: `同级标题都是${n}个字，改后的标题是${unit.text.length}个字`,
          whyEn: `The sibling headings are all ${n} characters; this one is ${unit.text.length}`,
        }),
      });
    }
  });
  return out;
}
