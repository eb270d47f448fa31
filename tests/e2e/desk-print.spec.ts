import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS, openDesk } from './desk-helpers';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

/** The print view as the printer gets it: Chromium's own PDF of the page in print media. */
async function printPdf(page: Page, name: string): Promise<{ pages: number; size: string }> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const path = join(ARTIFACTS, name);
  writeFileSync(path, pdf);
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    size: /Page size:\s+([\d.]+ x [\d.]+)/.exec(info)![1]!,
  };
}

/** Whether pdfinfo's page size (points) is A4, and which way round. */
function a4(size: string): string {
  const [w, h] = size.split(' x ').map(Number) as [number, number];
  const near = (a: number, b: number): boolean => Math.abs(a - b) < 2;
  if (near(w, 595) && near(h, 842)) return 'portrait';
  if (near(w, 842) && near(h, 595)) return 'landscape';
  return size;
}

/** Ctrl+P, the choices, 打印…: the page's print() is watched, not run (no printer here). */
/** The first page of a printed PDF in test-results, as a small PNG to look at. */
function firstPageImage(name: string): void {
  const pdf = join(ARTIFACTS, `${name}.pdf`);
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', pdf, join(ARTIFACTS, name)]);
}

async function print(page: Page, perPage?: string, notes = false): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.locator('.pane-head h2').first().click();
  await page.keyboard.press('Control+p');
  const dialog = page.getByRole('dialog', { name: '打印' });
  await expect(dialog).toBeVisible();
  if (perPage) await dialog.getByRole('radio', { name: perPage }).check();
  if (notes) await dialog.getByRole('checkbox', { name: '同时打印备注' }).check();
  await dialog.getByRole('button', { name: '打印…' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(page.locator('.print-view')).toHaveCount(1);
}

test('打印 the deck: 1, 2, 4 and 6 slides a page, with notes, one PDF page per sheet', async ({ page }) => {
  await openDesk(page, host.appUrl);
  const counter = page.locator('.preview-bar .slide-count');
  await expect(counter).toHaveText(/第 1 \/ \d+ 页/);
  const total = Number(/\/ (\d+)/.exec((await counter.textContent()) ?? '')![1]);

  await print(page);
  const one = await printPdf(page, 'print-deck-1.pdf');
  expect(one.pages).toBe(total);
  expect(a4(one.size)).toBe('landscape');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('.print-view')).toHaveCount(0);

  await print(page, '2 张幻灯片');
  expect((await printPdf(page, 'print-deck-2.pdf')).pages).toBe(Math.ceil(total / 2));
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

  await print(page, '4 张幻灯片');
  expect((await printPdf(page, 'print-deck-4.pdf')).pages).toBe(Math.ceil(total / 4));
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

  await print(page, '6 张幻灯片', true);
  const six = await printPdf(page, 'print-deck-6-notes.pdf');
  expect(six.pages).toBe(Math.ceil(total / 6));
  expect(a4(six.size)).toBe('portrait');
  firstPageImage('print-deck-6-notes');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
});

test('打印 the brief on its own page size, drawn by the same renderer as the preview', async ({ page }) => {
  await openDesk(page, host.appUrl);
  await page.getByRole('button', { name: '一键生成初稿' }).click();
  await page.getByRole('radio', { name: 'Word 简报' }).click();
  await print(page);
  await expect(page.locator('.print-view .brief-sheet')).toContainText('绿园区2022年上半年工作总结');
  const brief = await printPdf(page, 'print-brief.pdf');
  expect(a4(brief.size)).toBe('portrait');
  expect(brief.pages).toBeGreaterThan(1);
  firstPageImage('print-brief');
});

/** 「共 N 页」 as the preview says it (the paginator's count, the one the .docx is laid out by). */
async function previewPages(page: Page): Promise<number> {
  const text = (await page.locator('.brief-page .brief-page-count').textContent()) ?? '';
  return Number(/共 (\d+) 页/.exec(text)![1]);
}

for (const [id, name] of [
  ['plain', '简洁文稿'],
  ['gbt9704', '汇报材料'],
  ['bulletin', '工作简报'],
] as const)
  test(`打印 the brief in ${id}: as many pages as the preview's 共 N 页, each numbered 「— n —」`, async ({
    page,
  }) => {
    await openDesk(page, host.appUrl);
    await page.getByRole('radio', { name: 'Word 简报' }).click();
    await page.getByRole('button', { name: '一键生成初稿' }).click();
    await page.getByRole('button', { name: /^模板：/ }).click();
    await page.getByRole('menuitemradio', { name: new RegExp(name) }).click();
    await expect(page.locator('.brief-page .brief-sheet')).toHaveAttribute('data-template', id);
    const expected = await previewPages(page);
    expect(expected).toBeGreaterThan(1);
    await print(page);
    const file = `print-brief-${id}.pdf`;
    const pdf = await printPdf(page, file);
    expect(pdf.pages).toBe(expected);
    // every page carries its own number, as the .docx footer does
    for (let n = 1; n <= expected; n++) {
      const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), join(ARTIFACTS, file), '-'], {
        encoding: 'utf8',
      });
      expect(text, `page ${n}`).toMatch(new RegExp(`—\\s*${n}\\s*—`));
    }
  });
