import { availableParallelism } from 'node:os';
import { basename, extname, resolve } from 'node:path';
import type { PdfPrinter } from '../export/pdf';
import type { ExportFormat } from '../formats';
import { defaultWorkerLimits, inProcessRunner, WorkerPool, type TaskRunner } from '../tasks/runner';
import type { CliIO } from './args';
import type { ConvertSettings } from './build';
import { errorLine, printed, writeOutputs } from './output';
import { readSourceFile } from './options';

/** Worker threads for a batch: one per core, at most four (each holds a report and its outputs). */
const MAX_WORKERS = 4;

/**
 * Convert many reports in one process: each file is read here and converted in a worker thread
 * (imported, composed, rendered), then its outputs are written, named after the file. A progress
 * line per file goes to stderr as each ends and the paths written to stdout; a file that fails is
 * listed at the end, in both languages, while the others still finish. Returns the exit code.
 */
export async function convertBatch(
  files: readonly string[],
  settings: ConvertSettings,
  outDir: string,
  io: CliIO,
  print?: PdfPrinter,
): Promise<number> {
  const unique = [...new Map(files.map((f) => [resolve(io.cwd, f), f])).values()];
  const bases = outputBases(unique, settings.formats, outDir, io.cwd);
  const size = io.workerScript ? Math.min(MAX_WORKERS, availableParallelism(), unique.length) : 1;
  const runner: TaskRunner = io.workerScript
    ? new WorkerPool({ script: io.workerScript, size, ...defaultWorkerLimits() })
    : inProcessRunner;
  const failures: string[] = [];
  const started = performance.now();
  let next = 0;
  let done = 0;

  const convertOne = async (i: number): Promise<void> => {
    const file = unique[i]!;
    const t0 = performance.now();
    try {
      const source = await readSourceFile(file, io.cwd);
      const converted = await runner.run({ kind: 'convert', ...settings, source });
      for (const note of converted.notes)
        io.stderr(`briefing: ${file}: 注意：${note.zh} (note: ${note.en})\n`);
      const outputs = (await printed(converted, print)).map((o, j) => ({
        ...o,
        fileName: `${bases[i]}.${settings.formats[j]}`,
      }));
      const paths = await writeOutputs(outputs, outDir);
      for (const path of paths) io.stdout(`${path}\n`);
      done++;
      io.stderr(
        `[${done}/${unique.length}] ${file} → ${paths.length} 个文件 / ${paths.length} file${paths.length === 1 ? '' : 's'}, ${seconds(t0)}\n`,
      );
    } catch (err) {
      done++;
      failures.push(`${file}: ${errorLine(err)}`);
      io.stderr(`[${done}/${unique.length}] ${file} ✗ ${errorLine(err)}\n`);
    }
  };
  // as many files in hand as there are workers: a large batch never sits in memory at once
  const lane = async (): Promise<void> => {
    while (next < unique.length) await convertOne(next++);
  };
  try {
    await Promise.all(Array.from({ length: size }, lane));
  } finally {
    await runner.close();
  }

  const converted = unique.length - failures.length;
  io.stderr(
    `briefing: 已转换 ${converted} 个报告，共 ${unique.length} 个，用时 ${seconds(started)} (${converted} of ${unique.length} reports converted in ${seconds(started)})\n`,
  );
  if (failures.length === 0) return 0;
  io.stderr(`briefing: ${failures.length} 个报告没有转换成功 (${failures.length} not converted):\n`);
  for (const line of failures) io.stderr(`briefing: ${line}\n`);
  return 1;
}

const seconds = (t0: number): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/**
 * Each file's outputs are named after it: 青禾区.txt → 青禾区.docx, 青禾区.html. Files that
 * would write the same name (a.txt and a.pdf), or whose output would replace one of the sources
 * (a.docx to .docx in its own folder), keep their extension in the name: a-txt.html, a-docx.docx.
 */
export function outputBases(
  files: readonly string[],
  formats: readonly ExportFormat[],
  outDir: string,
  cwd: string,
): string[] {
  const stem = (f: string): string => basename(f, extname(f));
  const sources = new Set(files.map((f) => resolve(cwd, f)));
  const count = new Map<string, number>();
  for (const f of files) count.set(stem(f), (count.get(stem(f)) ?? 0) + 1);
  return files.map((f) => {
    const base = stem(f);
    const clash =
      (count.get(base) ?? 0) > 1 ||
      formats.some((format) => sources.has(resolve(outDir, `${base}.${format}`)));
    return clash ? `${base}-${extname(f).slice(1).toLowerCase() || 'file'}` : base;
  });
}
