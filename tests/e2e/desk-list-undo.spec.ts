import { expect, test, type Page } from '@playwright/test';
import { briefingLines, briefingRows, openDesk, outline } from './desk-helpers';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

const output = (page: Page, name: string) =>
  page.getByRole('radiogroup', { name: '输出' }).getByRole('radio', { name, exact: true });

test('the slide list and the Word brief list each undo their own edits', async ({ page }) => {
  await openDesk(page, host.appUrl);
  const undo = page.getByRole('button', { name: '撤销' });
  await outline(page)
    .getByRole('checkbox', { name: /^选中「二、稳住经济运行基本盘」/ })
    .check();
  const slides = await briefingLines(page);

  // the brief list: its own draft, one step
  await output(page, 'Word 简报').click();
  await expect(briefingRows(page)).toHaveCount(0);
  // nothing done in this list yet: nothing to undo here, whatever the slide list did
  await expect(undo).toBeDisabled();
  await page.getByRole('button', { name: '一键生成初稿' }).click();
  await expect.poll(async () => (await briefingLines(page)).length).toBeGreaterThan(slides.length);
  const brief = await briefingLines(page);
  await briefingRows(page).first().getByRole('button', { name: /^删除/ }).click();
  await expect(briefingRows(page)).toHaveCount(brief.length - 1);

  // back on the slides, Ctrl+Z takes back the slide tick, not the brief's deletion
  await output(page, '幻灯片').click();
  expect(await briefingLines(page)).toEqual(slides);
  await page.locator('body').press('Control+z');
  await expect(briefingRows(page)).toHaveCount(0);
  await expect(undo).toBeDisabled();
  await page.getByRole('button', { name: '重做' }).click();
  expect(await briefingLines(page)).toEqual(slides);

  // the brief list still lacks its deleted line; its undo brings it back, then the whole draft goes
  await output(page, 'Word 简报').click();
  await expect(briefingRows(page)).toHaveCount(brief.length - 1);
  await undo.click();
  expect(await briefingLines(page)).toEqual(brief);
  await undo.click();
  await expect(briefingRows(page)).toHaveCount(0);
  await output(page, '幻灯片').click();
  expect(await briefingLines(page)).toEqual(slides);
});
