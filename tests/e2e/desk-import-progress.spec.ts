import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { NEWSPAPER, openDesk, outline } from './desk-helpers';
import { startHost, type RunningHost } from './host';
import { reportRepeated } from '../helpers/paths';

/**
 * A large report imports in main's worker thread: the page shows how far it has got, stays
 * usable meanwhile, and 取消 stops it. The file (about 25 MB of text, our newspaper test report
 * over and over) is written at test time.
 */

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

function bigReportFile(mb: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'big-report-')), '全年工作总结汇编.txt');
  writeFileSync(path, reportRepeated(mb));
  return path;
}

async function chooseReport(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: '打开报告', exact: true }).click(),
  ]);
  await chooser.setFiles(path);
}

test('a 25 MB report shows its progress as a percentage while the desk stays usable', async ({ page }) => {
  // the newspaper report is dense with figures (a quarter of a million statistics in 25 MB): on a
  // loaded 2-core machine the whole import and the page's first drawing take minutes, so the
  // bounds here only say it ends; the bench measures how fast
  test.setTimeout(420_000);
  const path = bigReportFile(25);
  await openDesk(page, host.appUrl);
  await chooseReport(page, path);

  const bar = page.getByRole('progressbar', { name: '正在导入报告…' });
  await expect(bar).toBeVisible({ timeout: 10_000 });
  // a number that moves up, shown as a percentage, while the old report is still on the desk
  await expect
    .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  const shown = Number(await bar.getAttribute('aria-valuenow'));
  await expect(bar).toContainText(`${shown}%`);
  await expect(outline(page)).toContainText('稳住经济运行基本盘');

  // the page answers meanwhile: the language switches there and back
  await page.getByRole('button', { name: '切换界面语言' }).click();
  await expect(page.getByRole('button', { name: 'Open report', exact: true })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Importing the report…' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch interface language' }).click();
  await expect(page.getByRole('button', { name: '打开报告', exact: true })).toBeVisible();

  await expect(page.getByRole('status')).toContainText('已导入', { timeout: 360_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(outline(page).locator('.report-title')).toHaveText(NEWSPAPER.title);
});

test('取消 stops a long import quietly and leaves the desk as it was', async ({ page }) => {
  const path = bigReportFile(25);
  await openDesk(page, host.appUrl);
  await chooseReport(page, path);
  const bar = page.getByRole('progressbar', { name: '正在导入报告…' });
  await expect(bar).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: '取消', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(/已取消导入。/, { timeout: 10_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  // still the sample report, nothing half-imported
  await expect(outline(page)).toContainText('稳住经济运行基本盘');
  await expect(page.locator('.dirty')).toHaveCount(0);
});
