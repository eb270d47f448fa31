/** How many slides a printed page holds, as PowerPoint's and WPS's handouts offer. */
export const PER_PAGE = [1, 2, 4, 6] as const;
export type PerPage = (typeof PER_PAGE)[number];

export interface DeckPrintOptions {
  perPage: PerPage;
  notes: boolean;
}

/** A4 in CSS pixels (96 dpi) and the margin kept round the slides. */
const A4_SHORT = 793.7;
const A4_LONG = 1122.5;
const MARGIN = 38; // 10 mm
const GAP = 19; // 5 mm

/**
 * The page and grid a deck prints on: one slide a page on landscape A4; two and six on portrait
 * (one and two columns), four on landscape (two by two). With notes, each slide has its notes
 * beneath it, so one slide a page turns portrait and the slides are smaller.
 */
export function deckPrintGrid(
  options: DeckPrintOptions,
  slideW: number,
  slideH: number,
): { landscape: boolean; cols: number; rows: number; scale: number; pageW: number; pageH: number } {
  const { perPage, notes } = options;
  const landscape = notes ? perPage === 4 : perPage === 1 || perPage === 4;
  const cols = perPage === 1 || perPage === 2 ? 1 : 2;
  const rows = perPage / cols;
  const pageW = landscape ? A4_LONG : A4_SHORT;
  const pageH = landscape ? A4_SHORT : A4_LONG;
  const cellW = (pageW - 2 * MARGIN - (cols - 1) * GAP) / cols;
  const cellH = (pageH - 2 * MARGIN - (rows - 1) * GAP) / rows;
  // with notes the slide takes the top half of its cell
  const slideRoom = notes ? cellH * 0.5 : cellH;
  // a little room for rounding, so a cell never spills onto a new page
  const scale = Math.min(cellW / slideW, slideRoom / slideH) * 0.98;
  return { landscape, cols, rows, scale, pageW, pageH };
}

/** Slides grouped by printed page. */
export function pagesOf<T>(slides: readonly T[], perPage: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < slides.length; i += perPage) pages.push(slides.slice(i, i + perPage));
  return pages;
}
