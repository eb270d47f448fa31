import type { Suggestion, TextBlock } from './repair';
import { isMetaLine, isSalutation, isTitleLine, isWholeSubtitle } from './front-matter';
import { repairId } from './ids';
import { commonWordAt, orphanFit, type PairCounts } from './pairs';
import { matchPoint } from './points';
import {
  BULLET,
  CANNOT_OPEN,
  ENDS_INSIDE_CLAUSE,
  ENUMERATES_INSIDE,
  HEADING_PATTERNS,
  POINT_MARKER,
  SECTION_LABELS,
  SECTION_NUMBER_LINE,
  displayWidth,
  endsParagraph,
  joinText,
} from './text-rules';

/**
 * Lines hard-wrapped inside a paragraph, as text copied out of a PDF arrives: 「……制造业投资增长2」
 * then 「3.5%，……」. The lines of one paragraph are read back as one, and the join is one repair
 * per paragraph that staff can undo.
 *
 * The evidence is the document's own, not a fixed width:
 * - how a line ends and the next begins: a line stopping after a comma, inside a number
 *   (「2」+「3.5%」, 「12」+「亿元」) or before a mark no sentence opens with (「，」 「%」 「）」)
 *   goes on, whatever its width;
 * - the page width, when there is one: a text wrapped at a width has many lines of near-equal
 *   width that end mid-sentence. Such a full line goes on; a shorter line ends its paragraph (with
 *   its full stop) or is a heading, and a heading stays a heading;
 * - blank lines and indents, where the document uses them to set paragraphs apart;
 * - where no width shows, the words at the seam: a seam the document writes elsewhere as one word
 *   (「增」+「长」), onto a start that opens no clause of this document, is a word cut in two.
 * What opens a heading, an item or a list (一、 （一） 1. 一是 —— ●) is read onto the line before
 * it only when that line was cut by the page and the opener runs on as text (「……第一、」 +
 * 「二、三产业……，」). After a finished sentence nothing is joined, unless the page width cut a
 * full line at a 「；」 or 「：」, or the text indents its paragraphs and the next line is not
 * indented, or a sentence ends right at the page's edge and the next line opens no lead-in, heading
 * or item: at worst a paragraph stays in two pieces, or two run on at a sentence's end; never is a
 * sentence cut.
 */

const HEADING_WIDTH = 30;
/** A hard-wrapped page is at least this wide, in full-width characters, and at most this. */
const MIN_PAGE_WIDTH = 16;
/** Full lines a text needs to show a page width: a paragraph or two. */
const MIN_FULL_LINES = 3;
const MAX_PAGE_WIDTH = 120;
/** How much narrower than the page width a line may be and still be full (an indent, a narrow digit). */
const FULL_LINE_SLACK = 2.5;
/** Units a number is written with, which a wrap may push onto the next line: 「12」+「亿元」. */
const UNIT_START =
  /^(万|亿|千|百)*(元|美元|吨|户|家|个|项|人|人次|辆|台|套|件|次|所|座|条|张|名|位|亩|公顷|平方米|平方公里|公里|千米|米|千瓦|兆瓦|倍|岁|天|年|月|日|号|小时|分钟|个百分点|余|多)/;
/** A label that ends in a number: a caption 「表1」, an annex 「附件2」, a page 「第3」. */
const NUMBER_LABEL = /(表|图|附件|附表|附图|第|编号|序号|No\.?)\s*\d+$/i;

/** How the document sets out its lines: the page width it wraps at, and whether it uses blank lines and indents. */
export interface Layout {
  /** the width full lines are wrapped at, or null when the text is not hard-wrapped */
  width: number | null;
  /** paragraphs are set apart by blank lines */
  blankSeparated: boolean;
  /** the left margin lines start at; a line indented past it opens a paragraph (null: indents say nothing) */
  margin: number | null;
}

export function measureLayout(lines: readonly TextBlock[]): Layout {
  // a line longer than any page is wide is a paragraph: no need to measure it
  const widths = lines.map((b) => (b.text.length > MAX_PAGE_WIDTH * 2 ? Infinity : displayWidth(b.text)));
  const blank = lines.filter((b) => (b.hints?.gapBefore ?? 0) > 0).length;
  // the margin is where the body's lines start; a line indented past it opens a paragraph
  let margin = Infinity;
  lines.forEach((b, i) => {
    if ((widths[i] ?? 0) >= 10) margin = Math.min(margin, b.hints?.indent ?? 0);
  });
  if (!Number.isFinite(margin)) margin = 0;
  const indented = lines.filter((b) => (b.hints?.indent ?? 0) >= margin + 1).length;
  return {
    width: wrapWidth(lines, widths),
    blankSeparated: lines.length > 1 && blank / (lines.length - 1) >= 0.5,
    margin: indented >= 3 ? margin : null,
  };
}

/**
 * The width a text is hard-wrapped at: the narrow band of widths most long lines fall in, when
 * enough lines fill it, few are wider, and most of those full lines stop mid-sentence.
 */
function wrapWidth(lines: readonly TextBlock[], widths: readonly number[]): number | null {
  // widths counted in half-character steps, up to a generous page; wider lines are paragraphs
  const bins = new Uint32Array(MAX_PAGE_WIDTH * 2 + 2);
  let long = 0;
  for (const w of widths) {
    if (w < 10) continue;
    long++;
    const bin = Math.min(bins.length - 1, Math.round(w * 2));
    bins[bin] = (bins[bin] ?? 0) + 1;
  }
  if (long < MIN_FULL_LINES) return null;
  // the band [w - 1.5, w + 1] holding most lines, widest first on a tie
  const prefix = new Uint32Array(bins.length + 1);
  for (let i = 0; i < bins.length; i++) prefix[i + 1] = (prefix[i] ?? 0) + (bins[i] ?? 0);
  const inBand = (lo: number, hi: number): number =>
    (prefix[Math.min(bins.length, Math.max(0, hi + 1))] ?? 0) -
    (prefix[Math.min(bins.length, Math.max(0, lo))] ?? 0);
  let best = 0;
  let bestCount = 0;
  for (let i = MIN_PAGE_WIDTH * 2; i < bins.length - 1; i++) {
    const count = inBand(i - 3, i + 2);
    if ((bins[i] ?? 0) > 0 && count >= bestCount) {
      best = i / 2;
      bestCount = count;
    }
  }
  const wider = inBand(best * 2 + 4, bins.length - 1);
  if (bestCount < MIN_FULL_LINES || bestCount < long * 0.3 || wider > long * 0.1) return null;
  // wrapped prose: most full lines stop mid-sentence, and most hold a clause mark (a list of
  // names of equal length holds none)
  const full = lines.filter((_, i) => {
    const w = widths[i] ?? 0;
    return w >= best - FULL_LINE_SLACK && w <= best + 1.5;
  });
  const cut = full.filter((b) => !endsParagraph(b.text)).length;
  const prose = full.filter((b) => /[，,。、；;：:]/.test(b.text)).length;
  return cut >= full.length * 0.5 && prose >= full.length * 0.5 ? best : null;
}

/** A line as wide as the page: where it stops, the page did, not its paragraph. */
export const isFullLine = (text: string, layout: Layout, slack = FULL_LINE_SLACK): boolean =>
  layout.width !== null && displayWidth(text) >= layout.width - slack;

/** What opens a heading, an item or a list of its own, and so never continues the line before. */
export function opensNew(text: string): boolean {
  return (
    HEADING_PATTERNS.some(({ re }) => re.test(text)) ||
    SECTION_LABELS.test(text) ||
    SECTION_NUMBER_LINE.test(text) ||
    BULLET.test(text) ||
    POINT_MARKER.test(text)
  );
}

/**
 * 「增长2」+「3.5%」, 「完成投资12」+「亿元」: a number cut by the wrap. Not a caption 「表1」 or a
 * table row. After a line that stands alone (a heading 「回顾2023」) only what no paragraph opens
 * with counts: a decimal or percentage's tail (「3.5%」) or a unit (「亿元」), never a new number
 * (「2024年是……」).
 */
export function cutsNumber(head: string, next: string, standalone = false): boolean {
  if (!/\d[.．]?$/.test(head) || /^\d+$/.test(head) || NUMBER_LABEL.test(head)) return false;
  // a table row set out with spaces: 「地区生产总值   326.5」, 「326.5  5.2」
  if (/\s{2,}\S+$/.test(head) || /\d\s+[\d.]+$/.test(head)) return false;
  if (standalone) return /^([.．%％‰]|\d*[.．]\d|\d+\s*[%％‰])/.test(next) || UNIT_START.test(next);
  return /^[\d.．%％‰]/.test(next) || (/\d$/.test(head) && UNIT_START.test(next));
}

const MARKS_ONLY = /^[\p{P}\p{S}\s]+$/u;
const CLOSING_TAIL = /^[。，,、；;：:！!？?）)》」』”’…%％]/;
const OPENING_ONLY = /^[“‘「『（(《〈【\s]+$/;
/** No sentence inside: what a heading or a cut-off scrap looks like. */
const NO_SENTENCE = (text: string): boolean => !/[。！？!?；;]/.test(text);

interface Seam {
  head: TextBlock;
  next: TextBlock;
  /** the head line was itself read on from the line before it */
  headContinues: boolean;
  /** the lines read as one so far, the head line last */
  run: readonly TextBlock[];
  /** page furniture stood between the two and was removed: the seam is a page break */
  acrossFurniture: boolean;
}

/** Does the next line continue the head line's paragraph? */
function continues(s: Seam, layout: Layout, pairs: PairCounts): boolean {
  const head = s.head.text;
  const next = s.next.text;
  // a blank line sets blocks apart, and so does a page of a PDF whose lines are read already:
  // what crosses them is the page-break repair's to judge
  const gap = s.acrossFurniture ? 0 : (s.next.hints?.gapBefore ?? 0);
  const headPage = s.head.src?.page;
  if (gap > 0 || (headPage !== undefined && s.next.src?.page !== headPage)) return false;
  // a lone 「。」 after an unfinished line is its wrapped tail, a lone 「“」 the next line's head
  if (MARKS_ONLY.test(next))
    return CLOSING_TAIL.test(next) && !MARKS_ONLY.test(head) && !/[。！？!?；;…]$/.test(head);
  if (OPENING_ONLY.test(head)) return true;
  if (MARKS_ONLY.test(head)) return false;
  // what opens a heading or an item starts anew, unless it runs on as text after a line the
  // page cut: 「……第一、」 + 「二、三产业分别增长……，」
  const nextIsText = !NO_SENTENCE(next) || ENDS_INSIDE_CLAUSE.test(next);
  const cutByPage = isFullLine(head, layout) && (!endsParagraph(head) || /[；;：:]$/.test(head));
  if (opensNew(next) && !(cutByPage && nextIsText)) return false;
  // a speech's byline stands on its own lines: the subtitle naming the occasion, the speaker
  // (「东川市市长  王振东」), the salutation (「各位代表：」)
  if (isWholeSubtitle(head) || isSalutation(next) || isMetaLine(head) || isMetaLine(next)) return false;

  const standalone =
    !s.headContinues && !isFullLine(head, layout) && displayWidth(head) <= HEADING_WIDTH && NO_SENTENCE(head);
  const inClause =
    ENDS_INSIDE_CLAUSE.test(head) ||
    cutsNumber(head, next, standalone) ||
    CANNOT_OPEN.test(next) ||
    (/[A-Za-z]$/.test(head) && /^[a-z]/.test(next));
  if (inClause) return true;
  // two numbers side by side are read as one only on the number rule's evidence, never a word's
  if (/\d$/.test(head) && /^\d/.test(next)) return false;
  // a semicolon or colon closes a clause, not a paragraph, when the page width put it at the line's end
  if (/[；;：:]$/.test(head) && isFullLine(head, layout)) return true;
  // where paragraphs open indented, an unindented line under a full one goes on with it
  const indented = layout.margin !== null && (s.next.hints?.indent ?? 0) > layout.margin;
  // the next line may be a heading: short, with no sentence in it and not stopping mid-clause
  const shortLine =
    NO_SENTENCE(next) &&
    !ENDS_INSIDE_CLAUSE.test(next) &&
    (layout.width !== null ? !isFullLine(next, layout) : displayWidth(next) <= HEADING_WIDTH);
  if (layout.margin !== null && !indented && !shortLine && isFullLine(head, layout)) return true;
  if (indented) return false;
  // a sentence ending right at the page's edge goes on into the next line more often than its
  // paragraph ends there, unless the next line opens something: a lead-in, a heading, an item
  if (endsParagraph(head)) return isFullLine(head, layout, 1) && !shortLine && matchPoint(next) === null;

  // a full line ends where the page did; a shorter one where its paragraph or heading did, unless
  // it is running text that stops on a character, not a mark: a paragraph would have ended on its
  // full stop, so the sentence runs on into the next line (a page wrapped by characters, not by
  // width, leaves a line of digits short: 「……；城镇居民人」 + 「均可支配收入54320元」)
  if (layout.width !== null) return isFullLine(head, layout) || stopsMidSentence(s, pairs);
  const headWidth = displayWidth(head);
  if (HEADING_PATTERNS.some(({ re }) => re.test(head)) || SECTION_NUMBER_LINE.test(head)) return false;
  // 「期，」 opening a line: no sentence opens on a clause of one character
  if (/^\p{Script=Han}[，,、。；;：:]/u.test(next)) return true;
  // a heading may hold a comma (「发展为要，坚定信心抓落实」), running text holds more
  const headingShaped =
    !s.headContinues &&
    headWidth <= HEADING_WIDTH &&
    NO_SENTENCE(head) &&
    (head.match(/[，,、]/g) ?? []).length <= 1 &&
    !ENUMERATES_INSIDE.test(head);
  const opensClause = next.length >= 2 && pairs.opensElsewhere(next) > 0;
  // a seam the document writes as one word elsewhere, onto a start that begins no word of its own
  const fit = orphanFit(head, next, pairs) + (commonWordAt(head, next) ? 1 : 0);
  // a short unpunctuated line (a heading, or the next one) is read on only on that evidence
  if (headingShaped || shortLine) return fit > 0 && !opensClause;
  if (s.acrossFurniture || s.headContinues || layout.blankSeparated || ENUMERATES_INSIDE.test(head))
    return !opensClause;
  return !opensClause && pairs.seam(head, next) > 0;
}

/**
 * The head line is running text (a sentence or two clauses in it, or the line before read on into
 * it) that stops on a character or a number, with no mark to end it: its sentence goes on. A short
 * next line, which may be a heading, is read on only where the seam is a word the document writes.
 */
function stopsMidSentence(s: Seam, pairs: PairCounts): boolean {
  const head = s.head.text;
  const next = s.next.text;
  if (endsParagraph(head) || !/[\p{Script=Han}\d%％]$/u.test(head)) return false;
  const clauses = (text: string): number => (text.match(/[，,、]/g) ?? []).length;
  // the whole run read so far: a heading wrapped over two lines, with its commas, is no sentence
  const text = s.run.map((b) => b.text).join('');
  const sentence = /[。；;！？!?]/.test(text);
  const opensHeading = opensNew(s.run[0]?.text ?? head);
  const running = sentence || (clauses(text) >= 2 && !opensHeading);
  if (!running || CANNOT_FOLLOW.test(next)) return false;
  // the next line could be a heading: short, no sentence and at most one comma in it, not
  // stopping on a number
  const headingLike =
    NO_SENTENCE(next) && displayWidth(next) <= HEADING_WIDTH && clauses(next) <= 1 && !/[\d%％]$/.test(next);
  return !headingLike || orphanFit(head, next, pairs) + (commonWordAt(head, next) ? 1 : 0) > 0;
}
/** What opens anew after a line, whatever the line: a quotation, a bracketed note, a bullet. */
const CANNOT_FOLLOW = /^["“‘「『（(【《〈—●■◆▲►•]/;

/**
 * Find the hard-wrapped paragraphs among the text lines: each run of lines that reads as one
 * paragraph is a `wrapped` suggestion listing its lines in order. `between` says, for two lines in
 * a row, whether anything but removed furniture stands between them (a picture, a table, a block
 * staff have classified): then they are never joined.
 */
export function findWraps(
  lines: readonly TextBlock[],
  layout: Layout,
  pairs: PairCounts,
  between: (head: TextBlock, next: TextBlock) => 'nothing' | 'furniture' | 'block',
): Suggestion[] {
  const found: Suggestion[] = [];
  let run: TextBlock[] = [];
  const flush = (): void => {
    if (run.length > 1) found.push(wrapSuggestion(run));
    run = [];
  };
  // the first line of a text, shaped as a title and set apart from what follows (by a blank line
  // or removed furniture), is its headline: nothing reads on from it
  const headline = lines[0] && isTitleLine(lines[0].text) ? lines[0] : undefined;
  for (const line of lines) {
    const head = run[run.length - 1];
    const apart = head ? between(head, line) : 'block';
    const sep =
      head === headline && (apart !== 'nothing' || (line.hints?.gapBefore ?? 0) > 0) ? 'block' : apart;
    const seam: Seam | null =
      head && sep !== 'block'
        ? { head, next: line, headContinues: run.length > 1, run, acrossFurniture: sep === 'furniture' }
        : null;
    if (!seam || !continues(seam, layout, pairs)) flush();
    run.push(line);
  }
  flush();
  return found;
}

const SEAM_CONTEXT = 12;

function wrapSuggestion(run: readonly TextBlock[]): Suggestion {
  const ids = run.map((b) => b.id);
  // the first seam shows what was done; the block list says how many lines were read as one
  const [a, b] = run;
  const head = a?.text ?? '';
  const next = b?.text ?? '';
  return {
    id: repairId('wrapped', ids),
    kind: 'wrapped',
    blockIds: ids,
    before: `…${head.slice(-SEAM_CONTEXT)}｜${next.slice(0, SEAM_CONTEXT)}…`,
    after: `…${joinText(head.slice(-SEAM_CONTEXT), next.slice(0, SEAM_CONTEXT))}…`,
  };
}
