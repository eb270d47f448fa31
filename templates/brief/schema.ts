import { z } from 'zod';
import { HexColor, templateBase } from '../common';
import { BRIEF_FIELD_KEYS, unknownPatternField } from './format';

/**
 * A brief format as data. Every number the Word writer uses (page, margins, grid, fonts and sizes,
 * rules, page-number position) comes from here, so a format is checked and changed in its
 * template.json, not in code. Lengths are in twips (1/20 pt, 1/1440 inch) as OOXML has them.
 */

const Twips = z.number().int().nonnegative().max(31_680);

/** A font as Word names it: the Chinese face in eastAsia, Latin and digits in ascii/hAnsi. */
export const FontSpecSchema = z.object({
  eastAsia: z.string().min(1),
  latin: z.string().min(1),
  sizePt: z.number().positive().max(96),
  bold: z.boolean().default(false),
  color: HexColor.optional(),
});
export type FontSpec = z.infer<typeof FontSpecSchema>;

/** A horizontal rule drawn as a paragraph border: the red line under a masthead, the 版记 lines. */
export const RuleSchema = z.object({
  color: HexColor,
  /** thickness in eighths of a point, as OOXML's w:sz (8 = 1 pt) */
  size: z.number().int().min(2).max(96),
  /** gap between the text and the rule, in points, as OOXML's w:space */
  space: z.number().int().min(0).max(31).default(0),
});
export type Rule = z.infer<typeof RuleSchema>;

/** Text built from the brief's fields, e.g. 「{unit}工作简报」 or 「第{issueNo}期」. */
const Pattern = z.string().superRefine((p, ctx) => {
  const bad = unknownPatternField(p);
  if (bad !== null)
    ctx.addIssue({
      code: 'custom',
      message: `refers to an unknown field {${bad}}; known: ${BRIEF_FIELD_KEYS.join(', ')}`,
    });
});

const FieldKey = z.enum(BRIEF_FIELD_KEYS);

/** The document grid: Word's 「每页行数」 and 「每行字数」, and the line pitch that gives them. */
export const GridSchema = z.object({
  linesPerPage: z.number().int().min(1).max(80),
  charsPerLine: z.number().int().min(1).max(80),
  /** w:docGrid w:linePitch, twips */
  linePitch: Twips.min(1),
});

/** A masthead on the first page: none, a 公文 红头, or a 工作简报 报头. */
export const MastheadSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('redhead'),
    /** shown when any of these fields is filled in */
    when: z.array(FieldKey).default([]),
    /** 发文机关标志 */
    mark: Pattern,
    markFont: FontSpecSchema,
    /** from the top of the type area to the mark */
    markOffset: Twips,
    /** 发文字号 */
    docNumber: Pattern,
    docNumberFont: FontSpecSchema,
    /** blank lines between the mark and the 发文字号 */
    linesAfterMark: z.number().int().min(0).max(10),
    /** the full-width red rule under the 发文字号 */
    rule: RuleSchema,
    /** blank lines between the rule and the title */
    linesAfterRule: z.number().int().min(0).max(10),
    /**
     * A 上行文 (GB/T 9704 7.2.4), set when a 签发人 is given: the mark lower on the page, the
     * 发文字号 left and the 签发人 right on one line, each one character in.
     */
    upward: z
      .object({
        /** from the top of the type area to the mark */
        markOffset: Twips,
        /** 「签发人：」 */
        signerLabel: z.string().max(20),
        signerLabelFont: FontSpecSchema,
        /** the 签发人's name */
        signerFont: FontSpecSchema,
        /** characters between the type area's sides and the 发文字号 / the 签发人 */
        indentChars: z.number().min(0).max(4),
      })
      .optional(),
  }),
  z.object({
    kind: z.literal('bulletin'),
    when: z.array(FieldKey).default([]),
    /** the bulletin's name in large red type */
    mark: Pattern,
    markFont: FontSpecSchema,
    /** 期号 below the name */
    issue: Pattern,
    issueFont: FontSpecSchema,
    /** 编印单位 on the left and the date on the right of one line */
    infoLeft: Pattern,
    infoRight: Pattern,
    infoFont: FontSpecSchema,
    /** the thick red rule under the info line */
    rule: RuleSchema,
    /** blank lines between the rule and the title */
    linesAfterRule: z.number().int().min(0).max(10),
  }),
]);
export type Masthead = z.infer<typeof MastheadSchema>;

/** A distribution line of a 报尾: 「报：」 and the field it shows. */
const ColophonLine = z.object({ label: z.string(), field: FieldKey });

/**
 * The closing block after the body: none, a 公文 版记, or a 简报 报尾, both between rules, kept
 * together on one page. GB/T 9704 wants the 版记 at the foot of the last page; Word can pin it
 * there with a frame, but LibreOffice drops the frame's position and its rules, so the block
 * follows the body after one blank line, where every program prints it the same.
 */
export const ColophonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('banji'),
    when: z.array(FieldKey).default([]),
    font: FontSpecSchema,
    /** 抄送 line */
    cc: Pattern,
    /** 印发机关 (left) and 印发日期 (right) */
    printedBy: Pattern,
    printedDate: Pattern,
    /** the first and last rules (GB/T 9704: 0.35 mm) and the rule between (0.25 mm) */
    thick: RuleSchema,
    thin: RuleSchema,
    /** left and right indent of the colophon's text, in characters */
    indentChars: z.number().min(0).max(4),
    /**
     * The 版记 stands on an even page, the back of the last sheet (GB/T 9704 7.4: 版记置于公文最后一面):
     * when the text ends on an odd page, it opens the next page.
     */
    evenPage: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal('baowei'),
    when: z.array(FieldKey).default([]),
    font: FontSpecSchema,
    lines: z.array(ColophonLine).min(1),
    /** 「（共印{copies}份）」 */
    copies: Pattern,
    thick: RuleSchema,
    thin: RuleSchema,
    indentChars: z.number().min(0).max(4),
  }),
]);
export type Colophon = z.infer<typeof ColophonSchema>;

export const BriefTemplateSchema = z
  .object({
    ...templateBase,
    kind: z.literal('brief'),
    capabilities: z.object({
      /** 红头 / 简报报头 */
      masthead: z.boolean().default(false),
      /** 版记 (抄送, 印发机关) or 报尾 (报/送/发, 印数) */
      colophon: z.boolean().default(false),
      /** 按语 */
      note: z.boolean().default(false),
    }),
    page: z.object({
      /** A4 in twips */
      width: Twips.min(1).default(11906),
      height: Twips.min(1).default(16838),
      margins: z.object({ top: Twips, bottom: Twips, left: Twips, right: Twips }),
      /** distance of the header and footer from the page edge */
      header: Twips.default(851),
      footer: Twips.default(992),
      /** the document grid; without it, lines are set by `lineTwips` alone */
      grid: GridSchema.optional(),
    }),
    fonts: z.object({
      title: FontSpecSchema,
      subtitle: FontSpecSchema,
      h1: FontSpecSchema,
      h2: FontSpecSchema,
      h3: FontSpecSchema,
      h4: FontSpecSchema,
      body: FontSpecSchema,
      /** 按语 */
      note: FontSpecSchema,
      quote: FontSpecSchema,
      caption: FontSpecSchema,
      table: FontSpecSchema,
      pageNumber: FontSpecSchema,
    }),
    /** body line spacing in twips, exact */
    lineTwips: Twips.min(1),
    /** title line spacing in twips, exact */
    titleLineTwips: Twips.min(1),
    /** space after the title block (title, subtitle), twips */
    titleSpaceAfter: Twips,
    /** line height in table cells, exact, twips */
    tableLineTwips: Twips.min(1),
    /** first-line indent of body paragraphs, in characters */
    indentChars: z.number().nonnegative().max(8).default(2),
    /** text before 按语 */
    notePrefix: z.string().default('按：'),
    /**
     * where the unit and date go: a right-set signature after the body (GB/T 9704), a centred
     * line under the title, or nowhere (a bulletin prints them in its masthead)
     */
    dateline: z.enum(['signature', 'under-title', 'none']),
    pageNumber: z.object({
      prefix: z.string(),
      suffix: z.string(),
      /** 'outside': odd pages right, even pages left (odd/even footers) */
      position: z.enum(['outside', 'center', 'right']),
      /** indent from the outer edge, in characters of the page-number font */
      indentChars: z.number().min(0).max(8),
      /** the page number's line height, exact, twips (with page.footer it fixes where the number sits) */
      lineTwips: Twips.min(1),
    }),
    masthead: MastheadSchema.default({ kind: 'none' }),
    colophon: ColophonSchema.default({ kind: 'none' }),
  })
  .superRefine((t, ctx) => {
    const { page } = t;
    const typeHeight = page.height - page.margins.top - page.margins.bottom;
    const typeWidth = page.width - page.margins.left - page.margins.right;
    if (typeHeight <= 0 || typeWidth <= 0) {
      ctx.addIssue({ code: 'custom', path: ['page', 'margins'], message: 'leave no room for text' });
      return;
    }
    if (page.grid) {
      // Word derives 「每页行数」 as the whole lines of the pitch that fit in the type area
      const lines = Math.floor(typeHeight / page.grid.linePitch);
      if (lines !== page.grid.linesPerPage)
        ctx.addIssue({
          code: 'custom',
          path: ['page', 'grid', 'linePitch'],
          message: `gives ${lines} lines per page, not ${page.grid.linesPerPage}`,
        });
      // exact spacing equal to the pitch keeps one text line per grid line in Word and LibreOffice
      if (t.lineTwips !== page.grid.linePitch)
        ctx.addIssue({
          code: 'custom',
          path: ['lineTwips'],
          message: `must equal page.grid.linePitch (${page.grid.linePitch}) so each line takes one grid line`,
        });
      const cell = typeWidth / page.grid.charsPerLine;
      if (cell < t.fonts.body.sizePt * 20 * 0.8)
        ctx.addIssue({
          code: 'custom',
          path: ['page', 'grid', 'charsPerLine'],
          message: `does not fit: ${page.grid.charsPerLine} characters of ${t.fonts.body.sizePt} pt need more than the type area's width`,
        });
    }
    const flags = [
      ['masthead', t.masthead.kind !== 'none'],
      ['colophon', t.colophon.kind !== 'none'],
    ] as const;
    for (const [flag, has] of flags)
      if (t.capabilities[flag] !== has)
        ctx.addIssue({
          code: 'custom',
          path: ['capabilities', flag],
          message: `must be ${has} to match ${flag}.kind`,
        });
  });
export type BriefTemplate = z.infer<typeof BriefTemplateSchema>;

/** The type area (版心) of a brief template, in twips. */
export function typeArea(t: BriefTemplate): { width: number; height: number } {
  return {
    width: t.page.width - t.page.margins.left - t.page.margins.right,
    height: t.page.height - t.page.margins.top - t.page.margins.bottom,
  };
}

/**
 * Character spacing (w:spacing, twips) that makes `charsPerLine` characters of `sizePt` fill one
 * line. Word's own way is a character grid (docGrid linesAndChars with a negative charSpace), but
 * LibreOffice snaps a 16 pt character into two cells of such a grid and sets 14 to a line; a
 * line grid plus this small negative spacing gives 28 to a line in Word, WPS and LibreOffice alike.
 */
export function gridCharSpacing(t: BriefTemplate, sizePt: number): number {
  if (!t.page.grid) return 0;
  const cell = typeArea(t).width / t.page.grid.charsPerLine;
  return Math.min(0, Math.floor(cell - sizePt * 20));
}
