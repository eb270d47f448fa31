import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { ensureBuild } from '../../scripts/ensure-build.mjs';
import { docxLinkedPicture, docxXmlBomb, pdfStreamBomb } from '../helpers/hostile';
import { ROOT } from '../helpers/paths';

/**
 * The command line under the desk's limits: imports run in a worker thread with the same heap,
 * memory and time limits, and every hostile file ends with one line in both languages.
 */

const TASK_WORKER = join(ROOT, 'out', 'main', 'task-worker.js');
const BIN = join(ROOT, 'bin', 'briefing.cjs');

beforeAll(() => {
  ensureBuild({ quiet: true });
}, 120_000);

function fileOf(name: string, bytes: Uint8Array): { dir: string; name: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cli-limits-'));
  writeFileSync(join(dir, name), bytes);
  return { dir, name };
}

async function cli(args: string[], cwd: string, workerScript?: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
    ...(workerScript ? { workerScript } : {}),
  });
  return { code, stdout, stderr };
}

describe('briefing on hostile files', () => {
  it('ends a 1 MB .docx that unpacks to 250 MB with one line naming the limit, in both languages', async () => {
    const { dir, name } = fileOf('bomb.docx', docxXmlBomb(250));
    const t0 = performance.now();
    const run = await promisify(execFile)(process.execPath, [BIN, 'inspect', name], { cwd: dir }).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code: number; stderr: string }) => err,
    );
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^briefing: 文件超出了导入上限：.*32 MB.*\(The file is over an import limit: .*32 MB/,
    );
    expect(performance.now() - t0).toBeLessThan(60_000);
  }, 90_000);

  it('runs the import in the worker it is given, under that worker’s limits', async () => {
    const { dir, name } = fileOf('bomb.pdf', pdfStreamBomb(2));
    const bounded = await cli(['inspect', name], dir, TASK_WORKER);
    expect(bounded.code).toBe(1);
    expect(bounded.stderr).toMatch(
      /PDF 中一个数据流（页面内容等）解压后的大小超过 8 MB.*decoded size of one PDF stream \(page content and the like\) exceeds 8 MB/,
    );
    // a worker that crashes shows the import was really there, not in the command line's own thread
    const crashing = await cli(['inspect', name], dir, join(ROOT, 'tests/fixtures/workers/throws.mjs'));
    expect(crashing.code).toBe(1);
    expect(crashing.stderr).toContain('导入的后台任务意外中止');
  }, 60_000);

  it('converts under the same limits: build on a crafted file ends with one line and writes nothing', async () => {
    const { dir, name } = fileOf('bomb.pdf', pdfStreamBomb(2));
    const out = join(dir, 'out');
    const run = await cli(['build', name, '--format', 'docx', '--out', out], dir, TASK_WORKER);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/PDF 中一个数据流.*8 MB.*decoded size of one PDF stream/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    // a worker that crashes shows the conversion really ran there
    const crashing = await cli(
      ['build', name, '--out', out],
      dir,
      join(ROOT, 'tests/fixtures/workers/throws.mjs'),
    );
    expect(crashing.code).toBe(1);
  }, 60_000);

  it('proofreads a Word or PDF file under the same limits: check runs its import in the worker', async () => {
    const { dir, name } = fileOf('bomb.pdf', pdfStreamBomb(2));
    const bounded = await cli(['check', name], dir, TASK_WORKER);
    expect(bounded.code).toBe(1);
    expect(bounded.stderr.trim().split('\n')).toHaveLength(1);
    expect(bounded.stderr).toMatch(/PDF 中一个数据流.*8 MB.*decoded size of one PDF stream/);
    const crashing = await cli(['check', name], dir, join(ROOT, 'tests/fixtures/workers/throws.mjs'));
    expect(crashing.code).toBe(1);
    expect(crashing.stderr).toContain('导入的后台任务意外中止');
  }, 60_000);

  it('imports a Word file with a linked picture, saying on stderr which picture was skipped', async () => {
    const { dir, name } = fileOf('linked.docx', docxLinkedPicture());
    const { code, stdout, stderr } = await cli(['inspect', name], dir, TASK_WORKER);
    expect(code).toBe(0);
    expect(stdout).toContain('云溪市2023年上半年工作总结');
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^briefing: 注意：第 4 段的图片链接到文件之外.*site\.jpg.*\(note: paragraph 4: the picture links/,
      ),
    ]);
  }, 60_000);

  it('names the line of an undecodable byte in a UTF-8 report, and keeps its statistics', async () => {
    const text = readFileSync(join(ROOT, 'tests/fixtures/import/qinghe-midyear.txt'));
    const clean = fileOf('clean.txt', text);
    const damaged = new Uint8Array(text);
    const at = damaged.indexOf(0xe5, Math.floor(damaged.length / 2));
    // the middle byte of a character lost: its first and last bytes can no longer be read
    damaged[at + 1] = 0x41;
    const file = fileOf('damaged.txt', damaged);
    const before = JSON.parse((await cli(['inspect', clean.name, '--json'], clean.dir)).stdout) as {
      stats: unknown[];
    };
    const after = await cli(['inspect', file.name, '--json'], file.dir);
    expect(after.code).toBe(0);
    expect((JSON.parse(after.stdout) as { stats: unknown[] }).stats.length).toBeGreaterThanOrEqual(
      before.stats.length * 0.9,
    );
    expect(after.stderr).toMatch(
      /^briefing: 注意：第 \d+ 行有 2 个字节无法识别，已用 � 标出：.*\(note: line \d+: 2 bytes could not be decoded/,
    );
  });
});

describe('which command-line jobs run in a worker', () => {
  it('reads Word and PDF files, and large texts, in the worker; a report-sized text in the command line', async () => {
    const { workerFor, IN_THREAD_TEXT_BYTES } = await import('../../main/tasks/bounded-import');
    const small = new Uint8Array(15_000);
    expect(workerFor({ name: 'r.docx', bytes: small }, TASK_WORKER)).toBe(TASK_WORKER);
    expect(workerFor({ name: 'r.PDF', bytes: small }, TASK_WORKER)).toBe(TASK_WORKER);
    expect(workerFor({ name: 'r.txt', bytes: small }, TASK_WORKER)).toBeUndefined();
    expect(workerFor({ name: 'r.md', bytes: small }, TASK_WORKER)).toBeUndefined();
    expect(workerFor({ name: 'r.txt', bytes: new Uint8Array(IN_THREAD_TEXT_BYTES + 1) }, TASK_WORKER)).toBe(
      TASK_WORKER,
    );
    // the built-in sample needs no worker
    expect(workerFor(undefined, TASK_WORKER)).toBeUndefined();
  });
});
