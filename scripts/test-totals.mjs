// How `npm test` counts: every unit and end-to-end test once, as passed, failed or skipped. A test
// that should have run and did not (its file did not load, an earlier step in its serial group
// failed, the runner stopped) counts as failed: nothing goes missing from the total line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

// `retried` names the tests that passed only on Playwright's second try: counted as passed, but
// printed, so a flaky test is seen and fixed rather than hidden.
/** @typedef {{ passed: number, failed: number, skipped: number, failures: string[], skips: string[], retried: string[] }} Tally */

/** @returns {Tally} */
export const emptyTally = () => ({ passed: 0, failed: 0, skipped: 0, failures: [], skips: [], retried: [] });

/** @param {Tally[]} tallies @returns {Tally} */
export function addTallies(...tallies) {
  const sum = emptyTally();
  for (const t of tallies) {
    sum.passed += t.passed;
    sum.failed += t.failed;
    sum.skipped += t.skipped;
    sum.failures.push(...t.failures);
    sum.skips.push(...t.skips);
    sum.retried.push(...(t.retried ?? []));
  }
  return sum;
}

/** The last line of `npm test`. */
export const totalLine = (t) => `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;

// runners colour their messages; the summary is plain text
// eslint-disable-next-line no-control-regex
const COLOUR = /\u001b\[[0-9;]*m/g;

const firstLine = (text) =>
  String(text ?? '')
    .replace(COLOUR, '')
    .trim()
    .split('\n')[0]
    .slice(0, 200);

/**
 * A vitest JSON report. A file that failed to load ran none of its tests and lists none: it counts
 * as one failed test (how many it held is unknown), as do errors vitest caught outside any test.
 * @returns {Tally}
 */
export function tallyVitest(report, root) {
  const t = emptyTally();
  for (const file of report.testResults ?? []) {
    const where = relative(root, file.name);
    const tests = file.assertionResults ?? [];
    for (const a of tests) {
      const name = `${where} › ${[...(a.ancestorTitles ?? []), a.title].join(' › ')}`;
      if (a.status === 'passed') t.passed++;
      else if (a.status === 'failed') {
        t.failed++;
        t.failures.push(name);
      } else {
        // skipped, pending, todo: named, never counted as passed
        t.skipped++;
        t.skips.push(name);
      }
    }
    if (file.status === 'failed' && !tests.some((a) => a.status === 'failed')) {
      t.failed++;
      t.failures.push(`${where} (did not load: ${firstLine(file.message)})`);
    }
  }
  const runtimeErrors = report.numRuntimeErrors ?? 0;
  if (runtimeErrors > 0) {
    t.failed += runtimeErrors;
    t.failures.push(`${runtimeErrors} error(s) outside any test`);
  }
  return t;
}

/** Every test in a Playwright JSON report, with the path of titles that names it. */
export function playwrightTests(report) {
  const out = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        out.push({
          id: [spec.file ?? suite.file, ...titles, spec.title].join(' › '),
          projectName: test.projectName ?? '',
          expectedStatus: test.expectedStatus,
          status: test.status,
          annotations: test.annotations ?? [],
        });
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  // a file's own suite is titled with its path, which the id already carries
  for (const file of report.suites ?? []) walk(file, []);
  return out;
}

const testKey = (t) => `${t.projectName}\u0000${t.id}`;

/**
 * A Playwright JSON report, against the tests listed before the run. A test skipped on purpose
 * (test.skip with a reason) is skipped; one that did not run (a serial step after a failure, a
 * run that stopped early) or is missing from the report altogether is failed; so is each error
 * Playwright reports outside the tests.
 * @param {object | null} report @param {{ id: string, projectName: string }[]} listed
 * @returns {Tally}
 */
export function tallyPlaywright(report, listed = []) {
  const t = emptyTally();
  const ran = report ? playwrightTests(report) : [];
  for (const test of ran) {
    if (test.expectedStatus === 'skipped') {
      const why = test.annotations.find((a) => a.type === 'skip' || a.type === 'fixme')?.description;
      t.skipped++;
      t.skips.push(why ? `${test.id} (${why})` : test.id);
    } else if (test.status === 'expected') t.passed++;
    else if (test.status === 'flaky') {
      t.passed++;
      t.retried.push(test.id);
    } else if (test.status === 'unexpected') {
      t.failed++;
      t.failures.push(test.id);
    } else {
      t.failed++;
      t.failures.push(`${test.id} (did not run)`);
    }
  }
  const seen = new Set(ran.map(testKey));
  for (const test of listed)
    if (!seen.has(testKey(test))) {
      t.failed++;
      t.failures.push(`${test.id} (did not run)`);
    }
  for (const error of report?.errors ?? []) {
    t.failed++;
    t.failures.push(`end-to-end run: ${firstLine(error.message)}`);
  }
  return t;
}

/** Run a command with the current Node, echoing its output; true when it exits 0. */
function run(root, args, env = {}, stdio = 'inherit') {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio, env: { ...process.env, ...env } });
  return { ok: r.status === 0 };
}

const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

/**
 * Run vitest (its own output on the console) and tally its JSON report. No report at all counts
 * as one failure: the runner itself broke.
 * @param {{ root: string, vitestArgs?: string[], env?: Record<string, string>, quiet?: boolean }} options
 */
export function unitStage({ root, vitestArgs = [], env = {}, quiet = false }) {
  const json = join(mkdtempSync(join(tmpdir(), 'briefing-unit-')), 'vitest.json');
  const { ok } = run(
    root,
    [
      join(root, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      ...vitestArgs,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${json}`,
    ],
    env,
    quiet ? 'ignore' : 'inherit',
  );
  const report = readJson(json);
  if (!report) return { ok, tally: { ...emptyTally(), failed: 1, failures: ['unit tests: no report'] } };
  const tally = tallyVitest(report, root);
  // vitest failed for a reason no test shows (a config error, a crash in teardown)
  if (!ok && tally.failed === 0) {
    tally.failed++;
    tally.failures.push('unit tests: vitest exited with an error');
  }
  return { ok, tally };
}

/** The spec files under `dir` whose names match. */
export function specFiles(dir, match) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => match.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Run Playwright and tally it. The tests are listed first, so any that do not run are counted.
 * A spec file that does not load stops Playwright before any test runs: the files are then
 * listed one by one, each broken file counts as one failure, and the others run.
 * @param {{ root: string, configArgs?: string[], files: string[], env?: Record<string, string>, quiet?: boolean }} options
 */
export function e2eStage({ root, configArgs = [], files, env = {}, quiet = false }) {
  const cli = join(root, 'node_modules', '@playwright/test', 'cli.js');
  const scratch = mkdtempSync(join(tmpdir(), 'briefing-e2e-'));
  const list = (only = []) => {
    const json = join(scratch, 'list.json');
    rmSync(json, { force: true });
    run(
      root,
      [cli, 'test', ...configArgs, '--list', '--reporter=json', ...only],
      {
        ...env,
        PLAYWRIGHT_JSON_OUTPUT_NAME: json,
      },
      'ignore',
    );
    const report = readJson(json);
    if (!report) return { tests: [], errors: [{ message: 'Playwright could not list the tests' }] };
    return { tests: playwrightTests(report), errors: report.errors ?? [] };
  };
  const broken = emptyTally();
  let listed = list();
  let runFiles = [];
  if (listed.errors.length > 0) {
    listed = { tests: [], errors: [] };
    for (const file of files) {
      const one = list([file]);
      if (one.errors.length > 0) {
        broken.failed++;
        broken.failures.push(`${relative(root, file)} (did not load: ${firstLine(one.errors[0].message)})`);
      } else {
        runFiles.push(file);
        listed.tests.push(...one.tests);
      }
    }
    if (runFiles.length === 0) return { ok: false, tally: broken };
  }
  const json = join(scratch, 'playwright.json');
  const { ok } = run(
    root,
    [cli, 'test', ...configArgs, '--reporter=list,json', ...runFiles],
    { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: json },
    quiet ? 'ignore' : 'inherit',
  );
  const tally = addTallies(broken, tallyPlaywright(existsSync(json) ? readJson(json) : null, listed.tests));
  if (!ok && tally.failed === 0) {
    tally.failed++;
    tally.failures.push('end-to-end tests: Playwright exited with an error');
  }
  return { ok: ok && broken.failed === 0, tally };
}
