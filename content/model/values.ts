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

/** What a statistic states: a value, a change, or a threshold reached. */
export const STAT_KINDS = ['value', 'change', 'threshold'] as const;

/** What import repaired in the pasted text. */
export const REPAIR_KINDS = ['joined', 'duplicate', 'orphan'] as const;
