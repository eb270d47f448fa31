// `npm test`: build, typecheck, lint, security scan, unit tests (vitest), end-to-end tests
// (Playwright in Debian's Chromium through browser mode). Ends with one line that totals every
// test and check: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, root } from './ensure-build.mjs';

const node = process.execPath;
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
const tmp = mkdtempSync(join(tmpdir(), 'briefing-test-'));
let passed = 0;
let failed = 0;

function stage(name, args, env = {}) {
  console.log(`\n── ${name} ──`);
  const t0 = Date.now();
  const r = spawnSync(node, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`── ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return r.status === 0;
}

/** A check that is not a test runner counts as one test. */
function check(name, args) {
  if (stage(name, args)) passed++;
  else failed++;
}

console.log('── build ──');
try {
  build({ quiet: true });
} catch (err) {
  console.error(err.message);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// tsconfig.json references every project: node side, web side, and the tests that see a DOM (renderer units, e2e)
check('typecheck', [bin('typescript', 'bin/tsc'), '-b', 'tsconfig.json']);
check('lint', [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings=0']);
check('security scan', [join(root, 'scripts', 'security-scan.mjs')]);

const vitestJson = join(tmp, 'vitest.json');
const unitOk = stage('unit tests', [
  bin('vitest', 'vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numRuntimeErrors ?? 0);
  if (!unitOk && r.numFailedTests === 0) failed++;
} else failed++;

const pwJson = join(tmp, 'playwright.json');
const e2eOk = stage('end-to-end tests', [bin('@playwright/test', 'cli.js'), 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
});
if (existsSync(pwJson)) {
  const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  if (s.skipped) console.log(`(${s.skipped} end-to-end tests skipped)`);
  if (!e2eOk && s.unexpected === 0) failed++;
} else failed++;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
