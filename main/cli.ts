import { BilingualError } from '../content/util/errors';
import { EXPORT_FORMATS } from './formats';
import { UsageError, type CliIO } from './cli/args';
import { APP_VERSION } from './version';

export type { CliIO } from './cli/args';

/**
 * The headless command line, `npx briefing …`: the same pipeline as the app, no window.
 * Results go to stdout; every error is one line on stderr with a non-zero exit, never a stack trace.
 *
 * Each command is one entry of COMMANDS: its usage line, its help, and its module, loaded only
 * when the command runs, so `briefing --help` reads this file alone and `briefing build` the
 * importer and writers it needs. A new command is a new entry and a module in main/cli/.
 */

export interface CliCommand {
  /** the arguments after the command's name, as the overview lists them */
  usage: string;
  /** what it does, in both languages, for the overview */
  summary: string;
  /** `briefing COMMAND --help` */
  help: string;
  /** the command itself */
  load: () => Promise<{ run: (args: readonly string[], io: CliIO) => Promise<number> }>;
}

export const COMMANDS = {
  inspect: {
    usage: 'FILE [--json]',
    summary: '解析报告并输出结构 / print the parsed report',
    help: `用法 Usage: briefing inspect FILE [--json]

解析报告（.txt .md .docx .pdf），输出章节、要点、图表、统计数据和修复建议。
Parse a report (.txt .md .docx .pdf) and print its sections, points, figures, statistics and repairs.

  --json      以 JSON 输出到标准输出 / print the Report as JSON on stdout
  -h, --help  显示帮助 / show this help
`,
    load: () => import('./cli/inspect'),
  },
  build: {
    usage: '[FILE… | FOLDER] [options]',
    summary: '生成文件（不给 FILE 时用内置示例）/ write output files (built-in sample without FILE)',
    help: `用法 Usage: briefing build [FILE… | FOLDER] [--format docx,html] [--out DIR] [options]

把报告生成 Word 简报和/或幻灯片；不给 FILE 时使用内置示例报告。每写出一个文件就输出一行路径。
Build a Word briefing and/or a slide deck from a report (the built-in sample without FILE); prints each written path on its own line.

给出多个文件或一个文件夹时成批转换：每个报告的文件以它的文件名命名（青禾区.txt → 青禾区.docx），
每转换完一个就在标准错误输出一行进度；个别报告出错时其余照常完成，最后逐行列出出错的报告，退出码为 1。
Several files or a folder convert in one run: each report's outputs are named after its file
(a.txt → a.docx), a progress line per report goes to stderr, and a report that fails is listed at
the end (exit code 1) while the others still finish.

  --format LIST    输出格式，逗号分隔 / formats, comma-separated: ${EXPORT_FORMATS.join(',')} (默认 default: docx,html)
  --out DIR        输出文件夹 / output folder (默认 default: 当前文件夹 current folder)
  --template ID    模板 / template: gbt9704, bulletin, plain … (briefing templates 查看 / lists them)
                   或本单位的 .docx 模板（含 {{title}} {{date}} {{body}} 等占位符）/ or your own .docx with placeholders
                   可给两次：一个简报模板、一个幻灯片主题，如 --template gbt9704 --template gov-red
                   / may be given twice, a brief template and a deck theme; the brief defaults to plain, as in the app
  --pages N        把 Word 简报压缩到至多 N 页（整句略去，略去的内容逐条列出）
                   / condense the Word brief to at most N pages (whole sentences left out, each listed)
  --templates DIR  另外读取这个文件夹里的自定义模板（如简报工坊的「模板文件夹」）
                   / also read the custom templates in this folder (e.g. the app's templates folder)
  --title TEXT     标题 / title
  --subtitle TEXT  副标题 / subtitle
  --unit TEXT      编印单位、发文机关 / issuing unit
  --date TEXT      成文日期 / date, e.g. 2022年7月15日 or 2022-07-15
  --issue TEXT     期号 / issue number
  --doc-number TEXT   发文字号（有则加红头）/ document number (adds the red masthead)
  --signer TEXT       签发人：上行文（请示、报告），红头下移、发文字号居左 / signed by: a document to a higher office
  --main-to TEXT      主送 / addressed to
  --note TEXT         按语 / editor's note
  --report-to TEXT    报 / report to      --send-to TEXT  送 / send to      --issue-to TEXT  发 / issue to
  --cc TEXT           抄送 / copy to      --printed-by TEXT  印发机关 / printed by      --copies N  印数 / copies
  -h, --help       显示帮助 / show this help
`,
    load: () => import('./cli/build'),
  },
  templates: {
    usage: '[--json] [--templates DIR]',
    summary: '列出模板 / list templates',
    help: `用法 Usage: briefing templates [--json] [--templates DIR]

列出可用模板（Word 简报格式与幻灯片主题）。List the available templates (brief formats and deck themes).

  --json           以 JSON 输出 / print as JSON
  --templates DIR  连同这个文件夹里的自定义模板 / with the custom templates in this folder
  -h, --help  显示帮助 / show this help
`,
    load: () => import('./cli/templates'),
  },
  check: {
    usage: 'FILE|PROJECT [--json] [--rules DIR]',
    summary: '校对报告或项目，发现问题时退出码为 3 / proofread a report or project (exit 3 on findings)',
    help: `用法 Usage: briefing check FILE|PROJECT [--json] [--rules DIR]

校对报告原文（.txt .md .docx .pdf，按原文逐行检查）或项目文件（.briefing，检查简报的每一项，已忽略的不再报告）：
标点（GB/T 15834-2011）、数字（GB/T 15835-2011）、前后一致、重复字词、易错字词、规范表述。
没有问题时退出码为 0，发现问题时为 3，出错时为 1（用法错误为 2）。
Proofread a report as written (line by line) or a project's briefing (item by item, ignored findings left out):
punctuation, numbers, consistency, repeated words, common confusions, standard wording.
Exit code 0 when there is nothing to report, 3 when there are findings, 1 on errors (2 for usage).

  --json       以 JSON 输出 / print { "findings": [ { "kind", "line", "text", "suggestion", "rule", … } ] }
               line：文本文件的行号（从 1 开始；.docx .pdf 为段落序号），项目中为简报项的 id
               line: the 1-based line of a text file (paragraph number in .docx and .pdf), or the item id in a project
  --rules DIR  另外读取这个文件夹里的校对规则文件（如简报工坊的「校对规则」文件夹）
               / also use the proofreading rule files in this folder
  -h, --help   显示帮助 / show this help
`,
    // the checker and its word lists load only for this command
    load: () => import('./cli/check'),
  },
} as const satisfies Record<string, CliCommand>;

type CommandName = keyof typeof COMMANDS;

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

function overview(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => {
    const call = `briefing ${name} ${c.usage}`;
    return call.length < 38
      ? `  ${call.padEnd(38)}${c.summary}`
      : `  ${call}\n  ${''.padEnd(38)}${c.summary}`;
  });
  return `简报工坊 Briefing Studio ${APP_VERSION} — 把工作报告变成汇报幻灯片和 Word 简报 / turn work reports into slide decks and Word briefings

用法 Usage:
${lines.join('\n')}
  briefing COMMAND --help               查看命令帮助 / help on a command
  briefing --version
`;
}

/** `--help` or `-h` among a command's options (before a `--`). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** Run the command line; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(overview());
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${APP_VERSION}\n`);
      return 0;
    }
    if (!isCommand(command))
      throw new UsageError(
        'usage',
        `未知命令「${command}」（运行 briefing --help 查看用法）`,
        `unknown command "${command}" (see briefing --help)`,
      );
    const entry = COMMANDS[command];
    if (asksForHelp(rest)) {
      io.stdout(entry.help);
      return 0;
    }
    return await (await entry.load()).run(rest, io);
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

/** Entry of the bundled command line (bin/briefing.cjs): the real terminal, and the worker script it names. */
export async function main(
  argv: readonly string[],
  options: Pick<CliIO, 'workerScript'> = {},
): Promise<number> {
  return runCli(argv, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    ...options,
  });
}
