import { countWork } from './work';
import { BASIS, NOT_TARGET_BEFORE, PERIOD, SPEECH_BEFORE, TARGET_CUE } from './lexicon';

/**
 * What a sentence says around its numbers, found once per sentence in one pass each: where its
 * clauses break, which numbers stand inside quotes or a book title, where a target starts, which
 * periods it names. Lookups are by position, moving forward only.
 */

const CLAUSE_BREAKS = new Set(['，', ',', '；', ';', '：', ':', '。', '！', '？', '!', '?']);
const PIECE_BREAKS = new Set(['；', ';', '。', '！', '？', '!', '?']);
const BREAK = /([，,；;：:。！？!?、])["”’」』）)]*/g;

export const isClauseBreak = (ch: string | undefined): boolean => ch !== undefined && CLAUSE_BREAKS.has(ch);

/** Positions of every clause break, of every 「、」, and of the pieces the sentence splits into at 「；」. */
export interface Breaks {
  clause: number[];
  list: number[];
  /** [start, end) of each piece: the sentence shown as a statistic's source */
  pieces: Array<[number, number]>;
}

export function breaksOf(text: string): Breaks {
  countWork(text.length);
  const clause: number[] = [];
  const list: number[] = [];
  const pieces: Array<[number, number]> = [];
  let pieceStart = 0;
  for (const m of text.matchAll(BREAK)) {
    const i = m.index ?? 0;
    const ch = m[1] ?? '';
    if (ch === '、') {
      list.push(i);
      continue;
    }
    clause.push(i);
    if (PIECE_BREAKS.has(ch)) {
      // closing quotes and brackets after the stop stay with its piece
      const end = i + m[0].length;
      pieces.push([pieceStart, end]);
      pieceStart = end;
    }
  }
  if (pieceStart < text.length) pieces.push([pieceStart, text.length]);
  return { clause, list, pieces };
}

/** The last position in a sorted list before `at`, or -1: binary search, so lookups cost log n. */
export function lastBefore(sorted: readonly number[], at: number): number {
  countWork(Math.ceil(Math.log2(sorted.length + 1)));
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] ?? 0;
    if (v < at) {
      found = v;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The first position in a sorted list at or after `at`, or `fallback`. */
export function firstFrom(sorted: readonly number[], at: number, fallback: number): number {
  countWork(Math.ceil(Math.log2(sorted.length + 1)));
  let lo = 0;
  let hi = sorted.length - 1;
  let found = fallback;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] ?? 0;
    if (v >= at) {
      found = v;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

/** How a number stands inside quotes: not at all, in a name (「“十四五”」), or in quoted speech. */
export type Quoting = 'none' | 'name' | 'speech';

const OPEN = new Set(['“', '「', '『', '《', '‘']);
const ANY_QUOTE = /[“「『《‘"]/;
const QUOTE_MARK = /[“「『《‘”」』》’"]/g;
const CLOSE: Readonly<Record<string, string>> = { '”': '“', '」': '「', '』': '『', '》': '《', '’': '‘' };
/** A quoted name is short; quoted speech is long or has a clause inside. */
const MAX_NAME_QUOTE = 24;

/**
 * For each position asked (sorted), how it is quoted. One pass with a stack of open quotes; a quote
 * left open runs to the end of the sentence.
 */
export function quotingAt(text: string, positions: readonly number[]): Quoting[] {
  countWork(text.length);
  const out: Quoting[] = new Array<Quoting>(positions.length).fill('none');
  if (positions.length === 0 || !ANY_QUOTE.test(text)) return out;
  const spans: Array<{ open: number; ch: string; close: number; asked: number[] }> = [];
  const stack: number[] = [];
  let straightOpen = false;
  let k = 0;
  // the positions before a quote mark stand inside whatever quote is open there
  const record = (upTo: number): void => {
    const top = stack[stack.length - 1];
    for (; k < positions.length && (positions[k] ?? 0) < upTo; k++) {
      if (top !== undefined) spans[top]?.asked.push(k);
    }
  };
  for (const m of text.matchAll(QUOTE_MARK)) {
    const i = m.index ?? 0;
    const ch = m[0];
    record(i);
    if (OPEN.has(ch) || (ch === '"' && !straightOpen)) {
      if (stack.length < 8) {
        spans.push({ open: i, ch, close: text.length, asked: [] });
        stack.push(spans.length - 1);
        if (ch === '"') straightOpen = true;
      }
      continue;
    }
    const want = ch === '"' ? '"' : CLOSE[ch];
    for (let d = stack.length - 1; d >= 0; d--) {
      const span = spans[stack[d] ?? 0];
      if (span && span.ch === want) {
        span.close = i;
        stack.length = d;
        if (ch === '"') straightOpen = false;
        break;
      }
    }
  }
  record(Infinity);
  for (const span of spans) {
    if (span.asked.length === 0) continue;
    const inner = text.slice(span.open + 1, Math.min(span.close, span.open + 1 + 200));
    const before = text.slice(Math.max(0, span.open - 8), span.open);
    const speech =
      span.ch !== '《' &&
      (SPEECH_BEFORE.test(before) ||
        span.close - span.open - 1 > MAX_NAME_QUOTE ||
        /[，,。！？；]/.test(inner));
    for (const k2 of span.asked) out[k2] = speech ? 'speech' : 'name';
  }
  return out;
}

/** Where targets start in the sentence: positions after which numbers are planned, not done. */
export function targetStarts(text: string): number[] {
  countWork(text.length);
  const out: number[] = [];
  for (const m of text.matchAll(TARGET_CUE)) {
    const at = m.index ?? 0;
    const before = text.slice(Math.max(0, at - 5), at);
    if (NOT_TARGET_BEFORE.test(before)) continue;
    // 「计划的52%」, 「目标的71.2%」: a share of the plan done, not a plan
    const word = m[0];
    if (
      /^(计划|预期|主要目标)$/.test(word) &&
      /^(的|任务的|目标的)/.test(text.slice(at + word.length, at + word.length + 4))
    )
      continue;
    // 「企业预期偏弱」, 「稳定市场预期」, 「符合预期」: expectations held, not a plan
    if (
      word === '预期' &&
      (EXPECTATION_BEFORE.test(before) || EXPECTATION_AFTER.test(text.slice(at + 2, at + 6)))
    )
      continue;
    out.push(at);
  }
  return out;
}

/** Before 「预期」 as a noun: whose expectations, or how they compare. */
const EXPECTATION_BEFORE =
  /(企业|市场|社会|公众|群众|心理|稳定|稳|提振|改善|引导|符合|超|超出|不及|好于|低于|高于|弱)$/;
/** After 「预期」 as a noun: how the expectations stand. */
const EXPECTATION_AFTER = /^(偏|转|减弱|走弱|趋|不足|不稳|向好|改善|回暖|管理|引导|[，,。；;、])/;

/** Every period the sentence names, with where it stands. */
export function periodsOf(text: string): Array<{ at: number; text: string }> {
  countWork(text.length);
  const out: Array<{ at: number; text: string }> = [];
  for (const m of text.matchAll(PERIOD)) out.push({ at: m.index ?? 0, text: m[0] });
  return out;
}

/** The basis named in a window before a number: 「同比」, 「比上年同期」. */
export function basisIn(window: string): string | undefined {
  return BASIS.exec(window)?.[0];
}
