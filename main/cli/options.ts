import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Briefing } from '../../content/model/briefing';
import { emptyBriefing } from '../../content/model/values';
import type { TemplateRegistry } from '../../templates/registry';
import type { Template } from '../../templates/schema';
import { fileErrorToAppError } from '../errors';
import { EXPORT_FORMATS, type ExportFormat } from '../formats';
import { UsageError, type CliIO, type FlagSpec, type Parsed } from './args';

/** A source file's bytes, read as the desk reads a chosen file; every failure says which file and why. */
export async function readSourceFile(
  file: string,
  cwd: string,
): Promise<{ name: string; bytes: Uint8Array; path: string }> {
  const path = resolve(cwd, file);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return { name: basename(path), bytes: await readFile(path), path };
  } catch (err) {
    throw fileErrorToAppError(err, file);
  }
}

/** `--format docx,html`: known formats, each once, in the order given. */
export function parseFormats(value: Parsed['flags'][string] | undefined): ExportFormat[] {
  if (value === undefined || value === true) return ['docx', 'html'];
  const list = String(value)
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = list.filter((f) => !(EXPORT_FORMATS as readonly string[]).includes(f));
  if (bad.length > 0 || list.length === 0) {
    throw new UsageError(
      'usage',
      `不支持的格式 ${bad.join(',') || '(空)'}，可选：${EXPORT_FORMATS.join(',')}`,
      `unsupported format ${bad.join(',') || '(empty)'}; choose from ${EXPORT_FORMATS.join(',')}`,
    );
  }
  return [...new Set(list)] as ExportFormat[];
}

/** `--pages N`: a page budget for the Word brief, 1 to 99 pages; none without the flag. */
export function parsePages(value: Parsed['flags'][string] | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\s*\d{1,2}\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(
      'usage',
      `--pages 需要 1 到 99 之间的页数，收到「${String(value)}」`,
      `--pages takes a page count from 1 to 99, got "${String(value)}"`,
    );
  return n;
}

/** Brief fields settable on the command line: option name → field of the briefing. */
export const BRIEF_FIELD_FLAGS = {
  title: 'title',
  subtitle: 'subtitle',
  unit: 'unit',
  date: 'date',
  issue: 'issueNo',
  'doc-number': 'docNumber',
  signer: 'signer',
  'main-to': 'mainTo',
  note: 'note',
  'report-to': 'reportTo',
  'send-to': 'sendTo',
  'issue-to': 'issueTo',
  cc: 'cc',
  'printed-by': 'printedBy',
  copies: 'copies',
} as const satisfies Record<string, keyof Briefing['fields']>;

export const BRIEF_FLAG_SPEC: FlagSpec = Object.fromEntries(
  Object.keys(BRIEF_FIELD_FLAGS).map((k) => [k, 'string' as const]),
);

/** The templates a command works with: the built-in ones and those read from `--templates DIR`. */
export interface TemplateChoice {
  registry: TemplateRegistry;
  /** the ones from the folder, which a worker thread is handed (it has the built-in ones itself) */
  user: Template[];
}

/**
 * The built-in templates, plus those in `--templates DIR` checked as the app checks its templates
 * folder. A file that does not validate is skipped with one line on stderr naming it and the
 * field; the others are used.
 */
export async function templatesFor(flags: Parsed['flags'], io: CliIO): Promise<TemplateChoice> {
  const [{ builtinRegistry }, { oneShotSchemas }] = await Promise.all([
    import('../../templates/registry'),
    import('./one-shot'),
  ]);
  oneShotSchemas();
  const base = builtinRegistry();
  if (typeof flags.templates !== 'string') return { registry: base, user: [] };
  const dir = resolve(io.cwd, flags.templates);
  // named on the command line, so a folder that is not there is a mistake, not "none yet"
  let isFolder: boolean;
  try {
    isFolder = (await stat(dir)).isDirectory();
  } catch (err) {
    throw fileErrorToAppError(err, flags.templates);
  }
  if (!isFolder)
    throw new UsageError(
      'usage',
      `「${flags.templates}」不是文件夹：--templates 需要放着模板文件的文件夹`,
      `"${flags.templates}" is not a folder: --templates takes the folder the template files are in`,
    );
  const { loadUserTemplates } = await import('../templates-user');
  const { templates, problems } = await loadUserTemplates(dir, base);
  for (const p of problems) io.stderr(`briefing: 已跳过 ${p.messageZh} (skipped: ${p.messageEn})\n`);
  return { registry: base.withUser(templates), user: templates };
}

/** `--template PATH.docx`: an office's own Word template rather than a template id. */
const isOfficeTemplatePath = (value: string): boolean => /\.docx$/i.test(value);

export interface BriefChoice {
  briefing: Briefing;
  officeTemplate?: { name: string; bytes: Uint8Array };
}

/**
 * The briefing a build starts from: the templates chosen and the brief fields given as options.
 * `--template` may be given more than once, each applying to the outputs of its kind: a deck
 * theme (gov-red …) to html/pdf/pptx, a brief template (gbt9704 …) or an office's .docx to the
 * Word brief — `--template gbt9704 --template gov-red` sets both. Two of one kind, or an unknown
 * id, is one clear line. Without one, the Word brief is `plain`, as a new briefing is in the desk,
 * so the command line and the desk make the same file by default (gbt9704's red masthead and
 * 版记 want a unit, a date and a 发文字号 that a bare command does not give).
 */
export async function briefingFor(
  flags: Parsed['flags'],
  cwd: string,
  registry: TemplateRegistry,
): Promise<BriefChoice> {
  const b = emptyBriefing();
  const given = flags.template;
  const templates = Array.isArray(given) ? given : typeof given === 'string' ? [given] : [];
  let officeTemplate: BriefChoice['officeTemplate'];
  /** what each kind was set by, to name both when two are given */
  const setBy: { brief?: string; deck?: string } = {};
  const choose = (kind: 'brief' | 'deck', template: string): void => {
    const before = setBy[kind];
    if (before !== undefined && before !== template) {
      const zh = kind === 'brief' ? 'Word 简报' : '幻灯片';
      const en = kind === 'brief' ? 'Word brief' : 'slide deck';
      throw new UsageError(
        'usage',
        `--template 给了两个${zh}模板「${before}」和「${template}」，只能选一个（幻灯片模板和简报模板可以各给一个）`,
        `--template names two ${en} templates, "${before}" and "${template}": choose one (one deck theme and one brief template may be given together)`,
      );
    }
    setBy[kind] = template;
  };
  // an id of one kind first, so that an id both kinds have (plain) goes to the kind still free
  const both = (id: string): boolean => registry.has('brief', id) && registry.has('deck', id);
  const ordered = [...templates.filter((x) => !both(x)), ...templates.filter(both)];
  for (const template of ordered) {
    if (isOfficeTemplatePath(template)) {
      choose('brief', template);
      const path = resolve(cwd, template);
      let size: number;
      try {
        size = (await stat(path)).size;
      } catch (err) {
        throw fileErrorToAppError(err, template);
      }
      // the same limit as the desk's, before a byte is read
      const { checkOfficeTemplateSize } = await import('../../content/briefing/assets');
      checkOfficeTemplateSize(basename(path), size);
      try {
        officeTemplate = { name: basename(path), bytes: await readFile(path) };
      } catch (err) {
        throw fileErrorToAppError(err, template);
      }
      // the office's file supplies the page; the body is set in the official format
      b.briefTemplate = 'gbt9704';
      continue;
    }
    const inBrief = registry.has('brief', template);
    const inDeck = registry.has('deck', template);
    if (!inBrief && !inDeck) {
      const known = [...new Set([...registry.ids('brief'), ...registry.ids('deck')])];
      throw new UsageError(
        'usage',
        `未知模板「${template}」，可用的有：${known.join('、')}，或一个 .docx 模板文件`,
        `unknown template "${template}"; known: ${known.join(', ')}, or a .docx template file`,
      );
    }
    // an id both kinds have (plain) is each kind's unless the other kind was named on its own
    if (inBrief && !(inDeck && setBy.brief !== undefined)) {
      choose('brief', template);
      b.briefTemplate = template;
    }
    if (inDeck && !(inBrief && setBy.deck !== undefined)) {
      choose('deck', template);
      b.deckTemplate = template;
    }
  }
  const fields = { ...b.fields };
  for (const [flag, field] of Object.entries(BRIEF_FIELD_FLAGS))
    if (typeof flags[flag] === 'string') fields[field] = flags[flag].trim();
  b.fields = fields;
  return { briefing: b, ...(officeTemplate ? { officeTemplate } : {}) };
}
