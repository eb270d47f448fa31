import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ARTIFACTS, openDesk } from './desk-helpers';
import { startHost, type RunningHost } from './host';

/**
 * The presenter view (`?view=presenter`, the page the desktop app opens on a second display):
 * current and next slide, notes and a timer, moved by the same keys and show state as 放映.
 */

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

const presenterUrl = (appUrl: string): string => appUrl.replace('/#', '/?view=presenter#');

for (const lang of ['zh', 'en'] as const)
  test(`the presenter view shows the current and next slide, notes and a timer, and follows the keys (${lang})`, async ({
    page,
  }) => {
    await openDesk(page, presenterUrl(host.appUrl));
    const counter = page.locator('.preview-bar .slide-count');
    await expect(counter).toHaveText(/第 1 \/ \d+ 页/);
    const total = Number(/\/ (\d+)/.exec((await counter.textContent()) ?? '')![1]);
    if (lang === 'en') await page.getByRole('button', { name: '切换界面语言' }).click();
    const words =
      lang === 'zh'
        ? { view: '演讲者视图', next: '下一页', of: (n: number) => `第 ${n} / ${total} 页` }
        : { view: 'Presenter view', next: 'Next slide', of: (n: number) => `Slide ${n} of ${total}` };

    await page.keyboard.press('F5');
    const view = page.getByRole('dialog', { name: words.view });
    await expect(view).toBeVisible();
    await expect(view.locator('.presenter-current .bs-slide')).toHaveCount(1);
    await expect(view.locator('.presenter-next .bs-slide')).toHaveCount(1);
    await expect(view.locator('.presenter-label')).toHaveText(words.next);
    await expect(view.locator('.presenter-clock')).toContainText(words.of(1));
    await expect(view.locator('.presenter-notes')).not.toBeEmpty();
    // the timer runs
    const clock = view.locator('.show-timer');
    await expect(clock).toHaveText(/^0?0:0\d$/);
    await expect.poll(async () => clock.textContent(), { timeout: 5_000 }).not.toBe('00:00');

    // the same keys as the show: the next slide becomes the current one
    const nextHtml = await view.locator('.presenter-next .bs-slide').innerHTML();
    await page.keyboard.press('ArrowRight');
    await expect(view.locator('.presenter-clock')).toContainText(words.of(2));
    expect(await view.locator('.presenter-current .bs-slide').innerHTML()).toBe(nextHtml);
    await page.keyboard.press('End');
    await expect(view.locator('.presenter-clock')).toContainText(words.of(total));
    await page.keyboard.press('Home');
    await expect(view.locator('.presenter-clock')).toContainText(words.of(1));
    await page.screenshot({ path: join(ARTIFACTS, `presenter-view-${lang}.png`) });
    await page.keyboard.press('Escape');
    await expect(view).toHaveCount(0);
  });
