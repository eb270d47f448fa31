import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepStaleTemps, writeFileAtomic } from '../../main/files';
import { ROOT } from '../helpers/paths';

/**
 * The temporary files atomic writes leave when a build is killed mid-write: removed on the way out
 * where the end can be caught, and swept at the next write into the folder where it cannot.
 */

const temps = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

/** The pid of a process that has ended: nothing runs under it now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('temporary files of atomic writes', () => {
  it('are named after the target and the process writing them, and are gone once written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'temps-'));
    await writeFileAtomic(join(dir, '简报.docx'), new Uint8Array(1000));
    expect(readdirSync(dir)).toEqual(['简报.docx']);
  });

  it('a write sweeps the temporaries killed writes left in its folder, and only those', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'temps-'));
    const dead = deadPid();
    const leftByDead = `.简报.docx.${dead}.0123456789ab.tmp`;
    const liveWriter = `.简报.pptx.${process.ppid}.0123456789ab.tmp`;
    const oldNaming = '.简报.html.a1b2c3d4e5f6.tmp';
    const freshOldNaming = '.简报.pdf.a1b2c3d4e5f7.tmp';
    const notOurs = ['.hidden.tmp', '.简报.docx.swp', 'notes.tmp', '.x.12345.zzzzzzzzzzzz.tmp'];
    for (const name of [leftByDead, liveWriter, oldNaming, freshOldNaming, ...notOurs])
      writeFileSync(join(dir, name), 'half a file');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(join(dir, oldNaming), hourAgo, hourAgo);

    await writeFileAtomic(join(dir, '简报.docx'), new Uint8Array(10));
    expect(readdirSync(dir).sort()).toEqual(['简报.docx', liveWriter, freshOldNaming, ...notOurs].sort());
    // sweeping again finds nothing more
    expect(await sweepStaleTemps(dir)).toEqual([]);
  });

  it('a build killed while writing leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'temps-'));
    const script = join(dir, 'writer.mts');
    writeFileSync(
      script,
      `import { writeFileAtomic } from ${JSON.stringify(join(ROOT, 'main', 'files.ts'))};
for (;;) await writeFileAtomic(${JSON.stringify(join(dir, 'deck.pptx'))}, new Uint8Array(256 * 1024 * 1024));
`,
    );
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, s) => resolve(s)));
      // wait until a write is under way: its temporary file is there
      const t0 = Date.now();
      while (temps(dir).length === 0 && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 2));
      expect(temps(dir)).toHaveLength(1);
      child.kill(signal);
      // the process still ends by the signal, as it would have
      expect(await exited).toBe(signal);
      expect(temps(dir)).toEqual([]);
    }
  }, 90_000);
});
