import { z } from 'zod';
import { HexColor, templateBase } from '../common';

export const DeckTemplateSchema = z.object({
  ...templateBase,
  kind: z.literal('deck'),
  capabilities: z.object({
    /** the theme has room for an organisation's own logo */
    logo: z.boolean().default(false),
  }),
  colors: z.object({
    background: HexColor,
    text: HexColor,
    primary: HexColor,
    accent: HexColor,
    muted: HexColor,
  }),
  fonts: z.object({
    /** CSS font stacks, local fonts only */
    heading: z.array(z.string().min(1)).min(1),
    body: z.array(z.string().min(1)).min(1),
  }),
  limits: z.object({
    /** bullets per slide before the section continues on a （续） slide */
    maxBullets: z.number().int().min(1).max(12),
  }),
});
export type DeckTemplate = z.infer<typeof DeckTemplateSchema>;
