import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../main/cli';
import { convertToPdf, pdfPageCount } from '../helpers/libreoffice';
import { makeOfficeTemplate } from '../helpers/office-docx';
import { REPORT_PATH } from '../helpers/paths';

/**
 * 「压缩到 N 页」 from the command line, honest in LibreOffice: `briefing build --pages 2` writes a
 * .docx that LibreOffice sets on at most two pages, in a built-in format and in an office's own
 * template (counted on that template's pages), while the same brief uncondensed runs longer.
 */

const HAS_SOFFICE = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();
const NO_SOFFICE = 'needs LibreOffice (soffice), which is not installed';

let dir = '';
const pages = new Map<string, number>();

async function build(title: string, ...extra: string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir };
  const code = await runCli(
    ['build', REPORT_PATH, '--format', 'docx', '--out', 'out', '--title', title, ...extra],
    io,
  );
  if (code !== 0) throw new Error(`build failed (${code}): ${stderr}`);
  return stdout.trim().split('\n')[0]!;
}

beforeAll(async () => {
  if (!HAS_SOFFICE) return;
  dir = await mkdtemp(join(tmpdir(), 'cli-pages-'));
  await writeFile(join(dir, '本单位模板.docx'), await makeOfficeTemplate());
  const office = ['--template', join(dir, '本单位模板.docx')];
  const files = {
    full: await build('全文', '--template', 'gbt9704'),
    two: await build('两页', '--template', 'gbt9704', '--pages', '2'),
    officeFull: await build('本单位全文', ...office),
    officeTwo: await build('本单位两页', ...office, '--pages', '2'),
  };
  const pdfs = join(dir, 'pdf');
  await convertToPdf(Object.values(files), pdfs, dir);
  for (const [key, file] of Object.entries(files))
    pages.set(key, await pdfPageCount(join(pdfs, basename(file).replace(/\.docx$/, '.pdf'))));
}, 600_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!HAS_SOFFICE)(
  `briefing build --pages in LibreOffice (${HAS_SOFFICE ? 'soffice found' : NO_SOFFICE})`,
  () => {
    it('gives at most two pages with --pages 2, where the full brief runs longer', () => {
      expect(pages.get('full')).toBeGreaterThan(2);
      expect(pages.get('two')).toBeLessThanOrEqual(2);
    });

    it("gives at most two pages with --pages 2 in an office's own template too", () => {
      expect(pages.get('officeFull')).toBeGreaterThan(2);
      expect(pages.get('officeTwo')).toBeLessThanOrEqual(2);
    });
  },
);
