import { z } from 'zod';
import { HexColor, templateBase } from '../common';

/** A font as Word names it: the Chinese face in eastAsia, Latin and digits in ascii/hAnsi. */
export const FontSpecSchema = z.object({
  eastAsia: z.string().min(1),
  latin: z.string().min(1),
  sizePt: z.number().positive().max(96),
  bold: z.boolean().default(false),
  color: HexColor.optional(),
});
export type FontSpec = z.infer<typeof FontSpecSchema>;

export const BriefTemplateSchema = z.object({
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
    width: z.number().int().positive().default(11906),
    height: z.number().int().positive().default(16838),
    margins: z.object({
      top: z.number().int().nonnegative(),
      bottom: z.number().int().nonnegative(),
      left: z.number().int().nonnegative(),
      right: z.number().int().nonnegative(),
    }),
  }),
  fonts: z.object({
    title: FontSpecSchema,
    subtitle: FontSpecSchema,
    h1: FontSpecSchema,
    h2: FontSpecSchema,
    h3: FontSpecSchema,
    h4: FontSpecSchema,
    body: FontSpecSchema,
    caption: FontSpecSchema,
    pageNumber: FontSpecSchema,
  }),
  /** body line spacing in twips, exact */
  lineTwips: z.number().int().positive(),
  /** first-line indent of body paragraphs, in characters */
  indentChars: z.number().nonnegative().default(2),
});
export type BriefTemplate = z.infer<typeof BriefTemplateSchema>;
