import type { RawBlock, RawHints } from '../model/report';
import { endsParagraph, joinText } from '../analyze/text-rules';

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
}

export interface PdfPage {
  runs: TextRun[];
}

interface Line {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
}

const HAN = String.raw`\p{Script=Han}`;
const CJK_PUNCT = '，。、；：？！“”‘’（）《》【】「」—…';

/** Remove the spaces extraction leaves between Chinese characters, and between Chinese and digits or punctuation. */
export function tidySpaces(text: string): string {
  const wide = `${HAN}${CJK_PUNCT}`;
  return text
    .replace(/[\s\u3000]+/gu, ' ')
    .replace(new RegExp(`(?<=[${wide}])\\s+(?=[${wide}0-9%％])`, 'gu'), '')
    .replace(new RegExp(`(?<=[0-9.%％])\\s+(?=[${wide}])`, 'gu'), '')
    .replace(/(?<=\d)\s+(?=\.\d)|(?<=\d\.)\s+(?=\d)|(?<=\d)\s+(?=[%％])/g, '')
    .trim();
}

function linesOf(page: PdfPage): Line[] {
  const runs = page.runs.filter((r) => r.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { runs: TextRun[]; y: number; size: number }[] = [];
  for (const run of runs) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - run.y) <= Math.max(line.size, run.size) * 0.4) line.runs.push(run);
    else lines.push({ runs: [run], y: run.y, size: run.size });
  }
  return lines.map((l) => {
    const sorted = l.runs.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const r of sorted) {
      // a visible gap between two runs of Latin text is a word space; Chinese needs none
      const gap = r.x - end;
      text += text && gap > r.size * 0.25 ? ` ${r.text}` : r.text;
      end = r.x + r.width;
    }
    const first = sorted[0];
    const size = Math.max(...sorted.map((r) => r.size));
    return { text: tidySpaces(text), x: first?.x ?? 0, y: l.y, right: end, size };
  });
}

const PAGE_NUMBER =
  /^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** A line's text with its digits blurred, so 「— 3 —」 on one page matches 「— 4 —」 on the next. */
const shape = (text: string): string => text.replace(/\d+/g, '#');

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Lay out pages into raw blocks. Paragraphs never cross a page boundary here: a paragraph cut by a
 * page break is left in two blocks for the analyser's repair, so the join is shown and undoable.
 */
export function pagesToRawBlocks(pages: readonly PdfPage[]): RawBlock[] {
  const pageLines = pages.map(linesOf);

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
  const body = pageLines.map((lines) => {
    let from = 0;
    let to = lines.length;
    // a header line, then perhaps a page number under it; the same at the foot
    while (from < Math.min(2, to) && isFurniture(lines[from])) from++;
    while (to > Math.max(from, lines.length - 2) && isFurniture(lines[to - 1])) to--;
    return lines.slice(from, to);
  });

  const all = body.flat();
  if (all.length === 0) return [];
  // the body text size is the one most characters are set in
  const bySize = new Map<number, number>();
  for (const l of all)
    bySize.set(Math.round(l.size * 2) / 2, (bySize.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  const bodySize = [...bySize.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
  const left = median(all.filter((l) => Math.abs(l.size - bodySize) < 0.5).map((l) => l.x));
  const right = Math.max(...all.map((l) => l.right));
  const spacing =
    median(
      body.flatMap((lines) =>
        lines
          .slice(1)
          .map((l, i) => (lines[i]?.y ?? l.y) - l.y)
          .filter((d) => d > 0),
      ),
    ) || bodySize * 1.5;

  const blocks: RawBlock[] = [];
  body.forEach((lines, p) => {
    let current: { text: string; hints: RawHints; last: Line } | null = null;
    const flush = (): void => {
      if (!current) return;
      const block: RawBlock = {
        type: 'text',
        id: `b${blocks.length + 1}`,
        text: current.text,
        src: { page: p + 1 },
      };
      if (Object.keys(current.hints).length > 0) block.hints = current.hints;
      blocks.push(block);
      current = null;
    };
    for (const line of lines) {
      const big = line.size > bodySize * 1.15;
      const indented = line.x > left + bodySize * 1.2;
      const centered =
        indented &&
        line.right < right - bodySize * 1.5 &&
        Math.abs(line.x - left - (right - line.right)) < bodySize * 2;
      const hints: RawHints = {};
      if (centered) hints.centered = true;
      if (big) hints.bold = true;
      const prev: { text: string; hints: RawHints; last: Line } | null = current;
      const startsNew =
        !prev ||
        indented ||
        big ||
        prev.hints.centered ||
        prev.hints.bold ||
        // the previous line stopped short of the margin: its paragraph ended there
        prev.last.right < right - bodySize * 1.5 ||
        prev.last.y - line.y > spacing * 1.6 ||
        (endsParagraph(prev.last.text) && prev.last.right < right - bodySize * 0.5);
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
