// Build the app (main, preload, renderer) and the command line's bundle (out/cli) when out/ is
// missing or older than the sources, so `npm start`, `npm test` and `npm run bench` always run what
// the sources say. `npx briefing` itself only checks that its bundle is there (bin/briefing.cjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'out', '.build-stamp');
const SOURCES = [
  'main',
  'content',
  'templates',
  'renderer',
  'package.json',
  'electron.vite.config.ts',
  'vite.cli.config.ts',
  'vite.shared.ts',
];

/** The command line's bundle: its entry is written last, so its presence means a whole build. */
export const cliEntry = join(root, 'out', 'cli', 'briefing.cjs');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function needsBuild() {
  if (!existsSync(stamp) || !existsSync(cliEntry)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

export function build({ quiet = false } = {}) {
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!existsSync(bin)) {
    throw new Error('依赖未安装，请先运行 npm install / dependencies missing: run npm install first');
  }
  const stdio = quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit';
  const app = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio });
  if (app.status !== 0) throw new Error('构建失败 / build failed');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const cli = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.cli.config.ts'], {
    cwd: root,
    stdio,
  });
  if (cli.status !== 0) throw new Error('命令行构建失败 / build of the command line failed');
  writeFileSync(stamp, new Date().toISOString());
}

export function ensureBuild({ quiet = false } = {}) {
  if (!needsBuild()) return false;
  process.stderr.write('正在构建简报工坊… / building Briefing Studio…\n');
  build({ quiet });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--force')) build();
    else ensureBuild();
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
