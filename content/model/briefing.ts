import { z } from 'zod';
import { BriefFieldsSchema, SLIDE_LAYOUTS, type BriefFields } from '../../templates/model';

export { BriefFieldsSchema, SLIDE_LAYOUTS, type BriefFields, type SlideLayout } from '../../templates/model';

/**
 * The Briefing: what staff picked from a Report and how they arranged it.
 *
 * Items point into the Report by id and carry the staff's edits as overrides, so the report
 * stays intact and any item can be reset (「恢复原文」) by dropping its overrides.
 */

export const OUTPUTS = ['deck', 'brief'] as const;
export type Output = (typeof OUTPUTS)[number];

/** How an item is set in a Word brief. */
export const BRIEF_STYLES = ['heading', 'point', 'paragraph', 'quote', 'stats-table'] as const;
export type BriefStyle = (typeof BRIEF_STYLES)[number];

export const REF_TYPES = ['section', 'block', 'stat', 'figure'] as const;
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

export const BRIEFING_VERSION = 1;

export const BriefingSchema = z.object({
  version: z.literal(BRIEFING_VERSION),
  output: z.enum(OUTPUTS),
  deckTemplate: z.string(),
  briefTemplate: z.string(),
  fields: BriefFieldsSchema,
  items: z.array(BriefingItemSchema),
});
export type Briefing = z.infer<typeof BriefingSchema>;

export const emptyFields = (): BriefFields => BriefFieldsSchema.parse({});

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
