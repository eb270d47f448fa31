import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { ROOT } from '../helpers/paths';

async function cli(args: string[], cwd = mkdtempSync(join(tmpdir(), 'cli-'))) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr, cwd };
}

describe('briefing (command line)', () => {
  it('builds a .docx and an .html deck from the built-in sample, one path per line', async () => {
    const { code, stdout, stderr, cwd } = await cli(['build', '--format', 'docx,html', '--out', 'out']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const paths = stdout.trim().split('\n');
    expect(paths).toHaveLength(2);
    expect(paths[0]).toBe(join(cwd, 'out', '绿园区2022年上半年工作总结.docx'));
    expect(paths[1]).toMatch(/\.html$/);
    const docx = unzipSync(readFileSync(paths[0]!));
    expect(strFromU8(docx['word/document.xml']!)).toContain('稳住经济运行基本盘');
    expect(readFileSync(paths[1]!, 'utf8')).toContain('<section');
  });

  it('uses the title given on the command line for the file and the document', async () => {
    const { stdout } = await cli(['build', '--format', 'docx', '--title', '上半年工作汇报']);
    expect(stdout.trim()).toMatch(/上半年工作汇报\.docx$/);
    expect(strFromU8(unzipSync(readFileSync(stdout.trim()))['word/document.xml']!)).toContain(
      '上半年工作汇报',
    );
  });

  it('lists template ids as JSON', async () => {
    const { code, stdout } = await cli(['templates', '--json']);
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as Array<{ id: string; kind: string }>;
    expect(list.map((t) => `${t.kind}:${t.id}`)).toEqual(
      expect.arrayContaining(['brief:plain', 'deck:plain']),
    );
  });

  it('prints the parsed report as JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    writeFileSync(join(dir, 'r.txt'), '测试报告\n\n一、总体情况\n\n全力稳增长。全年新增就业岗位300个。\n');
    const { code, stdout } = await cli(['inspect', 'r.txt', '--json'], dir);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      title: string;
      sections: Array<{ title: string }>;
      stats: Array<{ value: number; unit: string }>;
    };
    expect(report.title).toBe('测试报告');
    expect(report.sections[0]?.title).toBe('总体情况');
    expect(report.stats[0]).toMatchObject({ value: 300, unit: '个' });
  });

  it.each([
    [['build', '--bogus'], 2, /未知选项 --bogus.*unknown option --bogus/],
    [['frobnicate'], 2, /未知命令/],
    [['inspect'], 2, /缺少/],
    [['inspect', 'missing.txt'], 1, /找不到「missing\.txt」.*not found/],
    [['build', '--format', 'gif'], 2, /不支持的格式 gif/],
    [['build', '--template', 'nope'], 2, /未知模板「nope」.*plain/],
  ])('fails cleanly on %j: one line on stderr, exit %i, no stack trace', async (args, exit, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(exit);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says so when the output folder cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    writeFileSync(join(dir, 'file'), 'not a folder');
    const { code, stderr } = await cli(['build', '--format', 'docx', '--out', 'file/sub'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/briefing: .*file/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says so when the source cannot be read', async () => {
    if (process.getuid?.() === 0) {
      // root reads any file, so simulate an unreadable one with a folder given as the file
      const dir = mkdtempSync(join(tmpdir(), 'cli-'));
      const { code, stderr } = await cli(['inspect', '.'], dir);
      expect(code).toBe(1);
      expect(stderr).toMatch(/文件夹/);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    writeFileSync(join(dir, 'locked.txt'), 'x');
    chmodSync(join(dir, 'locked.txt'), 0o000);
    const { code, stderr } = await cli(['inspect', 'locked.txt'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/权限/);
  });

  it('has help for every command', async () => {
    for (const cmd of ['inspect', 'build', 'templates']) {
      const { code, stdout } = await cli([cmd, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain(`briefing ${cmd}`);
    }
  });
});

describe('npx briefing (the installed bin)', () => {
  const exec = promisify(execFile);
  beforeAll(async () => {
    const { ensureBuild } = (await import('../../scripts/ensure-build.mjs')) as {
      ensureBuild: (o: { quiet: boolean }) => boolean;
    };
    ensureBuild({ quiet: true });
  }, 180_000);

  it('runs from package.json bin and writes files', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    const bin = join(ROOT, pkg.bin.briefing!);
    const out = mkdtempSync(join(tmpdir(), 'bin-'));
    const { stdout } = await exec(process.execPath, [bin, 'build', '--format', 'html', '--out', out]);
    const path = stdout.trim();
    expect(existsSync(path)).toBe(true);
  });

  it('exits non-zero with one line on stderr for a missing file', async () => {
    const bin = join(ROOT, 'bin', 'briefing.cjs');
    const err = await exec(process.execPath, [bin, 'inspect', 'no-such-file.docx']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
  });
});
