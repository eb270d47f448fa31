import type { UserTemplateProblem } from '../main/contract';
import { parseUserTemplate, TemplateError, type Template } from '../templates/schema';

/**
 * Validate the user's templates main sent. They were checked when main loaded them, but they
 * cross the boundary as plain data, so the page checks them again (schema and CSS: no network
 * URL, no markup, no script) before drawing anything with them.
 */
export function acceptUserTemplates(raw: readonly unknown[]): {
  templates: Template[];
  problems: UserTemplateProblem[];
} {
  const templates: Template[] = [];
  const problems: UserTemplateProblem[] = [];
  for (const data of raw) {
    const o = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    const file = typeof o.id === 'string' ? o.id : '?';
    try {
      templates.push(parseUserTemplate(data, file, typeof o.css === 'string' ? o.css : ''));
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      problems.push({ file, field: err.field, messageZh: err.messageZh, messageEn: err.messageEn });
    }
  }
  return { templates, problems };
}
