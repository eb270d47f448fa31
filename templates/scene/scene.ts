import type { Box, ColorRole, DeckTemplate, FontRole, TextBox } from '../deck/schema';
import type { BriefFields, ChartData, OutputImage, ShownStat, Slide, SlideOf } from '../model';
import { gridColor, tableRuleColor } from './colors';
import {
  agendaRows,
  BULLET_GAP_EM,
  BULLET_INDENT_EM,
  captionedArea,
  containBox,
  contentTitleBoxes,
  displayTitle,
  figureCells,
  fitLine,
  frameOf,
  metaLines,
  quoteParts,
  shownCaption,
  TABLE_PAD_X_EM,
  TABLE_PAD_Y_EM,
  tableColumnWidths,
  tableRowHeights,
  TAG_HEIGHT_EM,
  TAG_PAD_EM,
  TAG_SCALE,
  UNIT_SCALE,
  unitBox,
  wrapCaption,
} from './geometry';
import { base64ImageInfo } from './image';
import { balancedLines, ELLIPSIS, lineCount, textWidthEm, truncateToLines, wrapLines } from './measure';

/**
 * The scene of a slide: every box it shows, positioned in px on the slide canvas, with its final
 * text, size, font and colour. Every display decision is made here, once — what a continued
 * title reads, whether a caption that repeats the title is shown, the 「单位：」 of a chart, the
 * agenda's numbers, a quote's source line, how a key figure reads (`prefix value unit suffix`,
 * its tag). Compose's fitting measures these boxes; the HTML renderer (preview, .html, .pdf) and
 * the .pptx writer only draw them, so a new layout is written once and the outputs cannot drift.
 */

/** A stretch of text in one size; `gap` is px of space before it (a unit after its number). */
export interface SceneRun {
  text: string;
  size: number;
  gap?: number;
}

/** What a text box is, for the HTML's class names and for tests; it decides nothing. */
export type TextRole =
  | 'title'
  | 'kicker'
  | 'subtitle'
  | 'meta'
  | 'number'
  | 'unit'
  | 'page'
  | 'agenda-badge'
  | 'agenda-entry'
  | 'bullets'
  | 'figure-value'
  | 'figure-label'
  | 'figure-tag'
  | 'caption'
  | 'quote'
  | 'quote-source';

export interface SceneText {
  kind: 'text';
  role: TextRole;
  box: Box;
  /** paragraphs, each a list of runs */
  paragraphs: SceneRun[][];
  /** the box's own size in px; a run may be smaller */
  size: number;
  font: FontRole;
  color: ColorRole;
  bold: boolean;
  align: 'left' | 'center' | 'right';
  valign: 'top' | 'middle' | 'bottom';
  lineHeight: number;
  /** the most lines the box holds, for measuring */
  maxLines?: number;
  /** a filled background (the agenda's number badge, a tag) */
  fill?: ColorRole;
  /** each paragraph a list item: a square marker, the text indented by `indentEm`, `gapEm` after it */
  list?: { indentEm: number; gapEm: number; marker: ColorRole };
  /** set on one line whatever the font: a number stays with its unit */
  nowrap?: boolean;
  /** the slide's number, which PowerPoint keeps as a field so it follows when slides move */
  field?: 'slide-number';
}

export type ShapeRole = 'frame' | 'figure-card' | 'figure-bar' | 'quote-panel' | 'quote-bar';

export interface SceneShape {
  kind: 'shape';
  role: ShapeRole;
  box: Box;
  shape: 'rect' | 'ellipse';
  fill: ColorRole;
  opacity: number;
}

export interface SceneImage {
  kind: 'image';
  role: 'logo' | 'picture';
  /** where the picture is drawn, at its own proportions */
  box: Box;
  image: OutputImage;
  alt: string;
}

export interface SceneTableRow {
  cells: string[];
  /** px */
  height: number;
  header: boolean;
  fill: ColorRole;
  color: ColorRole;
  font: FontRole;
  bold: boolean;
}

export interface SceneTable {
  kind: 'table';
  box: Box;
  /** column widths, px */
  columns: number[];
  /** how each column's cells are set: a column of numbers to the right, so its digits line up */
  align: Array<'left' | 'center' | 'right'>;
  rows: SceneTableRow[];
  size: number;
  lineHeight: number;
  /** cell padding, px */
  padX: number;
  padY: number;
  /** the lines between cells, six hex digits */
  rule: string;
}

export interface SceneChart {
  kind: 'chart';
  box: Box;
  type: ChartData['type'];
  /** written out in the chart, as its title */
  title: string;
  /** written out on the value axis: 「单位：亿元」; empty for a chart of plain numbers */
  unitLabel: string;
  /** each category's label as shown (shortened to two lines), with the lines it wraps into */
  categories: Array<{ text: string; lines: string[] }>;
  /** the numbers plotted */
  values: number[];
  /** each value as the report wrote it, for its data label */
  valueLabels: string[];
  /** px: the title, the category and axis labels, the data labels */
  titleSize: number;
  labelSize: number;
  valueSize: number;
  fonts: { title: FontRole; label: FontRole; value: FontRole };
  colors: { series: ColorRole; point: ColorRole; value: ColorRole; axis: ColorRole; title: ColorRole };
  /** grid lines, six hex digits */
  grid: string;
}

export type SceneItem = SceneText | SceneShape | SceneImage | SceneTable | SceneChart;

export interface Scene {
  background: ColorRole;
  items: SceneItem[];
}

export interface SceneContext {
  theme: DeckTemplate;
  fields: BriefFields;
  /** 1-based slide number */
  index: number;
  total: number;
  /** the organisation's logo, when the deck has one */
  logo?: OutputImage;
}

// ---- display decisions, shared with fitting ----

/**
 * Whether a table's caption is shown under it: not when it says what the title says (the slide
 * is titled after its table), nor when the title is that caption shortened with an ellipsis.
 */
export function tableCaptionShown(caption: string, title: string): boolean {
  if (!caption.trim() || caption === title) return false;
  return !(title.endsWith(ELLIPSIS) && caption.startsWith(title.slice(0, -ELLIPSIS.length)));
}

/** The value axis's label: the unit every point shares. */
export function chartUnitLabel(unit: string): string {
  return unit ? `单位：${unit}` : '';
}

/** A quote's source line. */
export const quoteSourceText = (source: string): string => (source.trim() ? `——${source.trim()}` : '');

/** The number on an agenda entry's badge: 01, 02 … */
export const agendaBadgeText = (n: number): string => String(n).padStart(2, '0');

/**
 * A key figure's number as it reads: `prefix value unit suffix` (「增长 2 %」「超 1000 万元」
 * 「6.5 % 左右」), the number large, the words around it at the unit's smaller size.
 */
export function figureRuns(stat: ShownStat, size: number): SceneRun[] {
  const small = size * UNIT_SCALE;
  const gap = small * 0.1;
  const runs: SceneRun[] = [];
  if (stat.prefix) runs.push({ text: stat.prefix, size: small });
  runs.push({ text: stat.value, size, ...(stat.prefix ? { gap } : {}) });
  if (stat.unit) runs.push({ text: stat.unit, size: small, gap });
  if (stat.suffix) runs.push({ text: stat.suffix, size: small, gap });
  return runs;
}

/** Width of runs set on one line, px. */
export function runsWidth(runs: readonly SceneRun[]): number {
  return runs.reduce((w, r) => w + textWidthEm(r.text) * r.size + (r.gap ?? 0), 0);
}

/** The tag a figure carries (目标), or ''. */
export const figureTag = (stat: ShownStat): string => stat.tag?.trim() ?? '';

/** The size a figure's tag is set at, from the label's size. */
export const tagSize = (labelSize: number): number => Math.round(labelSize * TAG_SCALE);

/** A category label as it fits under its bar: at most two lines, shortened with an ellipsis. */
export function chartCategory(label: string, width: number, size: number): { text: string; lines: string[] } {
  const text = truncateToLines(label, width, size, 2);
  return { text, lines: wrapLines(text, width, size) };
}

/** The width a category label has: its share of the plot, less a little room either side. */
export function chartCategoryWidth(box: Box, count: number): number {
  return (box.w - CHART_SIDE_ROOM) / Math.max(1, count) - 8;
}

/** Room the chart's value axis labels take at the left, px (the rest is the plot). */
const CHART_SIDE_ROOM = 96;

/** The numbers a chart plots: the shown values as numbers (anything unreadable counts as 0). */
export function chartValues(points: readonly ShownStat[]): number[] {
  return points.map((p) => {
    const v = Number(p.value);
    return Number.isFinite(v) ? v : 0;
  });
}

// ---- building blocks ----

const runOf = (text: string, size: number): SceneRun[] => [{ text, size }];

/**
 * A heading's text (a title, subtitle or agenda entry) as one paragraph per line, broken where
 * the lines come out balanced, so no line is a single character alone; the renderers set each
 * line as it is given, so the preview, .html, .pdf and .pptx break it in the same places.
 */
function headingLines(text: string, width: number, size: number): SceneRun[][] {
  return balancedLines(text, width, size).map((line) => runOf(line, size));
}

/** A text box of a frame, at a size, with its text. */
function frameText(role: TextRole, box: TextBox, size: number, paragraphs: SceneRun[][]): SceneText {
  return {
    kind: 'text',
    role,
    box: { x: box.x, y: box.y, w: box.w, h: box.h },
    paragraphs,
    size,
    font: box.font,
    color: box.color,
    bold: box.bold,
    align: box.align,
    valign: box.valign,
    lineHeight: box.lineHeight,
    maxLines: box.maxLines,
  };
}

const shape = (role: ShapeRole, box: Box, fill: ColorRole): SceneShape => ({
  kind: 'shape',
  role,
  box,
  shape: 'rect',
  fill,
  opacity: 1,
});

/** A picture placed at its own proportions inside a box; null when it is not a picture we show. */
function picture(role: SceneImage['role'], image: OutputImage, box: Box, alt: string): SceneImage | null {
  const info = base64ImageInfo(image.mime, image.data);
  if (!info) return null;
  return {
    kind: 'image',
    role,
    box: containBox(box, info.width, info.height),
    image: { mime: image.mime, data: image.data },
    alt,
  };
}

function logoItem(ctx: SceneContext, box: Box): SceneImage[] {
  if (!ctx.logo || !ctx.theme.capabilities.logo) return [];
  const item = picture('logo', ctx.logo, box, '');
  return item ? [item] : [];
}

function metaItem(ctx: SceneContext, box: TextBox, presenterLabel?: string): SceneText[] {
  const size = box.size.max;
  const lines = metaLines(ctx.fields, ctx.theme, box, size, presenterLabel);
  return lines.length
    ? [
        frameText(
          'meta',
          box,
          size,
          lines.map((l) => runOf(l, size)),
        ),
      ]
    : [];
}

function oneLine(role: TextRole, text: string, box: TextBox): SceneText {
  const line = fitLine(text, box);
  return frameText(role, box, line.size, [runOf(line.text, line.size)]);
}

// ---- frames ----

function coverItems(slide: SlideOf<'cover'>, ctx: SceneContext): SceneItem[] {
  const f = ctx.theme.frames.cover;
  const title = slide.fit?.title ?? f.title.size.max;
  const sub = slide.fit?.body ?? f.subtitle.size.max;
  return [
    ...logoItem(ctx, f.logo),
    frameText('title', f.title, title, headingLines(slide.title, f.title.w, title)),
    ...(slide.subtitle
      ? [frameText('subtitle', f.subtitle, sub, headingLines(slide.subtitle, f.subtitle.w, sub))]
      : []),
    ...metaItem(ctx, f.meta, slide.presenterLabel),
  ];
}

function dividerItems(slide: SlideOf<'divider'>, ctx: SceneContext): SceneItem[] {
  const f = ctx.theme.frames.divider;
  const title = slide.fit?.title ?? f.title.size.max;
  return [
    ...(slide.number ? [oneLine('number', slide.number, f.number)] : []),
    frameText('title', f.title, title, headingLines(slide.title, f.title.w, title)),
  ];
}

function closingItems(slide: SlideOf<'closing'>, ctx: SceneContext): SceneItem[] {
  const f = ctx.theme.frames.closing;
  const title = slide.fit?.title ?? f.title.size.max;
  return [
    frameText('title', f.title, title, headingLines(slide.title, f.title.w, title)),
    ...metaItem(ctx, f.meta, slide.presenterLabel),
  ];
}

type ContentSlide = Exclude<Slide, { layout: 'cover' | 'divider' | 'closing' }>;

function contentItems(slide: ContentSlide, ctx: SceneContext): SceneItem[] {
  const { theme } = ctx;
  const f = theme.frames.content;
  const boxes = contentTitleBoxes(theme, Boolean(slide.kicker));
  const title = slide.fit?.title ?? boxes.title.size.max;
  const logo = logoItem(ctx, f.logo);
  return [
    ...(boxes.kicker && slide.kicker ? [oneLine('kicker', slide.kicker, boxes.kicker)] : []),
    frameText('title', boxes.title, title, headingLines(displayTitle(slide, theme), boxes.title.w, title)),
    ...contentBody(slide, theme),
    ...logo,
    ...(ctx.fields.unit ? [oneLine('unit', ctx.fields.unit, unitBox(theme, logo.length > 0))] : []),
    {
      ...frameText('page', f.page, f.page.size.max, [runOf(String(ctx.index), f.page.size.max)]),
      field: 'slide-number',
    },
  ];
}

function contentBody(slide: ContentSlide, theme: DeckTemplate): SceneItem[] {
  switch (slide.layout) {
    case 'agenda':
      return agendaItems(slide, theme);
    case 'bullets':
      return [
        balancedOnSlide(bulletsItem(slide.bullets, theme, slide.fit?.body ?? theme.type.bullets.size.max)),
      ];
    case 'figures':
      return figureItems(slide, theme);
    case 'image':
      return imageItems(slide, theme);
    case 'chart':
      return [chartItem(slide, theme)];
    case 'table':
      return tableItems(slide, theme);
    case 'quote':
      return quoteItems(slide, theme);
  }
}

/** Of the room a short text leaves under it, the part that goes above it instead. */
const BALANCE_ABOVE = 0.42;

/**
 * A top-aligned text moved down by part of the room it leaves empty, so a few lines sit in the
 * upper middle of the slide rather than under the title with the lower half bare; its box keeps
 * its bottom edge, so it holds what it held.
 */
function balancedOnSlide(item: SceneText): SceneText {
  const free = item.box.h - textHeight(item);
  if (free <= 0) return item;
  const shift = Math.round(free * BALANCE_ABOVE);
  return { ...item, box: { ...item.box, y: item.box.y + shift, h: item.box.h - shift } };
}

// ---- layouts ----

/** The bullets of a slide as one list box across the body. */
export function bulletsItem(bullets: readonly string[], theme: DeckTemplate, size: number): SceneText {
  const t = theme.type.bullets;
  return {
    kind: 'text',
    role: 'bullets',
    box: { ...theme.frames.content.body },
    paragraphs: bullets.map((b) => runOf(b, size)),
    size,
    font: 'body',
    color: 'text',
    bold: false,
    align: 'left',
    valign: 'top',
    lineHeight: t.lineHeight,
    list: { indentEm: BULLET_INDENT_EM, gapEm: BULLET_GAP_EM, marker: 'accent' },
  };
}

function agendaItems(slide: SlideOf<'agenda'>, theme: DeckTemplate): SceneItem[] {
  const t = theme.type.agenda;
  const size = slide.fit?.body ?? t.size.max;
  const badgeSize = size * 0.8;
  return agendaRows(theme, slide.agenda, size).flatMap((row, i): SceneText[] => [
    {
      kind: 'text',
      role: 'agenda-badge',
      box: row.badge,
      paragraphs: [runOf(agendaBadgeText(slide.start + i), badgeSize)],
      size: badgeSize,
      font: 'heading',
      color: 'onPrimary',
      bold: true,
      align: 'center',
      valign: 'middle',
      lineHeight: 1.4,
      fill: 'primary',
      nowrap: true,
    },
    {
      kind: 'text',
      role: 'agenda-entry',
      box: row.text,
      paragraphs: headingLines(slide.agenda[i] ?? '', row.text.w, size),
      size,
      font: 'heading',
      color: 'text',
      bold: false,
      align: 'left',
      valign: 'middle',
      lineHeight: t.lineHeight,
    },
  ]);
}

/** The size a slide's figures are set at, and the tag size when any carries a tag (else 0). */
export function figureSizes(
  slide: Pick<SlideOf<'figures'>, 'figures' | 'fit'>,
  theme: DeckTemplate,
): { value: number; label: number; tag: number } {
  const value = slide.fit?.value ?? theme.type.figureValue.size.max;
  const label = slide.fit?.label ?? theme.type.figureLabel.size.max;
  return { value, label, tag: slide.figures.some((f) => figureTag(f)) ? tagSize(label) : 0 };
}

function figureItems(slide: SlideOf<'figures'>, theme: DeckTemplate): SceneItem[] {
  const sizes = figureSizes(slide, theme);
  const lt = theme.type.figureLabel;
  return figureCells(theme, slide.figures.length, sizes.value, sizes.tag).flatMap((cell, i) => {
    const stat = slide.figures[i];
    if (!stat) return [];
    const items: SceneItem[] = [
      shape('figure-card', cell.card, 'surface'),
      shape('figure-bar', cell.bar, 'accent'),
    ];
    const tag = figureTag(stat);
    if (tag && cell.tag) {
      const w = Math.min(cell.tag.w, textWidthEm(tag) * sizes.tag + 2 * TAG_PAD_EM * sizes.tag);
      const h = Math.min(cell.tag.h, sizes.tag * TAG_HEIGHT_EM);
      items.push({
        kind: 'text',
        role: 'figure-tag',
        box: { x: cell.tag.x + (cell.tag.w - w) / 2, y: cell.tag.y, w, h },
        paragraphs: [runOf(tag, sizes.tag)],
        size: sizes.tag,
        font: 'body',
        color: 'onPrimary',
        bold: true,
        align: 'center',
        valign: 'middle',
        lineHeight: 1.2,
        fill: 'muted',
        nowrap: true,
      });
    }
    items.push(
      {
        kind: 'text',
        role: 'figure-value',
        box: cell.value,
        paragraphs: [figureRuns(stat, sizes.value)],
        size: sizes.value,
        font: 'heading',
        color: 'primary',
        bold: true,
        align: 'center',
        valign: 'bottom',
        lineHeight: 1.2,
        maxLines: 1,
        nowrap: true,
      },
      {
        kind: 'text',
        role: 'figure-label',
        box: cell.label,
        paragraphs: [runOf(stat.label, sizes.label)],
        size: sizes.label,
        font: 'body',
        color: 'muted',
        bold: false,
        align: 'center',
        valign: 'top',
        lineHeight: lt.lineHeight,
      },
    );
    return items;
  });
}

function captionItem(box: Box | null, text: string, size: number, theme: DeckTemplate): SceneText[] {
  if (!box || !text) return [];
  return [
    {
      kind: 'text',
      role: 'caption',
      box,
      paragraphs: [runOf(text, size)],
      size,
      font: 'body',
      color: 'muted',
      bold: false,
      align: 'center',
      valign: 'top',
      lineHeight: theme.type.caption.lineHeight,
    },
  ];
}

function imageItems(slide: SlideOf<'image'>, theme: DeckTemplate): SceneItem[] {
  const caption = slide.image.caption;
  const size = slide.fit?.caption ?? theme.type.caption.size.max;
  const { area, caption: capBox } = captionedArea(theme, wrapCaption(caption, theme, size).length, size);
  const img = picture('picture', slide.image, area, caption);
  if (!img || !capBox) {
    return [...(img ? [img] : []), ...captionItem(capBox, shownCaption(caption, theme, size), size, theme)];
  }
  // the caption goes right under the picture, and the two sit together in the middle of the body
  const gap = capBox.y - (area.y + area.h);
  const free = area.h - img.box.h;
  const top = area.y + free / 2;
  const picBox = { ...img.box, y: top };
  const under = { ...capBox, y: top + img.box.h + gap };
  return [{ ...img, box: picBox }, ...captionItem(under, shownCaption(caption, theme, size), size, theme)];
}

/** The chart of a chart slide across the body: its title and unit written out in it. */
export function chartItem(
  slide: Pick<SlideOf<'chart'>, 'chart' | 'title' | 'fit'>,
  theme: DeckTemplate,
): SceneChart {
  const { chart } = slide;
  const box = { ...theme.frames.content.body };
  const labelSize = slide.fit?.label ?? theme.type.chartLabel.size.max;
  const width = chartCategoryWidth(box, chart.points.length);
  return {
    kind: 'chart',
    box,
    type: chart.type,
    title: chart.title?.trim() || slide.title,
    unitLabel: chartUnitLabel(chart.unit),
    categories: chart.points.map((p) => chartCategory(p.label, width, labelSize)),
    values: chartValues(chart.points),
    valueLabels: chart.points.map((p) => p.value),
    titleSize: slide.fit?.caption ?? theme.type.caption.size.max,
    labelSize,
    valueSize: Math.round(labelSize * 1.1),
    fonts: { title: 'heading', label: 'body', value: 'heading' },
    colors: { series: 'primary', point: 'accent', value: 'text', axis: 'muted', title: 'text' },
    grid: gridColor(theme),
  };
}

/**
 * The table of a table slide, the caption shown under it (none when it repeats the title), and
 * the height the rows have room for.
 */
export function tableLayout(
  slide: Pick<SlideOf<'table'>, 'table' | 'title' | 'fit'>,
  theme: DeckTemplate,
): { table: SceneTable; caption: SceneText[]; room: number } {
  const rows = slide.table.rows;
  const t = theme.type.table;
  const size = slide.fit?.body ?? t.size.max;
  const capSize = slide.fit?.caption ?? theme.type.caption.size.max;
  const caption = tableCaptionShown(slide.table.caption, slide.title) ? slide.table.caption : '';
  const { area, caption: capBox } = captionedArea(
    theme,
    caption ? wrapCaption(caption, theme, capSize).length : 0,
    capSize,
  );
  const columns = tableColumnWidths(rows, area.w);
  const natural = tableRowHeights(rows, columns, size, t.lineHeight);
  const heights = filledRowHeights(natural, area.h);
  const height = Math.min(
    area.h,
    heights.reduce((a, b) => a + b, 0),
  );
  // what the rows leave free goes above and below them, the caption staying under the table
  const top = area.y + Math.max(0, Math.round((area.h - height) / 2));
  return {
    table: {
      kind: 'table',
      box: { ...area, y: top, h: height },
      columns,
      align: columnAlignments(rows),
      rows: rows.map((r, i) => ({
        cells: columns.map((_, c) => r[c] ?? ''),
        height: heights[i] ?? 0,
        header: i === 0,
        fill: i === 0 ? 'primary' : i % 2 === 0 ? 'surface' : 'background',
        color: i === 0 ? 'onPrimary' : 'text',
        font: i === 0 ? 'heading' : 'body',
        bold: i === 0,
      })),
      size,
      lineHeight: t.lineHeight,
      padX: TABLE_PAD_X_EM * size,
      padY: TABLE_PAD_Y_EM * size,
      rule: tableRuleColor(theme),
    },
    caption: captionItem(
      capBox ? { ...capBox, y: top + height + (capBox.y - area.y - area.h) } : null,
      caption ? shownCaption(caption, theme, capSize) : '',
      capSize,
      theme,
    ),
    room: area.h,
  };
}

/** How much taller than its text a row may grow so a short table fills the slide. */
const ROW_STRETCH = 1.8;

/**
 * Row heights that fill the room a table has: a short table's rows grow evenly (up to
 * ROW_STRETCH times their own height) rather than leaving the lower half of the slide bare.
 */
export function filledRowHeights(natural: readonly number[], room: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= 0 || total >= room) return [...natural];
  const grow = Math.min(ROW_STRETCH, room / total);
  return natural.map((h) => Math.floor(h * grow));
}

/** A cell that is a number as a table writes it: 「1862.4」 「23.6%」 「-3.2」 「1,200」 「+5」, or empty. */
const NUMBER_CELL = /^[-+−—]?\s*[\d０-９][\d０-９,，.．]*\s*[%％‰]?$/u;

/**
 * Each column's alignment: numbers to the right (the header over them too), so their digits line
 * up; a column of words to the left; a column with a few numbers among words stays centred.
 */
export function columnAlignments(rows: readonly (readonly string[])[]): Array<'left' | 'center' | 'right'> {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const body = rows.slice(1);
  return Array.from({ length: cols }, (_, c) => {
    const cells = body.map((r) => (r[c] ?? '').trim()).filter(Boolean);
    if (cells.length === 0) return 'center';
    const numbers = cells.filter((x) => NUMBER_CELL.test(x)).length;
    if (numbers === cells.length) return 'right';
    return numbers === 0 ? 'left' : 'center';
  });
}

function tableItems(slide: SlideOf<'table'>, theme: DeckTemplate): SceneItem[] {
  if (slide.table.rows.length === 0) return [];
  const { table, caption } = tableLayout(slide, theme);
  return [table, ...caption];
}

/** The quote's text box (for fitting) and the rest of its panel. */
export function quoteLayout(
  slide: Pick<SlideOf<'quote'>, 'quote' | 'fit'>,
  theme: DeckTemplate,
): { text: SceneText; rest: SceneItem[] } {
  const t = theme.type.quote;
  const size = slide.fit?.body ?? t.size.max;
  const capSize = theme.type.caption.size.max;
  const source = quoteSourceText(slide.quote.source ?? '');
  const parts = quoteParts(theme, Boolean(source), capSize);
  const text: SceneText = {
    kind: 'text',
    role: 'quote',
    box: parts.text,
    paragraphs: [runOf(slide.quote.text, size)],
    size,
    font: 'quote',
    color: 'text',
    bold: false,
    align: 'left',
    valign: 'middle',
    lineHeight: t.lineHeight,
  };
  const rest: SceneItem[] = [
    shape('quote-panel', parts.panel, 'surface'),
    shape('quote-bar', parts.bar, 'accent'),
  ];
  if (parts.source)
    rest.push({
      kind: 'text',
      role: 'quote-source',
      box: parts.source,
      paragraphs: [runOf(source, capSize)],
      size: capSize,
      font: 'body',
      color: 'muted',
      bold: false,
      align: 'right',
      valign: 'top',
      lineHeight: 1.4,
    });
  return { text, rest };
}

function quoteItems(slide: SlideOf<'quote'>, theme: DeckTemplate): SceneItem[] {
  const { text, rest } = quoteLayout(slide, theme);
  // the panel under the text, the source after it
  return [rest[0] as SceneItem, rest[1] as SceneItem, text, ...rest.slice(2)];
}

// ---- the scene ----

/**
 * The scene of one slide in a theme: the frame's decorations, then its texts, pictures, table or
 * chart, in the order they are drawn. Pure: the same slide, theme and fields give the same scene.
 */
export function slideScene(slide: Slide, ctx: SceneContext): Scene {
  const frame = ctx.theme.frames[frameOf(slide.layout)];
  const decorations: SceneShape[] = frame.shapes.map((s) => ({
    kind: 'shape',
    role: 'frame',
    box: { x: s.x, y: s.y, w: s.w, h: s.h },
    shape: s.kind,
    fill: s.fill,
    opacity: s.opacity,
  }));
  return { background: frame.background, items: [...decorations, ...layoutItems(slide, ctx)] };
}

function layoutItems(slide: Slide, ctx: SceneContext): SceneItem[] {
  switch (slide.layout) {
    case 'cover':
      return coverItems(slide, ctx);
    case 'divider':
      return dividerItems(slide, ctx);
    case 'closing':
      return closingItems(slide, ctx);
    case 'agenda':
    case 'bullets':
    case 'figures':
    case 'image':
    case 'chart':
    case 'table':
    case 'quote':
      return contentItems(slide, ctx);
  }
}

// ---- measuring a scene ----

/** The width a text box's text wraps in: a list's items are indented past their marker. */
export function wrapWidth(item: SceneText): number {
  return item.box.w - (item.list ? item.list.indentEm * item.size : 0);
}

/** Lines each paragraph of a text box takes, at its sizes, in its width. */
export function paragraphLines(item: SceneText): number[] {
  return item.paragraphs.map((runs) => {
    if (item.nowrap) return 1;
    const text = runs.map((r) => r.text).join('');
    // runs of one size (all but a key figure's number): measure the text at that size
    return lineCount(text, wrapWidth(item), item.size);
  });
}

/** Height the text of a box takes, px. */
export function textHeight(item: SceneText): number {
  const lines = paragraphLines(item);
  const lineH = item.size * item.lineHeight;
  const gaps = item.list ? Math.max(0, lines.length - 1) * item.list.gapEm * item.size : 0;
  return lines.reduce((a, b) => a + b, 0) * lineH + gaps;
}

/**
 * Whether a text box's text fits it: its height within the box, no paragraph over the box's
 * line limit, and a one-line text (a number with its unit) no wider than the box.
 */
export function textFits(item: SceneText): boolean {
  if (item.nowrap) return item.paragraphs.every((runs) => runsWidth(runs) <= item.box.w * 0.95 + 0.5);
  const lines = paragraphLines(item);
  if (item.maxLines !== undefined && lines.some((n) => n > (item.maxLines ?? n))) return false;
  return textHeight(item) <= item.box.h + 0.5;
}

/** Every text of a scene as plain strings, paragraph by paragraph (for tests and comparisons). */
export function sceneTexts(scene: Scene): string[] {
  return scene.items.flatMap((item) => {
    switch (item.kind) {
      case 'text':
        return item.paragraphs.map((p) => p.map((r) => r.text).join(''));
      case 'table':
        return item.rows.flatMap((r) => r.cells);
      case 'chart':
        return [item.title, item.unitLabel, ...item.categories.map((c) => c.text)].filter(Boolean);
      case 'shape':
      case 'image':
        return [];
    }
  });
}
