import { HEADING_PATTERNS } from '../analyze/text-rules';
import type { TextRun } from './pdf-layout';

/**
 * Tables in a PDF's text layer. A table prints as lines of short runs that stand in the same
 * upright strips line after line; pdf.js gives each cell's text as a run of its own. Lines whose
 * runs fall into the same strips are one table; a line with text in one strip only, closer to
 * the line above than the table's rows are to each other, is a cell's text running on.
 */

export interface TableLine {
  /** the line's runs, left to right */
  runs: readonly TextRun[];
  y: number;
  size: number;
  text: string;
}

export interface FoundTable {
  /** the lines it takes, from `start` up to (not including) `end` */
  start: number;
  end: number;
  rows: string[][];
}

interface Cell {
  x: number;
  right: number;
  text: string;
}

/** The cells of a line: its runs grouped where a gap of a character or more parts them. */
export function cellsOf(line: TableLine, join: (runs: readonly TextRun[]) => string): Cell[] {
  const cells: { runs: TextRun[]; right: number }[] = [];
  for (const r of line.runs) {
    const last = cells[cells.length - 1];
    const right = r.x + r.width;
    if (last && r.x - last.right < Math.max(r.size, line.size) * 0.9) {
      last.runs.push(r);
      last.right = Math.max(last.right, right);
    } else cells.push({ runs: [r], right });
  }
  return cells.map((c) => ({ x: c.runs[0]?.x ?? 0, right: c.right, text: join(c.runs) }));
}

/** A cell holding a figure: digits with at most a short unit. */
const FIGURE = /^[-+－—–]?[\d.,，%％]+\s*[\p{Script=Han}A-Za-z%‰]{0,3}$/u;

const TABLE_CAPTION = /^(续)?表\s*[\d一二三四五六七八九十]+/;

/** The strips the cells of these lines fall into, left to right. */
function strips(cells: readonly Cell[]): { x: number; right: number }[] {
  const sorted = [...cells].sort((a, b) => a.x - b.x);
  const out: { x: number; right: number }[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c.x < last.right) last.right = Math.max(last.right, c.right);
    else out.push({ x: c.x, right: c.right });
  }
  return out;
}

const stripOf = (cols: readonly { x: number; right: number }[], c: Cell): number => {
  let best = -1;
  let overlap = 0;
  cols.forEach((s, i) => {
    const o = Math.min(s.right, c.right) - Math.max(s.x, c.x);
    if (o > overlap) {
      overlap = o;
      best = i;
    }
  });
  return best;
};

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/**
 * The tables among a flow's lines. Two lines or more of two cells or more make a table when it
 * is captioned 「表N」 just above or below, or has three columns or more, or two columns of short
 * cells (two columns of sentences are text, not a table).
 */
export function findTables(
  lines: readonly TableLine[],
  join: (runs: readonly TextRun[]) => string,
): FoundTable[] {
  const cells = lines.map((l) => cellsOf(l, join));
  const found: FoundTable[] = [];
  // a caption (「表1　…」) or a numbered heading is never a row of the table, however its words fall
  const apart = (k: number): boolean => {
    const text = lines[k]?.text.trim() ?? '';
    return TABLE_CAPTION.test(text) || HEADING_PATTERNS.some(({ re }) => re.test(text));
  };
  for (let i = 0; i < lines.length; i++) {
    if ((cells[i]?.length ?? 0) < 2 || apart(i)) continue;
    // the lines of two cells or more that follow, and a wrapped cell's next line: one cell
    // standing inside one of the table's columns, close under the row above
    let end = i + 1;
    while (end < lines.length) {
      const size = lines[end]?.size ?? 12;
      const gap = (lines[end - 1]?.y ?? 0) - (lines[end]?.y ?? 0);
      const here = cells[end] ?? [];
      if (gap <= 0 || gap > size * 4 || here.length === 0 || apart(end)) break;
      if (here.length === 1) {
        const cols = strips(cells.slice(i, end).flat());
        const c = here[0]!;
        const inside = cols.some((s) => c.x >= s.x - size * 0.5 && c.right <= s.right + size * 0.5);
        if (!inside || gap > size * 2.5) break;
      }
      end++;
    }
    const multi = cells.slice(i, end).filter((c) => c.length >= 2);
    if (multi.length < 2) continue;
    const cols = strips(multi.flat());
    const captioned =
      TABLE_CAPTION.test(lines[i - 1]?.text ?? '') || TABLE_CAPTION.test(lines[end]?.text ?? '');
    // two columns without a caption make a table when one of them holds figures (「96.8」「5.6%」)
    const figures = cols.some((s) => {
      const inStrip = multi.flat().filter((c) => c.x >= s.x - 1 && c.right <= s.right + 1);
      return inStrip.length >= 2 && inStrip.filter((c) => FIGURE.test(c.text)).length >= inStrip.length * 0.6;
    });
    if (cols.length < 2 || !(captioned || cols.length >= 3 || figures)) continue;
    const rows = tableRows(lines.slice(i, end), cells.slice(i, end), cols);
    if (rows.length < 2) continue;
    found.push({ start: i, end, rows });
    i = end - 1;
  }
  return found;
}

/** Cells into rows: a line closer to the one above than rows usually are continues its cells. */
function tableRows(
  lines: readonly TableLine[],
  cells: readonly Cell[][],
  cols: readonly { x: number; right: number }[],
): string[][] {
  const gaps = lines.slice(1).map((l, k) => (lines[k]?.y ?? 0) - l.y);
  const rowGap = median(gaps.filter((g, k) => (cells[k + 1]?.length ?? 0) >= 2));
  const rows: string[][] = [];
  lines.forEach((_line, k) => {
    const gap = k > 0 ? (gaps[k - 1] ?? 0) : Infinity;
    const continues = rows.length > 0 && (gap < rowGap * 0.8 || (cells[k]?.length ?? 0) < 2);
    if (!continues) rows.push(cols.map(() => ''));
    const row = rows[rows.length - 1]!;
    for (const c of cells[k] ?? []) {
      const at = stripOf(cols, c);
      if (at >= 0) row[at] = row[at] ? `${row[at]}${c.text}` : c.text;
    }
  });
  return rows;
}
