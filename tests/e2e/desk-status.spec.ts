import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ARTIFACTS, briefingRows, openDesk } from './desk-helpers';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

const number = (text: string | null): number => Number(/([\d,]+)/.exec(text ?? '')![1]!.replace(/,/g, ''));

test('the status line counts the slides and the brief’s characters, and follows edits', async ({ page }) => {
  await openDesk(page, host.appUrl);
  const status = page.getByRole('contentinfo', { name: '状态栏' });
  const slides = status.locator('[data-count="slides"]');
  const words = status.locator('[data-count="words"]');
  const counter = page.locator('.preview-bar .slide-count');
  await expect(counter).toHaveText(/第 1 \/ \d+ 页/);
  const total = Number(/\/ (\d+)/.exec((await counter.textContent()) ?? '')![1]);
  await expect(slides).toHaveText(`幻灯片 ${total} 页`);
  await expect(words).toHaveText(/Word 简报 [\d,]+ 字/);

  // nine characters typed into a paragraph of the brief's own list are nine more
  await page.getByRole('radio', { name: 'Word 简报' }).click();
  await page.getByRole('button', { name: '一键生成初稿' }).click();
  const row = briefingRows(page)
    .filter({ has: page.locator('.badge-paragraph') })
    .first();
  await row.click();
  const before = number(await words.textContent());
  const text = row.getByRole('textbox', { name: '正文' });
  await text.press('End');
  await text.pressSequentially('临川县新增项目十个');
  await expect.poll(async () => number(await words.textContent())).toBe(before + 9);
  await page.screenshot({ path: join(ARTIFACTS, 'status-zh.png') });
  await page.getByRole('button', { name: '切换界面语言' }).click();
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('characters');
  await page.screenshot({ path: join(ARTIFACTS, 'status-en.png') });
});

test('zoom: fit width, fit page and 50–200 % for slides and for the brief', async ({ page }) => {
  await openDesk(page, host.appUrl);
  const zoom = page.getByRole('combobox', { name: '预览缩放' });
  const stage = page.locator('.slide-stage');
  const pane = page.getByRole('region', { name: '预览' });
  const paneBox = (await pane.boundingBox())!;
  // fit width: the slide as wide as the pane allows
  const fit = (await stage.boundingBox())!;
  expect(fit.width).toBeGreaterThan(paneBox.width - 60);
  await zoom.selectOption('page');
  await expect.poll(async () => (await stage.boundingBox())!.height).toBeLessThan(paneBox.height - 80);
  await zoom.selectOption('100');
  await expect.poll(async () => Math.round((await stage.boundingBox())!.width)).toBe(1280);
  await zoom.selectOption('50');
  await expect.poll(async () => Math.round((await stage.boundingBox())!.width)).toBe(640);
  await page.getByRole('button', { name: '放大预览' }).click();
  await expect.poll(async () => Math.round((await stage.boundingBox())!.width)).toBe(768);
  await page.getByRole('button', { name: '缩小预览' }).click();
  await expect(page.getByRole('button', { name: '缩小预览' })).toBeDisabled();

  // the brief keeps its own zoom
  await page.getByRole('radio', { name: 'Word 简报' }).click();
  await expect(zoom).toHaveValue('width');
  const page1 = page.locator('.brief-page');
  await zoom.selectOption('200');
  // A4 at 96 dpi is 793.7 px wide: drawn at 200 % it is twice that
  await expect.poll(async () => Math.abs((await page1.boundingBox())!.width - 1587.4)).toBeLessThan(2);
  await page.screenshot({ path: join(ARTIFACTS, 'zoom-brief-200-zh.png') });
  await zoom.selectOption('page');
  await expect
    .poll(async () => (await page1.boundingBox())!.width)
    .toBeLessThan((await pane.boundingBox())!.width - 40);
  await page.getByRole('radio', { name: '幻灯片' }).click();
  await expect(zoom).toHaveValue('50');
});
