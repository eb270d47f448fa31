import type { RawBlock, RawHints } from '../model/report';
import { endsParagraph, joinText } from '../analyze/text-rules';
import { crossesGutter, findGutter, median, percentile } from './pdf-columns';
import { interleaveRuns, runsOverlap } from './pdf-glyphs';
import { findTables } from './pdf-tables';

/**
 * Turn the positioned text runs of PDF pages into paragraphs. Pure (no pdf.js here), so each rule
 * is tested on plain data: runs on one baseline make a line; running headers, footers and page
 * numbers are dropped; lines are rejoined into paragraphs by indent, line ends and spacing; the
 * spaces PDF extraction leaves between Chinese and digits go («428.6 亿元» → «428.6亿元»).
 */

export interface TextRun {
  text: string;
  /** left edge and baseline, in PDF units (y grows upwards) */
  x: number;
  y: number;
  width: number;
  /** font size */
  size: number;
  /** the font's name, when the PDF gives it (「NotoSansCJKsc-Bold」) */
  font?: string;
}

/** A picture drawn on a page: its box in PDF units, and its bytes in the report's assets if read. */
export interface PdfImage {
  x: number;
  y: number;
  width: number;
  height: number;
  assetId?: string;
}

export interface PdfPage {
  runs: TextRun[];
  images?: PdfImage[];
}

/** One baseline's text (a row across the page, or one column's part of it). */
interface Line {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
  runs: TextRun[];
  /** the margins of the flow the line is in (the page, or its column) */
  left?: number;
  edge?: number;
  /** a picture standing in the flow at this height */
  image?: PdfImage;
}

const HAN = String.raw`\p{Script=Han}`;
const CJK_PUNCT = '，。、；：？！“”‘’（）《》【】「」—…';

/** Remove the spaces extraction leaves between Chinese characters, and between Chinese and digits or punctuation. */
export function tidySpaces(text: string): string {
  const wide = `${HAN}${CJK_PUNCT}`;
  // a caption's number keeps the space after it: 「表1 主要指标」
  const label = /^\s*([表图]\s*\d+(?:[-－.．]\d+)*)\s+(?=\p{Script=Han})/u.exec(text);
  const tidy = text
    .replace(/[\s\u3000]+/gu, ' ')
    .replace(new RegExp(`(?<=[${wide}])\\s+(?=[${wide}0-9%％])`, 'gu'), '')
    .replace(new RegExp(`(?<=[0-9.%％])\\s+(?=[${wide}])`, 'gu'), '')
    .replace(/(?<=\d)\s+(?=\.\d)|(?<=\d\.)\s+(?=\d)|(?<=\d)\s+(?=[%％])/g, '')
    .trim();
  if (!label?.[1]) return tidy;
  const number = label[1].replace(/\s+/g, '');
  return tidy.startsWith(number) ? `${number} ${tidy.slice(number.length).trimStart()}` : tidy;
}

/** A line from runs on one baseline: overlapping runs taken apart, spaces only between Latin words. */
function lineOf(runs: readonly TextRun[], y: number): Line {
  let sorted = [...runs].sort((a, b) => a.x - b.x);
  if (runsOverlap(sorted)) sorted = interleaveRuns(sorted);
  let text = '';
  let end = -Infinity;
  for (const r of sorted) {
    // a visible gap between two runs of Latin text is a word space; Chinese needs none
    const gap = r.x - end;
    text += text && gap > r.size * 0.2 ? ` ${r.text}` : r.text;
    end = Math.max(end, r.x + r.width);
  }
  const first = sorted[0];
  const size = Math.max(...sorted.map((r) => r.size));
  return { text: tidySpaces(text), x: first?.x ?? 0, y, right: end, size, runs: sorted };
}

/** The page's runs by baseline, top down. */
function rowsOf(page: PdfPage): Line[] {
  const runs = page.runs.filter((r) => r.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { runs: TextRun[]; y: number; size: number }[] = [];
  for (const run of runs) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.y - run.y) <= Math.max(row.size, run.size) * 0.4) row.runs.push(run);
    else rows.push({ runs: [run], y: run.y, size: run.size });
  }
  return rows.map((r) => lineOf(r.runs, r.y));
}

const PAGE_NUMBER =
  /^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** A line's text with its digits blurred, so 「— 3 —」 on one page matches 「— 4 —」 on the next. */
const shape = (text: string): string => text.replace(/\d+/g, '#');

const BOLD_FACE = /bold|heavy|black|semibold|demi|hei|黑/i;
const faceOf = (font: string | undefined): string =>
  (font ?? '').replace(/[-,]?(regular|roman|book)\b.*$/i, '');

/**
 * Which lines are set in a heading's face: a bold font, or a Chinese face other than the body's
 * (公文 set their headings in 黑体 and 楷体 over a 仿宋 body). Only Chinese runs count: digits and
 * Latin letters come in a Latin font of their own.
 */
function emphasisOf(lines: readonly Line[]): (line: Line) => boolean {
  const han = (r: TextRun): number => (r.text.match(/\p{Script=Han}/gu) ?? []).length;
  const byFace = new Map<string, number>();
  for (const l of lines)
    for (const r of l.runs)
      if (r.font) byFace.set(faceOf(r.font), (byFace.get(faceOf(r.font)) ?? 0) + han(r));
  const body = [...byFace.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (body === undefined) return () => false;
  return (line) => {
    const chinese = line.runs.filter((r) => han(r) > 0);
    return (
      chinese.length > 0 &&
      chinese.every(
        (r) =>
          r.font !== undefined &&
          (faceOf(r.font) !== body || (BOLD_FACE.test(r.font) && !BOLD_FACE.test(body))),
      )
    );
  };
}

/** A page's reading order: its flows' lines (column by column), with its tables and pictures in place. */
type PageItem = { kind: 'line'; line: Line } | { kind: 'table'; rows: string[][] };

/**
 * The body rows of a page in reading order: on a two-column page the rows between full-width
 * ones are read down the left column, then the right; pictures stand at their height in the
 * column they are in.
 */
function readingOrder(rows: readonly Line[], images: readonly PdfImage[]): Line[] {
  const gutter = findGutter(rows);
  const pictures: Line[] = images.map((image) => ({
    text: '',
    x: image.x,
    y: image.y + image.height,
    right: image.x + image.width,
    size: 0,
    runs: [],
    image,
  }));
  const byHeight = (a: Line, b: Line): number => b.y - a.y;
  if (gutter === null) return [...rows, ...pictures].sort(byHeight);
  const out: Line[] = [];
  let left: Line[] = [];
  let right: Line[] = [];
  const flush = (): void => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  const all = [...rows, ...pictures].sort(byHeight);
  const halves = (row: Line): { l: TextRun[]; r: TextRun[] } => ({
    l: row.runs.filter((r) => r.x + r.width <= gutter + 0.5),
    r: row.runs.filter((x) => x.x + x.width > gutter + 0.5),
  });
  const split = rows.map(halves).filter((h) => h.l.length > 0 && h.r.length > 0);
  // where the columns' text starts (right) and ends (left) on most rows
  const rightStart = percentile(
    split.map((h) => Math.min(...h.r.map((x) => x.x))),
    0.2,
  );
  const leftEnd = percentile(
    split.map((h) => Math.max(...h.l.map((x) => x.x + x.width))),
    0.8,
  );
  /**
   * A line above the columns set with a gap: 「单位　　　　日期」, the unit short at the left and the
   * date flush right, or the pair centred on the page, parted where the gutter will be. Nothing
   * crosses the gutter, yet it is one line across the page, not the first line of each column.
   * Before any column text (and only there) a row is taken so when its right half starts in the
   * gutter, left of where the right column's text starts, or well inside the right column while
   * its left half stops well short of the left column's edge.
   */
  const spreadAcross = (row: Line, size: number): boolean => {
    if (left.length > 0 || right.length > 0) return false;
    const { l, r } = halves(row);
    if (l.length === 0 || r.length === 0) return false;
    const rightFrom = Math.min(...r.map((x) => x.x));
    const leftTo = Math.max(...l.map((x) => x.x + x.width));
    const far = size * 2.5;
    return rightFrom < rightStart - size * 0.5 || (rightFrom > rightStart + far && leftTo < leftEnd - far);
  };
  for (const row of all) {
    const crosses = row.image
      ? row.x < gutter && row.right > gutter
      : crossesGutter(row, gutter) || spreadAcross(row, row.size);
    if (crosses) {
      flush();
      out.push(row);
      continue;
    }
    if (row.image) {
      ((row.x + row.right) / 2 < gutter ? left : right).push(row);
      continue;
    }
    const { l, r } = halves(row);
    if (l.length > 0) left.push(lineOf(l, row.y));
    if (r.length > 0) right.push(lineOf(r, row.y));
  }
  flush();
  // each column's lines keep that column's own margins for the paragraph rules
  for (const side of [
    out.filter((l) => !l.image && l.right <= gutter + 0.5),
    out.filter((l) => !l.image && l.x >= gutter - 0.5),
  ]) {
    if (side.length < 3) continue;
    const leftEdge = median(side.map((l) => l.x));
    const edge = Math.max(...side.map((l) => l.right));
    for (const l of side) {
      l.left = leftEdge;
      l.edge = edge;
    }
  }
  return out;
}

/** Tables among a page's lines, the rest left as lines. */
function withTables(lines: readonly Line[]): PageItem[] {
  const items: PageItem[] = [];
  // tables are looked for in each stretch of text lines (a picture parts them)
  let stretch: Line[] = [];
  const flush = (): void => {
    const tables = findTables(stretch, (runs) => lineOf(runs, runs[0]?.y ?? 0).text);
    let at = 0;
    for (const t of tables) {
      for (; at < t.start; at++) items.push({ kind: 'line', line: stretch[at]! });
      items.push({ kind: 'table', rows: t.rows });
      at = t.end;
    }
    for (; at < stretch.length; at++) items.push({ kind: 'line', line: stretch[at]! });
    stretch = [];
  };
  for (const line of lines) {
    if (line.image) {
      flush();
      items.push({ kind: 'line', line });
    } else stretch.push(line);
  }
  flush();
  return items;
}

/**
 * Lay out pages into raw blocks. Paragraphs never cross a page boundary here: a paragraph cut by a
 * page break is left in two blocks for the analyser's repair, so the join is shown and undoable.
 */
export function pagesToRawBlocks(pages: readonly PdfPage[]): RawBlock[] {
  const pageLines = pages.map(rowsOf);

  // running headers and footers: the same line (digits aside) first or last on several pages
  const edgeCount = new Map<string, number>();
  for (const lines of pageLines) {
    const edges = new Set(
      [lines[0], lines[lines.length - 1]].filter((l): l is Line => !!l).map((l) => shape(l.text)),
    );
    for (const s of edges) edgeCount.set(s, (edgeCount.get(s) ?? 0) + 1);
  }
  const repeats = (l: Line): boolean =>
    pages.length >= 2 && (edgeCount.get(shape(l.text)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  const isFurniture = (l: Line | undefined): boolean => !!l && (PAGE_NUMBER.test(l.text) || repeats(l));
  const body = pageLines.map((lines, p) => {
    let from = 0;
    let to = lines.length;
    // a header line, then perhaps a page number under it; the same at the foot
    while (from < Math.min(2, to) && isFurniture(lines[from])) from++;
    while (to > Math.max(from, lines.length - 2) && isFurniture(lines[to - 1])) to--;
    return withTables(readingOrder(lines.slice(from, to), pages[p]?.images ?? []));
  });

  const all = body.flat().flatMap((item) => (item.kind === 'line' && !item.line.image ? [item.line] : []));
  if (all.length === 0 && body.every((items) => items.length === 0)) return [];
  // the body text size is the one most characters are set in
  const bySize = new Map<number, number>();
  for (const l of all)
    bySize.set(Math.round(l.size * 2) / 2, (bySize.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  const bodySize = [...bySize.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
  const emphasised = emphasisOf(all);
  const pageLeft = median(all.filter((l) => Math.abs(l.size - bodySize) < 0.5).map((l) => l.x));
  const pageRight = Math.max(...all.map((l) => l.right));
  const spacing =
    median(
      body.flatMap((items) => {
        const lines = items.flatMap((i) => (i.kind === 'line' && !i.line.image ? [i.line] : []));
        return lines
          .slice(1)
          .map((l, i) => (lines[i]?.y ?? l.y) - l.y)
          .filter((d) => d > 0);
      }),
    ) || bodySize * 1.5;

  const blocks: RawBlock[] = [];
  const nextId = (): string => `b${blocks.length + 1}`;
  body.forEach((items, p) => {
    const src = { page: p + 1 };
    let current: { text: string; hints: RawHints; last: Line } | null = null;
    const flush = (): void => {
      if (!current) return;
      const block: RawBlock = { type: 'text', id: nextId(), text: current.text, src };
      if (Object.keys(current.hints).length > 0) block.hints = current.hints;
      blocks.push(block);
      current = null;
    };
    for (const item of items) {
      if (item.kind === 'table') {
        flush();
        blocks.push({ type: 'table', id: nextId(), rows: item.rows, src });
        continue;
      }
      const line = item.line;
      if (line.image) {
        flush();
        const block: RawBlock = { type: 'image', id: nextId(), src };
        if (line.image.assetId) block.assetId = line.image.assetId;
        blocks.push(block);
        continue;
      }
      const left = line.left ?? pageLeft;
      const right = line.edge ?? pageRight;
      const big = line.size > bodySize * 1.15;
      const indented = line.x > left + bodySize * 1.2;
      const centered =
        indented &&
        line.right < right - bodySize * 1.5 &&
        Math.abs(line.x - left - (right - line.right)) < bodySize * 2;
      const strong = emphasised(line);
      const hints: RawHints = {};
      if (centered) hints.centered = true;
      if (big || strong) hints.bold = true;
      const prev: { text: string; hints: RawHints; last: Line } | null = current;
      const prevRight = prev ? (prev.last.edge ?? pageRight) : right;
      // a paragraph set in a heading's face runs on over its lines like any other
      const sameFace = !!prev && !big && strong && !!prev.hints.bold && prev.last.size <= bodySize * 1.15;
      const startsNew =
        !prev ||
        indented ||
        big ||
        strong !== !!prev.hints.bold ||
        prev.hints.centered ||
        (prev.hints.bold && !sameFace) ||
        // the previous line stopped short of its margin: its paragraph ended there
        prev.last.right < prevRight - bodySize * 1.5 ||
        prev.last.y - line.y > spacing * 1.6 ||
        (endsParagraph(prev.last.text) && prev.last.right < prevRight - bodySize * 0.5);
      if (startsNew || !prev) {
        flush();
        current = { text: line.text, hints, last: line };
      } else {
        prev.text = joinText(prev.text, line.text);
        prev.last = line;
      }
    }
    flush();
  });
  return blocks;
}
