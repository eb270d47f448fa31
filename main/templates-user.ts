import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { builtinRegistry, type TemplateRegistry } from '../templates/registry';
import { parseUserTemplate, TemplateError, type Template } from '../templates/schema';

/**
 * Templates staff add themselves: a folder in the user's data directory (`<userData>/templates`)
 * holding template files beside the built-in ones. Each is either `NAME.json` with an optional
 * `NAME.css` beside it, or a folder `NAME/` with `template.json` and its CSS, as the built-in
 * templates are laid out. A file that does not validate is refused with a message naming the
 * file and the field; the others still load, so one bad file never hides the rest.
 */

export interface UserTemplateProblem {
  /** the file's name inside the folder, e.g. 「红头简报.json」 or 「mine/template.json」 */
  file: string;
  /** the field at fault, e.g. `fonts.body.sizePt`; `(file)` when the file itself is unreadable */
  field: string;
  messageZh: string;
  messageEn: string;
}

export interface UserTemplates {
  templates: Template[];
  problems: UserTemplateProblem[];
}

/** Larger than any template; a bigger file is not a template and is not read into memory. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

export const userTemplatesDir = (userData: string): string => join(userData, 'templates');

interface Candidate {
  file: string;
  json: string;
  css: string[];
}

async function candidates(dir: string): Promise<Candidate[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = new Set(entries.map((e) => e.name));
  const found: Candidate[] = [];
  for (const e of entries) {
    if (e.isFile() && extname(e.name).toLowerCase() === '.json') {
      const css = `${basename(e.name, extname(e.name))}.css`;
      found.push({ file: e.name, json: join(dir, e.name), css: names.has(css) ? [join(dir, css)] : [] });
    } else if (e.isDirectory()) {
      const inner = await readdir(join(dir, e.name)).catch(() => [] as string[]);
      if (!inner.includes('template.json')) continue;
      found.push({
        file: `${e.name}/template.json`,
        json: join(dir, e.name, 'template.json'),
        css: inner
          .filter((n) => n.toLowerCase().endsWith('.css'))
          .sort()
          .map((n) => join(dir, e.name, n)),
      });
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

async function readSmall(path: string): Promise<string> {
  const info = await stat(path);
  if (info.size > MAX_TEMPLATE_BYTES) throw Object.assign(new Error('too large'), { code: 'E2BIG' });
  return readFile(path, 'utf8');
}

/** Where JSON.parse stopped, in Chinese (its own message is English). */
export function jsonWhereZh(err: SyntaxError): string {
  const line = /line (\d+) column (\d+)/.exec(err.message);
  if (line) return `第 ${line[1]} 行第 ${line[2]} 列附近有错，请检查括号、引号和逗号`;
  const at = /position (\d+)/.exec(err.message);
  if (at) return `第 ${Number(at[1]) + 1} 个字符附近有错，请检查括号、引号和逗号`;
  // Node 20: Unexpected token '}', ..."version": }" is not valid JSON
  const token = /Unexpected token '(.+?)', (.*) is not valid JSON/.exec(err.message);
  if (token) {
    const near = (token[2] ?? '').replace(/^"|"$/g, '').replace(/^\.\.\./, '…');
    return `在「${near}」中遇到意外的「${token[1]}」，请检查括号、引号和逗号`;
  }
  return '内容不完整，请检查括号、引号和逗号';
}

const problem = (file: string, field: string, zh: string, en: string): UserTemplateProblem => ({
  file,
  field,
  messageZh: `模板 ${file} 无效：${zh}`,
  messageEn: `template ${file} is invalid: ${en}`,
});

/**
 * Load every template in `dir`. A missing folder is simply no templates. Returns the templates
 * that validated and one problem per file that did not; a template may not take the id of a
 * built-in one or of another user template, since the command line and projects refer to ids.
 */
export async function loadUserTemplates(
  dir: string,
  builtins: TemplateRegistry = builtinRegistry(),
): Promise<UserTemplates> {
  let list: Candidate[];
  try {
    list = await candidates(dir);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return { templates: [], problems: [] };
    throw err;
  }
  const templates: Template[] = [];
  const problems: UserTemplateProblem[] = [];
  const taken = new Map<string, string>();
  for (const c of list) {
    let data: unknown;
    let css: string;
    try {
      const text = await readSmall(c.json);
      css = (await Promise.all(c.css.map(readSmall))).join('\n');
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
      const code = (err as { code?: string }).code;
      problems.push(
        err instanceof SyntaxError
          ? problem(
              c.file,
              '(file)',
              `不是有效的 JSON（${jsonWhereZh(err)}）`,
              `not valid JSON (${err.message})`,
            )
          : code === 'E2BIG'
            ? problem(c.file, '(file)', '文件过大，不是模板', 'the file is too large to be a template')
            : problem(
                c.file,
                '(file)',
                `无法读取（${code ?? '未知错误'}）`,
                `could not be read (${code ?? 'unknown error'})`,
              ),
      );
      continue;
    }
    let template: Template;
    try {
      template = parseUserTemplate(data, c.file, css);
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      problems.push({ file: c.file, field: err.field, messageZh: err.messageZh, messageEn: err.messageEn });
      continue;
    }
    const key = `${template.kind}:${template.id}`;
    const clash = builtins.has(template.kind, template.id) ? '内置模板' : taken.get(key);
    if (clash) {
      problems.push(
        problem(
          c.file,
          'id',
          `字段「id」的值「${template.id}」已被${clash === '内置模板' ? '内置模板' : ` ${clash} `}使用，请换一个`,
          `field "id": "${template.id}" is already used by ${clash === '内置模板' ? 'a built-in template' : clash}; choose another`,
        ),
      );
      continue;
    }
    taken.set(key, c.file);
    templates.push(template);
  }
  return { templates, problems };
}

/** The registry the app uses: the built-in templates plus the user's, with the user's problems. */
export async function userRegistry(
  userData: string,
): Promise<{ registry: TemplateRegistry; problems: UserTemplateProblem[] }> {
  const base = builtinRegistry();
  const { templates, problems } = await loadUserTemplates(userTemplatesDir(userData), base);
  return { registry: base.withUser(templates), problems };
}
