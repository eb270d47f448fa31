// `npm start`: build if needed, then open the Electron app on the built-in sample report. When the
// Electron runtime is missing and cannot be fetched (offline machines, build servers), say so in
// one line and start browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuild, root } from './ensure-build.mjs';

const args = process.argv.slice(2);
const DOWNLOAD_TIMEOUT_MS = 90_000;

function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

/** Electron 42+ fetches its binary on first use rather than at install; try that once, quietly. */
function fetchElectron() {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return null;
  const result = spawnSync(process.execPath, [installer], {
    cwd: root,
    stdio: 'pipe',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  return result.status === 0 ? electronBinary() : null;
}

/** Browser mode runs in this process: a second Node start would only add to the wait. */
async function startBrowserMode(reason) {
  process.stdout.write(
    `${reason}，改用浏览器模式 / ${reasonEn[reason] ?? 'Electron unavailable'}: starting browser mode\n`,
  );
  const { runFromCommandLine } = await import(pathToFileURL(join(root, 'out', 'main', 'browser.js')).href);
  runFromCommandLine(args.filter((a) => a !== '--browser'));
}

const reasonEn = {
  按要求使用浏览器模式: 'browser mode requested',
  '未找到 Electron 运行时且无法下载': 'the Electron runtime is missing and could not be downloaded',
  '当前环境没有图形界面，无法打开 Electron 窗口': 'no display to open the Electron window on',
};

try {
  ensureBuild();
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}

if (args.includes('--browser')) {
  void startBrowserMode('按要求使用浏览器模式');
} else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  void startBrowserMode('当前环境没有图形界面，无法打开 Electron 窗口');
} else {
  const exe = electronBinary() ?? fetchElectron();
  if (!exe) {
    void startBrowserMode('未找到 Electron 运行时且无法下载');
  } else {
    const child = spawn(exe, [root, ...args], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
