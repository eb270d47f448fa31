/**
 * Text measuring without a browser: an estimate of how wide a string sets and where it wraps, good
 * enough to choose font sizes and split slides so nothing overflows. Compose, the HTML renderer
 * and the .pptx writer all measure with this one module, so they agree on what fits.
 *
 * Widths are in em. Chinese characters and full-width punctuation are square (1em); Latin letters
 * and digits are about half as wide. The estimates lean wide so real fonts (Microsoft YaHei, Noto
 * Sans CJK, FangSong) set no wider than measured.
 */

/** Fraction of a box's width we let text use: room for font differences between machines. */
export const WIDTH_SAFETY = 0.95;

const NARROW = new Set([...".,:;'|!il()[]{}`ftjI"]);
const WIDE_LATIN = new Set([...'MWm@%&']);

/**
 * Width of one character in em. The Latin figures are those of the widest faces in the stacks,
 * bold (Microsoft YaHei Bold, Noto Sans CJK SC Bold), rounded up.
 */
export function charWidthEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c === 0x20) return 0.3;
  if (c < 0x80) {
    if (NARROW.has(ch)) return 0.36;
    if (WIDE_LATIN.has(ch)) return 0.98;
    if (ch >= '0' && ch <= '9') return 0.62;
    if (ch >= 'A' && ch <= 'Z') return 0.72;
    return 0.6;
  }
  // Latin-1 and general punctuation that Chinese fonts set full width: “ ” ‘ ’ — … ·
  if (c >= 0x2010 && c <= 0x206f) return 1;
  if (c < 0x2e80) return 0.66;
  return 1;
}

/** Width of a string in em. */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidthEm(ch);
  return w;
}

/** Punctuation a line may not start with (it joins the character before it, as browsers and Word do). */
const NO_LINE_START = new Set([...'，。、；：！？）」』】〉》”’…—·%,.;:!?)]}']);
/** Punctuation a line may not end with (it joins the character after it). */
const NO_LINE_END = new Set([...'（「『【〈《“‘([{']);

/**
 * A number with its magnitude and unit, which stay on one line (「2.9人」「50亿元」, never
 * 「2.9 / 人」).
 */
const NUMBER_RUN =
  '[0-9][A-Za-z0-9.\\-_/+,]*(?:[万亿千百]{1,2})?(?:平方公里|平方米|公里|千瓦|万元|亿元|个百分点|人次|家次|场次|[元人个家项户亩吨米次所座台套件条起名位辆张倍岁天年月日号批支处场栋间斤克升度%‰])?';

/** Every number with its unit in a text (renderers keep each on one line). */
export const NUMBER_WITH_UNIT = new RegExp(NUMBER_RUN, 'gu');

const TOKEN = new RegExp(`${NUMBER_RUN}|[A-Za-z][A-Za-z0-9.\\-_/+]*|\\s+|[^\\sA-Za-z0-9]`, 'gu');

/** Units that cannot be split across lines: a CJK character, or a Latin word or a number with its unit. */
function tokens(text: string): string[] {
  const out: string[] = [];
  const re = TOKEN;
  let pendingOpen = '';
  for (const m of text.matchAll(re)) {
    const t = m[0];
    if (NO_LINE_END.has(t)) {
      pendingOpen += t;
      continue;
    }
    if (NO_LINE_START.has(t) && out.length > 0 && !pendingOpen) {
      out[out.length - 1] += t;
      continue;
    }
    out.push(pendingOpen + t);
    pendingOpen = '';
  }
  if (pendingOpen) out.push(pendingOpen);
  return out;
}

/**
 * Break text into lines for a box `widthPx` wide at `sizePx`. Explicit newlines are kept. A token
 * wider than the line (a long number or web address) is broken by character, as CSS
 * `overflow-wrap: anywhere` does.
 */
export function wrapLines(text: string, widthPx: number, sizePx: number): string[] {
  const limit = (widthPx * WIDTH_SAFETY) / sizePx;
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let w = 0;
    for (const tok of tokens(para)) {
      const tw = textWidthEm(tok);
      if (/^\s+$/.test(tok)) {
        if (line) {
          line += tok;
          w += tw;
        }
        continue;
      }
      if (w + tw <= limit) {
        line += tok;
        w += tw;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      w = 0;
      if (tw <= limit) {
        line = tok;
        w = tw;
        continue;
      }
      for (const ch of tok) {
        const cw = charWidthEm(ch);
        if (w + cw > limit && line) {
          lines.push(line);
          line = '';
          w = 0;
        }
        line += ch;
        w += cw;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Characters that count as a line's content: not punctuation, not space. */
const CONTENT_CHAR = /[\p{L}\p{N}]/u;

/** How many letters, digits and CJK characters a line holds (its punctuation not counted). */
export function contentChars(line: string): number {
  let n = 0;
  for (const ch of line) if (CONTENT_CHAR.test(ch)) n++;
  return n;
}

/**
 * Text broken into lines for a heading-like box (a title, an agenda entry): as many lines as
 * plain wrapping gives, but balanced — each line about as long as the others — so no line ends
 * as one character alone (「根」 under a full line). The narrowest width that keeps the line
 * count is found by bisection; every line it gives fits the box's own width.
 */
export function balancedLines(text: string, widthPx: number, sizePx: number): string[] {
  const lines = wrapLines(text, widthPx, sizePx);
  if (lines.length < 2 || text.includes('\n')) return lines;
  let lo = widthPx / lines.length;
  let hi = widthPx;
  for (let k = 0; k < 24 && hi - lo > 0.5; k++) {
    const mid = (lo + hi) / 2;
    if (wrapLines(text, mid, sizePx).length <= lines.length) hi = mid;
    else lo = mid;
  }
  return wrapLines(text, hi, sizePx);
}

// fitting a slide tries each size in a range, and fitting a long agenda tries each run of entries:
// the same text is measured at the same size many times over
const lineCounts = new Map<string, number>();
const MAX_REMEMBERED = 100_000;

/** How many lines text takes in a box `widthPx` wide at `sizePx`. */
export function lineCount(text: string, widthPx: number, sizePx: number): number {
  const key = `${widthPx}|${sizePx}|${text}`;
  let n = lineCounts.get(key);
  if (n === undefined) {
    n = wrapLines(text, widthPx, sizePx).length;
    if (lineCounts.size >= MAX_REMEMBERED) lineCounts.clear();
    lineCounts.set(key, n);
  }
  return n;
}

export interface FitBox {
  widthPx: number;
  heightPx: number;
  lineHeight: number;
  /** most lines one text may take, whatever the height */
  maxLines?: number;
}

/** Height of one text set in a box at a size, and whether it keeps within maxLines. */
export function textHeight(text: string, box: FitBox, sizePx: number): { height: number; lines: number } {
  const lines = lineCount(text, box.widthPx, sizePx);
  return { height: lines * sizePx * box.lineHeight, lines };
}

/**
 * The largest whole-pixel size in [min, max] at which every text fits the box, stacked with a gap
 * of `gapEm` between texts; null when even `min` does not fit.
 */
export function fitSize(
  texts: readonly string[],
  box: FitBox,
  range: { min: number; max: number },
  gapEm = 0,
): number | null {
  for (let size = Math.floor(range.max); size >= Math.ceil(range.min); size--) {
    if (fitsAt(texts, box, size, gapEm)) return size;
  }
  return null;
}

/** Whether the texts fit the box at this size. */
export function fitsAt(texts: readonly string[], box: FitBox, size: number, gapEm = 0): boolean {
  let total = 0;
  for (const t of texts) {
    const { height, lines } = textHeight(t, box, size);
    if (box.maxLines !== undefined && lines > box.maxLines) return false;
    total += height;
  }
  total += Math.max(0, texts.length - 1) * gapEm * size;
  return total <= box.heightPx + 0.5;
}

/** The ellipsis put where text was shortened; the full text is always kept elsewhere (the notes). */
export const ELLIPSIS = '…';

/**
 * Shorten text so it takes at most `maxLines` lines in a box `widthPx` wide at `sizePx`, ending
 * with an ellipsis when anything was cut. Text that already fits comes back unchanged. A `suffix`
 * (such as （续）) is set after the text and counted, but not returned.
 */
export function truncateToLines(
  text: string,
  widthPx: number,
  sizePx: number,
  maxLines: number,
  suffix = '',
): string {
  if (lineCount(text + suffix, widthPx, sizePx) <= maxLines) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // binary search on the longest prefix that still fits with the ellipsis
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = chars.slice(0, mid).join('').trimEnd() + ELLIPSIS + suffix;
    if (lineCount(candidate, widthPx, sizePx) <= maxLines) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}
