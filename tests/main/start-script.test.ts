import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeWire } from '../../content/util/wire';
import { ensureBuild } from '../../scripts/ensure-build.mjs';
import { ROOT } from '../helpers/paths';

/**
 * `npm start` where the Electron window cannot open (no runtime, no display, or --browser asked
 * for): one line saying why, then browser mode serving the desk on the sample report.
 */

interface Started {
  child: ChildProcess;
  lines: string[];
  host: { url: string; appUrl: string; token: string };
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Started> {
  // its own process group: npm's shell and node go when the test stops it
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n').filter(Boolean);
      const json = lines.find((l) => l.startsWith('{'));
      if (json) resolve({ child, lines, host: JSON.parse(json) as Started['host'] });
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${out}`)));
  });
}

/** Stop it as a terminal's Ctrl+C would, the whole group; then nothing answers on its port. */
async function stop(s: Started): Promise<void> {
  await new Promise((done) => {
    s.child.once('exit', done);
    process.kill(-s.child.pid!, 'SIGINT');
  });
  await expect(fetch(s.host.url)).rejects.toThrow();
}

async function servesTheSample(s: Started): Promise<void> {
  const page = await fetch(s.host.url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<title>简报工坊</title>');
  const res = await fetch(`${s.host.url}api/report:sample`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Briefing-Token': s.host.token },
    body: '{}',
  });
  const reply = decodeWire(await res.text()) as { ok: boolean; value: { title: string } };
  expect(reply).toMatchObject({ ok: true, value: { title: '绿园区2022年上半年工作总结' } });
}

const dataDir = (): string => mkdtempSync(join(tmpdir(), 'npm-start-'));

beforeAll(() => {
  ensureBuild({ quiet: true });
}, 120_000);

describe('npm start', () => {
  it('with --browser: says so, then serves the desk on the sample report, and stops cleanly', async () => {
    const s = await start('npm', ['start', '--silent', '--', '--browser', '--json', '--no-open'], {
      ...process.env,
      BRIEFING_DATA_DIR: dataDir(),
    });
    try {
      expect(s.lines[0]).toContain('按要求使用浏览器模式');
      expect(s.lines[0]).toContain('browser mode requested');
      expect(s.host.appUrl).toBe(`${s.host.url}#token=${s.host.token}`);
      await servesTheSample(s);
    } finally {
      await stop(s);
    }
  }, 60_000);

  it.runIf(process.platform === 'linux')(
    'on a Linux machine with no display, starts browser mode and says why',
    async () => {
      const env: NodeJS.ProcessEnv = { ...process.env, BRIEFING_DATA_DIR: dataDir() };
      delete env.DISPLAY;
      delete env.WAYLAND_DISPLAY;
      const s = await start(
        process.execPath,
        [join(ROOT, 'scripts', 'start.mjs'), '--json', '--no-open'],
        env,
      );
      try {
        expect(s.lines[0]).toContain('当前环境没有图形界面');
        expect(s.lines[0]).toContain('no display');
        await servesTheSample(s);
      } finally {
        await stop(s);
      }
    },
    60_000,
  );
});
