import { emptyFields } from '../../templates/model';
import type { Briefing } from './briefing';

/**
 * The model's plain values: the lists its kinds are drawn from, its limits, an empty briefing.
 * The schemas in briefing.ts and report.ts are built from these; the page imports them from
 * here, so showing the desk does not wait for zod and the schemas to load (only reading a file
 * or a user's template needs those).
 */

export { SLIDE_LAYOUTS, emptyFields } from '../../templates/model';

/** What a briefing is made into. */
export const OUTPUTS = ['deck', 'brief'] as const;

/** How an item is set in a Word brief. */
export const BRIEF_STYLES = ['heading', 'point', 'paragraph', 'quote', 'stats-table'] as const;

/** What a briefing item points at in the report. */
export const REF_TYPES = ['section', 'block', 'stat', 'figure'] as const;

/** Image types a logo may be: what Word, WPS, PowerPoint and every browser show as they are. */
export const LOGO_MIMES = ['image/png', 'image/jpeg'] as const;

/** A logo is a small mark; anything larger is a photo or a scan and would bloat every project. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/**
 * The one limit on an office's own Word template, wherever it comes from. A letterhead template
 * is a few hundred kilobytes; it travels inside every project file and is parsed whole by each
 * Word export, so 10 MB leaves room for a scanned seal or logo without letting a document full of
 * photos through (the 50 MB the exporter once allowed was never reachable from the desk).
 */
export const MAX_OFFICE_TEMPLATE_BYTES = 10 * 1024 * 1024;

/** The largest project file read: reports with many images stay far below this. */
export const MAX_PROJECT_BYTES = 512 * 1024 * 1024;

/** The built-in format an office template's body is set in (what the command line does too). */
export const OFFICE_BODY_TEMPLATE = 'gbt9704';

export const BRIEFING_VERSION = 1;

/** A briefing with nothing picked: a deck in the plain templates. */
export function emptyBriefing(): Briefing {
  return {
    version: BRIEFING_VERSION,
    output: 'deck',
    deckTemplate: 'plain',
    briefTemplate: 'plain',
    fields: emptyFields(),
    items: [],
  };
}

/** The formats a report can come from. */
export const SOURCE_FORMATS = ['txt', 'md', 'docx', 'pdf', 'paste', 'sample'] as const;

/** Block roles staff can force on a raw text block ("reclassify"). */
export const BLOCK_ROLES = ['paragraph', 'point', 'heading', 'caption'] as const;

/**
 * What a statistic measures: an amount (money, weight, area), a count of things, a growth rate or
 * change, a share (占比, a rate, 完成目标的N%), a rank (位列第N), how long something took, or a
 * target (预期目标、力争、确保): a target is never shown as an achievement.
 */
export const STAT_KINDS = ['amount', 'count', 'growth', 'share', 'rank', 'duration', 'target'] as const;

/** What a target measures: any kind but target itself. */
export const STAT_MEASURES = ['amount', 'count', 'growth', 'share', 'rank', 'duration'] as const;

/** Kinds that project files saved before statistics had meanings carry (format 3 and older). */
export const OLD_STAT_KINDS = ['value', 'change', 'threshold'] as const;

/** Whose figure a statistic is: the whole area, one enterprise, one project, or a photo's caption. */
export const STAT_SCOPES = ['area', 'entity', 'project', 'caption'] as const;

/** The longest label staff may give a statistic: a noun phrase, not a sentence. */
export const MAX_STAT_LABEL_CHARS = 40;

/**
 * What import repaired in the source text. Each is a suggestion staff can undo:
 * - joined: a paragraph cut by a page or column break, read on into the block that continues it
 * - duplicate: a fragment repeating the tail of the paragraph before it, dropped
 * - orphan: a fragment far from the paragraph it finishes, read into that paragraph
 * - wrapped: the lines of one paragraph hard-wrapped at the page width (text copied out of a PDF), read as one
 * - page-number: a page number left between pages (「— 1 —」, 「第1页 共5页」), dropped
 * - running-header: a running header or footer repeated between pages (the title, the unit), dropped
 * - stray-mark: punctuation or a divider left alone on its line, dropped
 * - web-leftover: what a web page or WeChat article wraps its text in (「点击上方蓝字 关注我们」, 「阅读原文」, 往期推荐), dropped
 * - byline: a source, author, editor or reviewer line (「来源：」, 「责任编辑：」, 「记者 …」), dropped
 * - unreadable: what the source did not let the importer read (undecodable bytes, a line in another
 *   encoding, a linked picture): it says what was done there and cannot be undone
 */
export const REPAIR_KINDS = [
  'joined',
  'duplicate',
  'orphan',
  'wrapped',
  'page-number',
  'running-header',
  'stray-mark',
  'web-leftover',
  'byline',
  'unreadable',
] as const;

/** What an importer could not read as it stood (see UnreadableSchema in report.ts). */
export const UNREADABLE_KINDS = ['replaced', 'gbk', 'nul', 'linked', 'missing'] as const;
