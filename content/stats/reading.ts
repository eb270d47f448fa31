import type { Stat, StatBound, StatKind } from '../model/report';
import { type Breaks, breaksOf, firstFrom, lastBefore, periodsOf, targetStarts } from './context';
import { foldText } from './fold';
import { PLAN_WORD, SUFFIX_QUALIFIER } from './lexicon';
import type { NumberToken } from './numbers';

/**
 * A sentence as the statistics rules read it: its text and folded text, where its clauses and
 * pieces break, its target words and periods, found once; and the lookups every number makes in
 * it, each a bounded window or a binary search, so reading stays linear in the sentence.
 */

/**
 * A statistic found in a sentence: its id, section and block are empty until the report's walk
 * places it (created whole with them, so every statistic has one shape).
 */
export type FoundStat = Stat;

/** The place fields of a statistic before extractStats gives them. */
export const UNPLACED = { id: '', sectionId: '', blockId: '' } as const;

/** Whether a part of the report plans: yes, no, or its tasks plan while its facts state. */
export type Future = boolean | 'tasks';

/** What the text around a sentence tells about it. */
export interface SentenceContext {
  /** titles of the sections it stands in, outermost first */
  sectionTitles?: readonly string[];
  /** the sentence is a photo's or table's caption */
  caption?: boolean;
  /**
   * numbers are planned ones: a section of targets, or a list after 「主要预期目标：」; in a section
   * of tasks ('tasks'), only where the sentence itself plans
   */
  future?: Future;
  /** the subject of the sentence before, for a sentence that opens on 「同比增长4.9%」 */
  subject?: string;
}

/** How far back from a number its lead may reach, and forward its counted thing: bounded work per number. */
export const LEAD_WINDOW = 40;
export const FOLLOW_WINDOW = 24;

/** One sentence being read: its text, folded text and what was found once for all its numbers. */
export interface Reading {
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
export interface Prev {
  end: number;
  label: string;
  kind: StatKind;
  unit: string;
  basis?: string;
}

/** A number, or two read as one (a range 「15-40万元」, a change 「从58.1%提高到66.4%」). */
export interface Quantity {
  tok: NumberToken;
  /** where the whole quantity starts and ends (both numbers of a pair) */
  start: number;
  end: number;
  from?: StatBound;
  upper?: StatBound;
  /** where the lead stops: before 「从」 of a change */
  leadEnd: number;
}

/** Everything found once for all the numbers of a sentence. */
export function readingOf(sentence: string, folded: string, context: SentenceContext): Reading {
  const breaks = breaksOf(folded);
  const periods = periodsOf(folded);
  return {
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
}

/** Map folded characters back to how this sentence wrote them (traditional, full-width). */
export function unfolder(text: string, folded: string): (s: string) => string {
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

/** The lead of a number: from the start of its clause (or its list item) to the number. */
export function leadBeforeNumber(r: Reading, at: number, floor = 0): string {
  return r.folded.slice(leadStart(r, at, floor), at);
}

export function leadStart(r: Reading, at: number, floor: number): number {
  const clause = lastBefore(r.breaks.clause, at) + 1;
  return Math.max(clause, floor, at - LEAD_WINDOW);
}

/** The nearest period named before a number in its sentence, else in its section titles. */
export function periodFor(r: Reading, at: number): string | undefined {
  const i = lastIndexBefore(r.periodAt, at);
  const best = i >= 0 ? r.periods[i]?.text : undefined;
  if (best) return r.unfold(best);
  const titles = r.context.sectionTitles ?? [];
  for (let t = titles.length - 1; t >= 0; t--) {
    const title = titles[t] ?? '';
    // the part of the year a title names is the period (「2024年上半年…」: 上半年, 「1—5月…」), else its year
    const folded = foldText(title);
    const m = TITLE_PART_OF_YEAR.exec(folded) ?? /\d{4}年(?!\d*月)/.exec(folded);
    if (m) return title.slice(m.index, m.index + m[0].length);
  }
  return undefined;
}

/** A part of the year in a title: a half, quarters, months, the whole year. */
const TITLE_PART_OF_YEAR =
  /(上半年|下半年|前三季度|第?[一二三四]季度|[1-9]\d?[—\-－~～至到][1-9]\d?月(份)?|前[\d一二三四五六七八九十]{1,2}个月|全年)/;

/** Index of the last position before `at` in a sorted list, or -1. */
export function lastIndexBefore(sorted: readonly number[], at: number): number {
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
export interface Surroundings {
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

export function surroundingsOf(
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
    clauseStart > 0 && clauseStart - prevBreak <= 32 && (!prev || prev.end <= prevBreak)
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

/** The piece of the sentence (between 「；」) a position stands in: the statistic's source sentence. */
export function pieceOf(r: Reading, at: number): string {
  const i = lastIndexBefore(r.pieceStart, at + 1);
  const piece = r.breaks.pieces[i];
  return piece ? r.text.slice(piece[0], piece[1]).trim() : r.text.trim();
}

/** Whether the number is planned: after a target word in its sentence, in a section of targets, or 「…的目标」. */
export function isTarget(r: Reading, q: { start: number }, follow: string): boolean {
  if (/^(的)?(预期)?目标/.test(follow) && !/^(的)?目标(的)?(完成|实现)/.test(follow)) return true;
  if (r.targets.length > 0 && (r.targets[0] ?? Infinity) < q.start) {
    // a result said done after a target word is still done
    const lead = r.folded.slice(Math.max(0, q.start - 10), q.start);
    return !/(已经|已|实际)(完成|实现|达到)/.test(lead);
  }
  const planned = r.context.future === true || (r.context.future === 'tasks' && PLAN_WORD.test(r.folded));
  return planned && !/(已经|已|实际|上半年|1-6月|1—6月)/.test(r.folded.slice(0, q.start));
}
