import { z } from 'zod';
import { cssProblem } from './common';
import { BriefTemplateSchema } from './brief/schema';
import { DeckTemplateSchema } from './deck/schema';

export { BriefTemplateSchema, type BriefTemplate } from './brief/schema';
export { DeckTemplateSchema, type DeckTemplate } from './deck/schema';

/** Output kinds a template can serve. */
export const TEMPLATE_KINDS = ['brief', 'deck'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Any template: a brief format or a deck theme, told apart by `kind`. */
export const TemplateSchema = z.discriminatedUnion('kind', [BriefTemplateSchema, DeckTemplateSchema]);
export type Template = z.infer<typeof TemplateSchema>;

/** The error a template file gets when it does not validate: names the file and the field. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(
      `模板 ${file} 无效：字段「${field}」${problem}（template ${file} is invalid: field "${field}" ${problem}）`,
    );
    this.name = 'TemplateError';
  }

  get messageZh(): string {
    return `模板 ${this.file} 无效：字段「${this.field}」${this.problem}`;
  }

  get messageEn(): string {
    return `template ${this.file} is invalid: field "${this.field}" ${this.problem}`;
  }
}

/**
 * Validate a template's data (a parsed template.json plus its CSS), reporting the first bad field
 * by its path, e.g. `fonts.body.sizePt`.
 */
export function parseTemplate(data: unknown, file: string, css = ''): Template {
  const withCss = data && typeof data === 'object' && !Array.isArray(data) ? { ...data, css } : data;
  const result = TemplateSchema.safeParse(withCss);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : '(root)';
  throw new TemplateError(file, field, issue?.message ?? 'is invalid');
}

/**
 * Validate a template from outside the app (the user's template folder). Like a built-in one,
 * plus its CSS may not reach outside the file: the app never makes a network request.
 */
export function parseUserTemplate(data: unknown, file: string, css = ''): Template {
  const problem = cssProblem(css);
  if (problem) throw new TemplateError(file, 'css', problem);
  return parseTemplate(data, file, css);
}
