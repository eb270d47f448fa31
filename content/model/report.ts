import { z } from 'zod';
import {
  BLOCK_ROLES,
  MAX_STAT_LABEL_CHARS,
  REPAIR_KINDS,
  SOURCE_FORMATS,
  STAT_KINDS,
  STAT_MEASURES,
  STAT_SCOPES,
  UNREADABLE_KINDS,
} from './values';

export {
  BLOCK_ROLES,
  REPAIR_KINDS,
  SOURCE_FORMATS,
  STAT_KINDS,
  STAT_MEASURES,
  STAT_SCOPES,
  UNREADABLE_KINDS,
} from './values';

/**
 * The Report: what an importer makes of a source file.
 *
 * A report keeps two layers. `raw` is the source as the importer read it (text blocks, images,
 * tables, in order, with where each came from); everything else (`sections`, `stats`, `figures`,
 * `repairs`) is derived from `raw` plus the staff's `decisions` by `content/analyze`. Keeping the
 * raw layer is what lets staff undo a repair or reclassify a block without losing the source, and
 * it keeps ids stable: every derived id is built from a raw block id.
 */

/** Where a block came from in the source (1-based line in text, page in PDF, paragraph index in docx). */
export const SourceRefSchema = z.object({
  line: z.number().int().positive().optional(),
  page: z.number().int().positive().optional(),
  paragraph: z.number().int().nonnegative().optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** Formatting hints an importer can see and the analyser may use. */
export const RawHintsSchema = z.object({
  /** explicit heading level from the source (docx Heading N, markdown #), 1-based */
  heading: z.number().int().min(1).max(9).optional(),
  bold: z.boolean().optional(),
  centered: z.boolean().optional(),
  listItem: z.boolean().optional(),
  /**
   * blank lines before this block in a text source: a picture dropped from a newspaper page leaves
   * a wider gap than the one between paragraphs, which is how a standalone photo caption shows
   */
  gapBefore: z.number().int().nonnegative().optional(),
  /**
   * how far the line was indented before it was trimmed, in full-width characters: in a
   * text copied out of a PDF, where a paragraph's first line is indented and its other lines are not
   */
  indent: z.number().nonnegative().optional(),
});
export type RawHints = z.infer<typeof RawHintsSchema>;

/**
 * What the importer could not read at a block, and what it did; analysis lists each as an
 * `unreadable` repair, so nothing is lost silently.
 * - replaced: bytes no encoding reads, shown as �
 * - gbk: a line in GB18030 amid UTF-8, read as GB18030
 * - nul: NUL bytes between the characters, dropped
 * - linked: a picture linked to a file outside the source (not embedded), skipped
 * - missing: a picture whose data is missing from the file, skipped
 */
export const UnreadableSchema = z.object({
  how: z.enum(UNREADABLE_KINDS),
  /** bytes replaced or dropped, for text */
  count: z.number().int().nonnegative().optional(),
  /** the place as the source has it (bytes shown as <B5>, NULs as ␀), or the picture's link */
  before: z.string(),
  /** the same place as the report has it */
  after: z.string(),
});
export type Unreadable = z.infer<typeof UnreadableSchema>;

export const RawBlockSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    id: z.string(),
    text: z.string(),
    hints: RawHintsSchema.optional(),
    src: SourceRefSchema.optional(),
    unreadable: z.array(UnreadableSchema).optional(),
  }),
  z.object({
    type: z.literal('image'),
    id: z.string(),
    /** the image bytes in `assets`; none when the source only names a picture it does not carry (markdown, a linked picture) */
    assetId: z.string().optional(),
    alt: z.string().optional(),
    /** why the picture the source names is not in `assets`, in words staff read (a Markdown file pasted without its folder) */
    missing: z.string().optional(),
    src: SourceRefSchema.optional(),
    unreadable: z.array(UnreadableSchema).optional(),
  }),
  z.object({
    type: z.literal('table'),
    id: z.string(),
    rows: z.array(z.array(z.string())),
    src: SourceRefSchema.optional(),
  }),
]);
export type RawBlock = z.infer<typeof RawBlockSchema>;

export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const AssetSchema = z.object({
  mime: z.string(),
  /** base64, so a report is plain JSON end to end (project files, IPC, the command line) */
  data: z.string(),
});
export type Asset = z.infer<typeof AssetSchema>;

/** Block roles staff can force on a raw text block ("reclassify"). */
export type BlockRole = (typeof BLOCK_ROLES)[number];

/** What staff changed on one statistic: its label, or whether it may become a card. */
export const StatEditSchema = z.object({
  label: z.string().trim().min(1).max(MAX_STAT_LABEL_CHARS).optional(),
  /** true: never a card; false: a card may show it though extraction found it unfit */
  unfit: z.boolean().optional(),
});
export type StatEdit = z.infer<typeof StatEditSchema>;

export const DecisionsSchema = z.object({
  /** repair id → whether it is applied; repairs not listed use their default (applied) */
  repairs: z.record(z.string(), z.boolean()).default({}),
  /** raw block id → role forced by staff */
  roles: z.record(z.string(), z.enum(BLOCK_ROLES)).default({}),
  /** statistic id → staff's label or fitness; re-applied whenever the report is analysed again */
  stats: z.record(z.string(), StatEditSchema).optional(),
});
export type Decisions = z.infer<typeof DecisionsSchema>;

// ---- derived layer ----

export const BlockSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('paragraph'),
    id: z.string(),
    text: z.string(),
    src: SourceRefSchema.optional(),
  }),
  z.object({
    kind: z.literal('point'),
    id: z.string(),
    /** the lead-in sentence without its marker or final punctuation: 「全力复工复产」 */
    lead: z.string(),
    /** the marker the source used before the lead, if any: 「一是」, 「——」, 「（一）」 */
    marker: z.string().optional(),
    /**
     * the punctuation that ended the lead as written (「。」, 「：」, 「，」), so a draft can write the
     * lead back as the source did: 「主要目标是：」. None when the lead ran to the end of its text.
     */
    leadEnd: z.string().optional(),
    /** the rest of the paragraph after the lead-in */
    text: z.string(),
    src: SourceRefSchema.optional(),
  }),
  z.object({
    kind: z.literal('figure'),
    id: z.string(),
    figureId: z.string(),
    src: SourceRefSchema.optional(),
  }),
  z.object({
    kind: z.literal('table'),
    id: z.string(),
    figureId: z.string(),
    src: SourceRefSchema.optional(),
  }),
]);
export type Block = z.infer<typeof BlockSchema>;
export type BlockKind = Block['kind'];

export interface Section {
  id: string;
  title: string;
  /** 1 = top level */
  level: number;
  /** the heading's number as the source wrote it (「一、」, 「（二）」), if any */
  number?: string;
  /**
   * the text before the report's first heading (its opening words, or the whole of a text with no
   * heading): no heading of its own, so its title is empty and outputs show it as the opening
   */
  opening?: boolean;
  blocks: Block[];
  sections: Section[];
  src?: SourceRef;
}
export const SectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    level: z.number().int().min(1),
    number: z.string().optional(),
    opening: z.boolean().optional(),
    blocks: z.array(BlockSchema),
    sections: z.array(SectionSchema),
    src: SourceRefSchema.optional(),
  }),
);

export type StatKind = (typeof STAT_KINDS)[number];
export type StatMeasure = (typeof STAT_MEASURES)[number];
export type StatScopeKind = (typeof STAT_SCOPES)[number];

/** A second number written with the statistic: the earlier value (从A到B) or a range's high end. */
export const StatBoundSchema = z.object({
  value: z.number(),
  /** as written, with its unit when it has one: 「58.1%」, 「40万元」 */
  text: z.string(),
});
export type StatBound = z.infer<typeof StatBoundSchema>;

export const StatScopeSchema = z.object({
  kind: z.enum(STAT_SCOPES),
  /** the enterprise or project named: 「长春万华汽车实业有限公司」 */
  name: z.string().optional(),
});
export type StatScope = z.infer<typeof StatScopeSchema>;

export const StatSchema = z.object({
  id: z.string(),
  /** the number as written, as a number: 21.59 for 「21.59亿元」, 100 for 「百名」; the low end of a range */
  value: z.number(),
  /** the unit as written, magnitude included: 「亿元」, 「万户次」, 「%」; empty for a ratio (倍差2.06) */
  unit: z.string(),
  /** what is measured, a noun phrase that stands alone: 「固定资产投资」, 「全年目标完成率」 */
  label: z.string(),
  /** the exact text of the quantity in the sentence: 「21.59亿元」, 「15-40万元」 */
  text: z.string(),
  /** the sentence it came from, for traceability */
  sentence: z.string(),
  sectionId: z.string(),
  blockId: z.string(),
  kind: z.enum(STAT_KINDS),
  /** what a target measures (a growth rate, an amount …) */
  measure: z.enum(STAT_MEASURES).optional(),
  /** written beside the number: 超 / 超过 / 以上 / 以下 / 以内 / 左右 / 近 / 约 / 达 / 突破 / 累计 / 余 … */
  qualifier: z.string().optional(),
  /** the word of change before a growth figure, as written: 增长, 下降, 回落, 提高 */
  change: z.string().optional(),
  /** the period it covers, as written: 上半年, 1—5月, 一季度, 全年 */
  period: z.string().optional(),
  /** what a change is measured against, as written: 同比, 环比, 比上年同期 */
  basis: z.string().optional(),
  /** the earlier value of 「从A提高到B」 */
  from: StatBoundSchema.optional(),
  /** the high end of a range 「15-40万元」 */
  upper: StatBoundSchema.optional(),
  /** whose figure it is */
  scope: StatScopeSchema,
  /** why it must never become a card (no label that stands alone, or staff said so) */
  unfit: z.string().optional(),
});
export type Stat = z.infer<typeof StatSchema>;

export const FigureSchema = z.object({
  id: z.string(),
  kind: z.enum(['image', 'table']),
  caption: z.string(),
  sectionId: z.string(),
  blockId: z.string(),
  /** image data in `assets`; a newspaper photo caption whose picture did not survive has none */
  assetId: z.string().optional(),
  /** why the picture is not there when the source named one (see the raw image block) */
  missing: z.string().optional(),
  /** table rows, first row the header */
  rows: z.array(z.array(z.string())).optional(),
});
export type Figure = z.infer<typeof FigureSchema>;

export type RepairKind = (typeof REPAIR_KINDS)[number];

export const RepairSchema = z.object({
  id: z.string(),
  kind: z.enum(REPAIR_KINDS),
  /** raw block ids involved, in source order: [head, continuation] or [kept, dropped] */
  blockIds: z.array(z.string()),
  /** a short human-readable description of the text at the seam */
  before: z.string(),
  after: z.string(),
  applied: z.boolean(),
});
export type Repair = z.infer<typeof RepairSchema>;

export const REPORT_FORMAT = 'briefing-studio/report';
export const REPORT_VERSION = 1;

export const ReportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  version: z.literal(REPORT_VERSION),
  title: z.string(),
  subtitle: z.string().optional(),
  /** lines under the title that name the author, unit or date */
  dateline: z.array(z.string()).default([]),
  /**
   * Front matter, each as the source wrote it and none when it has none: the issuing unit
   * (「青禾区人民政府」, from the lines under the title or the signature at the end), the date
   * (「2023年1月12日」), the speaker of a speech or report (「区长　陈某某」) and the salutation
   * that opens it (「各位代表：」). None of them is a section or a point.
   */
  issuer: z.string().optional(),
  date: z.string().optional(),
  speaker: z.string().optional(),
  salutation: z.string().optional(),
  /** a speech's closing thanks (「谢谢大家！」), as written: front matter, never a paragraph */
  closing: z.string().optional(),
  source: z.object({ name: z.string(), format: z.enum(SOURCE_FORMATS) }),
  raw: z.array(RawBlockSchema),
  assets: z.record(z.string(), AssetSchema).default({}),
  decisions: DecisionsSchema,
  sections: z.array(SectionSchema),
  stats: z.array(StatSchema),
  figures: z.array(FigureSchema),
  repairs: z.array(RepairSchema),
});
export type Report = z.infer<typeof ReportSchema>;
