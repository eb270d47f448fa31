import type { Stat, StatBound, StatKind } from '../model/report';
import {
  basisIn,
  breaksOf,
  firstFrom,
  lastBefore,
  periodsOf,
  quotingAt,
  targetStarts,
  type Breaks,
  type Quoting,
} from './context';
import { foldText } from './fold';
import {
  countedThing,
  headNounOf,
  isVerbOnly,
  labelFault,
  shorten,
  stripFiller,
  titleAsLabel,
} from './label';
import {
  ANAPHORIC,
  BASIS,
  CHANGE_VERB,
  DURATION_CUE,
  LEAD_LINKS,
  LEVEL_REACHED,
  PERIOD,
  PERIOD_BEFORE,
  PREFIX_QUALIFIERS,
  RESULT_VERB_BEFORE,
  SET_PHRASE_AFTER,
  SHARE_OF,
  SHARE_OF_PLAN,
  SUFFIX_QUALIFIER,
  qualifierWeight,
} from './lexicon';
import { numberTokens, type NumberToken, type UnitClass } from './numbers';
import { scopeOf } from './scope';
import { countWork } from './work';

/**
 * A statistic found in a sentence: its id, section and block are empty until the report's walk
 * places it (created whole with them, so every statistic has one shape).
 */
export type FoundStat = Stat;

/** The place fields of a statistic before extractStats gives them. */
export const UNPLACED = { id: '', sectionId: '', blockId: '' } as const;

/** What the text around a sentence tells about it. */
export interface SentenceContext {
  /** titles of the sections it stands in, outermost first */
  sectionTitles?: readonly string[];
  /** the sentence is a photo's or table's caption */
  caption?: boolean;
  /** numbers are planned ones: a section of targets, or a list after 「主要预期目标：」 */
  future?: boolean;
  /** the subject of the sentence before, for a sentence that opens on 「同比增长4.9%」 */
  subject?: string;
}

/** How far back from a number its lead may reach, and forward its counted thing: bounded work per number. */
const LEAD_WINDOW = 40;
const FOLLOW_WINDOW = 24;

/** One sentence being read: its text, folded text and what was found once for all its numbers. */
interface Reading {
  text: string;
  folded: string;
  breaks: Breaks;
  targets: number[];
  periods: Array<{ at: number; text: string }>;
  /** where each period and each piece starts, for binary search */
  periodAt: number[];
  pieceStart: number[];
  context: SentenceContext;
  /** folded character → as written, for giving back labels in the report's own characters */
  unfold: (s: string) => string;
}

/** The figure read before the current one in the sentence. */
interface Prev {
  end: number;
  label: string;
  kind: StatKind;
  unit: string;
  basis?: string;
}

/** A number, or two read as one (a range 「15-40万元」, a change 「从58.1%提高到66.4%」). */
interface Quantity {
  tok: NumberToken;
  /** where the whole quantity starts and ends (both numbers of a pair) */
  start: number;
  end: number;
  from?: StatBound;
  upper?: StatBound;
  /** where the lead stops: before 「从」 of a change */
  leadEnd: number;
}

/**
 * Every statistic in one sentence (up to its 。！？), with its meaning read from the words around
 * it. Linear in the sentence: numbers are read in one pass, and each number looks at a bounded
 * window around itself.
 */
export function statsInSentence(sentence: string, context: SentenceContext = {}): FoundStat[] {
  const folded = foldText(sentence);
  const tokens = numberTokens(folded);
  const ranks = rankWords(folded);
  if (tokens.length === 0 && ranks.length === 0) return [];
  const breaks = breaksOf(folded);
  const periods = periodsOf(folded);
  const reading: Reading = {
    text: sentence,
    folded,
    breaks,
    targets: targetStarts(folded),
    periods,
    periodAt: periods.map((p) => p.at),
    pieceStart: breaks.pieces.map((p) => p[0]),
    context,
    unfold: unfolder(sentence, folded),
  };
  const quoting = quotingAt(
    folded,
    tokens.map((t) => t.start),
  );
  // a target word inside a quoted name (「“双强计划2.0”」) plans nothing
  const cueQuoting = quotingAt(folded, reading.targets);
  reading.targets = reading.targets.filter((_, i) => cueQuoting[i] === 'none');
  const found: Array<{ at: number; stat: FoundStat }> = [];
  let prev: Prev | undefined;
  let carried = context.subject;
  // the labels of the amounts and counts read so far, for 「分别」 with no subjects of its own
  const recent: string[] = [];
  const consumed = new Set<number>();
  // the next number with a unit after each: where a counted thing's words stop (「两车」 is not one)
  const nextFigure: Array<NumberToken | undefined> = new Array<NumberToken | undefined>(tokens.length);
  for (let k = tokens.length - 1, seen: NumberToken | undefined; k >= 0; k--) {
    nextFigure[k] = seen;
    const t = tokens[k];
    if (t?.unit || t?.magnitudeOnly) seen = t;
  }
  let nextRank = 0;
  const ranksBefore = (at: number): void => {
    for (; nextRank < ranks.length && (ranks[nextRank]?.at ?? 0) < at; nextRank++) {
      const w = ranks[nextRank];
      if (w) found.push({ at: w.at, stat: rankWordStat(reading, w, prev?.label || carried).stat });
    }
  };
  for (let k = 0; k < tokens.length; k++) {
    if (consumed.has(k)) continue;
    const tok = tokens[k];
    if (!tok) continue;
    ranksBefore(tok.start);
    const q = quoting[k] ?? 'none';
    if (q === 'name' || !standsAlone(folded, tok)) continue;
    const next = tokens[k + 1];
    const pair = next ? pairOf(reading, tok, next) : undefined;
    if (pair) consumed.add(k + 1);
    const quantity: Quantity = pair ?? { tok, start: tok.start, end: tok.end, leadEnd: tok.start };
    if (folded[tok.start - 1] === '第') {
      // 「第3」 is an ordinal, unless it is a place in a ranking
      const rank = rankStat(reading, tok, prev, carried);
      if (rank) {
        found.push({ at: tok.start, stat: rank.stat });
        // 「GDP总量位列第3位，增速居第一」: what was ranked is the subject the next rank takes
        if (rank.subject) prev = { end: tok.end, label: rank.subject, kind: 'rank', unit: '' };
      }
      continue;
    }
    // a bare number is a figure only as a ratio's change: 「倍差从2.52缩小到2.06」
    const measured =
      quantity.tok.unit !== '' || quantity.tok.magnitudeOnly === true || quantity.from !== undefined;
    if (!measured || !isFigure(reading, quantity)) continue;
    const stat = readStat(reading, quantity, q, prev, carried, nextFigure[k + (pair ? 1 : 0)], recent);
    found.push({ at: quantity.start, stat });
    prev = {
      end: quantity.end,
      label: stat.unfit ? '' : foldText(stat.label),
      kind: stat.kind,
      unit: quantity.tok.unit,
      ...(stat.basis ? { basis: foldText(stat.basis) } : {}),
    };
    // the subject a later 「增长4.9%」 or 「增速」 takes: an amount's or a count's, not a rate's
    const measure = stat.measure ?? stat.kind;
    if (!stat.unfit && (measure === 'amount' || measure === 'count')) {
      carried = foldText(stat.label);
      recent.push(carried);
    }
  }
  ranksBefore(Infinity);
  return found.map((f) => f.stat);
}

/** Map folded characters back to how this sentence wrote them (traditional, full-width). */
function unfolder(text: string, folded: string): (s: string) => string {
  if (text === folded) return (s) => s;
  const back = new Map<string, string>();
  for (let i = 0; i < text.length; i++) {
    const f = folded[i] ?? '';
    if (f !== text[i] && !back.has(f)) back.set(f, text[i] ?? f);
  }
  return (s) => {
    let out = '';
    for (const ch of s) out += back.get(ch) ?? ch;
    return out;
  };
}

/** A number run into letters or other digits is part of a name or a code: 「5G」, 「G20」, 「PM2.5」. */
function standsAlone(folded: string, tok: NumberToken): boolean {
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

/** Two numbers that are one quantity: a range, or the earlier and later value of a change. */
function pairOf(r: Reading, a: NumberToken, b: NumberToken): Quantity | undefined {
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

const MAGNITUDE_VALUE: Readonly<Record<string, number>> = {
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
function isRatio(a: NumberToken, b: NumberToken): boolean {
  return a.arabic && b.arabic && !b.unit && a.value < 100 && b.value < 100;
}

/**
 * Whether a number with a unit is a figure: Chinese numerals only after a verb of result and
 * never in set phrases; time units only as durations or day counts; thresholds that define a
 * category (「2000万元以上的企业」) are not figures.
 */
function isFigure(r: Reading, q: Quantity): boolean {
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
  // a threshold that names a category: 「年营业收入2000万元及以上的企业」, 「5000万元以上项目20个」
  const suffix = SUFFIX_QUALIFIER.exec(r.folded.slice(tok.end, tok.end + 4))?.[0];
  if (suffix && /以上|以下/.test(suffix)) {
    const rest = r.folded.slice(tok.end + suffix.length, tok.end + suffix.length + 14);
    if (/^的/.test(rest)) return false;
    if (/^[\p{Script=Han}]{1,10}[0-9零〇一二两三四五六七八九十百千]/u.test(rest)) return false;
  }
  return true;
}

/** The lead of a number: from the start of its clause (or its list item) to the number. */
function leadBeforeNumber(r: Reading, at: number, floor = 0): string {
  return r.folded.slice(leadStart(r, at, floor), at);
}

function leadStart(r: Reading, at: number, floor: number): number {
  const clause = lastBefore(r.breaks.clause, at) + 1;
  return Math.max(clause, floor, at - LEAD_WINDOW);
}

/** Peel qualifier words off the end of a lead: 「累计达」 → rest, 「达」 and 「累计」. */
function stripQualifiers(lead: string): { rest: string; words: string[] } {
  let rest = lead;
  const words: string[] = [];
  for (let i = 0; i < 5; i++) {
    const linked = rest.replace(/(了|为|是)$/, '');
    const q = PREFIX_QUALIFIERS.find((w) => linked.endsWith(w) && !fusedQualifier(linked, w));
    if (!q) break;
    words.push(q);
    rest = linked.slice(0, -q.length);
  }
  return { rest, words };
}

/** A qualifier's character that belongs to the word before it: 「节约」, 「最近」, 「到达」. */
function fusedQualifier(lead: string, q: string): boolean {
  const before = lead.slice(-q.length - 1, -q.length);
  switch (q) {
    case '约':
      return /[节制签合条预公契大]/.test(before);
    case '近':
      return /[最附接将亲贴临]/.test(before);
    case '达':
      return /[到发表传下直抵送通转]/.test(before);
    case '超':
      return /[赶高]/.test(before);
    default:
      return false;
  }
}

/** The strongest of the qualifiers written before a number. */
function strongest(words: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const w of words) if (best === undefined || qualifierWeight(w) > qualifierWeight(best)) best = w;
  return best;
}

interface Meaning {
  kind: Exclude<StatKind, 'target'>;
  /** the lead with qualifiers, change words and share words taken off: the subject */
  subject: string;
  change?: string;
  basis?: string;
  /** a label the meaning gives outright: 「全年目标完成率」, 「GDP占比」 */
  label?: string;
}

/** What the words around a number say it is: growth, share, duration, amount, count. */
function meaningOf(lead: string, follow: string, unitClass: UnitClass, levelOnly: boolean): Meaning {
  let rest = lead
    .replace(/(为|是)?(每(亩|人|户|平方米|吨|年|月|天|个|家|辆|台|套))+$/, '')
    .replace(/(了|为|是|约为|在|保持在|稳定在|控制在)$/, '')
    .replace(/(有望|可望|预计|力争|确保|争取)$/, '');
  const basis = basisIn(rest);
  const level = LEVEL_REACHED.exec(rest);
  // 「最低标准每人每月提高至200元」: the rate's 每人每月 is not part of what is measured
  if (level) rest = rest.slice(0, -level[0].length).replace(/(每[人户月年天亩个家辆台套])+$/, '');
  else if (!levelOnly) {
    const change = CHANGE_VERB.exec(rest);
    // 「加快126个重点项目建设」 is no change: speed words change rates only
    const speed = change && /^(加快|放缓|减缓|趋缓)$/.test(change[0]);
    const rate = unitClass === 'percent' || unitClass === 'points';
    if (change && !(change[0] === '增' && /新增$/.test(rest)) && (!speed || rate)) {
      const subject = cutBasis(rest.slice(0, -change[0].length).replace(/(了|的)$/, ''));
      return { kind: 'growth', subject, change: change[0], ...(basis ? { basis } : {}) };
    }
  }
  if (unitClass === 'points') return { kind: 'growth', subject: cutBasis(rest), ...(basis ? { basis } : {}) };
  if (unitClass === 'percent') return shareMeaning(rest, follow);
  if (unitClass === 'time') return { kind: /天数$/.test(rest) ? 'count' : 'duration', subject: rest };
  if (unitClass === 'count') return { kind: 'count', subject: rest };
  return { kind: 'amount', subject: rest };
}

/** A percentage that is not a change: a share of a plan or a whole, a part's share, or a rate. */
function shareMeaning(rest: string, follow: string): Meaning {
  // 「制造业税收占比达到38.5%」: the lead names the share itself
  if (/占比$/.test(rest)) return { kind: 'share', subject: rest };
  const plan = SHARE_OF_PLAN.exec(rest);
  if (plan) {
    const whose = plan[3] === '年' ? '年度' : (plan[3] ?? '');
    return { kind: 'share', subject: rest.slice(0, plan.index), label: `${whose}${plan[5] ?? '目标'}完成率` };
  }
  const share = SHARE_OF.exec(rest);
  if (share) {
    return {
      kind: 'share',
      subject: rest.slice(0, share.index),
      label: `占${share[1] ?? ''}${share[3] ?? '比重'}`,
    };
  }
  // 「以6%的用地产出了9.2%的GDP」: the share is the part's
  const of = /^的([\p{Script=Han}A-Za-z]{1,10})/u.exec(follow);
  if (of && !/^(增长|增幅|增速|涨幅|降幅|目标|水平|速度|幅度|比例|比重)/.test(of[1] ?? '')) {
    const thing = countedThing(follow.slice(1));
    if (thing) return { kind: 'share', subject: '', label: `${thing}占比` };
  }
  if (/^的(增长|增幅|增速|涨幅)/.test(follow)) return { kind: 'growth', subject: rest, change: '增长' };
  return { kind: 'share', subject: rest };
}

function cutBasis(subject: string): string {
  const m = BASIS_AT_END.exec(subject);
  return m ? subject.slice(0, m.index) : subject;
}
const BASIS_AT_END = new RegExp(`${BASIS.source}$`);

/** The nearest period named before a number in its sentence, else in its section titles. */
function periodFor(r: Reading, at: number): string | undefined {
  const i = lastIndexBefore(r.periodAt, at);
  const best = i >= 0 ? r.periods[i]?.text : undefined;
  if (best) return r.unfold(best);
  const titles = r.context.sectionTitles ?? [];
  for (let t = titles.length - 1; t >= 0; t--) {
    const m = /(上半年|下半年|前三季度|[一二三四]季度|全年|\d{4}年(?!\d*月))/.exec(foldText(titles[t] ?? ''));
    if (m) return m[0];
  }
  return undefined;
}

/** Index of the last position before `at` in a sorted list, or -1. */
function lastIndexBefore(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Where a number's lead starts and what follows it, in the folded sentence. */
interface Surroundings {
  clauseStart: number;
  /** where the lead starts */
  leadStart: number;
  /** the words before the number (or before 「从」 of a change), back to the clause or item start */
  lead: string;
  /** the suffix qualifier after the unit, if any */
  suffix?: string;
  /** the words after the unit and suffix, to the next break or figure */
  follow: string;
  /** the rest of the clause after the number, for what a duration measured */
  clauseRest: string;
  /** the clause before this one, when it holds no number: its subject may be this one's */
  prevClause: string;
}

function surroundingsOf(
  r: Reading,
  q: Quantity,
  prev: Prev | undefined,
  nextTok: NumberToken | undefined,
): Surroundings {
  const { folded } = r;
  // the lead: back to the clause start, the previous figure, or a 、 that ends a list item
  const prevEnd = prev && prev.end <= q.leadEnd ? prev.end : 0;
  const listStart = lastBefore(r.breaks.list, q.leadEnd) + 1;
  const clauseStart = lastBefore(r.breaks.clause, q.leadEnd) + 1;
  const itemFloor = listStart > clauseStart && prevEnd > clauseStart ? listStart : 0;
  const start = leadStart(r, q.leadEnd, Math.max(prevEnd, itemFloor));
  const lead = folded.slice(start, q.leadEnd).replace(/^[、\s]+/, '');
  const suffix = SUFFIX_QUALIFIER.exec(folded.slice(q.end, q.end + 4))?.[0];
  const afterAt = q.end + (suffix?.length ?? 0);
  const clauseEnd = firstFrom(r.breaks.clause, afterAt, folded.length);
  const followEnd = Math.min(
    clauseEnd,
    firstFrom(r.breaks.list, afterAt, folded.length),
    nextTok ? nextTok.start : folded.length,
    afterAt + FOLLOW_WINDOW,
  );
  const prevBreak = lastBefore(r.breaks.clause, clauseStart - 1);
  const prevClause =
    clauseStart > 0 && clauseStart - prevBreak <= 20 && (!prev || prev.end <= prevBreak)
      ? folded.slice(prevBreak + 1, clauseStart - 1)
      : '';
  return {
    clauseStart,
    leadStart: start,
    lead,
    ...(suffix ? { suffix } : {}),
    follow: folded.slice(afterAt, followEnd),
    clauseRest: folded.slice(afterAt, Math.min(clauseEnd, afterAt + 30)),
    prevClause,
  };
}

/** 累计 / 共计 / 共 opening a lead, after words of time and place: 「上半年共接待游客」. */
const OPENING_QUALIFIER =
  /^(?:今年|去年|全年|上半年|下半年|前三季度|[一二三四]季度|[0-9]{1,2}[—\-－~～至][0-9]{1,2}月|截至[^，,]{1,6}|全区|全市|全县|全镇|全省|我区|我市|我县|目前|已|先后|五年来|过去五年)*(累计|共计|合计|总计|共(?![同享建治青产性识有]))/;

/** Read one quantity's meaning: qualifier, kind, label, period, basis, scope, target. */
function readStat(
  r: Reading,
  q: Quantity,
  quoting: Quoting,
  prev: Prev | undefined,
  carried: string | undefined,
  nextTok: NumberToken | undefined,
  recent: readonly string[],
): FoundStat {
  const { tok } = q;
  const { folded } = r;
  const around = surroundingsOf(r, q, prev, nextTok);
  countWork(around.lead.length + around.follow.length + around.clauseRest.length + around.prevClause.length);
  const parallel =
    parallelSubject(r, q, around.clauseStart) ?? earlierInTurn(r, q, around.clauseStart, recent);
  const { rest, words } = stripQualifiers(around.lead);
  const meaning = meaningOf(parallel?.verbs ?? rest, around.follow, tok.unitClass, Boolean(q.from));
  if (parallel) meaning.subject = parallel.subject;
  // 「累计为企业减税3.6亿元」: a 累计 that opens the lead still qualifies the number
  const opening = OPENING_QUALIFIER.exec(around.lead)?.[1];
  const qualifier = around.suffix ?? (tok.approx || strongest(words) || opening);
  const scope = scopeOf(r.text, folded, q.start, quoting, r.context.caption === true);
  if (scope.name) {
    // the name is the scope's: the label is what of it is measured (「企业产值」, not the company)
    const name = foldText(scope.name);
    const at = meaning.subject.lastIndexOf(name);
    if (at >= 0) meaning.subject = meaning.subject.slice(at + name.length);
  }
  // 「企业上半年实现产值」 in a caption about one company: the company is the scope, the label its 产值
  if (scope.name)
    meaning.subject = meaning.subject.replace(/^(该|这家|本)?(企业|公司|厂|项目|园区|集团|医院|学校)/, '');
  const label = labelOf(r, { meaning, around, tok, prev, carried });
  const kind = meaning.kind;
  const target = isTarget(r, q, around.follow);
  const period = periodFor(r, q.start);
  // a growth rate with no basis of its own takes the one named before it in the sentence:
  // 「规上工业增加值同比增长9.2%，固定资产投资增长11.5%」
  const basis =
    meaning.basis ??
    (kind === 'growth' ? (basisIn(folded.slice(around.clauseStart, q.start)) ?? prev?.basis) : undefined);
  // a number after 「从」 whose later value could not be read is an earlier value: never a figure alone
  const unpaired = !q.from && /(从|由)$/.test(around.lead) ? '这是变化前的数值' : undefined;
  const unfit = label.fault ?? unpaired;
  const stat: FoundStat = {
    id: '',
    value: tok.value,
    unit: r.unfold(tok.magnitude + tok.unit),
    label: r.unfold(label.text),
    text: r.text.slice(q.start, q.end),
    sentence: pieceOf(r, q.start),
    sectionId: '',
    blockId: '',
    kind: target ? 'target' : kind,
    scope,
  };
  // optional fields set one by one: thousands of statistics, no copies
  if (target) stat.measure = kind;
  if (qualifier) stat.qualifier = r.unfold(qualifier);
  if (meaning.change) stat.change = r.unfold(meaning.change);
  if (period) stat.period = period;
  if (basis) stat.basis = r.unfold(basis);
  if (q.from) stat.from = q.from;
  if (q.upper) stat.upper = q.upper;
  if (unfit) stat.unfit = unfit;
  return stat;
}

/** The piece of the sentence (between 「；」) a position stands in: the statistic's source sentence. */
function pieceOf(r: Reading, at: number): string {
  const i = lastIndexBefore(r.pieceStart, at + 1);
  const piece = r.breaks.pieces[i];
  return piece ? r.text.slice(piece[0], piece[1]).trim() : r.text.trim();
}

/**
 * 「规上工业增加值、固定资产投资分别增长8%、10%」: the n-th number of the clause belongs to the
 * n-th subject listed before 「分别」. 「城镇和农村居民人均可支配收入」 share their head.
 */
function parallelSubject(
  r: Reading,
  q: Quantity,
  clauseStart: number,
): { subject: string; verbs: string } | undefined {
  // a list of subjects is short: a long clause is not read back to its start for every number
  if (q.leadEnd - clauseStart > 60) return undefined;
  const clause = r.folded.slice(clauseStart, q.leadEnd);
  countWork(clause.length);
  const at = clause.indexOf('分别');
  if (at < 0) return undefined;
  const subjects = clause
    .slice(0, at)
    .split(/[、和及与]/)
    .map((s) => stripFiller(s));
  // 「城乡居民人均可支配收入分别增长5.1%和7.3%」: 城乡 is 城镇 and 农村
  const [one] = subjects;
  if (subjects.length === 1 && one?.startsWith('城乡'))
    subjects.splice(0, 1, `城镇${one.slice(2)}`, `农村${one.slice(2)}`);
  if (subjects.length < 2) return undefined;
  const last = subjects[subjects.length - 1] ?? '';
  // 「城镇和农村居民人均可支配收入」: a short first subject takes the head of the last one
  const full = subjects.map((s, i) =>
    i < subjects.length - 1 && s.length <= 3 && last.length > s.length + 3 ? `${s}${last.slice(2)}` : s,
  );
  const between = clause.slice(at + 2);
  // which number of the clause this is: count the list marks between 分别 and the number
  const index = (between.match(/[、和]/g) ?? []).length;
  const subject = full[index];
  if (!subject) return undefined;
  const verbs = /^([^0-9、和]*)/.exec(between)?.[1] ?? '';
  return { subject, verbs };
}

/**
 * 「新登记市场主体6280户，其中企业2150户，同比分别增长12.6%和18.4%」: with no subjects listed
 * before 「分别」, the clause's numbers belong in turn to the figures just before it.
 */
function earlierInTurn(
  r: Reading,
  q: Quantity,
  clauseStart: number,
  recent: readonly string[],
): { subject: string; verbs: string } | undefined {
  if (q.leadEnd - clauseStart > 30 || recent.length < 2) return undefined;
  const clause = r.folded.slice(clauseStart, q.leadEnd);
  const at = clause.indexOf('分别');
  // only a clause with no subject of its own takes those before it
  if (at < 0 || stripFiller(cutBasis(clause.slice(0, at)))) return undefined;
  const index = (clause.slice(at + 2).match(/[、和]/g) ?? []).length;
  const clauseEnd = firstFrom(r.breaks.clause, q.end, r.folded.length);
  const rest = r.folded.slice(q.end, Math.min(clauseEnd, q.end + 30));
  const total = index + 1 + (rest.match(/[、和][^、和]*?[0-9]/g) ?? []).length;
  const subject = recent[recent.length - total + index];
  if (!subject || total > recent.length) return undefined;
  const verbs = /^([^0-9、和]*)/.exec(clause.slice(at + 2))?.[1] ?? '';
  return { subject, verbs: `${clause.slice(0, at)}${verbs}` };
}

/** Whether the number is planned: after a target word in its sentence, in a section of targets, or 「…的目标」. */
function isTarget(r: Reading, q: { start: number }, follow: string): boolean {
  if (/^(的)?(预期)?目标/.test(follow) && !/^(的)?目标(的)?(完成|实现)/.test(follow)) return true;
  if (r.targets.length > 0 && (r.targets[0] ?? Infinity) < q.start) {
    // a result said done after a target word is still done
    const lead = r.folded.slice(Math.max(0, q.start - 10), q.start);
    return !/(已经|已|实际)(完成|实现|达到)/.test(lead);
  }
  return r.context.future === true && !/(已经|已|实际|上半年|1-6月|1—6月)/.test(r.folded.slice(0, q.start));
}

interface LabelInput {
  meaning: Meaning;
  around: Surroundings;
  tok: NumberToken;
  prev: Prev | undefined;
  carried: string | undefined;
}

/** A verb that opens a count's label: 「新认定国家高新技术企业」 → 「国家高新技术企业」 for its 总数. */
const LEADING_VERB = /^(新认定|新增|新建|新登记|新引进|引进|新培育|培育|认定|建成|新开工)/;

/** Verbs of giving whose object names what the money is for: 「对新认定的高新技术企业给予」. */
const GIVING = /(对|给|向|为)(.{2,14}?)(给予|奖励|补助|补贴|安排|发放|拨付|支持|兑现)$/;

/** The label and, when none stands alone, why the statistic is unfit for a card. */
function labelOf(r: Reading, input: LabelInput): { text: string; fault?: string } {
  const { meaning, around, tok, prev } = input;
  // a period inside the subject is the statistic's period, not part of what it measures
  const subject = stripFiller(meaning.subject.replace(LEAD_LINKS, '').replace(PERIOD, ''));
  const thing = countedThing(around.follow);
  const candidates: string[] = [];
  const push = (c: string | undefined): void => {
    if (c) candidates.push(c);
  };
  if (meaning.kind === 'duration') push(durationLabel(meaning.subject, around.clauseRest));
  if (meaning.label) {
    const whose = subject && !labelFault(subject) && subject.length <= 10 ? subject : '';
    const carriedWhose = !subject && meaning.label.startsWith('占') ? (input.carried ?? '') : '';
    push(`${whose || carriedWhose}${meaning.label}`);
  }
  // 「增速位列…」, 「降幅收窄…」, 「总数达到312家」: the subject is the last figure's (its thing, not its verb)
  if (ANAPHORIC.test(subject) || /^(增速|增幅|降幅|涨幅|总量|占比|比重)./.test(subject)) {
    const whose = prev?.label || input.carried || '';
    push(
      `${/^(总数|数量|总量|规模|总额)/.test(subject) ? whose.replace(LEADING_VERB, '') : whose}${subject}`,
    );
  }
  // 「1280批次3600人次」: the same thing counted in another unit
  if (around.lead === '' && prev?.label && prev.end === around.leadStart) push(prev.label);
  // 「高于全市平均水平1.5个百分点」 after a growth rate: how far that rate stands above
  if (/^(高于|低于|快于|慢于|领先|超出|超过)/.test(subject) && (prev?.label || input.carried))
    push(`${prev?.label || input.carried || ''}增速${subject.replace(/平均水平$/, '平均')}`);
  const giving = GIVING.exec(meaning.subject);
  if (giving) {
    const object = (giving[2] ?? '').replace(/的$/, '').replace(/^.*的/, '');
    push(thing ? `${object}${thing}` : `${object}${giving[3] ?? ''}`);
  }
  // 「其中企业1837户」 under 「新登记市场主体5621户」: the part takes the whole's verb
  if (/^其中/.test(around.lead) && subject.length <= 4) {
    const verb = /^(新登记|新增|新建|新引进|引进|新认定|认定|培育|完成|实现)/.exec(prev?.label ?? '')?.[0];
    if (verb && !/^(完成|实现)$/.test(verb)) push(`${verb}${subject}`);
  }
  if (isVerbOnly(subject)) {
    const plain = /^(实现|完成|达到|有|累计完成|累计实现)$/.test(subject);
    if (thing) push(plain ? thing : `${subject}${thing}`);
    const head = headNounOf(prev?.label ?? '');
    if (head) push(`${subject}${head}`);
  } else if (
    prev?.label &&
    subject.startsWith(prev.label) &&
    /^(发放|给予|兑现|拨付|提供|减免|补贴|奖励)/.test(subject.slice(prev.label.length))
  ) {
    // 「为1.6万名困难群众发放救助资金9200万元」: the words after a count's thing are this figure's
    push(subject.slice(prev.label.length));
  } else if (thing && tok.unitClass === 'count' && subject.length <= 6) {
    // 「细化分解557项具体任务」, 「吉林大学2项科技成果转化」: what is counted follows the number
    push(stripFiller(thing));
    push(subject);
  } else push(subject);
  const counted = tok.unitClass === 'count' || tok.unitClass === 'physical' || tok.unitClass === 'money';
  if (thing && (counted || !subject)) push(stripFiller(thing));
  // a growth rate or share with no subject of its own is the last figure's: 「…235亿元，增长4.9%」;
  // an amount too when it is of the same unit: 「达到48.6亿斤，连续七年稳定在45亿斤以上」
  const implied = meaning.kind === 'growth' || meaning.kind === 'share' || meaning.kind === 'rank';
  // counts of one measure word are often of different things: only amounts carry over
  const sameUnit =
    prev !== undefined && prev.unit === tok.unit && prev.label !== '' && tok.unitClass !== 'count';
  if (!subject || /^连续[0-9零〇一二两三四五六七八九十]+年$/.test(subject)) {
    // the figure just before in the sentence first: 「投入强度达到2.6%，比上年提高0.3个百分点」
    // (a rate's change is the rate's; a growth after 「完成年度预算的53.1%」 is still the amount's;
    // 「增长7.6%，比一季度加快1.2个百分点」 is the growth rate's own change)
    if (implied && prev?.label && prev.kind === 'share' && !/完成率$/.test(prev.label)) push(prev.label);
    if (meaning.kind === 'growth' && tok.unitClass === 'points' && prev?.kind === 'growth' && prev.label)
      push(`${prev.label}增速`);
    if (implied) push(input.carried);
    else if (sameUnit) push(prev?.label);
    // the clause before, when it names the subject and holds no number: 「贫困户全部脱贫，共计128户」
    if (around.prevClause) push(stripFiller(countedThing(around.prevClause)));
  }
  const titles = r.context.sectionTitles ?? [];
  const title = titleAsLabel(titles[titles.length - 1] ?? '');
  if (title && (meaning.kind === 'growth' || !subject)) push(title);

  let firstFault: string | undefined;
  for (const c of candidates) {
    const text = shorten(c.trim());
    const fault = labelFault(text);
    if (!fault) return { text };
    firstFault ??= fault;
  }
  const fallback = shorten((candidates[0] ?? subject).trim());
  return { text: fallback, fault: firstFault ?? labelFault(fallback) ?? '没有说明这个数字是什么' };
}

/**
 * What a duration measured: 「仅用5天实现规上企业复工复产」 → 「规上企业复工复产用时」;
 * 「从签约到开工仅用了68天」 → 「从签约到开工用时」; 「审批时限压缩至3个工作日」 → 「审批时限」.
 */
function durationLabel(subject: string, clauseRest: string): string | undefined {
  const used = /(仅用了|只用了|用了|仅用|只用|花了|历时|耗时|用)$/.exec(subject);
  if (!used) return undefined;
  const plain = clauseRest
    .replace(/^(时间)?(就|便|即|即可|可)?(实现了|完成了|实现|完成|让|使)?(了)?/, '')
    .replace(/[0-9.,]+(万|亿)?(余|多)?[个户家项名人次座所条件批]?/g, '');
  const after = stripFiller(countedThing(plain));
  if (after) return `${shorten(after).slice(0, 14)}用时`;
  const before = stripFiller(subject.slice(0, used.index).replace(/(仅|只|就)$/, ''));
  return before ? `${before}用时` : undefined;
}

// ---- ranks ----

/** The words of a rank before its place: 「增速位列五城区」 → verb 位列, among 五城区. */
const RANK_LEAD = /(位列|位居|排名|排在|名列|居于|居|列|跃居|跻身|升至|保持|排)([^，,；;]{0,8})$/;

/** 「增速位列五城区第2」: a rank, labelled by what is ranked and among what. */
function rankStat(
  r: Reading,
  tok: NumberToken,
  prev: Prev | undefined,
  carried: string | undefined,
): { stat: FoundStat; subject: string } | undefined {
  const clauseStart = lastBefore(r.breaks.clause, tok.start) + 1;
  const lead = r.folded.slice(Math.max(clauseStart, tok.start - LEAD_WINDOW), tok.start - 1);
  const m = RANK_LEAD.exec(lead);
  if (!m) return undefined;
  const unitAfter = /^(位|名)/.exec(r.folded.slice(tok.numEnd, tok.numEnd + 1))?.[0] ?? '';
  return rankFound(r, {
    value: tok.value,
    text: r.text.slice(tok.start - 1, tok.numEnd + unitAfter.length),
    subjectText: lead.slice(0, m.index),
    group: m[2] ?? '',
    at: tok.start,
    // what is ranked is the indicator read before, its growth when a growth rate came last
    // (「地区生产总值增长6.8%，居全市第2位」)
    carried: carried
      ? `${carried}${prev?.kind === 'growth' && !stripFiller(lead.slice(0, m.index)) ? '增速' : ''}`
      : prev?.label,
  });
}

interface RankWord {
  at: number;
  end: number;
  subject: string;
  group: string;
}

/** 「位列五城区首位」, 「居全市榜首」: a first place said in words. */
function rankWords(folded: string): RankWord[] {
  countWork(folded.length);
  const out: RankWord[] = [];
  if (!/首位|榜首/.test(folded)) return out;
  for (const m of folded.matchAll(
    /(位列|位居|排名|排在|名列|居于|居|列|跃居|保持)([^，,。；;：:]{0,8}?)(首位|榜首)/g,
  )) {
    const at = (m.index ?? 0) + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    const clause = folded.slice(Math.max(0, (m.index ?? 0) - LEAD_WINDOW), m.index ?? 0);
    const cut = Math.max(
      clause.lastIndexOf('，'),
      clause.lastIndexOf(','),
      clause.lastIndexOf('；'),
      clause.lastIndexOf('。'),
    );
    out.push({ at, end: at + (m[3]?.length ?? 0), subject: clause.slice(cut + 1), group: m[2] ?? '' });
  }
  return out;
}

function rankWordStat(
  r: Reading,
  w: RankWord,
  carried: string | undefined,
): { stat: FoundStat; subject: string } {
  return rankFound(r, {
    value: 1,
    text: r.text.slice(w.at, w.end),
    subjectText: w.subject,
    group: w.group,
    at: w.at,
    carried,
  });
}

function rankFound(
  r: Reading,
  o: {
    value: number;
    text: string;
    subjectText: string;
    group: string;
    at: number;
    carried: string | undefined;
  },
): { stat: FoundStat; subject: string } {
  let subject = stripFiller(cutBasis(o.subjectText.replace(/(在|于)$/, '')));
  if (ANAPHORIC.test(subject) || !subject) subject = `${o.carried ?? ''}${subject}`;
  const group = o.group.replace(/^在/, '').replace(/(中|内|之中)$/, '');
  const label = shorten(`${subject}${group}排名`);
  const fault = labelFault(label) ?? (subject ? undefined : '没有说明排名的是什么');
  const period = periodFor(r, o.at);
  const target = isTarget(r, { start: o.at }, '');
  const stat: FoundStat = {
    id: '',
    value: o.value,
    unit: '',
    label: r.unfold(label),
    text: o.text,
    sentence: pieceOf(r, o.at),
    sectionId: '',
    blockId: '',
    kind: target ? 'target' : 'rank',
    scope: scopeOf(r.text, r.folded, o.at, 'none', r.context.caption === true),
  };
  if (target) stat.measure = 'rank';
  if (period) stat.period = period;
  if (fault) stat.unfit = fault;
  return { stat, subject: fault ? '' : subject.replace(/(增速|增幅)$/, '') };
}
