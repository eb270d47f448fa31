import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS, exportFormat, openDesk } from './desk-helpers';
import { startHost, type RunningHost } from './host';

/**
 * The first PDF export of a session starts a print browser: seconds on a busy machine. The bar
 * names each step and the number of slides, counts up, and 取消 stops it with no file written.
 */

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

/** 导出 → PDF, past the check before export when it holds the export back. */
async function startPdfExport(page: Page): Promise<void> {
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await page.getByRole('menuitem', { name: /PDF/ }).click();
  const anyway = page.getByRole('complementary', { name: '校对' }).getByRole('button', { name: '仍然导出' });
  const bar = page.getByRole('progressbar');
  await expect(bar.or(anyway).first()).toBeVisible({ timeout: 20_000 });
  if (await anyway.isVisible()) await anyway.click();
}

test('a PDF export shows its steps with a percentage, and 取消 stops it with no file', async ({ page }) => {
  await openDesk(page, host.appUrl);
  const counter = page.locator('.preview-bar .slide-count');
  await expect(counter).toHaveText(/第 1 \/ \d+ 页/);
  const total = Number(/\/ (\d+)/.exec((await counter.textContent()) ?? '')![1]);
  let downloads = 0;
  page.on('download', () => void (downloads += 1));

  await startPdfExport(page);
  const bar = page.getByRole('progressbar', { name: /正在导出 PDF/ });
  await expect(bar).toBeVisible();
  // determinate, with the step in words: the first export starts the print browser
  await expect(bar).toHaveAttribute('aria-valuenow', /\d+/);
  await expect(bar).toContainText(/正在导出 PDF：(排版幻灯片|启动打印程序|为打印排好 \d+ 页|生成 \d+ 页)/);
  await page.screenshot({ path: join(ARTIFACTS, 'export-progress-zh.png') });
  await page.getByRole('button', { name: '取消', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('已取消导出，没有写入任何文件。');
  await expect(bar).toHaveCount(0);
  // nothing arrives afterwards either, once the browser's print has run its course
  await page.waitForTimeout(3_000);
  expect(downloads).toBe(0);

  // the printer is not left stuck: the next export runs to the end, one page per slide
  const download = await exportFormat(page, /PDF/);
  const path = join(ARTIFACTS, 'export-after-cancel.pdf');
  await download.saveAs(path);
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(total);
});

test('the export bar speaks English in the English interface', async ({ page }) => {
  await openDesk(page, host.appUrl);
  await page.getByRole('button', { name: '切换界面语言' }).click();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: /PDF/ }).click();
  const anyway = page.getByRole('complementary').getByRole('button', { name: /Export anyway/ });
  const bar = page.getByRole('progressbar', { name: /Exporting PDF/ });
  await expect(bar.or(anyway).first()).toBeVisible({ timeout: 20_000 });
  if (await anyway.isVisible()) await anyway.click();
  await expect(bar).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'export-progress-en.png') });
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Export canceled; no file was written.');
});
