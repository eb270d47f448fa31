import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IBorderOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { composeDoc } from '../../content/compose/doc';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import type { TemplateRegistry } from '../../templates/registry';
import type { Doc } from '../../templates/model';
import type { BriefTemplate } from '../../templates/schema';
import { gridCharSpacing, typeArea, type FontSpec, type Rule } from '../../templates/brief/schema';
import { briefFrame, type BriefFrame } from '../../templates/brief/layout';
import { textCells } from '../../templates/brief/format';
import {
  briefForms,
  type BriefForm,
  type BriefPicture,
  type PlaceableKind,
} from '../../templates/brief/blocks';
import { xmlText } from './xml-text';
import { fitOneLine } from '../../templates/brief/fit';
import { condenseBrief, type CondenseOptions } from '../../templates/brief/condense';
import { AppError } from '../errors';
import { paginateBrief, placedForms, type BriefPages } from '../../templates/brief/paginate';
import { zipParts, type ZipPart } from './zip';

/**
 * The Word writer: a composed Doc in a brief template becomes .docx bytes. Every measure comes
 * from the template (templates/brief/<id>/template.json); this file only decides how OOXML says
 * it. Fonts are named on every run (ascii/hAnsi Latin, eastAsia Chinese), never through the
 * theme, because WPS lets theme fonts override a style's.
 */

/** What every paragraph builder needs: the template and the measures derived from it once. */
interface Ctx {
  t: BriefTemplate;
  typeWidth: number;
  typeHeight: number;
  /** character spacing, twips, that puts charsPerLine body characters on one line (0 without a grid) */
  gridSpacing: number;
  /** where pictures wait to be stored after packing; without it they go to docx as they are */
  pictures?: Pictures;
}

function context(t: BriefTemplate, pictures?: Pictures): Ctx {
  const { width, height } = typeArea(t);
  return {
    t,
    typeWidth: width,
    typeHeight: height,
    gridSpacing: gridCharSpacing(t, t.fonts.body.sizePt),
    ...(pictures ? { pictures } : {}),
  };
}

/**
 * Pictures join the package after docx has packed it. docx deflates every part, and deflating
 * pictures that are already compressed (PNG, JPEG) took most of the time of a large brief
 * (bench/docx.bench.ts: about 1 s of a 50-page brief with 20 photos); they are stored as they are
 * instead. docx gets a short stand-in per picture, unique so it never merges two pictures.
 */
class Pictures {
  private readonly byStandIn = new Map<string, Uint8Array>();

  standIn(bytes: Uint8Array): Uint8Array {
    const token = `briefing-studio-picture-${this.byStandIn.size}`;
    this.byStandIn.set(token, bytes);
    return new TextEncoder().encode(token);
  }

  /** The packed .docx with each stand-in replaced by its picture, stored uncompressed. */
  async restore(packed: Uint8Array): Promise<Uint8Array> {
    if (this.byStandIn.size === 0) return packed;
    // fflate loads only for a brief with pictures: building its tables costs a one-shot command
    // line call more than the brief without them
    const { unzipSync } = await import('fflate');
    const parts: ZipPart[] = [];
    for (const [path, data] of Object.entries(unzipSync(packed))) {
      const real =
        path.startsWith('word/media/') && data.length < 64
          ? this.byStandIn.get(new TextDecoder().decode(data))
          : undefined;
      parts.push(real ? { path, data: real, store: true } : { path, data });
    }
    return zipParts(parts);
  }
}

const fontsOf = (font: FontSpec): { ascii: string; hAnsi: string; eastAsia: string; cs: string } => ({
  ascii: font.latin,
  hAnsi: font.latin,
  eastAsia: font.eastAsia,
  cs: font.latin,
});

/**
 * The language of every run and of the styles: Chinese for East Asian text, so quotes and other
 * punctuation shared by both scripts take the Chinese font (in Word, WPS and LibreOffice), even
 * inside an office template whose styles say en-US.
 */
const LANGUAGE = { eastAsia: 'zh-CN' } as const;

interface RunOptions {
  /** a line break (w:br) before the text: a title broken where the frame balanced it */
  breakBefore?: boolean;
  bold?: boolean;
  /** set on the body's character grid: carries the grid's character spacing */
  grid?: Ctx;
  scale?: number;
  sizePt?: number;
}

/** A run in an explicit font: Chinese face in eastAsia, Latin and digits in ascii/hAnsi. Never theme fonts. */
function run(text: string, font: FontSpec, o: RunOptions = {}): TextRun {
  const sizePt = o.sizePt ?? font.sizePt;
  const spacing = o.grid && sizePt === o.grid.t.fonts.body.sizePt ? o.grid.gridSpacing : 0;
  return new TextRun({
    text: xmlText(text),
    font: fontsOf(font),
    size: Math.round(sizePt * 2),
    sizeComplexScript: Math.round(sizePt * 2),
    bold: o.bold ?? font.bold,
    language: LANGUAGE,
    ...(font.color ? { color: font.color } : {}),
    ...(spacing ? { characterSpacing: spacing } : {}),
    ...(o.scale && o.scale !== 100 ? { scale: o.scale } : {}),
    ...(o.breakBefore ? { break: 1 } : {}),
  });
}

/** A run that starts at the next tab stop (a real w:tab, not a tab character in the text). */
function tabbed(text: string, font: FontSpec): TextRun {
  return new TextRun({
    children: [new Tab(), xmlText(text)],
    font: fontsOf(font),
    size: Math.round(font.sizePt * 2),
    sizeComplexScript: Math.round(font.sizePt * 2),
    bold: font.bold,
    language: LANGUAGE,
    ...(font.color ? { color: font.color } : {}),
  });
}

/** Width of one character cell of a font on the page, twips: what 「空二字」 counts in. */
function cellOf(font: FontSpec, ctx: Ctx): number {
  const size = font.sizePt * 20;
  return size === ctx.t.fonts.body.sizePt * 20 ? size + ctx.gridSpacing : size;
}

/** Exact spacing takes a line off the document grid's snapping, so its height is what we say. */
const exact = (line: number, before = 0, after = 0): IParagraphOptions['spacing'] => ({
  line,
  lineRule: LineRuleType.EXACT,
  before,
  after,
});

/**
 * An exact line tall enough for a large font: 1.2 × its size, rounded up to whole grid lines
 * when the template has a grid, so the text after it stays on the grid's rhythm.
 */
function lineFor(sizePt: number, ctx: Ctx): number {
  const base = Math.ceil(sizePt * 20 * 1.2);
  const pitch = ctx.t.page.grid?.linePitch;
  return pitch ? Math.ceil(base / pitch) * pitch : base;
}

/** The first-line indent in both forms: Word reads firstLineChars, LibreOffice only firstLine. */
function firstLineIndent(font: FontSpec, ctx: Ctx, chars = ctx.t.indentChars): IParagraphOptions['indent'] {
  return { firstLineChars: Math.round(chars * 100), firstLine: Math.round(chars * cellOf(font, ctx)) };
}

function flowParagraph(
  children: ParagraphChild[],
  font: FontSpec,
  ctx: Ctx,
  extra: Partial<IParagraphOptions> = {},
): Paragraph {
  return new Paragraph({
    children,
    spacing: exact(ctx.t.lineTwips),
    indent: firstLineIndent(font, ctx),
    alignment: AlignmentType.JUSTIFIED,
    ...extra,
  });
}

const border = (rule: Rule): IBorderOptions => ({
  style: BorderStyle.SINGLE,
  size: rule.size,
  color: rule.color,
  space: rule.space,
});

function headingFont(t: BriefTemplate, level: number): FontSpec {
  return level <= 1 ? t.fonts.h1 : level === 2 ? t.fonts.h2 : level === 3 ? t.fonts.h3 : t.fonts.h4;
}

// ---- pictures ----

const DOCX_KINDS: Record<PlaceableKind, 'png' | 'jpg' | 'gif' | 'bmp'> = {
  png: 'png',
  jpeg: 'jpg',
  gif: 'gif',
  bmp: 'bmp',
};

/** Twips per pixel at 96 dpi, the unit docx sizes images in. */
const TWIPS_PER_PX = 15;

function pictureParagraph(p: BriefPicture, ctx: Ctx): Paragraph {
  const bytes = Uint8Array.from(Buffer.from(p.image.data, 'base64'));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 0, after: 0 },
    children: [
      new ImageRun({
        type: DOCX_KINDS[p.kind],
        data: ctx.pictures ? ctx.pictures.standIn(bytes) : bytes,
        transformation: { width: p.widthTwips / TWIPS_PER_PX, height: p.heightTwips / TWIPS_PER_PX },
      }),
    ],
  });
}

// ---- tables ----

/** A caption: under its picture, or over its table with half a line above it to part it from what precedes. */
function captionParagraph(text: string, ctx: Ctx, place: 'under-picture' | 'over-table'): Paragraph {
  return new Paragraph({
    children: [run(text, ctx.t.fonts.caption)],
    alignment: AlignmentType.CENTER,
    keepNext: place === 'over-table',
    spacing: exact(ctx.t.lineTwips, place === 'over-table' ? Math.round(ctx.t.lineTwips / 2) : 0),
  });
}

function table(
  rows: string[][],
  ctx: Ctx,
  shares?: number[],
  centerColumns: number[] = [],
  rightColumns: number[] = [],
): Table {
  const { t } = ctx;
  const cols = Math.max(1, ...rows.map((r) => r.length));
  const weights = shares && shares.length === cols ? shares : Array.from({ length: cols }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((ctx.typeWidth * w) / total));
  const line: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: ctx.typeWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          cantSplit: true,
          children: widths.map(
            (w, c) =>
              new TableCell({
                width: { size: w, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                margins: { left: 80, right: 80, top: 0, bottom: 0 },
                children: [
                  new Paragraph({
                    children: [run(r[c] ?? '', t.fonts.table, { bold: i === 0 || t.fonts.table.bold })],
                    alignment:
                      i === 0 || centerColumns.includes(c)
                        ? AlignmentType.CENTER
                        : rightColumns.includes(c)
                          ? AlignmentType.RIGHT
                          : AlignmentType.LEFT,
                    spacing: exact(t.tableLineTwips),
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

// ---- body ----

function formToDocx(form: BriefForm, ctx: Ctx): FileChild[] {
  const { t } = ctx;
  switch (form.kind) {
    case 'heading': {
      const font = headingFont(t, form.level);
      return [
        flowParagraph([run(form.text, font, { grid: ctx })], font, ctx, {
          keepNext: true,
          outlineLevel: form.level - 1,
        }),
      ];
    }
    case 'paragraph': {
      const font = form.style === 'quote' ? t.fonts.quote : t.fonts.body;
      return [
        flowParagraph(
          form.runs.map((r) => run(r.text, font, { grid: ctx, ...(r.bold ? { bold: true } : {}) })),
          font,
          ctx,
        ),
      ];
    }
    case 'figure':
      return [
        ...(form.picture ? [pictureParagraph(form.picture, ctx)] : []),
        ...(form.missing ? [captionParagraph(form.missing, ctx, 'under-picture')] : []),
        captionParagraph(form.caption, ctx, 'under-picture'),
      ];
    case 'table':
      return [
        captionParagraph(form.caption, ctx, 'over-table'),
        table(form.rows, ctx, form.shares, form.center, form.right),
      ];
  }
}

/** The body of a brief alone: headings, points, paragraphs, figures and tables. */
export function docBodyToDocx(doc: Doc, t: BriefTemplate): FileChild[] {
  return bodyChildren(doc, context(t));
}

function bodyChildren(doc: Doc, ctx: Ctx): FileChild[] {
  return briefForms(doc, ctx.t).flatMap((f) => formToDocx(f, ctx));
}

// ---- frame: masthead, title block, signature, colophon ----

function mastheadParagraphs(frame: BriefFrame, ctx: Ctx): Paragraph[] {
  const { t } = ctx;
  const m = t.masthead;
  const fm = frame.masthead;
  const markParagraph = (text: string, font: FontSpec, before: number, rule?: Rule): Paragraph => {
    const fit = fitOneLine(text, font.sizePt, ctx.typeWidth);
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(lineFor(fit.sizePt, ctx), before),
      ...(rule ? { border: { bottom: border(rule) } } : {}),
      children: [run(text, font, { sizePt: fit.sizePt, scale: fit.scale })],
    });
  };
  if (fm?.kind === 'redhead' && m.kind === 'redhead') {
    const out: Paragraph[] = [];
    const up = fm.signer && m.upward ? m.upward : null;
    const offset = up ? up.markOffset : m.markOffset;
    const numbered = Boolean(fm.docNumber || up);
    // the red rule goes under the 发文字号 (and 签发人) line, or under the mark when there is none
    if (fm.mark) out.push(markParagraph(fm.mark, m.markFont, offset, numbered ? undefined : m.rule));
    const before = fm.mark ? m.linesAfterMark * t.lineTwips : offset;
    if (up && fm.signer) {
      // 上行文: the 发文字号 one character in from the left, 签发人 one in from the right, one line
      const inset = Math.round(up.indentChars * cellOf(m.docNumberFont, ctx));
      out.push(
        new Paragraph({
          alignment: AlignmentType.LEFT,
          spacing: exact(t.lineTwips, before),
          indent: { left: inset, right: inset },
          tabStops: [{ type: TabStopType.RIGHT, position: ctx.typeWidth - inset }],
          border: { bottom: border(m.rule) },
          children: [
            ...(fm.docNumber ? [run(fm.docNumber, m.docNumberFont)] : []),
            tabbed(up.signerLabel, up.signerLabelFont),
            run(fm.signer, up.signerFont),
          ],
        }),
      );
    } else if (fm.docNumber)
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: exact(t.lineTwips, before),
          border: { bottom: border(m.rule) },
          children: [run(fm.docNumber, m.docNumberFont, { grid: ctx })],
        }),
      );
    return out;
  }
  if (fm?.kind === 'bulletin' && m.kind === 'bulletin') {
    const out: Paragraph[] = [markParagraph(fm.mark, m.markFont, 0)];
    if (fm.issue)
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: exact(t.lineTwips),
          children: [run(fm.issue, m.issueFont, { grid: ctx })],
        }),
      );
    // 编印单位 at the left margin, the date against the right one, the thick red rule under both
    const info: ParagraphChild[] = [];
    if (fm.left) info.push(run(fm.left, m.infoFont));
    if (fm.right) info.push(tabbed(fm.right, m.infoFont));
    if (info.length === 0) {
      // no unit and no date: no empty line stands over the rule, which goes under the name or issue
      const last = out.length - 1;
      out[last] = fm.issue
        ? new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: exact(t.lineTwips),
            border: { bottom: border(m.rule) },
            children: [run(fm.issue, m.issueFont, { grid: ctx })],
          })
        : markParagraph(fm.mark, m.markFont, 0, m.rule);
      return out;
    }
    out.push(
      new Paragraph({
        spacing: exact(t.lineTwips),
        tabStops: [{ type: TabStopType.RIGHT, position: ctx.typeWidth }],
        border: { bottom: border(m.rule) },
        children: info,
      }),
    );
    return out;
  }
  return [];
}

function titleParagraphs(frame: BriefFrame, ctx: Ctx, spaceBefore: number): Paragraph[] {
  const { t } = ctx;
  // the title and subtitle each one paragraph, broken where the frame balanced their lines
  const lines: Array<{ text: string[]; font: FontSpec; line: number }> = [];
  if (frame.titleLines.length > 0)
    lines.push({ text: frame.titleLines, font: t.fonts.title, line: t.titleLineTwips });
  if (frame.subtitleLines.length > 0)
    lines.push({ text: frame.subtitleLines, font: t.fonts.subtitle, line: t.lineTwips });
  for (const l of frame.byline) lines.push({ text: [l], font: t.fonts.subtitle, line: t.lineTwips });
  if (frame.underTitle) lines.push({ text: [frame.underTitle], font: t.fonts.subtitle, line: t.lineTwips });
  return lines.map(
    (l, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: exact(l.line, i === 0 ? spaceBefore : 0, i === lines.length - 1 ? t.titleSpaceAfter : 0),
        children: l.text.map((s, k) => run(s, l.font, { grid: ctx, breakBefore: k > 0 })),
      }),
  );
}

function signatureParagraphs(frame: BriefFrame, ctx: Ctx): Paragraph[] {
  const s = frame.signature;
  if (!s) return [];
  const { t } = ctx;
  const cell = cellOf(t.fonts.body, ctx);
  const out: Paragraph[] = [];
  const line = (text: string, rightCells: number, before: number): Paragraph =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact(t.lineTwips, before),
      indent: { right: Math.round(rightCells * cell) },
      children: [run(text, t.fonts.body, { grid: ctx })],
    });
  // 正文下空一行 (GB/T 9704 7.3.5.2)
  if (s.unit) out.push(line(s.unit, s.unitRightCells, t.lineTwips));
  if (s.date) out.push(line(s.date, s.dateRightCells, s.unit ? 0 : t.lineTwips));
  return out;
}

/**
 * The 版记/报尾 at the foot of the last page (GB/T 9704 7.4): a floating table anchored to the
 * bottom of the type area, so its last rule is the bottom edge of the 版心 however the lines above
 * it wrap, and as wide as the type area, so its rules span it. Its groups are its rows: a thick rule
 * above and below the block (the table's own borders), a thin one between 抄送 and 印发, or between
 * the 报/送/发 lines and the print run. Padding with spacing from a page count was tried and
 * reverted: where LibreOffice wraps a line more than the count, the padding pushed the 版记 onto a
 * page of its own.
 *
 * LibreOffice (7.4) keeps a floating table as wide as the type area in the text flow unless it is
 * placed against the page, so the table is placed by its distance from the page's left edge (the
 * left margin), which Word and WPS read the same way. When the paginator finds no room under the
 * last text, the block opens a new page itself, so the .docx breaks where the preview does.
 */
function colophonBlock(frame: BriefFrame, ctx: Ctx, pages: BriefPages): FileChild[] {
  const { t } = ctx;
  const c = t.colophon;
  const fc = frame.colophon;
  if (!fc || c.kind === 'none' || !pages.colophon) return [];
  const cell = cellOf(c.font, ctx);
  const side = Math.round(c.indentChars * cell);
  const line = (children: ParagraphChild[], text: string, hangingCells = 0, align?: 'right'): Paragraph => {
    // an entry that wraps hangs its second line under the text after its label
    const wraps = textCells(text) > (ctx.typeWidth - 2 * side) / cell;
    const hanging = wraps && hangingCells ? Math.round(hangingCells * cell) : 0;
    return new Paragraph({
      children,
      spacing: exact(t.lineTwips),
      keepLines: true,
      alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: { left: side + hanging, right: side, ...(hanging ? { hanging } : {}) },
      tabStops: [{ type: TabStopType.RIGHT, position: ctx.typeWidth - side }],
    });
  };
  const groups: Paragraph[][] = [];
  if (fc.kind === 'banji' && c.kind === 'banji') {
    if (fc.cc) groups.push([line([run(fc.cc, c.font)], fc.cc, textCells('抄送：'))]);
    if (fc.printedBy || fc.printedDate)
      groups.push([
        line(
          [
            ...(fc.printedBy ? [run(fc.printedBy, c.font)] : []),
            ...(fc.printedDate ? [tabbed(fc.printedDate, c.font)] : []),
          ],
          `${fc.printedBy ?? ''}　${fc.printedDate ?? ''}`,
        ),
      ]);
  } else if (fc.kind === 'baowei' && c.kind === 'baowei') {
    const distribution = fc.lines.map((l) =>
      line([run(`${l.label}${l.text}`, c.font)], `${l.label}${l.text}`, textCells(l.label)),
    );
    if (distribution.length > 0) groups.push(distribution);
    if (fc.copies) groups.push([line([run(fc.copies, c.font)], fc.copies, 0, 'right')]);
  }
  if (groups.length === 0) return [];
  const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const block = new Table({
    width: { size: ctx.typeWidth, type: WidthType.DXA },
    columnWidths: [ctx.typeWidth],
    layout: TableLayoutType.FIXED,
    // no cell padding at the table's level either: LibreOffice shifts a table left by it
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: t.page.margins.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      // at least one blank line between the last text and the first rule
      topFromText: t.lineTwips,
    },
    borders: {
      top: border(c.thick),
      bottom: border(c.thick),
      left: none,
      right: none,
      insideHorizontal: border(c.thin),
      insideVertical: none,
    },
    rows: groups.map(
      (paragraphs) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: ctx.typeWidth, type: WidthType.DXA },
              margins: { left: 0, right: 0, top: 0, bottom: 0 },
              children: paragraphs,
            }),
          ],
        }),
    ),
  });
  // a floating table belongs to the paragraph after it: an empty one, a point high
  const tiny = (extra: Partial<IParagraphOptions> = {}): Paragraph =>
    new Paragraph({ children: [], spacing: exact(20), ...extra });
  const breaks = pages.colophon.newPage ? (pages.colophon.blank ? 2 : 1) : 0;
  return [...Array.from({ length: breaks }, () => tiny({ pageBreakBefore: true })), block, tiny()];
}

// ---- page numbers ----

function pageNumberFooter(ctx: Ctx, side: 'left' | 'right' | 'center'): Footer {
  const { t } = ctx;
  const pn = t.fonts.pageNumber;
  const inset = Math.round(t.pageNumber.indentChars * pn.sizePt * 20);
  return new Footer({
    children: [
      new Paragraph({
        alignment:
          side === 'left'
            ? AlignmentType.LEFT
            : side === 'right'
              ? AlignmentType.RIGHT
              : AlignmentType.CENTER,
        spacing: exact(t.pageNumber.lineTwips),
        indent: side === 'left' ? { left: inset } : side === 'right' ? { right: inset } : {},
        children: [
          run(t.pageNumber.prefix, pn),
          new TextRun({
            children: [PageNumber.CURRENT],
            font: fontsOf(pn),
            language: LANGUAGE,
            size: Math.round(pn.sizePt * 2),
            sizeComplexScript: Math.round(pn.sizePt * 2),
          }),
          run(t.pageNumber.suffix, pn),
        ],
      }),
    ],
  });
}

function footers(ctx: Ctx): { default: Footer; even?: Footer } {
  switch (ctx.t.pageNumber.position) {
    case 'outside':
      // odd pages right, even pages left (GB/T 9704 7.5); Word needs w:evenAndOddHeaders for this
      return { default: pageNumberFooter(ctx, 'right'), even: pageNumberFooter(ctx, 'left') };
    case 'center':
      return { default: pageNumberFooter(ctx, 'center') };
    case 'right':
      return { default: pageNumberFooter(ctx, 'right') };
  }
}

/** Build the .docx bytes for a composed brief in a brief template. Pure: no disk. */
export async function docToDocx(doc: Doc, t: BriefTemplate): Promise<Uint8Array> {
  const pictures = new Pictures();
  const ctx = context(t, pictures);
  const frame = briefFrame(doc.fields, t, doc.byline);
  const m = t.masthead;
  const masthead = mastheadParagraphs(frame, ctx);
  const titleBefore = masthead.length > 0 && m.kind !== 'none' ? m.linesAfterRule * t.lineTwips : 0;

  const children: FileChild[] = [...masthead, ...titleParagraphs(frame, ctx, titleBefore)];
  if (frame.mainTo)
    children.push(
      new Paragraph({
        spacing: exact(t.lineTwips),
        children: [run(frame.mainTo, t.fonts.body, { grid: ctx })],
      }),
    );
  if (frame.note)
    children.push(
      flowParagraph(
        [
          run(t.notePrefix, t.fonts.note, { bold: true, grid: ctx }),
          run(frame.note, t.fonts.note, { grid: ctx }),
        ],
        t.fonts.note,
        ctx,
      ),
    );
  // the paginator places the body: pictures scaled to stay on a page, the 版记 at the foot
  const forms = briefForms(doc, t);
  const pages = paginateBrief(doc, t, forms);
  children.push(
    ...placedForms(forms, pages).flatMap((f) => formToDocx(f, ctx)),
    ...signatureParagraphs(frame, ctx),
    ...colophonBlock(frame, ctx, pages),
  );
  if (children.length === 0) children.push(new Paragraph({ children: [] }));

  const foot = footers(ctx);
  const body = t.fonts.body;
  const grid = t.page.grid;
  const document = new Document({
    creator: '简报工坊 Briefing Studio',
    title: doc.fields.title,
    ...(foot.even ? { evenAndOddHeaderAndFooters: true } : {}),
    // the theme names the template's own fonts too, so nothing that falls back to the theme
    // (WPS, a pasted paragraph) lands in Calibri
    theme: {
      fonts: {
        headings: {
          latin: t.fonts.title.latin,
          eastAsia: t.fonts.title.eastAsia,
          scripts: { Hans: t.fonts.title.eastAsia },
        },
        body: { latin: body.latin, eastAsia: body.eastAsia, scripts: { Hans: body.eastAsia } },
      },
    },
    styles: {
      default: {
        document: { run: { font: fontsOf(body), size: Math.round(body.sizePt * 2), language: LANGUAGE } },
      },
      // LibreOffice reads the default size from the Normal style, not the document defaults
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: { font: fontsOf(body), size: Math.round(body.sizePt * 2), language: LANGUAGE },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: t.page.width, height: t.page.height },
            margin: {
              top: t.page.margins.top,
              bottom: t.page.margins.bottom,
              left: t.page.margins.left,
              right: t.page.margins.right,
              header: t.page.header,
              footer: t.page.footer,
            },
          },
          ...(grid ? { grid: { type: 'lines' as const, linePitch: grid.linePitch } } : {}),
        },
        footers: foot,
        children,
      },
    ],
  });
  const buf = await Packer.toBuffer(document);
  return await pictures.restore(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}

/**
 * 「压缩到 N 页」 for a file: the condensed brief, or, when not even the headings with each
 * section's first sentence fit the budget, one clear error instead of a bare skeleton of headings.
 */
export function condenseOrRefuse(
  doc: Doc,
  t: BriefTemplate,
  pages: number,
  options: CondenseOptions = {},
): Doc {
  const c = condenseBrief(doc, t, pages, options);
  if (c.fits) return c.doc;
  const least = c.floorPages ?? c.pages;
  throw new AppError(
    'page-budget',
    `无法压缩到 ${pages} 页：仅保留标题、各级标题和每节第一句也要 ${least} 页。请把页数放宽到至少 ${least} 页，或不压缩。`,
    `Cannot condense the Word brief to ${pages} page(s): the headings with one sentence per section alone take ${least}. Allow at least ${least} pages, or do not condense.`,
  );
}

/**
 * The whole Word path: compose the brief, pick its template, condense it to a page budget when
 * one is given (「压缩到 N 页」), build the bytes.
 */
export async function briefToDocx(
  report: Report,
  briefing: Briefing,
  registry: TemplateRegistry,
  options: { pages?: number; keep?: ReadonlySet<string> } = {},
): Promise<Uint8Array> {
  const t = registry.get('brief', briefing.briefTemplate);
  const doc = composeDoc(report, briefing);
  const fitted = options.pages
    ? condenseOrRefuse(doc, t, options.pages, options.keep ? { keep: options.keep } : {})
    : doc;
  return docToDocx(fitted, t);
}
