// `npm run bench`: build, run every bench/*.bench.ts one file at a time, then print every figure
// against its target. Speed is reported, never asserted: timing on shared machines is noisy.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, root } from './ensure-build.mjs';

ensureBuild();
const dir = join(root, 'bench-results');
mkdirSync(dir, { recursive: true });
const results = join(dir, 'figures.jsonl');
rmSync(results, { force: true });
const filter = process.argv.slice(2);
const run = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--config',
    'vitest.bench.config.ts',
    ...filter,
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_RESULTS: results },
  },
);
const figures = existsSync(results)
  ? readFileSync(results, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
console.log('\nBriefing Studio — bench figures (lower is better)');
console.log('figure'.padEnd(58) + 'value'.padStart(12) + 'target'.padStart(12) + '  ');
for (const f of figures) {
  const v = `${f.value.toFixed(f.unit === 'ms' ? 1 : 2)} ${f.unit}`;
  const t = f.target !== undefined ? `≤ ${f.target} ${f.unit}` : '—';
  const mark = f.target === undefined ? '' : f.value <= f.target ? 'ok' : 'OVER';
  console.log(
    `${f.name.padEnd(58)}${v.padStart(12)}${t.padStart(12)}  ${mark}${f.note ? `  ${f.note}` : ''}`,
  );
}
process.exit(run.status ?? 1);
