import { z } from 'zod';
import { BRIEF_FIELD_KEYS, type BriefFieldKey } from '../../templates/model';
import {
  BRIEF_STYLES,
  BRIEFING_VERSION,
  LOGO_MIMES,
  MAX_LOGO_BYTES,
  MAX_OFFICE_TEMPLATE_BYTES,
  OUTPUTS,
  REF_TYPES,
  SLIDE_LAYOUTS,
} from './values';

export type { BriefFields, SlideLayout } from '../../templates/model';
export {
  BRIEF_STYLES,
  BRIEFING_VERSION,
  emptyBriefing,
  emptyFields,
  LOGO_MIMES,
  MAX_LOGO_BYTES,
  MAX_OFFICE_TEMPLATE_BYTES,
  OFFICE_BODY_TEMPLATE,
  OUTPUTS,
  REF_TYPES,
  SLIDE_LAYOUTS,
} from './values';

/**
 * The Briefing: what staff picked from a Report and how they arranged it.
 *
 * Items point into the Report by id and carry the staff's edits as overrides, so the report
 * stays intact and any item can be reset (「恢复原文」) by dropping its overrides.
 */

export type Output = (typeof OUTPUTS)[number];

/** How an item is set in a Word brief. */
export type BriefStyle = (typeof BRIEF_STYLES)[number];

export type RefType = (typeof REF_TYPES)[number];

export const ItemRefSchema = z.object({ type: z.enum(REF_TYPES), id: z.string() });
export type ItemRef = z.infer<typeof ItemRefSchema>;

export const BriefingItemSchema = z.object({
  id: z.string(),
  ref: ItemRefSchema,
  /** override of the item's title: a section's heading, a point's lead-in, a figure's caption, a stat's label */
  title: z.string().optional(),
  /** override of the item's text: a paragraph, a point's body */
  text: z.string().optional(),
  /** heading level override for section items */
  level: z.number().int().min(1).max(4).optional(),
  layout: z.enum(SLIDE_LAYOUTS).optional(),
  style: z.enum(BRIEF_STYLES).optional(),
});
export type BriefingItem = z.infer<typeof BriefingItemSchema>;

export type LogoMime = (typeof LOGO_MIMES)[number];

/** How the first bytes of each logo type read in base64 (PNG's signature, JPEG's SOI and a marker). */
const LOGO_BASE64_SIGNATURES: Record<LogoMime, string> = {
  'image/png': 'iVBORw0KGgo',
  'image/jpeg': '/9j/',
};

/** Base64 of at most `maxBytes` bytes. */
const base64Of = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4, `must be at most ${maxBytes} bytes`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

/**
 * The organisation's own logo, kept in the briefing (and so in the project file) as its bytes in
 * base64, exactly as staff chose it: it is placed unaltered where a deck theme has a slot.
 */
export const LogoSchema = z
  .object({
    /** the file name staff picked, shown beside the preview */
    name: z.string().max(255),
    mime: z.enum(LOGO_MIMES),
    data: base64Of(MAX_LOGO_BYTES),
  })
  .refine((l) => l.data.startsWith(LOGO_BASE64_SIGNATURES[l.mime]), {
    message: 'is not an image of the type it claims',
    path: ['data'],
  });
export type Logo = z.infer<typeof LogoSchema>;

/**
 * The office's own Word template (a .docx with {{title}} … {{body}} placeholders), kept in the
 * briefing as its bytes in base64 so a project carries it wherever it goes. When present, the
 * Word brief is poured into it instead of a built-in format's page.
 */
export const OfficeTemplateSchema = z
  .object({
    name: z.string().min(1).max(255),
    data: base64Of(MAX_OFFICE_TEMPLATE_BYTES),
  })
  // a .docx is a zip: 「PK\x03\x04」 reads 「UEsDB」 in base64
  .refine((t) => t.data.startsWith('UEsDB'), { message: 'is not a Word document', path: ['data'] });
export type OfficeTemplate = z.infer<typeof OfficeTemplateSchema>;

/**
 * What staff set aside in 校对 (proofreading): findings ignored one by one (by their key, which
 * stays the same while the words around them do) and rules ignored as a whole (全部忽略此类).
 * Kept in the briefing, so it is saved with the project and undone like any other change.
 */
export const ProofMemorySchema = z.object({
  ignored: z.array(z.string().max(2000)).max(20000).default([]),
  ignoredRules: z.array(z.string().max(100)).max(1000).default([]),
});
export type ProofMemory = z.infer<typeof ProofMemorySchema>;

/** The most pages a page budget may be (as `briefing build --pages`). */
export const MAX_PAGE_BUDGET = 99;

/**
 * 「压缩到 N 页」 as staff set it in the desk: the Word brief condensed to at most `pages` pages
 * (templates/brief/condense.ts) in the preview and the export, and the keys of what it left out
 * that staff put back (「恢复」), never left out again. Absent: the brief is not condensed.
 */
export const PageBudgetSchema = z.object({
  pages: z.number().int().min(1).max(MAX_PAGE_BUDGET),
  keep: z.array(z.string().max(2000)).max(20000).default([]),
});
export type PageBudget = z.infer<typeof PageBudgetSchema>;

/** The brief fields of a briefing; any not given is empty. */
export const BriefFieldsSchema = z.object(
  Object.fromEntries(BRIEF_FIELD_KEYS.map((key) => [key, z.string().default('')])) as Record<
    BriefFieldKey,
    z.ZodDefault<z.ZodString>
  >,
);

export const BriefingSchema = z.object({
  version: z.literal(BRIEFING_VERSION),
  output: z.enum(OUTPUTS),
  deckTemplate: z.string(),
  briefTemplate: z.string(),
  fields: BriefFieldsSchema,
  /** the item list of `output`: what the desk shows and edits and what compose reads (see briefing/lists.ts) */
  items: z.array(BriefingItemSchema),
  /** the other output's item list, kept aside while `output`'s is shown; absent or empty is a fresh draft */
  otherItems: z.array(BriefingItemSchema).optional(),
  /** the office's own .docx template; when set, the Word brief uses it rather than `briefTemplate`'s page */
  officeTemplate: OfficeTemplateSchema.optional(),
  /** the organisation's logo for decks */
  logo: LogoSchema.optional(),
  /** proofreading findings staff chose to ignore */
  proof: ProofMemorySchema.optional(),
  /** 「压缩到 N 页」 for the Word brief; absent when it is off */
  pageBudget: PageBudgetSchema.optional(),
});
export type Briefing = z.infer<typeof BriefingSchema>;
