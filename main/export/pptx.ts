import PptxGenJS from 'pptxgenjs';
import { finishPptx } from './pptx-package';
import { composeDeck, type ComposeDeckOptions } from '../../content/compose/deck';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import type { TemplateRegistry } from '../../templates/registry';
import type { Deck, OutputImage } from '../../templates/model';
import type { Box, ColorRole, DeckTemplate, FontRole } from '../../templates/deck/schema';
import { FONT_ROLES } from '../../templates/deck/schema';
import { PX_PER_INCH } from '../../templates/scene/canvas';
import { roleColor } from '../../templates/scene/colors';
import { imageDataUri } from '../../templates/render/escape';
import {
  slideScene,
  type SceneChart,
  type SceneContext,
  type SceneImage,
  type SceneItem,
  type SceneShape,
  type SceneTable,
  type SceneText,
} from '../../templates/scene/scene';
import { xmlAttr, xmlText } from './xml-text';

/**
 * The deck as an editable PowerPoint file: every text a native text box, charts native charts
 * with the statistics as data, speaker notes on every slide, the theme's colours and fonts with
 * the Chinese face set (a:ea). It draws each slide's scene (templates/scene), the one the HTML
 * deck draws too: positions, sizes and texts are decided there, only their OOXML form here.
 * Node only: no DOM, no browser, no network (images are passed as data, never as paths or URLs).
 */

const inch = (px: number): number => px / PX_PER_INCH;
/** px on the slide canvas to points: 96 px per inch, 72 pt per inch */
const pt = (px: number): number => Math.round(px * 0.75 * 10) / 10;

/**
 * pptxgenjs writes one face name into latin, ea and cs alike. We give it a placeholder per font
 * role and put the real Latin and East Asian names in afterwards (fixFonts).
 */
const fontToken = (role: FontRole): string => `BSFONT-${role}`;

/** The bullet character pptxgenjs writes; fixFonts gives it the scene's marker colour. */
const BULLET_CODE = '25A0';

type PptxSlide = PptxGenJS.Slide;

interface Ctx {
  pptx: PptxGenJS;
  theme: DeckTemplate;
  /** the colour of bullet markers, as the scenes give it (all of a theme's lists share it) */
  marker?: ColorRole;
}

const color = (ctx: Ctx, role: ColorRole): string => roleColor(ctx.theme, role);

function pos(b: Box): { x: number; y: number; w: number; h: number } {
  return { x: inch(b.x), y: inch(b.y), w: inch(b.w), h: inch(b.h) };
}

function shape(ctx: Ctx, s: PptxSlide, item: SceneShape): void {
  s.addShape(item.shape === 'ellipse' ? ctx.pptx.ShapeType.ellipse : ctx.pptx.ShapeType.rect, {
    ...pos(item.box),
    fill: {
      color: color(ctx, item.fill),
      ...(item.opacity < 1 ? { transparency: Math.round((1 - item.opacity) * 100) } : {}),
    },
    line: { type: 'none' },
  });
}

function textOptions(ctx: Ctx, t: SceneText): PptxGenJS.TextPropsOptions {
  return {
    ...pos(t.box),
    fontFace: fontToken(t.font),
    fontSize: pt(t.size),
    color: color(ctx, t.color),
    bold: t.bold,
    align: t.align,
    valign: t.valign,
    lineSpacing: pt(t.size * t.lineHeight),
    margin: 0,
    isTextBox: true,
    ...(t.fill ? { fill: { color: color(ctx, t.fill) } } : {}),
    // a number and its unit stay on one line whatever font the viewer substitutes
    ...(t.nowrap ? { wrap: false } : {}),
  };
}

function text(ctx: Ctx, s: PptxSlide, t: SceneText): void {
  if (t.field === 'slide-number') {
    // a field, so the number follows when staff add or move slides in PowerPoint
    const { lineSpacing: _l, isTextBox: _t, fill: _f, wrap: _w, ...options } = textOptions(ctx, t);
    s.slideNumber = {
      ...options,
      valign: t.valign === 'bottom' ? 'bottom' : t.valign,
    };
    return;
  }
  const last = t.paragraphs.length - 1;
  const runs: PptxGenJS.TextProps[] = t.paragraphs.flatMap((runs, i) =>
    runs.map((r, k) => ({
      text: xmlText(r.text),
      options: {
        ...(r.size !== t.size ? { fontSize: pt(r.size) } : {}),
        ...(t.list && k === 0
          ? { bullet: { characterCode: BULLET_CODE, indent: pt(t.list.indentEm * t.size) } }
          : {}),
        ...(t.list && k === 0 && i < last ? { paraSpaceAfter: pt(t.list.gapEm * t.size) } : {}),
        ...(k === runs.length - 1 && i < last ? { breakLine: true } : {}),
      },
    })),
  );
  if (t.list) ctx.marker = t.list.marker;
  s.addText(runs, textOptions(ctx, t));
}

function image(s: PptxSlide, img: SceneImage): void {
  if (!imageDataUri(img.image.mime, img.image.data)) return;
  s.addImage({ data: `${img.image.mime};base64,${img.image.data}`, ...pos(img.box) });
}

function table(ctx: Ctx, s: PptxSlide, t: SceneTable): void {
  s.addTable(
    t.rows.map((r) =>
      r.cells.map((cell, i) => ({
        text: xmlText(cell),
        options: {
          align: t.align[i] ?? 'center',
          bold: r.bold,
          color: color(ctx, r.color),
          fill: { color: color(ctx, r.fill) },
          fontFace: fontToken(r.font),
        },
      })),
    ),
    {
      ...pos(t.box),
      colW: t.columns.map(inch),
      rowH: t.rows.map((r) => inch(r.height)),
      fontSize: pt(t.size),
      align: 'center',
      valign: 'middle',
      border: { type: 'solid', pt: 0.75, color: t.rule },
      margin: [inch(t.padY), inch(t.padX), inch(t.padY), inch(t.padX)],
      autoPage: false,
    },
  );
}

function chart(ctx: Ctx, s: PptxSlide, c: SceneChart): void {
  const data = [
    {
      name: xmlText(c.unitLabel || c.title),
      labels: c.categories.map((cat) => xmlText(cat.text)),
      values: c.values,
    },
  ];
  const axis = color(ctx, c.colors.axis);
  const common: PptxGenJS.IChartOpts = {
    ...pos(c.box),
    chartColors: [color(ctx, c.colors.series)],
    showLegend: false,
    showTitle: true,
    title: xmlText(c.title),
    titleFontFace: fontToken(c.fonts.title),
    titleFontSize: pt(c.titleSize),
    titleColor: color(ctx, c.colors.title),
    titleBold: true,
    showValue: true,
    dataLabelFontFace: fontToken(c.fonts.value),
    dataLabelFontSize: pt(c.valueSize),
    dataLabelFontBold: true,
    dataLabelColor: color(ctx, c.colors.value),
    // numbers as the report wrote them (21.59, not 22)
    dataLabelFormatCode: 'General',
    valAxisLabelFormatCode: 'General',
    catAxisLabelFontFace: fontToken(c.fonts.label),
    catAxisLabelFontSize: pt(c.labelSize),
    catAxisLabelColor: axis,
    catAxisLineShow: true,
    catAxisLineColor: axis,
    valAxisLabelFontFace: fontToken(c.fonts.label),
    valAxisLabelFontSize: pt(c.labelSize),
    valAxisLabelColor: axis,
    valAxisLineShow: false,
    ...(c.unitLabel
      ? {
          showValAxisTitle: true,
          valAxisTitle: xmlText(c.unitLabel),
          valAxisTitleFontFace: fontToken(c.fonts.label),
          valAxisTitleFontSize: pt(c.labelSize),
          valAxisTitleColor: axis,
        }
      : {}),
    valGridLine: { color: c.grid, size: 0.75, style: 'dash' },
    catGridLine: { style: 'none' },
  };
  if (c.type === 'line') {
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

function draw(ctx: Ctx, s: PptxSlide, item: SceneItem): void {
  switch (item.kind) {
    case 'shape':
      return shape(ctx, s, item);
    case 'text':
      return text(ctx, s, item);
    case 'image':
      return image(s, item);
    case 'table':
      return table(ctx, s, item);
    case 'chart':
      return chart(ctx, s, item);
  }
}

function addSlide(ctx: Ctx, slide: Deck['slides'][number], scene: SceneContext): void {
  const { background, items } = slideScene(slide, scene);
  const s = ctx.pptx.addSlide();
  s.background = { color: color(ctx, background) };
  for (const item of items) draw(ctx, s, item);
  if (slide.notes) s.addNotes(xmlText(slide.notes));
}

/**
 * Put the theme's real font names in place of the role placeholders: Latin and complex-script
 * faces by their Latin name, East Asian (a:ea) by the Chinese name, in every slide, chart and
 * the theme's font scheme. One XML part at a time, by its path in the package.
 */
export function fixFonts(
  path: string,
  part: string,
  theme: DeckTemplate,
  marker: ColorRole = 'accent',
): string {
  const fonts = theme.fonts.pptx;
  let xml = part;
  for (const role of FONT_ROLES) {
    const token = fontToken(role);
    const latin = xmlAttr(fonts[role].latin);
    const ea = xmlAttr(fonts[role].eastAsia);
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
  if (path.startsWith('ppt/theme/')) {
    // the theme's own fonts: headings (major) and body (minor), with their Chinese faces
    xml = xml
      .replace(/(<a:majorFont>[\s\S]*?<a:ea typeface=")[^"]*(")/, `$1${xmlAttr(fonts.heading.eastAsia)}$2`)
      .replace(/(<a:minorFont>[\s\S]*?<a:ea typeface=")[^"]*(")/, `$1${xmlAttr(fonts.body.eastAsia)}$2`)
      .replace(
        /(<a:majorFont>[\s\S]*?<a:font script="Hans" typeface=")[^"]*(")/,
        `$1${xmlAttr(fonts.heading.eastAsia)}$2`,
      )
      .replace(
        /(<a:minorFont>[\s\S]*?<a:font script="Hans" typeface=")[^"]*(")/,
        `$1${xmlAttr(fonts.body.eastAsia)}$2`,
      );
  }
  if (path.startsWith('ppt/slides/slide')) {
    // bullets: a smaller square in the scene's marker colour
    xml = xml.replace(
      /<a:buSzPct val="100000"\/><a:buChar char="&#x25A0;"\/>/g,
      `<a:buClr><a:srgbClr val="${roleColor(theme, marker)}"/></a:buClr><a:buSzPct val="60000"/><a:buFont typeface="Arial"/><a:buChar char="&#x25A0;"/>`,
    );
  }
  return xml;
}

/** Build the .pptx bytes for a composed deck in a theme. Pure apart from the library: no disk, no network. */
export async function deckToPptx(deck: Deck, theme: DeckTemplate): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = xmlText(deck.fields.title);
  pptx.subject = xmlText(deck.fields.subtitle);
  // pptxgenjs writes the company into docProps/app.xml as is: it must arrive escaped
  pptx.company = xmlAttr(deck.fields.unit);
  pptx.author = xmlText(deck.fields.presenter || deck.fields.unit || '简报工坊');
  pptx.theme = { headFontFace: fontToken('heading'), bodyFontFace: fontToken('body') };
  const ctx: Ctx = { pptx, theme };
  const logo: { logo?: OutputImage } = deck.logo ? { logo: deck.logo } : {};
  deck.slides.forEach((slide, i) =>
    addSlide(ctx, slide, { theme, fields: deck.fields, index: i + 1, total: deck.slides.length, ...logo }),
  );
  const written = await pptx.write({ outputType: 'uint8array' });
  if (!(written instanceof Uint8Array)) throw new Error('pptxgenjs did not return bytes');
  // fonts first, then the package repairs (pptx-package.ts says why a post-pass)
  return finishPptx(written, (path, xml) => fixFonts(path, xml, theme, ctx.marker));
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
