import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { REPORT_PATH } from '../helpers/paths';

/**
 * `npx briefing build FILE --template … --format html,pdf,pptx --out DIR` with the built app, on
 * a newspaper report of our own: three files per theme that agree on the number of slides, and an
 * HTML deck that works from file:// with the network cut off.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REPORT = REPORT_PATH;
let dir = '';

test.beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-build.mjs'), '--force'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  dir = mkdtempSync(join(tmpdir(), 'deck-cli-'));
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

for (const theme of ['gov-red', 'gov-blue', 'plain']) {
  test(`briefing build writes matching .html, .pdf and .pptx in ${theme}`, async ({ page }) => {
    const out = join(dir, theme);
    const stdout = execFileSync(
      process.execPath,
      [
        join(ROOT, 'bin', 'briefing.cjs'),
        'build',
        REPORT,
        '--template',
        theme,
        '--format',
        'html,pdf,pptx',
        '--out',
        out,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const files = readdirSync(out).sort();
    expect(files.map((f) => f.split('.').pop())).toEqual(['html', 'pdf', 'pptx']);
    expect(stdout.trim().split('\n')).toHaveLength(3);
    const [html, pdf, pptx] = files.map((f) => join(out, f)) as [string, string, string];

    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) outside.push(r.url());
    });
    await page.context().route(/^(?!file:|data:)/, (route) => {
      outside.push(route.request().url());
      return route.abort();
    });
    await page.goto(pathToFileURL(html).href);
    await page.waitForFunction('Boolean(window.Reveal && window.Reveal.isReady())');
    const slides = await page.locator('.reveal .slides > section').count();
    expect(slides).toBeGreaterThan(10);
    await expect(page.locator(`.reveal.bs-theme-${theme}`)).toHaveCount(1);
    await page.keyboard.press('End');
    expect(await page.evaluate<number>('Reveal.getIndices().h')).toBe(slides - 1);
    expect(outside).toEqual([]);

    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(slides);
    expect(info).toMatch(/Page size:\s+960 x 540 pts/);
    const parts = Object.keys(unzipSync(readFileSync(pptx)));
    expect(parts.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(slides);
  });
}
