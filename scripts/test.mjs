// `npm test`: build, typecheck, lint, security scan, unit tests (vitest), end-to-end tests
// (Playwright in Debian's Chromium through browser mode); `npm run check` (and CI) adds the format
// check (prettier) as one more counted check. Ends with one line that totals every test and check:
// "N passed, N failed, N skipped" (how each counts: scripts/test-totals.mjs).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build, root } from './ensure-build.mjs';
import { addTallies, e2eStage, emptyTally, specFiles, totalLine, unitStage } from './test-totals.mjs';

const node = process.execPath;
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
const checks = emptyTally();

/** A check that is not a test runner counts as one test. */
function check(name, args) {
  console.log(`\n── ${name} ──`);
  const t0 = Date.now();
  const ok = spawnSync(node, args, { cwd: root, stdio: 'inherit' }).status === 0;
  console.log(`── ${name}: ${ok ? 'ok' : 'FAILED'} (${seconds(t0)})`);
  if (ok) checks.passed++;
  else {
    checks.failed++;
    checks.failures.push(name);
  }
}

/** A test runner's stage, timed like the checks. */
function stage(name, runStage) {
  console.log(`\n── ${name} ──`);
  const t0 = Date.now();
  const { ok, tally } = runStage();
  console.log(`── ${name}: ${ok ? 'ok' : 'FAILED'} (${seconds(t0)})`);
  return tally;
}

const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

console.log('── build ──');
try {
  build({ quiet: true });
} catch (err) {
  console.error(err.message);
  console.log(totalLine({ ...emptyTally(), failed: 1 }));
  process.exit(1);
}

// tsconfig.json references every project: node side, web side, and the tests that see a DOM (renderer units, e2e)
check('typecheck', [bin('typescript', 'bin/tsc'), '-b', 'tsconfig.json']);
check('lint', [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings=0']);
if (process.argv.includes('--format-check'))
  check('format', [bin('prettier', 'bin/prettier.cjs'), '--check', '--log-level=warn', '.']);
check('security scan', [join(root, 'scripts', 'security-scan.mjs')]);

const unit = stage('unit tests', () => unitStage({ root }));
const e2e = stage('end-to-end tests', () =>
  e2eStage({ root, files: specFiles(join(root, 'tests', 'e2e'), /\.spec\.ts$/) }),
);

const total = addTallies(checks, unit, e2e);
if (total.skips.length > 0) {
  console.log(`\nskipped (${total.skips.length}):`);
  for (const name of total.skips) console.log(`  - ${name}`);
}
if (total.retried.length > 0) {
  console.log(`\npassed only on a second try (${total.retried.length}), to be made steady:`);
  for (const name of total.retried) console.log(`  ~ ${name}`);
}
if (total.failures.length > 0) {
  console.log(`\nfailed (${total.failures.length}):`);
  for (const name of total.failures) console.log(`  ✗ ${name}`);
}
console.log(`\n${totalLine(total)}`);
process.exit(total.failed > 0 ? 1 : 0);
