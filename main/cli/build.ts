import { readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileErrorToAppError } from '../errors';
import { runBounded, workerFor } from '../tasks/bounded-import';
import type { Job } from '../tasks/jobs';
import { parseArgs, UsageError, type CliIO, type FlagSpec } from './args';
import {
  BRIEF_FLAG_SPEC,
  briefingFor,
  parseFormats,
  parsePages,
  readSourceFile,
  templatesFor,
} from './options';
import { printed, writeOutputs } from './output';

const BUILD_FLAGS: FlagSpec = {
  format: 'string',
  out: 'string',
  template: 'list',
  templates: 'string',
  pages: 'string',
  ...BRIEF_FLAG_SPEC,
  help: 'boolean',
};

/** The part of a convert job every file of one call shares: formats, briefing, templates. */
export type ConvertSettings = Omit<Extract<Job, { kind: 'convert' }>, 'kind' | 'source'>;

/**
 * `briefing build [FILE…|FOLDER] [options]`: one report (the built-in sample without FILE) to
 * each format asked for, or many reports in one process (several files, or a folder).
 */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { positionals, flags } = parseArgs(args, BUILD_FLAGS, 'build');
  const formats = parseFormats(flags.format);
  const pages = parsePages(flags.pages);
  const batch = positionals.length > 1 || (positionals.length === 1 && (await isFolder(positionals[0]!, io)));
  // the browser starts while the reports are read and composed: it takes longer than both
  const printer = formats.includes('pdf') ? new (await import('../export/pdf')).BrowserPdfPrinter() : null;
  printer?.warm();
  let closing: Promise<void> | undefined;
  try {
    const { registry, user } = await templatesFor(flags, io);
    const { briefing, officeTemplate } = await briefingFor(flags, io.cwd, registry);
    const settings: ConvertSettings = {
      formats,
      briefing,
      templates: user,
      env: { ...(officeTemplate ? { officeTemplate } : {}), ...(pages ? { pages } : {}) },
    };
    const outDir = resolve(io.cwd, typeof flags.out === 'string' ? flags.out : '.');
    if (batch) {
      const files = await sourceFiles(positionals, io);
      const { convertBatch } = await import('./batch');
      return await convertBatch(files, settings, outDir, io, printer?.print);
    }
    const [file] = positionals;
    const source = file ? await readSourceFile(file, io.cwd) : undefined;
    // one report, in a worker under the desk's limits: a crafted file ends with one line, not a crash
    // a Word or PDF file, or a large text, in a worker under the desk's limits (workerFor)
    const converted = await runBounded(
      { kind: 'convert', ...settings, ...(source ? { source } : {}) },
      workerFor(source, io.workerScript),
    );
    for (const note of converted.notes) io.stderr(`briefing: 注意：${note.zh} (note: ${note.en})\n`);
    // everything is built before anything is written, so a failure leaves no partial set
    const outputs = await printed(converted, printer?.print);
    // the browser shuts down while the files are written
    closing = printer?.close();
    for (const path of await writeOutputs(outputs, outDir)) io.stdout(`${path}\n`);
    return 0;
  } finally {
    await (closing ?? printer?.close());
  }
}

async function isFolder(arg: string, io: CliIO): Promise<boolean> {
  try {
    return (await stat(resolve(io.cwd, arg))).isDirectory();
  } catch {
    // a file that is not there is reported when it is read, with the others
    return false;
  }
}

/** Files named on the command line, and the reports in any folder named (not its subfolders). */
async function sourceFiles(args: readonly string[], io: CliIO): Promise<string[]> {
  const { SUPPORTED_EXTENSIONS } = await import('../../content/import');
  const files: string[] = [];
  for (const arg of args) {
    if (!(await isFolder(arg, io))) {
      files.push(arg);
      continue;
    }
    let names: string[];
    try {
      names = await readdir(resolve(io.cwd, arg));
    } catch (err) {
      throw fileErrorToAppError(err, arg);
    }
    const reports = names
      // hidden files, and the lock files Word and WPS leave beside an open document
      .filter((n) => !n.startsWith('.') && !n.startsWith('~$'))
      .filter((n) => SUPPORTED_EXTENSIONS.includes(n.split('.').pop()?.toLowerCase() ?? ''))
      .sort((a, b) => a.localeCompare(b, 'zh-CN'));
    if (reports.length === 0)
      throw new UsageError(
        'usage',
        `文件夹「${arg}」里没有可以转换的报告（${SUPPORTED_EXTENSIONS.map((e) => `.${e}`).join(' ')}）`,
        `the folder "${arg}" holds no report to convert (${SUPPORTED_EXTENSIONS.map((e) => `.${e}`).join(' ')})`,
      );
    files.push(...reports.map((n) => `${arg.replace(/[\\/]+$/, '')}/${n}`));
  }
  return files;
}
