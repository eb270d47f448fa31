import { readFile, mkdir, stat } from 'node:fs/promises';
import { resolve, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importReport } from '../content/import';
import { BilingualError } from '../content/util/errors';
import { checkOfficeTemplateSize } from '../content/briefing/assets';
import { sampleReport } from '../content/sample';
import { emptyBriefing, type Briefing } from '../content/model/briefing';
import type { Report } from '../content/model/report';
import { builtinRegistry, type TemplateRegistry } from '../templates/registry';
import { EXPORT_FORMATS, type ExportFormat } from './contract';
import { AppError, fileErrorToAppError } from './errors';
import { buildOutput } from './export';
import { BrowserPdfPrinter } from './export/pdf';
import { writeFileAtomic } from './files';
import { loadUserTemplates } from './templates-user';
import { APP_VERSION } from './version';

/**
 * The headless command line, `npx briefing …`: the same pipeline as the app, no window.
 * Results go to stdout; every error is one line on stderr with a non-zero exit, never a stack trace.
 */

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends AppError {}

export type FlagSpec = Record<string, 'boolean' | 'string'>;

interface Parsed {
  positionals: string[];
  flags: Record<string, string | boolean>;
}

export function parseArgs(args: readonly string[], spec: FlagSpec, command: string): Parsed {
  const positionals: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq >= 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
    const key = name === 'h' ? 'help' : name;
    const kind = spec[key];
    if (!kind)
      throw new UsageError(
        'usage',
        `未知选项 ${arg}（运行 briefing ${command} --help 查看用法）`,
        `unknown option ${arg} (see briefing ${command} --help)`,
      );
    if (kind === 'boolean') {
      flags[key] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '')
      throw new UsageError('usage', `选项 --${key} 需要一个值`, `option --${key} needs a value`);
    flags[key] = value;
  }
  return { positionals, flags };
}

const HELP = {
  main: `简报工坊 Briefing Studio ${APP_VERSION} — 把工作报告变成汇报幻灯片和 Word 简报 / turn work reports into slide decks and Word briefings

用法 Usage:
  briefing inspect FILE [--json]        解析报告并输出结构 / print the parsed report
  briefing build [FILE] [options]       生成文件（不给 FILE 时用内置示例）/ write output files (built-in sample without FILE)
  briefing templates [--json] [--templates DIR]
                                        列出模板 / list templates
  briefing check FILE|PROJECT [--json] [--rules DIR]
                                        校对报告或项目，发现问题时退出码为 3 / proofread a report or project (exit 3 on findings)
  briefing COMMAND --help               查看命令帮助 / help on a command
  briefing --version
`,
  inspect: `用法 Usage: briefing inspect FILE [--json]

解析报告（.txt .md .docx .pdf），输出章节、要点、图表、统计数据和修复建议。
Parse a report (.txt .md .docx .pdf) and print its sections, points, figures, statistics and repairs.

  --json      以 JSON 输出到标准输出 / print the Report as JSON on stdout
  -h, --help  显示帮助 / show this help
`,
  build: `用法 Usage: briefing build [FILE] [--format docx,html] [--out DIR] [options]

把报告生成 Word 简报和/或幻灯片；不给 FILE 时使用内置示例报告。每写出一个文件就输出一行路径。
Build a Word briefing and/or a slide deck from a report (the built-in sample without FILE); prints each written path on its own line.

  --format LIST    输出格式，逗号分隔 / formats, comma-separated: ${EXPORT_FORMATS.join(',')} (默认 default: docx,html)
  --out DIR        输出文件夹 / output folder (默认 default: 当前文件夹 current folder)
  --template ID    模板 / template: gbt9704, bulletin, plain … (briefing templates 查看 / lists them)
                   或本单位的 .docx 模板（含 {{title}} {{date}} {{body}} 等占位符）/ or your own .docx with placeholders
  --templates DIR  另外读取这个文件夹里的自定义模板（如简报工坊的「模板文件夹」）
                   / also read the custom templates in this folder (e.g. the app's templates folder)
  --title TEXT     标题 / title
  --subtitle TEXT  副标题 / subtitle
  --unit TEXT      编印单位、发文机关 / issuing unit
  --date TEXT      成文日期 / date, e.g. 2022年7月15日 or 2022-07-15
  --issue TEXT     期号 / issue number
  --doc-number TEXT   发文字号（有则加红头）/ document number (adds the red masthead)
  --main-to TEXT      主送 / addressed to
  --note TEXT         按语 / editor's note
  --report-to TEXT    报 / report to      --send-to TEXT  送 / send to      --issue-to TEXT  发 / issue to
  --cc TEXT           抄送 / copy to      --printed-by TEXT  印发机关 / printed by      --copies N  印数 / copies
  -h, --help       显示帮助 / show this help
`,
  templates: `用法 Usage: briefing templates [--json] [--templates DIR]

列出可用模板（Word 简报格式与幻灯片主题）。List the available templates (brief formats and deck themes).

  --json           以 JSON 输出 / print as JSON
  --templates DIR  连同这个文件夹里的自定义模板 / with the custom templates in this folder
  -h, --help  显示帮助 / show this help
`,
} as const;

async function readSource(file: string, cwd: string): Promise<Report> {
  const path = resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    bytes = await readFile(path);
  } catch (err) {
    throw fileErrorToAppError(err, file);
  }
  return importReport({ name: basename(path), bytes });
}

function parseFormats(value: string | boolean | undefined): ExportFormat[] {
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

/** Brief fields settable on the command line: option name → field of the briefing. */
const BRIEF_FIELD_FLAGS = {
  title: 'title',
  subtitle: 'subtitle',
  unit: 'unit',
  date: 'date',
  issue: 'issueNo',
  'doc-number': 'docNumber',
  'main-to': 'mainTo',
  note: 'note',
  'report-to': 'reportTo',
  'send-to': 'sendTo',
  'issue-to': 'issueTo',
  cc: 'cc',
  'printed-by': 'printedBy',
  copies: 'copies',
} as const satisfies Record<string, keyof Briefing['fields']>;

const BRIEF_FLAG_SPEC: FlagSpec = Object.fromEntries(
  Object.keys(BRIEF_FIELD_FLAGS).map((k) => [k, 'string' as const]),
);

/** `--template PATH.docx`: an office's own Word template rather than a template id. */
const isOfficeTemplatePath = (value: string): boolean => /\.docx$/i.test(value);

interface BriefChoice {
  briefing: Briefing;
  officeTemplate?: { name: string; bytes: Uint8Array };
}

/**
 * The templates a command works with: the built-in ones, plus those in `--templates DIR` checked
 * as the app checks its templates folder. A file that does not validate is skipped with one line
 * on stderr naming it and the field; the others are used.
 */
async function registryFor(flags: Parsed['flags'], io: CliIO): Promise<TemplateRegistry> {
  const base = builtinRegistry();
  if (typeof flags.templates !== 'string') return base;
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
  const { templates, problems } = await loadUserTemplates(dir, base);
  for (const p of problems) io.stderr(`briefing: 已跳过 ${p.messageZh} (skipped: ${p.messageEn})\n`);
  return base.withUser(templates);
}

async function briefingFor(
  flags: Parsed['flags'],
  cwd: string,
  registry: TemplateRegistry,
): Promise<BriefChoice> {
  const b = emptyBriefing();
  const template = typeof flags.template === 'string' ? flags.template : undefined;
  let officeTemplate: BriefChoice['officeTemplate'];
  if (template && isOfficeTemplatePath(template)) {
    const path = resolve(cwd, template);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (err) {
      throw fileErrorToAppError(err, template);
    }
    // the same limit as the desk's, before a byte is read
    checkOfficeTemplateSize(basename(path), size);
    try {
      officeTemplate = { name: basename(path), bytes: await readFile(path) };
    } catch (err) {
      throw fileErrorToAppError(err, template);
    }
    // the office's file supplies the page; the body is set in the official format
    b.briefTemplate = 'gbt9704';
  } else if (template) {
    const inBrief = registry.has('brief', template);
    const inDeck = registry.has('deck', template);
    if (!inBrief && !inDeck) {
      throw new UsageError(
        'usage',
        `未知模板「${template}」，可用的有：${[...new Set([...registry.ids('brief'), ...registry.ids('deck')])].join('、')}，或一个 .docx 模板文件`,
        `unknown template "${template}"; known: ${[...new Set([...registry.ids('brief'), ...registry.ids('deck')])].join(', ')}, or a .docx template file`,
      );
    }
    if (inBrief) b.briefTemplate = template;
    if (inDeck) b.deckTemplate = template;
  }
  const fields = { ...b.fields };
  for (const [flag, field] of Object.entries(BRIEF_FIELD_FLAGS))
    if (typeof flags[flag] === 'string') fields[field] = (flags[flag] as string).trim();
  b.fields = fields;
  return { briefing: b, ...(officeTemplate ? { officeTemplate } : {}) };
}

async function inspect(args: readonly string[], io: CliIO): Promise<number> {
  const { positionals, flags } = parseArgs(args, { json: 'boolean', help: 'boolean' }, 'inspect');
  if (flags.help) return (io.stdout(HELP.inspect), 0);
  const [file, ...extra] = positionals;
  if (!file)
    throw new UsageError(
      'usage',
      '缺少要解析的文件（briefing inspect FILE）',
      'missing FILE (briefing inspect FILE)',
    );
  if (extra.length)
    throw new UsageError(
      'usage',
      `多余的参数：${extra.join(' ')}`,
      `unexpected argument: ${extra.join(' ')}`,
    );
  const report = await readSource(file, io.cwd);
  if (flags.json) {
    const { raw: _raw, assets: _assets, decisions: _decisions, ...shown } = report;
    io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
  } else {
    const count = (s: Report['sections']): number => s.reduce((n, x) => n + 1 + count(x.sections), 0);
    io.stdout(
      `${report.title}\n章节 sections: ${count(report.sections)}　统计 stats: ${report.stats.length}　图表 figures: ${report.figures.length}　修复 repairs: ${report.repairs.length}\n`,
    );
  }
  return 0;
}

async function build(args: readonly string[], io: CliIO): Promise<number> {
  const spec: FlagSpec = {
    format: 'string',
    out: 'string',
    template: 'string',
    templates: 'string',
    ...BRIEF_FLAG_SPEC,
    help: 'boolean',
  };
  const { positionals, flags } = parseArgs(args, spec, 'build');
  if (flags.help) return (io.stdout(HELP.build), 0);
  const [file, ...extra] = positionals;
  if (extra.length)
    throw new UsageError(
      'usage',
      `多余的参数：${extra.join(' ')}`,
      `unexpected argument: ${extra.join(' ')}`,
    );
  const formats = parseFormats(flags.format);
  // the browser starts while the report is read and composed: it takes longer than both
  const printer = formats.includes('pdf') ? new BrowserPdfPrinter() : null;
  printer?.warm();
  let closing: Promise<void> | undefined;
  try {
    const registry = await registryFor(flags, io);
    const { briefing, officeTemplate } = await briefingFor(flags, io.cwd, registry);
    const report = file ? await readSource(file, io.cwd) : sampleReport();
    const outDir = resolve(io.cwd, typeof flags.out === 'string' ? flags.out : '.');
    // everything is built before anything is written, so a failure leaves no partial set
    const outputs = [];
    for (const format of formats)
      outputs.push(
        await buildOutput(format, report, briefing, registry, {
          ...(printer ? { printPdf: printer.print } : {}),
          ...(officeTemplate ? { officeTemplate } : {}),
        }),
      );
    // the browser shuts down while the files are written
    closing = printer?.close();
    try {
      await mkdir(outDir, { recursive: true });
    } catch (err) {
      throw fileErrorToAppError(err, outDir);
    }
    for (const out of outputs) {
      const path = join(outDir, out.fileName);
      await writeFileAtomic(path, out.bytes);
      io.stdout(`${path}\n`);
    }
    return 0;
  } finally {
    await (closing ?? printer?.close());
  }
}

async function templates(args: readonly string[], io: CliIO): Promise<number> {
  const { positionals, flags } = parseArgs(
    args,
    { json: 'boolean', templates: 'string', help: 'boolean' },
    'templates',
  );
  if (flags.help) return (io.stdout(HELP.templates), 0);
  if (positionals.length)
    throw new UsageError(
      'usage',
      `多余的参数：${positionals.join(' ')}`,
      `unexpected argument: ${positionals.join(' ')}`,
    );
  const list = (await registryFor(flags, io)).list();
  if (flags.json) io.stdout(`${JSON.stringify(list, null, 2)}\n`);
  else
    for (const t of list)
      io.stdout(
        `${t.kind === 'brief' ? 'Word 简报' : '幻灯片  '}  ${t.id.padEnd(10)} ${t.name.zh} / ${t.name.en}${t.builtin ? '' : '（自定义 custom）'}\n`,
      );
  return 0;
}

/** Run the command line; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(HELP.main);
        return 0;
      case '--version':
      case '-v':
        io.stdout(`${APP_VERSION}\n`);
        return 0;
      case 'inspect':
        return await inspect(rest, io);
      case 'build':
        return await build(rest, io);
      case 'templates':
        return await templates(rest, io);
      case 'check':
        // the checker and its word lists load only for this command
        return await (await import('./proof-cli')).check(rest, io);
      default:
        throw new UsageError(
          'usage',
          `未知命令「${command}」（运行 briefing --help 查看用法）`,
          `unknown command "${command}" (see briefing --help)`,
        );
    }
  } catch (err) {
    // ours, an importer's, a project file's or an attachment's: each says what to do
    if (err instanceof BilingualError) {
      io.stderr(`briefing: ${err.messageZh} (${err.messageEn})\n`);
      return err instanceof UsageError ? 2 : 1;
    }
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    io.stderr(`briefing: 出错了：${msg} (error: ${msg})\n`);
    return 1;
  }
}

/** Entry for bin/briefing.js. */
export async function main(argv: readonly string[]): Promise<number> {
  return runCli(argv, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
