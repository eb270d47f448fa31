import { expect, test } from '@playwright/test';
import { ARTIFACTS } from './desk-helpers';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('a page opened without its access token shows only the error and how to open the right address', async ({
  browser,
}) => {
  for (const [locale, scale] of [
    ['zh-CN', 1],
    ['en', 1],
    ['zh-CN', 1.25],
    ['en', 1.25],
  ] as const) {
    const context = await browser.newContext({
      viewport: { width: Math.round(1366 / scale), height: Math.round(768 / scale) },
      deviceScaleFactor: scale,
      locale,
    });
    const page = await context.newPage();
    if (locale === 'en') await page.addInitScript(() => localStorage.setItem('briefing-lang', 'en'));
    await page.goto(host.appUrl.replace(/#.*$/, ''));
    const alert = page.getByRole('alert');
    if (locale === 'zh-CN') {
      await expect(alert.getByRole('heading', { name: '无法打开简报工坊' })).toBeVisible();
      await expect(alert).toContainText('访问口令无效');
      await expect(alert).toContainText('npm start');
    } else {
      await expect(alert.getByRole('heading', { name: 'Briefing Studio cannot open' })).toBeVisible();
      await expect(alert).toContainText('Invalid access token');
    }
    // the address to open, on this host
    await expect(alert).toContainText(`${new URL(host.appUrl).origin}/#token=`);
    // nothing behind it: no buttons, no menus, no raw template ids, no sample report
    await expect(page.getByRole('button')).toHaveCount(0);
    await expect(page.locator('header.toolbar')).toHaveCount(0);
    await expect(page.getByText(/模板：|plain/)).toHaveCount(0);
    // the whole message fits the window without scrolling
    const box = (await alert.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await page.screenshot({ path: `${ARTIFACTS}/no-token-${locale}-${scale}.png` });
    await context.close();
  }
});
