import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { startHost, type RunningHost } from './host';

// a host per test: work left unsaved by one test is (rightly) offered for recovery at the next start
let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('opens on the sample report, ticks two sections and exports a .docx holding their headings', async ({
  page,
}) => {
  await page.goto(host.appUrl);
  const outline = page.getByRole('navigation', { name: '报告' });
  await expect(outline).toContainText('稳住经济运行基本盘');

  // the Word brief has its own list (issue 14): pick for it
  await page.getByRole('radio', { name: 'Word 简报' }).click();
  await outline.getByRole('checkbox', { name: /稳住经济运行基本盘/ }).check();
  await outline.getByRole('checkbox', { name: /改善城乡人居环境/ }).check();

  await page.getByRole('button', { name: '导出' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /Word 简报（\.docx）/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const xml = strFromU8(unzipSync(readFileSync(await download.path()))['word/document.xml']!);
  const text = xml.replace(/<[^>]+>/g, '');
  expect(text).toContain('稳住经济运行基本盘');
  expect(text).toContain('改善城乡人居环境');
  // only what was ticked
  expect(text).not.toContain('保障和改善民生');
});

test('exports a standalone .html deck through the host', async ({ page }) => {
  await page.goto(host.appUrl);
  await page
    .getByRole('navigation', { name: '报告' })
    .getByRole('checkbox', { name: /以改革创新增强发展动力/ })
    .check();
  await page.getByRole('button', { name: '导出' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /网页幻灯片（\.html）/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.html$/);
  const html = readFileSync(await download.path(), 'utf8');
  expect(html).toContain('以改革创新增强发展动力');
  expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
});

test('the page works only with the token from the printed address', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('alert')).toContainText('访问口令无效');
});
