import type { RawBlock } from '../model/report';
import type { TextBlock, Suggestion } from './repair';
import { isMetaLine, namesDocument } from './front-matter';
import { repairId } from './ids';
import { HEADING_PATTERNS, OPENING, BULLET, displayWidth, endsParagraph, endsSentence } from './text-rules';

/**
 * Page furniture in text copied out of a PDF or a printed page: page numbers in their usual forms,
 * a running header or footer repeated between pages, and punctuation or a divider left alone on
 * its line. Each removal is a suggestion of its own, so staff can put any one back.
 *
 * What makes a line furniture is where it stands as much as what it says: a bare 「3」 is a page
 * number when the document numbers its pages 1, 2, 3 … or when it cuts a sentence in two; a
 * repeated short line is a running header when it stands at page breaks (beside a page number, or
 * inside a sentence), or when it repeats the document's own title.
 */

/** Page numbers that say so by their form, whatever stands around them. */
const PAGE_NUMBER_FORMS: readonly RegExp[] = [
  // — 1 —, - 1 -, －1－, ·1·, ~1~
  /^[—–\-－─━~～·•]+\s*\d{1,4}\s*[—–\-－─━~～·•]+$/,
  // 第 1 页, 第1页 共5页, 第1页/共5页
  /^第\s*\d{1,4}\s*页(\s*[，,、/／|｜]?\s*共\s*\d{1,4}\s*页)?$/,
  // 共5页 第1页
  /^共\s*\d{1,4}\s*页\s*[，,、/／|｜]?\s*第\s*\d{1,4}\s*页$/,
  // 1/5, 1 / 5
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  // Page 1, Page 1 of 5, P.1
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];

/** A bare page number: 「3」. Zero-padded 「03」 is a section number, never a page. */
const BARE_NUMBER = /^[1-9]\d{0,3}$/;

/** Numbers, signs and spaces only: a table's column set out one cell a line. */
const NUMERIC_LINE = /^[\d\s.,，%％+\-－—/]+$/;

/** Punctuation, symbols and spaces only. */
const MARKS_ONLY = /^[\p{P}\p{S}\s]+$/u;

/** Marks that close a sentence or a clause: alone on a line after an unfinished one, they are its wrapped tail. */
const CLOSING_MARKS = /^[。，,、；;：:！!？?）)》」』”’…%％]/;

/** Marks that open: alone on a line before text, they are its wrapped head. */
const OPENING_MARKS_ONLY = /^[“‘「『（(《〈【\s]+$/;

const MAX_HEADER_WIDTH = 40;
/** The longest page number line: 「第 12 页 / 共 120 页」. */
const MAX_PAGE_NUMBER_CHARS = 24;
/** How close (in lines) a running header stands to a page number at the same page break. */
const PAGE_BREAK_REACH = 2;
/** How far apart two page numbers must be (in lines): pages hold more than a line or two. */
const MIN_PAGE_LINES = 3;

interface Line {
  /** index in the raw blocks */
  at: number;
  block: TextBlock;
}

export function findFurniture(
  raw: readonly RawBlock[],
  isText: (b: RawBlock | undefined) => b is TextBlock,
): Suggestion[] {
  const lines: Line[] = [];
  raw.forEach((b, at) => {
    if (isText(b)) lines.push({ at, block: b });
  });
  const removed = new Map<number, Suggestion['kind']>(); // by position in `lines`

  for (const k of pageNumbers(lines)) removed.set(k, 'page-number');
  for (const k of runningHeaders(lines, removed)) removed.set(k, 'running-header');
  for (const k of strayMarks(lines, removed)) removed.set(k, 'stray-mark');

  return [...removed.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([k, kind]) => {
      const b = (lines[k] as Line).block;
      return { id: repairId(kind, [b.id]), kind, blockIds: [b.id], before: b.text, after: '' };
    });
}

/** The value of a page number line, or null if the line is not one by its form. */
function pageNumberValue(text: string): number | null {
  if (!PAGE_NUMBER_FORMS.some((re) => re.test(text))) return null;
  return Number(/\d+/.exec(text)?.[0] ?? NaN);
}

/** The nearest line before (step -1) or after (+1) position k that is not removed. */
function neighbour(
  lines: readonly Line[],
  k: number,
  step: 1 | -1,
  removed: ReadonlyMap<number, unknown>,
): Line | undefined {
  for (let j = k + step; j >= 0 && j < lines.length; j += step) if (!removed.has(j)) return lines[j];
  return undefined;
}

/** Does something that opens a new heading, item or quotation start this line? */
function opensSomething(text: string): boolean {
  return HEADING_PATTERNS.some(({ re }) => re.test(text)) || OPENING.test(text) || BULLET.test(text);
}

/** Running text, not a heading: long, or with a clause inside it. */
const runningText = (text: string): boolean =>
  !HEADING_PATTERNS.some(({ re }) => re.test(text)) && (displayWidth(text) > 30 || /[，,、；;]/.test(text));

/** The line at k stands inside a sentence: the running text before it is unfinished and the text after it goes on. */
function cutsSentence(lines: readonly Line[], k: number, removed: ReadonlyMap<number, unknown>): boolean {
  const before = neighbour(lines, k, -1, removed)?.block.text;
  const after = neighbour(lines, k, 1, removed)?.block.text;
  return !!before && !!after && runningText(before) && !endsParagraph(before) && !opensSomething(after);
}

function pageNumbers(lines: readonly Line[]): number[] {
  const found: number[] = [];
  // every line that may be a page number, with its value, in reading order
  const candidates: { k: number; value: number; formed: boolean }[] = [];
  lines.forEach((l, k) => {
    const text = l.block.text;
    if (text.length > MAX_PAGE_NUMBER_CHARS) return;
    const formed = pageNumberValue(text);
    if (formed !== null) candidates.push({ k, value: formed, formed: true });
    else if (BARE_NUMBER.test(text)) {
      // a number beside other numbers is a cell of a table set out one a line
      const numeric = (j: number): boolean => NUMERIC_LINE.test(lines[j]?.block.text ?? '');
      if (!numeric(k - 1) && !numeric(k + 1)) candidates.push({ k, value: Number(text), formed: false });
    }
  });
  const none = new Map<number, unknown>();
  candidates.forEach((c, n) => {
    if (c.formed) return void found.push(c.k);
    // a bare number counts as a page number when it continues or is continued by the page sequence
    const prev = candidates[n - 1];
    const next = candidates[n + 1];
    const follows = (a: typeof c | undefined, b: typeof c | undefined): boolean =>
      !!a && !!b && b.value - a.value >= 1 && b.value - a.value <= 2 && b.k - a.k >= MIN_PAGE_LINES;
    if (follows(prev, c) || follows(c, next) || cutsSentence(lines, c.k, none)) found.push(c.k);
  });
  return found;
}

/** Digits aside and spaces aside, what a line says: 「第3页」 and 「第4页」 are the same running line. */
const lineShape = (text: string): string => text.replace(/\s+/g, '').replace(/\d+/g, '#');

function runningHeaders(lines: readonly Line[], removed: ReadonlyMap<number, unknown>): number[] {
  const groups = new Map<string, number[]>();
  lines.forEach((l, k) => {
    const text = l.block.text;
    // a header names the document or its unit: no clause in it
    if (removed.has(k) || text.length > MAX_HEADER_WIDTH * 2 || /[，,。、；;：:！!？?]/.test(text)) return;
    if (displayWidth(text) > MAX_HEADER_WIDTH) return;
    if (!/[\p{Script=Han}A-Za-z]/u.test(text)) return;
    const shape = lineShape(text);
    const group = groups.get(shape);
    if (group) group.push(k);
    else groups.set(shape, [k]);
  });
  const titleShape = lines[0] ? lineShape(lines[0].block.text) : '';
  // a header stands right by its page number, or with another running line between them (a
  // header over a footer): a signature's unit, with its date under it, does not
  const repeated = new Set<number>();
  for (const members of groups.values()) if (members.length >= 2) for (const k of members) repeated.add(k);
  const nearPageNumber = (k: number, reach = PAGE_BREAK_REACH): boolean => {
    for (let p = k - reach; p <= k + reach; p++) {
      if (p === k || !removed.has(p)) continue;
      let clear = true;
      for (let j = Math.min(p, k) + 1; j < Math.max(p, k); j++)
        if (!repeated.has(j) && !removed.has(j)) clear = false;
      if (clear) return true;
    }
    return false;
  };

  // the document's first line that is not furniture: its title, if it has one, and never a header
  let firstLine = 0;
  while (removed.has(firstLine)) firstLine++;
  const found: number[] = [];
  for (const [shape, members] of groups) {
    // a page or two pasted shows the header once: right by a page number, a line that names the
    // document or its unit (「云溪市人民政府工作报告」) is the header, even inside a sentence the page
    // cut (「增长1」 ‖ 「2.5%」). A line of the sentence itself names no document.
    const [only] = members;
    if (members.length === 1) {
      if (only !== undefined && only > firstLine && nearPageNumber(only, 1)) {
        const text = (lines[only] as Line).block.text;
        // a unit over its date (or under the speaker) is the signature or byline, and the last line
        // of the text signs it
        const before = neighbour(lines, only, -1, removed)?.block.text;
        const after = neighbour(lines, only, 1, removed)?.block.text;
        const byline = !after || isMetaLine(after) || (!!before && isMetaLine(before));
        // a unit's name inside a sentence may be the sentence's own words (「……区域医疗中心」)
        const names = namesDocument(text);
        const fits = names === 'document' || (names === 'unit' && !cutsSentence(lines, only, removed));
        if (!opensSomething(text) && fits && !byline) found.push(only);
      }
      continue;
    }

    // the first line of the document is its title, kept; its repeats are the running header
    const repeats = members.filter((k) => k !== 0);
    if (shape === titleShape && members.includes(0)) {
      const atBreaks = repeats.filter((k) => nearPageNumber(k) || cutsSentence(lines, k, removed));
      // a title repeated over the same next line each time is the document pasted again, not a header
      const followers = new Set(repeats.map((k) => lineShape(lines[k + 1]?.block.text ?? '')));
      if (atBreaks.length > 0 || (repeats.length >= 2 && followers.size > 1)) found.push(...repeats);
      continue;
    }
    // a line repeated at two page breaks, or standing right against a page number once (a
    // two-page document), is the header; its other occurrences are the text's own
    const atBreaks = members.filter((k) => nearPageNumber(k) || cutsSentence(lines, k, removed));
    if (atBreaks.length >= 2 || members.some((k) => nearPageNumber(k, 1))) found.push(...atBreaks);
  }
  return found.sort((a, b) => a - b);
}

function strayMarks(lines: readonly Line[], removed: ReadonlyMap<number, unknown>): number[] {
  const found: number[] = [];
  lines.forEach((l, k) => {
    const text = l.block.text;
    if (removed.has(k) || !MARKS_ONLY.test(text)) return;
    // 「。」 after an unfinished line is that sentence's wrapped tail, and 「“」 before text the
    // wrapped head of the next: both are read back in by the wrap repair, not dropped
    const before = neighbour(lines, k, -1, removed);
    const after = neighbour(lines, k, 1, removed);
    if (
      CLOSING_MARKS.test(text) &&
      before &&
      !endsSentence(before.block.text) &&
      !MARKS_ONLY.test(before.block.text)
    )
      return;
    if (OPENING_MARKS_ONLY.test(text) && after && !MARKS_ONLY.test(after.block.text)) return;
    found.push(k);
  });
  return found;
}
