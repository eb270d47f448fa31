import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningHost {
  url: string;
  appUrl: string;
  port: number;
  token: string;
  /** the host's data dir (recovery file, recent list, saved project copies) */
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Start the built browser-mode host (`node out/main/browser.js`) the way `npm start` does when
 * Electron is unavailable, and read its address from the JSON line it prints. Each host gets its
 * own fresh data dir unless `env.BRIEFING_DATA_DIR` names one (a restart after a crash does).
 */
export function startHost(extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningHost> {
  const dataDir = env.BRIEFING_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'briefing-e2e-data-'));
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out', 'main', 'browser.js'), '--json', '--no-open', ...extraArgs],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, BRIEFING_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${err}`)), 20_000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      const info = JSON.parse(line) as { url: string; appUrl: string; port: number; token: string };
      resolve({
        ...info,
        dataDir,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}: ${err}`));
    });
  });
}
