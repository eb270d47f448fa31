import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { HAS_SHARED_REPORT, SHARED_REPORT_MISSING } from '../helpers/paths';
import { ARTIFACTS, DISTRICT, importThroughChooser, openDesk, outline } from './desk-helpers';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('the statistics list says what each number means; staff rewrite a label and keep a number off the cards, and undo both [acceptance: needs ../shared/fixtures]', async ({
  page,
}) => {
  test.skip(!HAS_SHARED_REPORT, SHARED_REPORT_MISSING);
  await openDesk(page, host.appUrl);
  await importThroughChooser(page, DISTRICT.path);
  const nav = outline(page);
  await nav.getByRole('radio', { name: '只看数据' }).click();
  const search = nav.getByRole('searchbox', { name: '搜索报告' });

  // a figure from a photo caption about one company is scoped to the caption
  await search.fill('3亿元');
  const caption = nav.locator('.outline-row.kind-stat').filter({ hasText: '3亿元' });
  await expect(caption.locator('.stat-tag')).toContainText(['图片说明']);

  // 「减免缓缴各类税费超5亿元」: an amount, qualified by 超
  await search.fill('5亿元');
  const row = nav.locator('.outline-row.kind-stat').filter({ hasText: '减免缓缴各类税费' });
  await expect(row.locator('.stat-kind')).toHaveText('总量');
  await expect(row.locator('.stat-tag').first()).toHaveText('超');
  await row.locator('.row-label').click();
  const detail = nav.locator('.detail');
  const label = detail.getByRole('textbox', { name: '说明' });
  await expect(label).toHaveValue('减免缓缴各类税费');
  await expect(detail.locator('.stat-facts')).toContainText('限定超');

  // a label of staff's own: kept in the report's decisions, shown in the list
  await label.fill('减免税费');
  await label.press('Enter');
  await expect(row.or(nav.locator('.outline-row.kind-stat').filter({ hasText: '减免税费' }))).toContainText(
    '减免税费',
  );
  await expect(detail.locator('.stat-tag')).toHaveText('已改写');

  // off the cards
  await detail.getByRole('button', { name: '不上卡片' }).click();
  await expect(detail.locator('.stat-unfit-line')).toContainText('不上卡片');
  const edited = nav.locator('.outline-row.kind-stat').filter({ hasText: '减免税费' });
  await expect(edited.locator('.stat-unfit')).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'desk-stats.png') });

  // one undo history: the mark, then the label
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(edited.locator('.stat-unfit')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(nav.locator('.outline-row.kind-stat').filter({ hasText: '减免缓缴各类税费' })).toHaveCount(1);
  await page.keyboard.press('Control+y');
  await expect(nav.locator('.outline-row.kind-stat').filter({ hasText: '减免税费' })).toHaveCount(1);
});
