import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ROOT } from './paths';

const run = promisify(execFile);

/** The test-only fontconfig: the official Chinese font names mapped to the Noto CJK faces. */
export const FONTS_CONF = join(ROOT, 'tests', 'fixtures', 'brief', 'fonts.conf');

/**
 * Convert .docx files to PDF with LibreOffice headless, all in one soffice run (it starts slowly).
 * `workDir` holds its own profile and HOME, so runs in parallel never share a LibreOffice profile.
 */
export async function convertToPdf(files: readonly string[], outDir: string, workDir: string): Promise<void> {
  const home = join(workDir, 'home');
  await mkdir(home, { recursive: true });
  await run(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(workDir, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...files,
    ],
    { env: { ...process.env, HOME: home, FONTCONFIG_FILE: FONTS_CONF }, timeout: 170_000 },
  );
}

/** The page count pdfinfo reports. */
export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
}
