import { z } from 'zod';

/** A name shown in the template picker, in both UI languages. */
export const LocalizedSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof LocalizedSchema>;

/** Fields every template has, whatever its kind. */
export const templateBase = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'must be lowercase letters, digits and dashes'),
  version: z.number().int().positive(),
  name: LocalizedSchema,
  description: LocalizedSchema.optional(),
  /** the template's CSS (deck themes; brief page preview), loaded from the file beside its JSON */
  css: z.string().default(''),
};

/** A colour as six hex digits without '#', the form OOXML wants. */
export const HexColor = z
  .string()
  .regex(/^[0-9A-Fa-f]{6}$/, 'must be a colour as six hex digits, e.g. C00000');
