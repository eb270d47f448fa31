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

/**
 * Why a template's CSS may not be used (in English and Chinese), or null when it may. A user
 * template is a file someone handed over: its CSS must not load anything (no @import, no url()
 * but data: URIs), run script (expression(), javascript:, behaviors) or close the style element
 * it is placed in.
 */
export function cssProblem(css: string): { en: string; zh: string } | null {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  // CSS escapes can spell url( or @import in disguise (u\72l), so none are allowed
  if (text.includes('\\')) return { en: 'may not use backslash escapes', zh: '不能使用反斜杠转义' };
  if (/@import/i.test(text))
    return {
      en: 'may not use @import (a template loads nothing from outside)',
      zh: '不能使用 @import（模板不能从外部加载任何内容）',
    };
  for (const m of text.matchAll(/(?:url|src|image-set|image)\(\s*(['"]?)\s*([^'")\s,]*)/gi))
    if (!/^data:/i.test(m[2] ?? ''))
      return {
        en: `may only use data: URLs, not url(${m[2] ?? ''})`,
        zh: `只能使用 data: 地址，不能使用 url(${m[2] ?? ''})`,
      };
  if (/expression\s*\(|javascript:|behavior\s*:|-moz-binding/i.test(text))
    return { en: 'may not run script', zh: '不能包含脚本' };
  if (/<\/?\s*style|<!--|-->/i.test(css)) return { en: 'may not contain markup', zh: '不能包含标记' };
  return null;
}
