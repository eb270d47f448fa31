import { z } from 'zod';
import { cssProblem } from './common';
import { TemplateError } from './errors';
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

export { TemplateError } from './errors';

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
  throw new TemplateError(file, field, issue?.message ?? 'is invalid', issue ? issueZh(issue) : '无效');
}

const TYPE_ZH: Record<string, string> = {
  number: '数字',
  string: '文字',
  boolean: 'true 或 false',
  object: '对象 {…}',
  array: '列表 […]',
};

/**
 * What is wrong with a field, in Chinese, for the person who wrote the template: zod's own
 * messages are English, and a Chinese screen shows no English sentences.
 */
export function issueZh(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? '缺少这一项'
        : `类型不对，应为${TYPE_ZH[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return `太短，至少 ${min} 个字符`;
      if (issue.origin === 'array') return `至少要有 ${min} 项`;
      return `太小，应${issue.inclusive ? '不小于' : '大于'} ${min}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `太长，最多 ${max} 个字符`;
      if (issue.origin === 'array') return `最多只能有 ${max} 项`;
      return `太大，应${issue.inclusive ? '不大于' : '小于'} ${max}`;
    }
    case 'invalid_format':
      if (issue.format === 'regex' && /0-9A-Fa-f/.test(issue.pattern ?? ''))
        return '应为六位十六进制颜色值，如 C00000';
      if (issue.format === 'regex' && /a-z0-9/.test(issue.pattern ?? ''))
        return '只能用小写字母、数字和连字符';
      return '格式不对';
    case 'invalid_value':
      return `只能是：${issue.values.map((v) => String(v)).join('、')}`;
    case 'invalid_union':
      return '不是可用的取值';
    case 'unrecognized_keys':
      return `有不认识的字段：${issue.keys.join('、')}`;
    default:
      return '不符合要求';
  }
}

/**
 * Validate a template from outside the app (the user's template folder). Like a built-in one,
 * plus its CSS may not reach outside the file: the app never makes a network request.
 */
export function parseUserTemplate(data: unknown, file: string, css = ''): Template {
  const problem = cssProblem(css);
  if (problem) throw new TemplateError(file, 'css', problem.en, problem.zh);
  return parseTemplate(data, file, css);
}
