import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../main/cli';
import { outputBases } from '../../main/cli/batch';
import { paragraphs, readDocx } from '../helpers/ooxml';
import { reportPath, REPORTS, ROOT, type ReportName } from '../helpers/paths';

/**
 * `briefing build a.docx b.txt … --out DIR` and `briefing build FOLDER`: many reports in one run,
 * through the bundled command line's worker threads (bin/task-worker.cjs), as `npx briefing` runs them.
 */

const WORKER = join(ROOT, 'bin', 'task-worker.cjs');

beforeAll(async () => {
  const { ensureBuild } = (await import('../../scripts/ensure-build.mjs')) as {
    ensureBuild: (o: { quiet: boolean }) => boolean;
  };
  ensureBuild({ quiet: true });
}, 300_000);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-batch-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], workerScript?: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: dir,
    ...(workerScript ? { workerScript } : {}),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, lines: stderr.trim().split('\n') };
}

/** A folder of our test reports, plus a damaged .docx and an empty .txt. */
async function reportsFolder(): Promise<string> {
  const folder = join(dir, '报告');
  await mkdir(folder);
  for (const name of Object.keys(REPORTS) as ReportName[])
    await copyFile(reportPath(name), join(folder, REPORTS[name]));
  await writeFile(join(folder, '损坏.docx'), new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]));
  await writeFile(join(folder, '空白.txt'), '\n\n  \n');
  // what Word leaves beside an open document, and a hidden file: neither is a report
  await writeFile(join(folder, '~$报告.docx'), 'lock');
  await writeFile(join(folder, '.DS_Store'), 'x');
  return folder;
}

describe('briefing build with many reports', () => {
  it('converts a folder in worker threads: a line per report, the others finish when one fails, failures listed in both languages', async () => {
    const folder = await reportsFolder();
    const r = await run(['build', folder, '--format', 'docx,html', '--out', 'out'], WORKER);
    expect(r.code).toBe(1);
    const total = Object.keys(REPORTS).length + 2;
    // one progress line per report, numbered as they end
    const progress = r.lines.filter((l) => /^\[\d+\/\d+\] /.test(l));
    expect(progress).toHaveLength(total);
    expect(progress.map((l) => /^\[(\d+)\//.exec(l)?.[1])).toEqual(
      Array.from({ length: total }, (_, i) => String(i + 1)),
    );
    expect(progress.filter((l) => l.includes('→ 2 个文件 / 2 files'))).toHaveLength(total - 2);
    // the failures, after the summary: one line each, in Chinese and in English
    const summary = r.lines.findIndex((l) => l.startsWith('briefing: 已转换'));
    expect(r.lines[summary]).toContain(`已转换 ${total - 2} 个报告，共 ${total} 个`);
    expect(r.lines[summary]).toContain(`(${total - 2} of ${total} reports converted in`);
    const failed = r.lines.slice(summary + 2);
    expect(failed).toHaveLength(2);
    expect(failed.find((l) => l.includes('损坏.docx'))).toMatch(/^briefing: .*损坏\.docx: .+ \(.+\)$/);
    expect(failed.find((l) => l.includes('空白.txt'))).toMatch(/^briefing: .*空白\.txt: .+ \(.+\)$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);

    // every report that could be read is written, named after its file
    const written = (await readdir(join(dir, 'out'))).sort();
    const stems = Object.values(REPORTS).map((f) => f.replace(/\.txt$/, ''));
    expect(written).toEqual(stems.flatMap((s) => [`${s}.docx`, `${s}.html`]).sort());
    expect(r.stdout.trim().split('\n').sort()).toEqual(written.map((f) => join(dir, 'out', f)));
    const brief = readDocx(new Uint8Array(await readFile(join(dir, 'out', 'qinghe-midyear-2023.docx'))));
    expect(paragraphs(brief.document).map((p) => p.text)).toContain('稳中求进开新局 实干笃行谱新篇');
  }, 300_000);

  it('converts the files named, one after another without worker threads too', async () => {
    await copyFile(reportPath('qinghe'), join(dir, '青禾.txt'));
    await copyFile(reportPath('yunxi'), join(dir, '云溪.txt'));
    const r = await run(['build', '青禾.txt', '云溪.txt', 'missing.txt', '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.lines.filter((l) => /^\[\d\/3\] /.test(l))).toHaveLength(3);
    expect(r.lines.at(-1)).toMatch(/^briefing: missing\.txt: 找不到「missing\.txt」.*\(.*not found.*\)$/);
    expect((await readdir(dir)).filter((f) => f.endsWith('.html')).sort()).toEqual([
      '云溪.html',
      '青禾.html',
    ]);
  }, 120_000);

  it('exits 0 when every report converts', async () => {
    await copyFile(reportPath('linchuan'), join(dir, 'a.txt'));
    await copyFile(reportPath('linchuanPdfCopy'), join(dir, 'b.txt'));
    const r = await run(['build', 'a.txt', 'b.txt', '--format', 'docx'], WORKER);
    expect(r.code).toBe(0);
    expect(r.lines.at(-1)).toMatch(/^briefing: 已转换 2 个报告，共 2 个/);
  }, 120_000);

  it('says so when a folder holds no report', async () => {
    await mkdir(join(dir, 'empty'));
    await writeFile(join(dir, 'empty', 'notes.xlsx'), 'x');
    const r = await run(['build', 'empty']);
    expect(r.code).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.stderr).toMatch(
      /文件夹「empty」里没有可以转换的报告.*\(the folder "empty" holds no report to convert/,
    );
  });
});

describe('the names of a batch’s outputs', () => {
  it('are the files’ own names; files that would write the same name, or over a source, keep their extension', () => {
    const out = join(dir, 'out');
    expect(outputBases(['a.txt', 'b.docx'], ['docx', 'html'], out, dir)).toEqual(['a', 'b']);
    expect(outputBases(['x/a.txt', 'y/a.pdf'], ['html'], out, dir)).toEqual(['a-txt', 'a-pdf']);
    // a .docx converted to .docx in its own folder would replace itself
    expect(outputBases(['a.docx', 'c.md'], ['docx'], dir, dir)).toEqual(['a-docx', 'c']);
  });
});
