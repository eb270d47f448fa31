/**
 * Two-column pages. pdf.js gives a page's text by baseline across the whole width, so a page
 * set in two columns reads across: the first line of the left column, then the first line of the
 * right, and sentences are cut in half. A gutter is an upright strip of the page no text crosses,
 * with lines filling the column on its left and lines starting together on its right, on most
 * rows; the rows between the page's full-width lines (a title, a wide table) are then read
 * column by column.
 */

/** What the column finder needs of a row: its runs' horizontal extents. */
export interface RowSpan {
  runs: readonly { x: number; width: number; size: number }[];
}

const within = (v: number, lo: number, hi: number): boolean => v >= lo && v <= hi;

/**
 * The x of the page's gutter, or null for a page in one column. `rows` are the page's body rows
 * (one baseline each, across the page).
 */
export function findGutter(rows: readonly RowSpan[]): number | null {
  const texts = rows.filter((r) => r.runs.length > 0);
  if (texts.length < 6) return null;
  const left = Math.min(...texts.flatMap((r) => r.runs.map((s) => s.x)));
  const right = Math.max(...texts.flatMap((r) => r.runs.map((s) => s.x + s.width)));
  const width = right - left;
  if (width <= 0) return null;
  const size = median(texts.flatMap((r) => r.runs.map((s) => s.size)));
  let best: { x: number; both: number } | null = null;
  for (let x = left + width * 0.3; x <= left + width * 0.7; x += Math.max(1, size / 4)) {
    let crossing = 0;
    let both = 0;
    for (const r of texts) {
      if (r.runs.some((s) => s.x < x - 0.5 && s.x + s.width > x + 0.5)) crossing++;
      else if (columnRow(r, x, size)) both++;
    }
    if (crossing > texts.length * 0.2) continue;
    if (!best || both > best.both) best = { x, both };
  }
  if (!best || best.both < 4) return null;
  // the gutter's middle: between the furthest left-column end and the nearest right-column start
  const g = best.x;
  const twoSided = texts.filter(
    (r) => !r.runs.some((s) => s.x < g - 0.5 && s.x + s.width > g + 0.5) && columnRow(r, g, size),
  );
  const leftEnds = twoSided.map((r) =>
    Math.max(...r.runs.filter((s) => s.x + s.width <= g).map((s) => s.x + s.width)),
  );
  const rightStarts = twoSided.map((r) => Math.min(...r.runs.filter((s) => s.x >= g).map((s) => s.x)));
  // most left-column lines end at the column's edge and most right-column lines start at its
  // own (justified text); a line that happens to stop in the gutter does not move it
  const leftEdge = percentile(leftEnds, 0.8);
  const rightEdge = percentile(rightStarts, 0.2);
  // a gutter is a few characters wide; a wider gap is the space between a table's columns
  if (leftEdge >= rightEdge || rightEdge - leftEdge > size * 4) return null;
  const filled = leftEnds.filter((e) => within(e, leftEdge - size * 2.5, leftEdge + size * 0.5)).length;
  const aligned = rightStarts.filter((s) => within(s, rightEdge - size * 0.5, rightEdge + size * 2.5)).length;
  if (filled < twoSided.length * 0.5 || aligned < twoSided.length * 0.6) return null;
  return (leftEdge + rightEdge) / 2;
}

/**
 * A row as two columns of text make it at `x`: one unbroken stretch of text on each side. A
 * table's row has cells parted by wide gaps.
 */
function columnRow(row: RowSpan, x: number, size: number): boolean {
  const left = row.runs.filter((s) => s.x + s.width <= x).sort((a, b) => a.x - b.x);
  const right = row.runs.filter((s) => s.x >= x).sort((a, b) => a.x - b.x);
  const last = left[left.length - 1];
  const first = right[0];
  if (!last || !first) return false;
  const unbroken = (side: typeof left): boolean =>
    side.every((s, i) => i === 0 || s.x - ((side[i - 1]?.x ?? 0) + (side[i - 1]?.width ?? 0)) < size * 1.5);
  return unbroken(left) && unbroken(right);
}

/** The value below which a share `p` of `values` lies (0 for none). */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
}

export const median = (values: number[]): number => percentile(values, 0.5);

/** True when a row has text across the gutter: a full-width line that ends a column stretch. */
export function crossesGutter(row: RowSpan, gutter: number): boolean {
  return row.runs.some((s) => s.x < gutter - 0.5 && s.x + s.width > gutter + 0.5);
}
