import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../helpers/paths';
import { importThroughChooser, openDesk, outline } from './desk-helpers';
import { startHost, type RunningHost } from './host';

const PDF_COPY = join(ROOT, 'tests', 'fixtures', 'import-kinds', 'pdf-copy-county-summary.txt');

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('lists the page numbers dropped from a PDF copy, and puts one back with 撤销', async ({ page }) => {
  await openDesk(page, host.appUrl);
  await importThroughChooser(page, PDF_COPY);
  const nav = outline(page);
  await expect(nav.locator('.report-title')).toHaveText('临川县2023年上半年工作总结');
  const search = nav.getByRole('searchbox', { name: '搜索报告' });
  // the page number is gone from the report: searching finds nothing
  await search.fill('— 1 —');
  await expect(nav).toContainText('没有符合条件的内容');

  await nav.getByRole('tab', { name: /修复建议/ }).click();
  const pageNumber = nav.locator('.repair').filter({ hasText: '删除页码' }).first();
  await expect(pageNumber).toContainText('删去：— 1 —');
  await expect(pageNumber).toContainText('已应用');
  // the lines of each paragraph are listed as read back together too
  await expect(nav.locator('.repair').filter({ hasText: '接回段内换行' }).first()).toBeVisible();

  await pageNumber.getByRole('button', { name: '撤销修复' }).click();
  await expect(pageNumber).toContainText('未应用');
  await nav.getByRole('tab', { name: '大纲' }).click();
  await expect(nav.locator('.report-title')).toHaveText('临川县2023年上半年工作总结');
  await expect(nav).toContainText('— 1 —');
});
