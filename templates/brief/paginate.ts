import type { Doc } from '../model';
import { briefForms, type BriefForm } from './blocks';
import { textCells } from './format';
import { briefFrame, type BriefFrame } from './layout';
import { gridCharSpacing, typeArea, type BriefTemplate, type FontSpec } from './schema';

/**
 * Where a brief's pages break, worked out from the same measures the Word writer sets
 * (main/export/docx.ts) and the preview draws: exact line pitches, the character grid's cell, the
 * first-line indent, picture sizes and table row heights. A body paragraph is set on exact lines of
 * `lineTwips`, so its height is its line count times that; a line holds as many character cells as
 * the type area's width allows. Pure: the desk's 「共 N 页」, the preview's page breaks and
 * 「压缩到 N 页」 all read this one count.
 */

/** One thing on the page, in twips: a flow paragraph splits between lines, anything else moves whole. */
interface Box {
  /** the body form it draws, or -1 for the frame (masthead, title, signature, colophon) */
  form: number;
  /** the height of each line of a paragraph that may split, or one height for a block that may not */
  lines: number[];
  split: boolean;
  /** stays on the page of the box after it (headings, a table's caption) */
  keepNext?: boolean;
  /** a figure's picture, which may be scaled down to stay on a page (see `shrinkPicture`) */
  picture?: { widthTwips: number; heightTwips: number; height: (pictureTwips: number) => number };
}

/**
 * A picture is scaled down, to no less than this share of its size, rather than leave a third of
 * a page or more empty above it.
 */
export const MIN_PICTURE_SCALE = 0.5;

/** The size a picture takes to fit `room` twips with its caption, or null when that is under the minimum. */
function shrinkPicture(box: Box, room: number): { widthTwips: number; heightTwips: number } | null {
  const p = box.picture;
  if (!p) return null;
  let heightTwips = p.heightTwips;
  // whole pixels (15 twips) down from the size that fills the room, until the box fits it
  const k0 = Math.min(1, (room - p.height(0)) / p.heightTwips);
  for (let k = k0; k >= MIN_PICTURE_SCALE; k -= 0.02) {
    heightTwips = Math.floor((p.heightTwips * k) / 15) * 15;
    if (p.height(heightTwips) <= room)
      return { widthTwips: Math.max(15, Math.floor((p.widthTwips * k) / 15) * 15), heightTwips };
  }
  return null;
}

/** Where one page begins: the form it opens with and how many of that form's lines went before. */
export interface PageStart {
  form: number;
  line: number;
}

export interface BriefPages {
  /** how many pages the brief fills */
  count: number;
  /** where each page after the first begins (length count - 1) */
  breaks: PageStart[];
  /** the type area height left free on the last page under everything, the 版记 with its one blank line above included, twips */
  lastPageFree: number;
  /** the type area height left free under the last text on its own page (the 版记 not counted), twips */
  textFree: number;
  /** the height of the 版记/报尾 block on the last page, twips (0 without one) */
  colophonHeight: number;
  /** pictures scaled down to stay on their page, by form index: the Word file and preview set them so */
  pictures: Record<number, { widthTwips: number; heightTwips: number }>;
  /**
   * Where the 版记/报尾 stands: at the foot of the last page, its last rule on the bottom edge of
   * the type area. `newPage` when it does not fit under the last text (with one blank line between)
   * and opens a page of its own; `gap` is the free height between the last text and its first rule.
   */
  colophon: null | {
    page: number;
    newPage: boolean;
    /** the page before the block's own is left blank, so that the block is on an even page (GB/T 9704) */
    blank: boolean;
    gap: number;
  };
}

/**
 * A line of text wraps a little earlier than its cells alone say: a closing mark may not start a
 * line (避头尾), so a renderer carries the character before it over. Counting each line a little
 * short keeps the estimate on the side of one line too many, never one too few.
 */
const KINSOKU_SLACK = 0.6;

/** Lines a text of `cells` takes on lines of `perLine` cells, after a first-line indent. */
export function lineCount(text: string, perLine: number, indentCells = 0): number {
  const cells = textCells(text) + indentCells;
  if (cells <= 0) return 1;
  const usable = Math.max(1, perLine - KINSOKU_SLACK);
  return Math.max(1, Math.ceil(cells / usable));
}

/** The measures every box needs, derived once from the template. */
interface Metrics {
  t: BriefTemplate;
  width: number;
  height: number;
  /** width of one body character (with the grid's spacing), twips */
  bodyCell: number;
}

function metrics(t: BriefTemplate): Metrics {
  const { width, height } = typeArea(t);
  return { t, width, height, bodyCell: t.fonts.body.sizePt * 20 + gridCharSpacing(t, t.fonts.body.sizePt) };
}

/** Cells of a font on a line of `width` twips. */
function perLine(font: FontSpec, width: number, m: Metrics): number {
  const cell = font.sizePt === m.t.fonts.body.sizePt ? m.bodyCell : font.sizePt * 20;
  return Math.floor(width / cell);
}

/** An exact line tall enough for a large font: the rule the Word writer's `lineFor` follows. */
export function largeLine(sizePt: number, t: BriefTemplate): number {
  const base = Math.ceil(sizePt * 20 * 1.2);
  const pitch = t.page.grid?.linePitch;
  return pitch ? Math.ceil(base / pitch) * pitch : base;
}

const flowBox = (
  form: number,
  text: string,
  font: FontSpec,
  m: Metrics,
  indent: number,
  line = m.t.lineTwips,
): Box => ({
  form,
  lines: Array.from({ length: lineCount(text, perLine(font, m.width, m), indent) }, () => line),
  split: true,
});

function formBox(f: BriefForm, i: number, m: Metrics): Box {
  const { t } = m;
  switch (f.kind) {
    case 'heading':
      return { ...flowBox(i, f.text, t.fonts.h1, m, t.indentChars), keepNext: true };
    case 'paragraph':
      return flowBox(
        i,
        f.runs.map((r) => r.text).join(''),
        f.style === 'quote' ? t.fonts.quote : t.fonts.body,
        m,
        t.indentChars,
      );
    case 'figure': {
      const caption = lineCount(f.caption, perLine(t.fonts.caption, m.width, m)) * t.lineTwips;
      const missing = f.missing
        ? lineCount(f.missing, perLine(t.fonts.caption, m.width, m)) * t.lineTwips
        : 0;
      // a picture's line is as tall as the picture, plus what a renderer adds around it (LibreOffice: about a line)
      // and a line of auto height snaps to whole lines of the document grid
      const pitch = t.page.grid?.linePitch;
      const height = (pictureTwips: number): number => {
        const raw = f.picture ? pictureTwips + 120 + t.lineTwips : 0;
        return (pitch && raw > 0 ? Math.ceil(raw / pitch) * pitch : raw) + missing + caption;
      };
      return {
        form: i,
        lines: [height(f.picture?.heightTwips ?? 0)],
        split: false,
        ...(f.picture
          ? { picture: { widthTwips: f.picture.widthTwips, heightTwips: f.picture.heightTwips, height } }
          : {}),
      };
    }
    case 'table': {
      const caption =
        lineCount(f.caption, perLine(t.fonts.caption, m.width, m)) * t.lineTwips +
        Math.round(t.lineTwips / 2);
      const total = f.shares.reduce((a, b) => a + b, 0) || 1;
      const widths = f.shares.map((s) => (m.width * s) / total);
      const cellsOf = (w: number): number => Math.max(1, Math.floor((w - 160) / (t.fonts.table.sizePt * 20)));
      const rows = f.rows.map(
        (r) =>
          Math.max(1, ...r.map((c, k) => lineCount(c, cellsOf(widths[k] ?? m.width)))) * t.tableLineTwips +
          20,
      );
      // the caption keeps with the table; the table breaks between rows
      return { form: i, lines: [caption + (rows[0] ?? 0), ...rows.slice(1)], split: true };
    }
  }
}

/** The frame's boxes before the body: masthead, title block, 主送, 按语. */
function headBoxes(frame: BriefFrame, m: Metrics): Box[] {
  const { t } = m;
  const boxes: Box[] = [];
  const mh = t.masthead;
  let mast = 0;
  if (frame.masthead?.kind === 'redhead' && mh.kind === 'redhead') {
    const up = frame.masthead.signer ? mh.upward : undefined;
    const offset = up ? up.markOffset : mh.markOffset;
    if (frame.masthead.mark) mast += offset + largeLine(mh.markFont.sizePt, t);
    if (frame.masthead.docNumber || up)
      mast += (frame.masthead.mark ? mh.linesAfterMark * t.lineTwips : offset) + t.lineTwips;
    mast += mh.rule.space * 20 + mh.rule.size * 2.5;
  } else if (frame.masthead?.kind === 'bulletin' && mh.kind === 'bulletin') {
    mast +=
      largeLine(mh.markFont.sizePt, t) +
      (frame.masthead.issue ? t.lineTwips : 0) +
      (frame.masthead.left || frame.masthead.right ? t.lineTwips : 0);
    mast += mh.rule.space * 20 + mh.rule.size * 2.5;
  }
  const titleBefore = mast > 0 && mh.kind !== 'none' ? mh.linesAfterRule * t.lineTwips : 0;
  if (mast > 0) boxes.push({ form: -1, lines: [mast], split: false });
  const titles: Array<{ text: string; font: FontSpec; line: number }> = [];
  // the title and subtitle are broken where the frame balanced them: a line each
  for (const l of frame.titleLines) titles.push({ text: l, font: t.fonts.title, line: t.titleLineTwips });
  for (const l of frame.subtitleLines) titles.push({ text: l, font: t.fonts.subtitle, line: t.lineTwips });
  for (const l of frame.byline) titles.push({ text: l, font: t.fonts.subtitle, line: t.lineTwips });
  if (frame.underTitle) titles.push({ text: frame.underTitle, font: t.fonts.subtitle, line: t.lineTwips });
  const lines: number[] = [];
  titles.forEach((l, k) => {
    const n = lineCount(l.text, Math.floor(m.width / (l.font.sizePt * 20)));
    for (let j = 0; j < n; j++) lines.push(l.line);
    if (k === 0) lines[0] = (lines[0] ?? 0) + titleBefore;
  });
  if (lines.length > 0) lines[lines.length - 1] = (lines[lines.length - 1] ?? 0) + t.titleSpaceAfter;
  if (lines.length > 0) boxes.push({ form: -1, lines, split: false, keepNext: true });
  if (frame.mainTo) boxes.push(flowBox(-1, frame.mainTo, t.fonts.body, m, 0));
  if (frame.note) boxes.push(flowBox(-1, `${t.notePrefix}${frame.note}`, t.fonts.note, m, t.indentChars));
  return boxes;
}

/** Lines of the 版记/报尾 as the Word writer sets them: each entry its own paragraph, wrapping between the side indents. */
export function colophonLines(frame: BriefFrame, t: BriefTemplate): number {
  const c = frame.colophon;
  const tc = t.colophon;
  if (!c || tc.kind === 'none') return 0;
  const { width } = typeArea(t);
  const cell = tc.font.sizePt * 20;
  const perLine = Math.floor((width - 2 * tc.indentChars * cell) / cell);
  if (c.kind === 'banji')
    return (c.cc ? lineCount(c.cc, perLine) : 0) + (c.printedBy || c.printedDate ? 1 : 0);
  return c.lines.reduce((n, l) => n + lineCount(`${l.label}${l.text}`, perLine), 0) + (c.copies ? 1 : 0);
}

/** The height of the 版记/报尾 block, its rules included: thick above and below, thin between its two groups. */
export function colophonBlockHeight(frame: BriefFrame, t: BriefTemplate): number {
  const lines = colophonLines(frame, t);
  const c = t.colophon;
  if (lines === 0 || c.kind === 'none') return 0;
  const rule = (r: { size: number; space: number }): number => (r.size / 8) * 20 + r.space * 20;
  return lines * t.lineTwips + Math.ceil(2 * rule(c.thick) + rule(c.thin));
}

/**
 * Lay a brief out on its pages. `forms` are the body's forms (`briefForms`), given when the caller
 * has them already.
 */
export function paginateBrief(
  doc: Doc,
  t: BriefTemplate,
  forms: BriefForm[] = briefForms(doc, t),
  headroom = 0,
): BriefPages {
  const m = metrics(t);
  const frame = briefFrame(doc.fields, t, doc.byline);
  const boxes: Box[] = [...headBoxes(frame, m), ...forms.map((f, i) => formBox(f, i, m))];
  const s = frame.signature;
  if (s)
    boxes.push({ form: -1, lines: [t.lineTwips + (s.unit && s.date ? 2 : 1) * t.lineTwips], split: false });

  const breaks: PageStart[] = [];
  // what the page holds before the brief (an office template's letterhead) counts on page one
  let used = headroom;
  const newPage = (form: number, line: number): void => {
    breaks.push({ form, line });
    used = 0;
  };
  const pictures: BriefPages['pictures'] = {};
  // room for a picture scaled down instead of a page break, when a third of the page or more is free
  const shrinkInto = (box: Box | undefined, room: number) =>
    box?.picture && m.height - used >= m.height / 3 ? shrinkPicture(box, room) : null;
  boxes.forEach((box, k) => {
    let whole = box.lines.reduce((a, b) => a + b, 0);
    if (!box.split || box.keepNext) {
      // a heading moves on with the first line of what follows it
      const next = box.keepNext ? (boxes[k + 1]?.lines[0] ?? 0) : 0;
      if (used > 0 && used + whole + next > m.height && whole + next <= m.height) {
        const fits = box.keepNext
          ? shrinkInto(boxes[k + 1], m.height - used - whole)
          : shrinkInto(box, m.height - used);
        if (fits && !box.keepNext) {
          pictures[box.form] = fits;
          whole = box.picture!.height(fits.heightTwips);
        } else if (!fits) newPage(box.form, 0);
      }
    }
    if (!box.split) {
      used += whole;
      return;
    }
    box.lines.forEach((h, line) => {
      if (used > 0 && used + h > m.height) newPage(box.form, line);
      used += h;
    });
  });

  // the 版记 stands at the foot of the last page, one blank line at least under the last text
  const colophonHeight = colophonBlockHeight(frame, t);
  const textFree = Math.max(0, m.height - used);
  let colophon: BriefPages['colophon'] = null;
  if (colophonHeight > 0) {
    let own = used + t.lineTwips + colophonHeight > m.height;
    if (own) newPage(-1, 0);
    // GB/T 9704: the 版记 is on the back of the last sheet, an even page; a text ending on an odd
    // page sends it to the next page, and a block pushed onto an odd page leaves that one blank
    let blank = false;
    if (t.colophon.kind === 'banji' && t.colophon.evenPage && (breaks.length + 1) % 2 === 1) {
      blank = own;
      own = true;
      newPage(-1, 0);
    }
    colophon = { page: breaks.length + 1, newPage: own, blank, gap: m.height - used - colophonHeight };
    used += t.lineTwips + colophonHeight;
  }
  return {
    count: breaks.length + 1,
    breaks,
    lastPageFree: Math.max(0, m.height - used),
    textFree,
    colophonHeight,
    colophon,
    pictures,
  };
}

/** The body's forms with the pictures the paginator scaled down set at their page size. */
export function placedForms(forms: BriefForm[], pages: BriefPages): BriefForm[] {
  return forms.map((f, i) => {
    const size = pages.pictures[i];
    return size && f.kind === 'figure' && f.picture ? { ...f, picture: { ...f.picture, ...size } } : f;
  });
}
