import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBuild } from '../scripts/ensure-build.mjs';
import { REPORT_PATH, ROOT } from '../tests/helpers/paths';
import { machineLoad, recordFigure, summarize } from './figures';

/**
 * The command line beside pandoc, as batch users run them: whole processes, started from a shell,
 * timed side by side in the same rounds so both see the same machine. Targets from issue 13:
 * `briefing --help` within 50 ms of Node's own start; a report (our 15 KB newspaper page, the size
 * of the shared one) to one format no slower than pandoc to that format; .docx, .html and .pptx in
 * one call no slower than pandoc's three calls. Then 40 such reports in one batch call.
 *
 * pandoc is a Debian package: this bench installs it when it is missing (CI never does).
 */

const BIN = join(ROOT, 'bin', 'briefing.cjs');
const ROUNDS = 9;
const dir = mkdtempSync(join(tmpdir(), 'cli-bench-'));
const out = join(dir, 'out');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** pandoc on this machine, installed with apt-get if need be; null when that cannot be done. */
function findPandoc(): string | null {
  const has = (): boolean => spawnSync('pandoc', ['--version']).status === 0;
  if (has()) return 'pandoc';
  const root = process.getuid?.() === 0;
  const apt = (args: string[]) =>
    spawnSync(root ? 'apt-get' : 'sudo', root ? args : ['-n', 'apt-get', ...args], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', 'pandoc']);
  return has() ? 'pandoc' : null;
}

interface Run {
  /** wall-clock time of the whole process, ms */
  ms: number;
  /** user + system CPU time, ms (from /usr/bin/time where it is installed) */
  cpu: number;
  /** peak resident memory, MB */
  rss: number;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Run a command to the end, timed; it must succeed. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  const t0 = performance.now();
  const r = TIME
    ? spawnSync(TIME, ['-f', '%U %S %M', command, ...args], { cwd: dir, env, encoding: 'utf8' })
    : spawnSync(command, args, { cwd: dir, env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  expect(r.status, `${command} ${args.join(' ')}: ${r.stderr}`).toBe(0);
  const [user = NaN, sys = NaN, kb = NaN] = TIME
    ? (r.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number)
    : [];
  return { ms, cpu: (user + sys) * 1000, rss: kb / 1024 };
}

const node = (...args: string[]) => ['node', [...args]] as const;
const briefing = (...args: string[]) => node(BIN, ...args);

/** Every command once per round, in turn, ROUNDS times; the median of each. */
function sideBySide(commands: Record<string, readonly [string, readonly string[]]>): Record<string, Run> {
  const runs: Record<string, Run[]> = {};
  for (const [name, [cmd, args]] of Object.entries(commands)) {
    // a first call of each, not counted: it makes the code cache and warms the disk
    timed(cmd, [...args]);
    runs[name] = [];
  }
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, [cmd, args]] of Object.entries(commands)) runs[name]!.push(timed(cmd, [...args]));
  const med = (xs: number[]) => summarize(xs).median;
  return Object.fromEntries(
    Object.entries(runs).map(([name, rs]) => [
      name,
      { ms: med(rs.map((r) => r.ms)), cpu: med(rs.map((r) => r.cpu)), rss: med(rs.map((r) => r.rss)) },
    ]),
  );
}

const ms = (r: Run) => `${r.ms.toFixed(0)} ms`;
const cpu = (r: Run) => (Number.isFinite(r.cpu) ? `, CPU ${r.cpu.toFixed(0)} ms` : '');

let pandoc: string | null = null;
beforeAll(() => {
  ensureBuild({ quiet: true });
  pandoc = findPandoc();
  mkdirSync(out, { recursive: true });
}, 600_000);

it('briefing --help beside Node’s own start', () => {
  const r = sideBySide({ node: node('-e', '0'), help: briefing('--help') });
  recordFigure({
    name: 'cli: briefing --help, beyond Node’s own start',
    value: r.help!.ms - r.node!.ms,
    unit: 'ms',
    target: 50,
    note: `help ${ms(r.help!)}, node -e 0 ${ms(r.node!)}; ${machineLoad()}`,
  });
}, 600_000);

it('one report to one format, and to three, beside pandoc', () => {
  if (!pandoc) {
    recordFigure({ name: 'cli: pandoc not installed and not installable here', value: NaN, unit: 'x' });
    return;
  }
  const md = (to: string, file: string, ...extra: string[]) =>
    [pandoc!, ['-f', 'markdown', '-t', to, ...extra, REPORT_PATH, '-o', join(out, file)]] as const;
  const r = sideBySide({
    docx: briefing('build', REPORT_PATH, '--format', 'docx', '--out', out),
    pandocDocx: md('docx', 'p.docx'),
    html: briefing('build', REPORT_PATH, '--format', 'html', '--out', out),
    pandocHtml: md('html5', 'p.html', '-s', '--metadata', 'title=report'),
    three: briefing('build', REPORT_PATH, '--format', 'docx,html,pptx', '--out', out),
    pandocPptx: md('pptx', 'p.pptx'),
    docxNoCache: [
      'env',
      ['BRIEFING_COMPILE_CACHE=0', 'node', BIN, 'build', REPORT_PATH, '--format', 'docx', '--out', out],
    ],
  });
  const ratio = (ours: Run, theirs: Run, name: string, what: string, theirsName = 'pandoc') =>
    recordFigure({
      name,
      value: ours.ms / theirs.ms,
      unit: 'x',
      target: 1,
      note: `${what}: ${ms(ours)}${cpu(ours)} against ${theirsName} ${ms(theirs)}${cpu(theirs)}; ${machineLoad()}`,
    });
  ratio(r.docx!, r.pandocDocx!, 'cli: report → .docx, time / pandoc’s', 'briefing build --format docx');
  ratio(r.html!, r.pandocHtml!, 'cli: report → .html, time / pandoc’s', 'briefing build --format html');
  const pandocThree: Run = {
    ms: r.pandocDocx!.ms + r.pandocHtml!.ms + r.pandocPptx!.ms,
    cpu: r.pandocDocx!.cpu + r.pandocHtml!.cpu + r.pandocPptx!.cpu,
    rss: NaN,
  };
  ratio(
    r.three!,
    pandocThree,
    'cli: report → docx,html,pptx, time / pandoc’s three calls',
    'one briefing build call',
    'pandoc, three calls,',
  );
  recordFigure({
    name: 'cli: report → .docx without the compile cache (reference)',
    value: r.docxNoCache!.ms,
    unit: 'ms',
    note: `with the cache ${ms(r.docx!)}${cpu(r.docx!)}; without${cpu(r.docxNoCache!)}`,
  });
}, 900_000);

it('40 reports in one batch call', () => {
  const folder = join(dir, 'reports');
  mkdirSync(folder);
  for (let i = 1; i <= 40; i++)
    copyFileSync(REPORT_PATH, join(folder, `报告${String(i).padStart(2, '0')}.txt`));
  const batchOut = join(dir, 'batch');
  const runs: Run[] = [];
  for (let i = 0; i < 3; i++) {
    rmSync(batchOut, { recursive: true, force: true });
    runs.push(timed('node', [BIN, 'build', folder, '--format', 'docx,html', '--out', batchOut]));
  }
  expect(readdirSync(batchOut)).toHaveLength(80);
  const best = summarize(runs.map((r) => r.ms));
  const rss = Math.max(...runs.map((r) => r.rss));
  recordFigure({
    name: 'cli batch: 40 reports → .docx + .html, per report',
    value: best.median / 40,
    unit: 'ms',
    note: `${(40 / (best.median / 1000)).toFixed(1)} reports/s, whole call ${(best.median / 1000).toFixed(1)} s; ${machineLoad()}`,
  });
  recordFigure({
    name: 'cli batch: 40 reports, peak memory of the process',
    value: rss,
    unit: 'MB',
    note: 'main thread and worker threads together (peak resident set)',
  });
  // the same 40 as separate calls, for reference
  const t0 = performance.now();
  for (let i = 1; i <= 40; i++)
    timed('node', [
      BIN,
      'build',
      join(folder, `报告${String(i).padStart(2, '0')}.txt`),
      '--format',
      'docx,html',
      '--out',
      join(dir, 'single'),
    ]);
  recordFigure({
    name: 'cli: the same 40 as 40 separate calls, per report (reference)',
    value: (performance.now() - t0) / 40,
    unit: 'ms',
  });
}, 900_000);
