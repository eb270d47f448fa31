import type { Box, DeckTemplate, TextBox } from '../deck/schema';
import type { BriefFields, SlideLayout } from '../model';
import { lineCount, textWidthEm, truncateToLines, wrapLines } from './measure';

/**
 * Where things go inside a slide, in px on the slide canvas (canvas.ts). The HTML renderer, the .pptx
 * writer and compose's fitting all take positions from here, so the three agree.
 */

/** The four frames a layout sits in: its background and decorations. */
export type FrameId = 'cover' | 'divider' | 'closing' | 'content';

export function frameOf(layout: SlideLayout): FrameId {
  switch (layout) {
    case 'cover':
      return 'cover';
    case 'divider':
      return 'divider';
    case 'closing':
      return 'closing';
    case 'agenda':
    case 'bullets':
    case 'figures':
    case 'image':
    case 'chart':
    case 'table':
    case 'quote':
      return 'content';
  }
}

/** The title as shown: a continued slide carries the theme's （续）. */
export function displayTitle(slide: { title: string; continued?: boolean }, theme: DeckTemplate): string {
  return slide.continued ? `${slide.title}${theme.texts.continued}` : slide.title;
}

/** A kicker's size against the smallest the title may be set at, and its line height. */
const KICKER_SCALE = 0.72;
const KICKER_LINE_HEIGHT = 1.25;
/** How far above the title box a kicker may start, px, when the frame has room there. */
const KICKER_RISE = 4;

/**
 * The content slide's title box, and the kicker's above it when the slide has one: a one-line
 * box at the top of the title's place (reaching a little above it), in the title's colour, the
 * title in the rest. The title may shrink so that two lines still fit there, so a kicker never
 * shortens a title that fitted without it.
 */
export function contentTitleBoxes(
  theme: DeckTemplate,
  hasKicker: boolean,
): { title: TextBox; kicker: TextBox | null } {
  const title = theme.frames.content.title;
  if (!hasKicker) return { title, kicker: null };
  const size = Math.max(14, Math.round(title.size.min * KICKER_SCALE));
  const h = Math.ceil(size * KICKER_LINE_HEIGHT);
  const y = Math.max(0, title.y - KICKER_RISE);
  const top = y + h;
  const rest = title.y + title.h - top;
  const lines = Math.max(1, title.maxLines);
  const min = Math.min(title.size.min, Math.floor(rest / (lines * title.lineHeight)));
  return {
    kicker: {
      ...title,
      y,
      h,
      bold: false,
      valign: 'top',
      size: { max: size, min: Math.max(12, size - 3) },
      lineHeight: KICKER_LINE_HEIGHT,
      maxLines: 1,
    },
    title: { ...title, y: top, h: rest, size: { max: Math.max(min, title.size.max), min } },
  };
}

/** The footer's unit box, moved right of the logo when there is one. */
export function unitBox(theme: DeckTemplate, hasLogo: boolean): TextBox {
  const { unit, logo } = theme.frames.content;
  if (!hasLogo || logo.x + logo.w <= unit.x || logo.x >= unit.x + unit.w) return unit;
  const shift = logo.x + logo.w + 12 - unit.x;
  return { ...unit, x: unit.x + shift, w: Math.max(40, unit.w - shift) };
}

/**
 * One line of text in a box: the largest size in the box's range at which it fits on one line,
 * shortened with an ellipsis only when even the smallest size does not fit.
 */
export function fitLine(text: string, box: TextBox): { text: string; size: number } {
  for (let s = Math.floor(box.size.max); s >= Math.ceil(box.size.min); s--)
    if (wrapLines(text, box.w, s).length <= 1) return { text, size: s };
  return { text: truncateToLines(text, box.w, box.size.min, 1), size: box.size.min };
}

/**
 * Cover and closing meta lines: organisation, presenter, date; each shortened to one line. The
 * presenter goes after the theme's 「汇报人：」 unless the slide says otherwise (a speaker the
 * report names stands with no label).
 */
export function metaLines(
  fields: BriefFields,
  theme: DeckTemplate,
  box: TextBox,
  size: number,
  presenterLabel: string = theme.texts.presenter,
): string[] {
  const lines = [
    fields.unit,
    fields.presenter ? `${presenterLabel}${fields.presenter}` : '',
    fields.date,
  ].filter((l) => l.trim() !== '');
  return lines.slice(0, box.maxLines).map((l) => truncateToLines(l, box.w, size, 1));
}

// ---- bullets ----

/** Space for the bullet marker, in em of the bullet text. */
export const BULLET_INDENT_EM = 1.1;
/** Space after each bullet, in em. */
export const BULLET_GAP_EM = 0.55;

/** The width bullet text wraps in at a size. */
export function bulletTextWidth(theme: DeckTemplate, size: number): number {
  return theme.frames.content.body.w - BULLET_INDENT_EM * size;
}

// ---- agenda ----

export const AGENDA_BADGE_EM = 1.8;
export const AGENDA_GAP_EM = 0.55;
export const AGENDA_TEXT_GAP_EM = 0.7;

export interface AgendaRow {
  badge: Box;
  text: Box;
}

/** Space between the two columns of a long agenda. */
export const AGENDA_COLUMN_GAP = 48;

/** A long agenda sets its entries in two columns, up to `maxAgenda` rows each. */
export function agendaColumns(theme: DeckTemplate, count: number): 1 | 2 {
  return count > theme.limits.maxAgenda ? 2 : 1;
}

export function agendaTextWidth(theme: DeckTemplate, size: number, columns: 1 | 2 = 1): number {
  const body = theme.frames.content.body;
  const colW = columns === 1 ? body.w : (body.w - AGENDA_COLUMN_GAP) / 2;
  return colW - (AGENDA_BADGE_EM + AGENDA_TEXT_GAP_EM) * size;
}

/**
 * Rows of an agenda: a numbered badge and the entry beside it, the block centred in the body;
 * more entries than a column holds run on in a second column.
 */
export function agendaRows(theme: DeckTemplate, entries: readonly string[], size: number): AgendaRow[] {
  const body = theme.frames.content.body;
  const lh = theme.type.agenda.lineHeight;
  const badge = AGENDA_BADGE_EM * size;
  const columns = agendaColumns(theme, entries.length);
  const textW = agendaTextWidth(theme, size, columns);
  const perColumn = Math.ceil(entries.length / columns);
  const heights = entries.map((e) => Math.max(badge, lineCount(e, textW, size) * size * lh));
  const gap = AGENDA_GAP_EM * size;
  const colHeight = (c: number): number => {
    const hs = heights.slice(c * perColumn, (c + 1) * perColumn);
    return hs.reduce((a, b) => a + b, 0) + gap * Math.max(0, hs.length - 1);
  };
  // rows line up across the columns: the taller column sets the block's height and start
  const total = Math.max(colHeight(0), columns === 2 ? colHeight(1) : 0);
  const top = body.y + Math.max(0, (body.h - total) / 2);
  const colX = (c: number): number => body.x + c * ((body.w + AGENDA_COLUMN_GAP) / 2);
  const rows: AgendaRow[] = [];
  let y = top;
  heights.forEach((h, i) => {
    if (i > 0 && i % perColumn === 0) y = top;
    const x = colX(Math.floor(i / perColumn));
    rows.push({
      badge: { x, y: y + (h - badge) / 2, w: badge, h: badge },
      text: { x: x + badge + AGENDA_TEXT_GAP_EM * size, y, w: textW, h },
    });
    y += h + gap;
  });
  return rows;
}

/** Height the agenda entries take at a size (to test whether they fit the body). */
export function agendaHeight(theme: DeckTemplate, entries: readonly string[], size: number): number {
  const rows = agendaRows(theme, entries, size);
  if (rows.length === 0) return 0;
  const top = Math.min(...rows.map((r) => r.text.y));
  const bottom = Math.max(...rows.map((r) => r.text.y + r.text.h));
  return bottom - top;
}

// ---- key figures ----

export const FIGURE_GAP = 32;
export const CARD_PAD = 24;
export const CARD_BAR = 6;
/** the unit is set smaller than the number, at this fraction of its size */
export const UNIT_SCALE = 0.42;

export interface FigureCell {
  card: Box;
  bar: Box;
  /** the row a tag (目标) is centred in, above the number; null when no figure has one */
  tag: Box | null;
  value: Box;
  label: Box;
}

/** Lines of label a card leaves room for under its number, at the label's largest size. */
export const FIGURE_LABEL_LINES = 3;
/** A tag's size against the label's, its pill's height and padding in em, and the gap under it. */
export const TAG_SCALE = 0.8;
export const TAG_HEIGHT_EM = 1.5;
export const TAG_PAD_EM = 0.6;
const TAG_GAP = 8;
const VALUE_GAP = 8;

/**
 * Cards for n figures: one row up to three, else two rows. The number and the room for its label
 * sit together in the middle of the card, with a row for a tag above them when `tagSize` is given
 * (every card keeps the row then, so the numbers of a row line up).
 */
export function figureCells(theme: DeckTemplate, n: number, valueSize: number, tagSize = 0): FigureCell[] {
  const body = theme.frames.content.body;
  const count = Math.max(1, n);
  const cols = count <= 3 ? count : Math.ceil(count / 2);
  const rows = count <= 3 ? 1 : 2;
  const w = (body.w - FIGURE_GAP * (cols - 1)) / cols;
  const h = rows === 1 ? Math.min(body.h, 300) : (body.h - FIGURE_GAP) / 2;
  const top = body.y + (rows === 1 ? (body.h - h) / 2 : 0);
  const lt = theme.type.figureLabel;
  const valueH = valueSize * 1.25;
  const tagRow = tagSize > 0 ? tagSize * TAG_HEIGHT_EM + TAG_GAP : 0;
  const labelH = Math.min(
    FIGURE_LABEL_LINES * lt.size.max * lt.lineHeight,
    h - CARD_BAR - 2 * CARD_PAD - tagRow - valueH - VALUE_GAP,
  );
  const group = tagRow + valueH + VALUE_GAP + labelH;
  const cells: FigureCell[] = [];
  for (let i = 0; i < count; i++) {
    const r = Math.floor(i / cols);
    // a short last row is centred
    const inRow = r === rows - 1 ? count - cols * (rows - 1) : cols;
    const rowOffset = ((cols - inRow) * (w + FIGURE_GAP)) / 2;
    const c = i % cols;
    const x = body.x + rowOffset + c * (w + FIGURE_GAP);
    const y = top + r * (h + FIGURE_GAP);
    const groupY = y + CARD_BAR + Math.max(CARD_PAD, (h - CARD_BAR - group) / 2);
    const valueY = groupY + tagRow;
    cells.push({
      card: { x, y, w, h },
      bar: { x, y, w, h: CARD_BAR },
      tag: tagRow ? { x: x + CARD_PAD, y: groupY, w: w - 2 * CARD_PAD, h: tagRow - TAG_GAP } : null,
      value: { x: x + CARD_PAD, y: valueY, w: w - 2 * CARD_PAD, h: valueH },
      label: {
        x: x + CARD_PAD,
        y: valueY + valueH + VALUE_GAP,
        w: w - 2 * CARD_PAD,
        h: Math.max(20, labelH),
      },
    });
  }
  return cells;
}

// ---- image, chart, table, quote ----

const CAPTION_GAP = 14;
/** Most lines a caption takes; a longer one is shortened (its full text is in the notes). */
export const CAPTION_MAX_LINES = 2;

/** A caption as it is set under an image or table: at most two lines across the body. */
export function wrapCaption(text: string, theme: DeckTemplate, size: number): string[] {
  if (!text.trim()) return [];
  return wrapLines(shownCaption(text, theme, size), theme.frames.content.body.w, size);
}

/** The caption text as shown: shortened to two lines when longer. */
export function shownCaption(text: string, theme: DeckTemplate, size: number): string {
  return truncateToLines(text, theme.frames.content.body.w, size, CAPTION_MAX_LINES);
}

export interface CaptionedArea {
  area: Box;
  caption: Box | null;
}

/** The body split into an area and a caption of `captionLines` lines under it. */
export function captionedArea(
  theme: DeckTemplate,
  captionLines: number,
  captionSize: number,
  where: 'above' | 'below' = 'below',
): CaptionedArea {
  const body = theme.frames.content.body;
  if (captionLines <= 0) return { area: body, caption: null };
  const ch = captionLines * captionSize * theme.type.caption.lineHeight;
  const area = { ...body, h: body.h - ch - CAPTION_GAP };
  if (where === 'above') {
    return {
      caption: { x: body.x, y: body.y, w: body.w, h: ch },
      area: { ...area, y: body.y + ch + CAPTION_GAP },
    };
  }
  return { area, caption: { x: body.x, y: body.y + area.h + CAPTION_GAP, w: body.w, h: ch } };
}

/** An image of `iw`×`ih` scaled to fit inside a box, centred (what CSS object-fit: contain does). */
export function containBox(box: Box, iw: number, ih: number): Box {
  if (iw <= 0 || ih <= 0) return box;
  const scale = Math.min(box.w / iw, box.h / ih);
  const w = iw * scale;
  const h = ih * scale;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

export const TABLE_PAD_X_EM = 0.5;
export const TABLE_PAD_Y_EM = 0.3;

/** Column widths for a table: by the longest text in each column, no column narrower than 8%. */
export function tableColumnWidths(rows: readonly (readonly string[])[], width: number): number[] {
  const cols = Math.max(1, ...rows.map((r) => r.length));
  const want = Array.from({ length: cols }, (_, c) =>
    Math.max(2, ...rows.map((r) => Math.min(textWidthEm(r[c] ?? ''), 24))),
  );
  const sum = want.reduce((a, b) => a + b, 0);
  const min = width * 0.08;
  const raw = want.map((w) => Math.max(min, (w / sum) * width));
  const scale = width / raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w * scale);
}

/** Height of each table row at a size: its tallest cell, padded. */
export function tableRowHeights(
  rows: readonly (readonly string[])[],
  colW: readonly number[],
  size: number,
  lineHeight: number,
): number[] {
  return rows.map((r) => {
    let lines = 1;
    colW.forEach((w, c) => {
      lines = Math.max(lines, wrapLines(r[c] ?? '', w - 2 * TABLE_PAD_X_EM * size, size).length);
    });
    return lines * size * lineHeight + 2 * TABLE_PAD_Y_EM * size;
  });
}

export interface QuoteParts {
  panel: Box;
  bar: Box;
  text: Box;
  source: Box | null;
}

const QUOTE_PAD = 40;

/** A quote: a tinted panel with an accent bar, the text inside it, the source under the text. */
export function quoteParts(theme: DeckTemplate, hasSource: boolean, sourceSize: number): QuoteParts {
  const body = theme.frames.content.body;
  const sourceH = hasSource ? sourceSize * 1.4 : 0;
  const inner = { x: body.x + 10 + QUOTE_PAD, y: body.y + QUOTE_PAD, w: body.w - 10 - 2 * QUOTE_PAD };
  const textH = body.h - 2 * QUOTE_PAD - (hasSource ? sourceH + 12 : 0);
  return {
    panel: body,
    bar: { x: body.x, y: body.y, w: 10, h: body.h },
    text: { ...inner, h: textH },
    source: hasSource ? { ...inner, y: inner.y + textH + 12, h: sourceH } : null,
  };
}
