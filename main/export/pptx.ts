import PptxGenJS from 'pptxgenjs';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zipParts } from './zip';
import { composeDeck, type ComposeDeckOptions } from '../../content/compose/deck';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import type { TemplateRegistry } from '../../templates/registry';
import type { BriefFields, Deck, OutputImage, Slide } from '../../templates/model';
import type { Box, ColorRole, DeckTemplate, FontRole, TextBox } from '../../templates/deck/schema';
import { FONT_ROLES } from '../../templates/deck/schema';
import { chartValues } from '../../templates/render/chart';
import { gridColor, roleColor, tableRuleColor } from '../../templates/render/colors';
import { imageDataUri } from '../../templates/render/escape';
import {
  agendaRows,
  BULLET_GAP_EM,
  BULLET_INDENT_EM,
  captionedArea,
  containBox,
  displayTitle,
  figureCells,
  fitLine,
  frameOf,
  metaLines,
  PX_PER_INCH,
  quoteParts,
  shownCaption,
  TABLE_PAD_X_EM,
  TABLE_PAD_Y_EM,
  tableColumnWidths,
  tableRowHeights,
  UNIT_SCALE,
  unitBox,
  wrapCaption,
} from '../../templates/render/geometry';
import { imageSize } from '../../templates/render/image';

/**
 * The deck as an editable PowerPoint file: every text a native text box, charts native charts
 * with the statistics as data, speaker notes on every slide, the theme's colours and fonts with
 * the Chinese face set (a:ea). Positions come from the same theme geometry as the HTML deck.
 * Node only: no DOM, no browser, no network (images are passed as data, never as paths or URLs).
 */

const inch = (px: number): number => px / PX_PER_INCH;
/** px on the 1280×720 canvas to points: 96 px per inch, 72 pt per inch */
const pt = (px: number): number => Math.round(px * 0.75 * 10) / 10;

/**
 * pptxgenjs writes one face name into latin, ea and cs alike. We give it a placeholder per font
 * role and put the real Latin and East Asian names in afterwards (fixFonts).
 */
const fontToken = (role: FontRole): string => `BSFONT-${role}`;

/** Characters XML 1.0 cannot hold; PowerPoint refuses a file with any of them. */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const clean = (text: string): string => text.replace(XML_INVALID, '');

type PptxSlide = PptxGenJS.Slide;

interface Ctx {
  pptx: PptxGenJS;
  theme: DeckTemplate;
  fields: BriefFields;
  logo?: OutputImage;
}

const color = (ctx: Ctx, role: ColorRole): string => roleColor(ctx.theme, role);

function pos(b: Box): { x: number; y: number; w: number; h: number } {
  return { x: inch(b.x), y: inch(b.y), w: inch(b.w), h: inch(b.h) };
}

function rect(
  ctx: Ctx,
  s: PptxSlide,
  b: Box,
  fill: ColorRole,
  opacity = 1,
  kind: 'rect' | 'ellipse' = 'rect',
): void {
  s.addShape(kind === 'ellipse' ? ctx.pptx.ShapeType.ellipse : ctx.pptx.ShapeType.rect, {
    ...pos(b),
    fill: {
      color: color(ctx, fill),
      ...(opacity < 1 ? { transparency: Math.round((1 - opacity) * 100) } : {}),
    },
    line: { type: 'none' },
  });
}

function text(ctx: Ctx, s: PptxSlide, box: TextBox, value: string, size: number): void {
  s.addText(clean(value), {
    ...pos(box),
    fontFace: fontToken(box.font),
    fontSize: pt(size),
    color: color(ctx, box.color),
    bold: box.bold,
    align: box.align,
    valign: box.valign === 'middle' ? 'middle' : box.valign,
    lineSpacing: pt(size * box.lineHeight),
    margin: 0,
    isTextBox: true,
  });
}

function image(s: PptxSlide, img: OutputImage, box: Box, contain = true): void {
  if (!imageDataUri(img.mime, img.data)) return;
  const size = imageSize(img.mime, img.data);
  const b = contain && size ? containBox(box, size.width, size.height) : box;
  s.addImage({ data: `${img.mime};base64,${img.data}`, ...pos(b) });
}

function cover(ctx: Ctx, s: PptxSlide, slide: Slide): void {
  const f = ctx.theme.frames.cover;
  if (ctx.logo && ctx.theme.capabilities.logo) image(s, ctx.logo, f.logo);
  text(ctx, s, f.title, slide.title, slide.fit?.title ?? f.title.size.max);
  if (slide.subtitle) text(ctx, s, f.subtitle, slide.subtitle, slide.fit?.body ?? f.subtitle.size.max);
  const meta = metaLines(ctx.fields, ctx.theme, f.meta, f.meta.size.max);
  if (meta.length) text(ctx, s, f.meta, meta.join('\n'), f.meta.size.max);
}

function divider(ctx: Ctx, s: PptxSlide, slide: Slide): void {
  const f = ctx.theme.frames.divider;
  if (slide.number) {
    const line = fitLine(slide.number, f.number);
    text(ctx, s, f.number, line.text, line.size);
  }
  text(ctx, s, f.title, slide.title, slide.fit?.title ?? f.title.size.max);
}

function closing(ctx: Ctx, s: PptxSlide, slide: Slide): void {
  const f = ctx.theme.frames.closing;
  text(ctx, s, f.title, slide.title, slide.fit?.title ?? f.title.size.max);
  const meta = metaLines(ctx.fields, ctx.theme, f.meta, f.meta.size.max);
  if (meta.length) text(ctx, s, f.meta, meta.join('\n'), f.meta.size.max);
}

function bullets(ctx: Ctx, s: PptxSlide, slide: Slide): void {
  const t = ctx.theme.type.bullets;
  const size = slide.fit?.body ?? t.size.max;
  const list = slide.bullets ?? [];
  if (list.length === 0) return;
  s.addText(
    list.map((b, i) => ({
      text: clean(b),
      options: {
        bullet: { characterCode: '25A0', indent: pt(BULLET_INDENT_EM * size) },
        ...(i < list.length - 1 ? { paraSpaceAfter: pt(BULLET_GAP_EM * size) } : {}),
        breakLine: true,
      },
    })),
    {
      ...pos(ctx.theme.frames.content.body),
      fontFace: fontToken('body'),
      fontSize: pt(size),
      color: color(ctx, 'text'),
      valign: 'top',
      lineSpacing: pt(size * t.lineHeight),
      margin: 0,
    },
  );
}

function agenda(ctx: Ctx, s: PptxSlide, slide: Slide): void {
  const t = ctx.theme.type.agenda;
  const size = slide.fit?.body ?? t.size.max;
  const entries = slide.agenda ?? [];
  const start = slide.start ?? 1;
  agendaRows(ctx.theme, entries, size).forEach((row, i) => {
    s.addText(String(start + i).padStart(2, '0'), {
      ...pos(row.badge),
      fill: { color: color(ctx, 'primary') },
      fontFace: fontToken('heading'),
      fontSize: pt(size * 0.8),
      bold: true,
      color: color(ctx, 'onPrimary'),
      align: 'center',
      valign: 'middle',
      margin: 0,
    });
    s.addText(clean(entries[i] ?? ''), {
      ...pos(row.text),
      fontFace: fontToken('heading'),
      fontSize: pt(size),
      color: color(ctx, 'text'),
      valign: 'middle',
      lineSpacing: pt(size * t.lineHeight),
      margin: 0,
    });
  });
}

function figures(ctx: Ctx, s: PptxSlide, slide: Slide): void {
  const list = slide.figures ?? [];
  const valueSize = slide.fit?.value ?? ctx.theme.type.figureValue.size.max;
  const labelSize = slide.fit?.label ?? ctx.theme.type.figureLabel.size.max;
  figureCells(ctx.theme, list.length, valueSize).forEach((cell, i) => {
    const f = list[i];
    if (!f) return;
    rect(ctx, s, cell.card, 'surface');
    rect(ctx, s, cell.bar, 'accent');
    s.addText(
      [
        { text: clean(f.value), options: { fontSize: pt(valueSize) } },
        { text: clean(f.unit), options: { fontSize: pt(valueSize * UNIT_SCALE) } },
      ],
      {
        ...pos(cell.value),
        fontFace: fontToken('heading'),
        bold: true,
        color: color(ctx, 'primary'),
        align: 'center',
        valign: 'bottom',
        margin: 0,
        // a number and its unit stay on one line whatever font the viewer substitutes
        wrap: false,
      },
    );
    s.addText(clean(f.label), {
      ...pos(cell.label),
      fontFace: fontToken('body'),
      fontSize: pt(labelSize),
      color: color(ctx, 'muted'),
      align: 'center',
      valign: 'top',
      lineSpacing: pt(labelSize * ctx.theme.type.figureLabel.lineHeight),
      margin: 0,
    });
  });
}

function caption(
  ctx: Ctx,
  s: PptxSlide,
  box: Box | null,
  value: string,
  size: number,
  align: 'center' | 'right',
): void {
  if (!box || !value) return;
  s.addText(clean(value), {
    ...pos(box),
    fontFace: fontToken('body'),
    fontSize: pt(size),
    color: color(ctx, 'muted'),
    align,
    valign: 'top',
    lineSpacing: pt(size * ctx.theme.type.caption.lineHeight),
    margin: 0,
  });
}

function picture(ctx: Ctx, s: PptxSlide, slide: Slide): void {
  const cap = slide.image?.caption ?? '';
  const size = slide.fit?.caption ?? ctx.theme.type.caption.size.max;
  const { area, caption: capBox } = captionedArea(ctx.theme, wrapCaption(cap, ctx.theme, size).length, size);
  if (slide.image) image(s, slide.image, area);
  caption(ctx, s, capBox, shownCaption(cap, ctx.theme, size), size, 'center');
}

function chart(ctx: Ctx, s: PptxSlide, slide: Slide): void {
  if (!slide.chart) return;
  const { type, unit, points } = slide.chart;
  const size = slide.fit?.caption ?? ctx.theme.type.caption.size.max;
  const unitText = unit ? `单位：${unit}` : '';
  const { area, caption: capBox } = captionedArea(ctx.theme, unitText ? 1 : 0, size, 'above');
  caption(ctx, s, capBox, unitText, size, 'right');
  const labelSize = pt(slide.fit?.label ?? ctx.theme.type.chartLabel.size.max);
  const data = [
    {
      name: clean(unit || slide.title),
      labels: points.map((p) => clean(p.label)),
      values: chartValues(points),
    },
  ];
  const common = {
    ...pos(area),
    chartColors: [color(ctx, 'primary')],
    showLegend: false,
    showValue: true,
    dataLabelFontFace: fontToken('heading'),
    dataLabelFontSize: Math.round(labelSize * 1.1),
    dataLabelFontBold: true,
    dataLabelColor: color(ctx, 'text'),
    // numbers as the report wrote them (21.59, not 22)
    dataLabelFormatCode: 'General',
    valAxisLabelFormatCode: 'General',
    catAxisLabelFontFace: fontToken('body'),
    catAxisLabelFontSize: Math.round(labelSize),
    catAxisLabelColor: color(ctx, 'muted'),
    catAxisLineShow: true,
    catAxisLineColor: color(ctx, 'muted'),
    valAxisHidden: true,
    valAxisLabelFontFace: fontToken('body'),
    valGridLine: { color: gridColor(ctx.theme), size: 0.75 },
    catGridLine: { style: 'none' as const },
  };
  if (type === 'line') {
    s.addChart(ctx.pptx.ChartType.line, data, {
      ...common,
      lineSize: 3,
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 9,
      dataLabelPosition: 't',
    });
  } else {
    s.addChart(ctx.pptx.ChartType.bar, data, {
      ...common,
      barDir: 'col',
      barGapWidthPct: 80,
      dataLabelPosition: 'outEnd',
    });
  }
}

function table(ctx: Ctx, s: PptxSlide, slide: Slide): void {
  const rows = slide.table?.rows ?? [];
  if (rows.length === 0) return;
  const t = ctx.theme.type.table;
  const size = slide.fit?.body ?? t.size.max;
  const capSize = slide.fit?.caption ?? ctx.theme.type.caption.size.max;
  const cap = slide.table?.caption && slide.table.caption !== slide.title ? slide.table.caption : '';
  const { area, caption: capBox } = captionedArea(
    ctx.theme,
    cap ? wrapCaption(cap, ctx.theme, capSize).length : 0,
    capSize,
  );
  const colW = tableColumnWidths(rows, area.w);
  const rowH = tableRowHeights(rows, colW, size, t.lineHeight);
  const cols = colW.length;
  s.addTable(
    rows.map((r, i) =>
      Array.from({ length: cols }, (_, c) => ({
        text: clean(r[c] ?? ''),
        options: {
          bold: i === 0,
          color: color(ctx, i === 0 ? 'onPrimary' : 'text'),
          fill: { color: color(ctx, i === 0 ? 'primary' : i % 2 === 0 ? 'surface' : 'background') },
          fontFace: fontToken(i === 0 ? 'heading' : 'body'),
        },
      })),
    ),
    {
      x: inch(area.x),
      y: inch(area.y),
      w: inch(area.w),
      colW: colW.map(inch),
      rowH: rowH.map(inch),
      fontSize: pt(size),
      align: 'center',
      valign: 'middle',
      border: { type: 'solid', pt: 0.75, color: tableRuleColor(ctx.theme) },
      margin: [
        inch(TABLE_PAD_Y_EM * size),
        inch(TABLE_PAD_X_EM * size),
        inch(TABLE_PAD_Y_EM * size),
        inch(TABLE_PAD_X_EM * size),
      ],
      autoPage: false,
    },
  );
  caption(ctx, s, capBox, shownCaption(cap, ctx.theme, capSize), capSize, 'center');
}

function quote(ctx: Ctx, s: PptxSlide, slide: Slide): void {
  const t = ctx.theme.type.quote;
  const size = slide.fit?.body ?? t.size.max;
  const capSize = ctx.theme.type.caption.size.max;
  const source = slide.quote?.source ?? '';
  const parts = quoteParts(ctx.theme, Boolean(source), capSize);
  rect(ctx, s, parts.panel, 'surface');
  rect(ctx, s, parts.bar, 'accent');
  s.addText(clean(slide.quote?.text ?? ''), {
    ...pos(parts.text),
    fontFace: fontToken('quote'),
    fontSize: pt(size),
    color: color(ctx, 'text'),
    valign: 'middle',
    lineSpacing: pt(size * t.lineHeight),
    margin: 0,
  });
  if (parts.source) caption(ctx, s, parts.source, `——${source}`, capSize, 'right');
}

function content(ctx: Ctx, s: PptxSlide, slide: Slide): void {
  const f = ctx.theme.frames.content;
  text(ctx, s, f.title, displayTitle(slide, ctx.theme), slide.fit?.title ?? f.title.size.max);
  switch (slide.layout) {
    case 'agenda':
      agenda(ctx, s, slide);
      break;
    case 'bullets':
      bullets(ctx, s, slide);
      break;
    case 'figures':
      figures(ctx, s, slide);
      break;
    case 'image':
      picture(ctx, s, slide);
      break;
    case 'chart':
      chart(ctx, s, slide);
      break;
    case 'table':
      table(ctx, s, slide);
      break;
    case 'quote':
      quote(ctx, s, slide);
      break;
    case 'cover':
    case 'divider':
    case 'closing':
      break;
  }
  const hasLogo = Boolean(ctx.logo && ctx.theme.capabilities.logo);
  if (ctx.logo && hasLogo) image(s, ctx.logo, f.logo);
  const unit = unitBox(ctx.theme, hasLogo);
  if (ctx.fields.unit) {
    const line = fitLine(ctx.fields.unit, unit);
    text(ctx, s, unit, line.text, line.size);
  }
  // a field, so the number follows when staff add or move slides in PowerPoint
  s.slideNumber = {
    ...pos(f.page),
    fontFace: fontToken(f.page.font),
    fontSize: pt(f.page.size.max),
    color: color(ctx, f.page.color),
    bold: f.page.bold,
    align: f.page.align,
    valign: 'middle',
    margin: 0,
  };
}

function addSlide(ctx: Ctx, slide: Slide): void {
  const frame = ctx.theme.frames[frameOf(slide.layout)];
  const s = ctx.pptx.addSlide();
  s.background = { color: color(ctx, frame.background) };
  for (const shape of frame.shapes) rect(ctx, s, shape, shape.fill, shape.opacity, shape.kind);
  switch (frameOf(slide.layout)) {
    case 'cover':
      cover(ctx, s, slide);
      break;
    case 'divider':
      divider(ctx, s, slide);
      break;
    case 'closing':
      closing(ctx, s, slide);
      break;
    case 'content':
      content(ctx, s, slide);
      break;
  }
  if (slide.notes) s.addNotes(clean(slide.notes));
}

const escapeAttr = (v: string): string =>
  v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Put the theme's real font names in place of the role placeholders: Latin and complex-script
 * faces by their Latin name, East Asian (a:ea) by the Chinese name, in every slide, chart and
 * the theme's font scheme.
 */
export function fixFonts(bytes: Uint8Array, theme: DeckTemplate): Uint8Array {
  const files = unzipSync(bytes);
  const fonts = theme.fonts.pptx;
  const accent = roleColor(theme, 'accent');
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) {
    if (!name.endsWith('.xml')) {
      out[name] = data;
      continue;
    }
    let xml = strFromU8(data);
    for (const role of FONT_ROLES) {
      const token = fontToken(role);
      const latin = escapeAttr(fonts[role].latin);
      const ea = escapeAttr(fonts[role].eastAsia);
      // a latin face with no ea after it (charts) gets one
      xml = xml.replace(
        new RegExp(`<a:latin typeface="${token}"([^>]*)/>(?!\\s*<a:ea)`, 'g'),
        `<a:latin typeface="${latin}"$1/><a:ea typeface="${ea}"/><a:cs typeface="${latin}"/>`,
      );
      xml = xml
        .replace(new RegExp(`<a:latin typeface="${token}"`, 'g'), `<a:latin typeface="${latin}"`)
        .replace(new RegExp(`<a:ea typeface="${token}"`, 'g'), `<a:ea typeface="${ea}"`)
        .replace(new RegExp(`<a:cs typeface="${token}"`, 'g'), `<a:cs typeface="${latin}"`)
        .replace(new RegExp(`typeface="${token}"`, 'g'), `typeface="${latin}"`);
    }
    if (name.startsWith('ppt/theme/')) {
      // the theme's own fonts: headings (major) and body (minor), with their Chinese faces
      xml = xml
        .replace(
          /(<a:majorFont>[\s\S]*?<a:ea typeface=")[^"]*(")/,
          `$1${escapeAttr(fonts.heading.eastAsia)}$2`,
        )
        .replace(/(<a:minorFont>[\s\S]*?<a:ea typeface=")[^"]*(")/, `$1${escapeAttr(fonts.body.eastAsia)}$2`)
        .replace(
          /(<a:majorFont>[\s\S]*?<a:font script="Hans" typeface=")[^"]*(")/,
          `$1${escapeAttr(fonts.heading.eastAsia)}$2`,
        )
        .replace(
          /(<a:minorFont>[\s\S]*?<a:font script="Hans" typeface=")[^"]*(")/,
          `$1${escapeAttr(fonts.body.eastAsia)}$2`,
        );
    }
    if (name.startsWith('ppt/slides/slide')) {
      // bullets: a smaller square in the theme's accent colour
      xml = xml.replace(
        /<a:buSzPct val="100000"\/><a:buChar char="&#x25A0;"\/>/g,
        `<a:buClr><a:srgbClr val="${accent}"/></a:buClr><a:buSzPct val="60000"/><a:buFont typeface="Arial"/><a:buChar char="&#x25A0;"/>`,
      );
    }
    out[name] = strToU8(xml);
  }
  // Node's zlib: fflate's deflate costs a fresh process (a command-line call) more than the slides
  return zipParts(Object.entries(out).map(([path, data]) => ({ path, data })));
}

/** Build the .pptx bytes for a composed deck in a theme. Pure apart from the library: no disk, no network. */
export async function deckToPptx(deck: Deck, theme: DeckTemplate): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = clean(deck.fields.title);
  pptx.subject = clean(deck.fields.subtitle);
  // pptxgenjs writes the company into docProps/app.xml as is: it must arrive escaped
  pptx.company = escapeAttr(clean(deck.fields.unit));
  pptx.author = clean(deck.fields.presenter || deck.fields.unit || '简报工坊');
  pptx.theme = { headFontFace: fontToken('heading'), bodyFontFace: fontToken('body') };
  const ctx: Ctx = { pptx, theme, fields: deck.fields, ...(deck.logo ? { logo: deck.logo } : {}) };
  for (const slide of deck.slides) addSlide(ctx, slide);
  const written = await pptx.write({ outputType: 'uint8array' });
  if (!(written instanceof Uint8Array)) throw new Error('pptxgenjs did not return bytes');
  return fixFonts(written, theme);
}

/** The whole PowerPoint path: compose the deck in the briefing's theme, build the bytes. */
export async function briefingToPptx(
  report: Report,
  briefing: Briefing,
  registry: TemplateRegistry,
  options: ComposeDeckOptions = {},
): Promise<Uint8Array> {
  const theme = registry.get('deck', briefing.deckTemplate);
  return deckToPptx(composeDeck(report, briefing, theme, options), theme);
}
