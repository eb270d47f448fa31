import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ARTIFACTS, openDesk } from './desk-helpers';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('放映: F5 from the start, Shift+F5 from the current slide, the keys, black screen and Esc', async ({
  page,
}) => {
  await openDesk(page, host.appUrl);
  const counter = page.locator('.preview-bar .slide-count');
  await expect(counter).toHaveText(/第 1 \/ (\d+) 页/);
  const total = Number(/\/ (\d+)/.exec((await counter.textContent()) ?? '')![1]);
  expect(total).toBeGreaterThan(5);

  const show = page.getByRole('dialog', { name: '幻灯片放映' });
  const status = show.locator('.show-status');
  await page.locator('.pane-head h2').first().click();
  await page.keyboard.press('F5');
  await expect(show).toBeVisible();
  await expect(status).toHaveText(`第 1 / ${total} 页`);
  // the browser's Fullscreen API holds the show (headless Chromium grants it to the key press)
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  // the slide fills the screen's width or height, as drawn by the export's renderer
  const box = await show.locator('.show-stage').boundingBox();
  const view = page.viewportSize()!;
  expect(Math.max(box!.width / view.width, box!.height / view.height)).toBeGreaterThan(0.98);
  await expect(show.locator('.show-stage')).toContainText('绿园区2022年上半年工作总结');
  await page.screenshot({ path: join(ARTIFACTS, 'show-zh.png') });

  for (const [key, at] of [
    ['ArrowRight', 2],
    ['Space', 3],
    ['PageDown', 4],
    ['ArrowLeft', 3],
    ['PageUp', 2],
    ['End', total],
    ['Home', 1],
  ] as const) {
    await page.keyboard.press(key);
    await expect(status, key).toHaveText(`第 ${at} / ${total} 页`);
  }
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('b');
  await expect(show).toHaveAttribute('data-show-black', 'true');
  await expect(show.locator('.show-stage')).toHaveCount(0);
  await page.keyboard.press('b');
  await expect(show.locator('.show-stage')).toBeVisible();
  // past the last slide: the end screen, then Esc leaves and the desk is on the slide shown last
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  await expect(show).toContainText('放映结束');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Escape');
  await expect(show).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  await expect(counter).toHaveText(`第 ${total - 1} / ${total} 页`);

  // Shift+F5 shows from the slide in the desk
  await page.getByRole('button', { name: '上一页' }).click();
  await expect(counter).toHaveText(`第 ${total - 2} / ${total} 页`);
  await page.keyboard.press('Shift+F5');
  await expect(status).toHaveText(`第 ${total - 2} / ${total} 页`);
  await page.keyboard.press('Escape');
  await expect(show).toHaveCount(0);

  // and the preview's own button, in English
  await page.getByRole('button', { name: '切换界面语言' }).click();
  await page.getByRole('button', { name: 'Slide show' }).click();
  await expect(page.getByRole('dialog', { name: 'Slide show' }).locator('.show-status')).toHaveText(
    `Slide 1 of ${total}`,
  );
});
