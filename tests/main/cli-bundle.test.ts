import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { paragraphs, readDocx } from '../helpers/ooxml';
import { REPORT_PATH, ROOT } from '../helpers/paths';

/**
 * The command line as `npx briefing` runs it: the bundle in out/cli, started by bin/briefing.cjs.
 * Each call loads only what its command needs, and the bundle writes what the sources write.
 */

const exec = promisify(execFile);
const BIN = join(ROOT, 'bin', 'briefing.cjs');
const LOADED = join(ROOT, 'tests', 'fixtures', 'cli', 'loaded-modules.mjs');
const CACHE = join(ROOT, 'out', 'cli', '.v8-cache');

beforeAll(async () => {
  const { ensureBuild } = (await import('../../scripts/ensure-build.mjs')) as {
    ensureBuild: (o: { quiet: boolean }) => boolean;
  };
  ensureBuild({ quiet: true });
}, 300_000);

/** Run the bin; returns its output and the bundle files it loaded (their names without hashes). */
async function briefing(args: string[], cwd = mkdtempSync(join(tmpdir(), 'cli-bundle-'))) {
  const { stdout, stderr } = await exec(process.execPath, ['--import', LOADED, BIN, ...args], { cwd });
  // the process and each worker thread list what they loaded, each in its own block
  const blocks = [...stderr.matchAll(/\n--loaded (main|worker)--\n([^]*?)--end--\n/g)];
  const err = stderr.replace(/\n--loaded (main|worker)--\n[^]*?--end--\n/g, '');
  const files = blocks.flatMap((b) => (b[2] ?? '').trim().split('\n').filter(Boolean));
  const loaded = files.map((f) => basename(f).replace(/-[\w-]{8}\.cjs$|\.cjs$/, ''));
  return { stdout, stderr: err, loaded, files, cwd };
}

describe('npx briefing (the bundled command line)', () => {
  it('answers --help from its entry file alone', async () => {
    const r = await briefing(['--help']);
    expect(r.stdout).toContain('briefing build');
    expect(r.loaded).not.toEqual(expect.arrayContaining(['build']));
    expect(r.loaded.some((f) => /docx|pptx|html|zod|schemas|import|registry/.test(f))).toBe(false);
    expect(r.loaded.length).toBeLessThanOrEqual(4);
  });

  it('loads the docx writer and the text importer for a .txt to .docx, and no other writer or importer', async () => {
    const r = await briefing(['build', REPORT_PATH, '--format', 'docx']);
    expect(r.stderr).toBe('');
    expect(r.loaded).toEqual(expect.arrayContaining(['briefing', 'build', 'import', 'docx']));
    // no .pptx (pptxgenjs, jszip), no HTML deck (reveal.js), no .docx reading (mammoth), no PDF reading
    expect(r.loaded.some((f) => /^(pptx|html|lib|office-template)$/.test(f))).toBe(false);
    // two chunks are called docx: the writer (the docx library) and the reader (mammoth)
    const docx = r.files.filter((f) => basename(f).startsWith('docx-'));
    expect(docx).toHaveLength(1);
    // the writer makes docProps/app.xml; mammoth's entry point is convertToHtml
    expect(readFileSync(docx[0]!, 'utf8')).toContain('docProps/app.xml');
    expect(readFileSync(docx[0]!, 'utf8')).not.toContain('convertToHtml');
  });

  it('writes the same .docx text as the sources do, in a zip any reader opens', async () => {
    const r = await briefing(['build', REPORT_PATH, '--format', 'docx', '--out', 'bundle']);
    const bundled = readDocx(new Uint8Array(readFileSync(r.stdout.trim())));
    let path = '';
    await runCli(['build', REPORT_PATH, '--format', 'docx', '--out', 'sources'], {
      stdout: (t) => void (path = t.trim()),
      stderr: () => undefined,
      cwd: r.cwd,
    });
    const unbundled = readDocx(new Uint8Array(readFileSync(path)));
    const texts = (d: ReturnType<typeof readDocx>): string[] => paragraphs(d.document).map((p) => p.text);
    expect(texts(bundled)).toEqual(texts(unbundled));
    expect(texts(bundled).length).toBeGreaterThan(50);
  });

  it('keeps V8’s compiled code between calls, and compiles afresh when a cache file is damaged', async () => {
    await briefing(['build', REPORT_PATH, '--format', 'html']);
    const cached = readdirSync(CACHE);
    const entry = cached.find((f) => f.startsWith('briefing.cjs.'));
    expect(entry).toBeDefined();
    expect(cached.some((f) => f.startsWith('html-'))).toBe(true);
    writeFileSync(join(CACHE, entry!), 'not a code cache');
    const r = await briefing(['build', REPORT_PATH, '--format', 'html']);
    expect(r.stderr).toBe('');
    expect(readFileSync(r.stdout.trim(), 'utf8')).toContain('稳中求进开新局');
    // the damaged file was replaced by V8's own
    expect(readFileSync(join(CACHE, entry!)).length).toBeGreaterThan(100);
  });
});
