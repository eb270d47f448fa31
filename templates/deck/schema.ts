import { z } from 'zod';
import { HexColor, templateBase } from '../common';
import { SLIDE_W } from '../scene/canvas';

/**
 * A deck theme as data. Geometry is in px on the slide canvas (scene/canvas.ts); the HTML deck places boxes
 * at these positions and the .pptx writer converts them to inches (96 px per inch), so the two
 * outputs share one layout and compose can measure text against the same boxes.
 */

/** Colour roles a shape or text box refers to; the theme's `colors` gives each a value. */
export const COLOR_ROLES = [
  'background',
  'text',
  'primary',
  'primaryDark',
  'accent',
  'muted',
  'onPrimary',
  'surface',
] as const;
export type ColorRole = (typeof COLOR_ROLES)[number];
const Role = z.enum(COLOR_ROLES);

/** Font roles: a CSS stack for the HTML deck and a named pair for PowerPoint. */
export const FONT_ROLES = ['heading', 'body', 'quote'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

// decorations may bleed off the slide (a circle cut by the edge), so positions can be negative
const Pos = z
  .number()
  .min(-SLIDE_W)
  .max(2 * SLIDE_W);
const Extent = z
  .number()
  .positive()
  .max(2 * SLIDE_W);
const Size = z.number().min(8).max(200);

export const BoxSchema = z.object({ x: Pos, y: Pos, w: Extent, h: Extent });
export type Box = z.infer<typeof BoxSchema>;

/** A font size range: compose starts at `max` and shrinks towards `min` before it splits or shortens. */
export const SizeRangeSchema = z
  .object({ max: Size, min: Size })
  .refine((r) => r.min <= r.max, 'min must not exceed max');
export type SizeRange = z.infer<typeof SizeRangeSchema>;

/** A text box of a frame: where it sits, how its text is set and how far it may shrink. */
export const TextBoxSchema = BoxSchema.extend({
  color: Role,
  font: z.enum(FONT_ROLES).default('body'),
  bold: z.boolean().default(false),
  align: z.enum(['left', 'center', 'right']).default('left'),
  valign: z.enum(['top', 'middle', 'bottom']).default('top'),
  size: SizeRangeSchema,
  lineHeight: z.number().min(1).max(2.5).default(1.3),
  maxLines: z.number().int().min(1).max(8).default(1),
});
export type TextBox = z.infer<typeof TextBoxSchema>;

/** A decoration: a filled rectangle or ellipse. No pictures, so no emblem can sneak in as art. */
export const ShapeSchema = BoxSchema.extend({
  kind: z.enum(['rect', 'ellipse']).default('rect'),
  fill: Role,
  opacity: z.number().min(0).max(1).default(1),
});
export type Shape = z.infer<typeof ShapeSchema>;

const frameBase = { background: Role, shapes: z.array(ShapeSchema).max(24).default([]) };

/** A text style for what goes inside the body box (bullets, figures, tables…). */
export const BodyTypeSchema = z.object({
  size: SizeRangeSchema,
  lineHeight: z.number().min(1).max(2.5).default(1.4),
});
export type BodyType = z.infer<typeof BodyTypeSchema>;

const FontPair = z.object({
  /** the face PowerPoint uses for Latin letters and digits */
  latin: z.string().min(1).max(64),
  /** the face for Chinese (a:ea), by the name Office and WPS know it */
  eastAsia: z.string().min(1).max(64),
});
export type PptxFont = z.infer<typeof FontPair>;

const CssStack = z.array(z.string().min(1)).min(1);

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
    primaryDark: HexColor,
    accent: HexColor,
    muted: HexColor,
    onPrimary: HexColor,
    surface: HexColor,
  }),
  fonts: z.object({
    /** CSS font stacks, local fonts only: nothing is fetched */
    heading: CssStack,
    body: CssStack,
    quote: CssStack,
    /** the same roles for PowerPoint, with the East Asian face named */
    pptx: z.object({ heading: FontPair, body: FontPair, quote: FontPair }),
  }),
  frames: z.object({
    cover: z.object({
      ...frameBase,
      logo: BoxSchema,
      title: TextBoxSchema,
      subtitle: TextBoxSchema,
      meta: TextBoxSchema,
    }),
    divider: z.object({ ...frameBase, number: TextBoxSchema, title: TextBoxSchema }),
    closing: z.object({ ...frameBase, title: TextBoxSchema, meta: TextBoxSchema }),
    content: z.object({
      ...frameBase,
      logo: BoxSchema,
      title: TextBoxSchema,
      body: BoxSchema,
      unit: TextBoxSchema,
      page: TextBoxSchema,
    }),
  }),
  /** text styles inside the content body box */
  type: z.object({
    bullets: BodyTypeSchema,
    agenda: BodyTypeSchema,
    figureValue: BodyTypeSchema,
    figureLabel: BodyTypeSchema,
    caption: BodyTypeSchema,
    table: BodyTypeSchema,
    quote: BodyTypeSchema,
    chartLabel: BodyTypeSchema,
  }),
  limits: z.object({
    /** bullets per slide before the section continues on a （续） slide */
    maxBullets: z.number().int().min(1).max(12),
    /** agenda entries per column; a longer agenda takes two columns, then continues （续） */
    maxAgenda: z.number().int().min(2).max(12).default(7),
    /** big numbers on a key-figures slide */
    maxFigures: z.number().int().min(1).max(6).default(6),
    /** fewest statistics a section needs for an automatic key-figures slide */
    minFigures: z.number().int().min(1).max(6).default(2),
    /** table rows (header included) per slide */
    maxTableRows: z.number().int().min(2).max(20).default(8),
    /** bars or points on a chart */
    maxChartPoints: z.number().int().min(2).max(16).default(8),
  }),
  /** fixed words the theme puts on slides */
  texts: z
    .object({
      agenda: z.string().min(1).max(20).default('目录'),
      figures: z.string().min(1).max(20).default('数说'),
      continued: z.string().min(1).max(10).default('（续）'),
      closing: z.string().min(1).max(40).default('汇报完毕，敬请批评指正'),
      presenter: z.string().max(10).default('汇报人：'),
    })
    .default({
      agenda: '目录',
      figures: '数说',
      continued: '（续）',
      closing: '汇报完毕，敬请批评指正',
      presenter: '汇报人：',
    }),
});
export type DeckTemplate = z.infer<typeof DeckTemplateSchema>;
export type DeckFrames = DeckTemplate['frames'];
