import { expect, test } from '@playwright/test';
import { ARTIFACTS, NEWSPAPER, importThroughChooser, openDesk, outline } from './desk-helpers';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('修复建议 offers what it says: 接受 keeps a repair and marks it done, 撤销 undoes it', async ({
  page,
}) => {
  await openDesk(page, host.appUrl);
  await importThroughChooser(page, NEWSPAPER.path);
  const nav = outline(page);
  await nav.getByRole('tab', { name: /修复建议/ }).click();
  const repairs = nav.locator('.repair');
  const total = await repairs.count();
  expect(total).toBeGreaterThan(1);
  const pending = nav.locator('.repairs-head');
  await expect(pending).toContainText(`待确认 ${total} 处`);

  // every repair not yet looked at offers both words
  const first = nav.locator(`[data-repair-id="${await repairs.first().getAttribute('data-repair-id')}"]`);
  await expect(first).toContainText('已应用');
  await expect(first.getByRole('button', { name: '接受修复' })).toBeVisible();
  await expect(first.getByRole('button', { name: '撤销修复' })).toBeVisible();

  // 接受: the repair stays applied, is marked done, and leaves the count of those to review
  await first.getByRole('button', { name: '接受修复' }).click();
  await expect(first).toContainText('已接受');
  await expect(first.getByRole('button', { name: '接受修复' })).toHaveCount(0);
  await expect(pending).toContainText(`待确认 ${total - 1} 处`);
  await page.screenshot({ path: `${ARTIFACTS}/repairs-accept-zh.png` });
  // and it is one undo step
  await page.keyboard.press('Control+z');
  await expect(first).toContainText('已应用');
  await expect(first.getByRole('button', { name: '接受修复' })).toBeVisible();

  // 撤销: the repair is undone; 接受 then applies it again
  await first.getByRole('button', { name: '撤销修复' }).click();
  await expect(first).toContainText('未应用');
  await first.getByRole('button', { name: '接受修复' }).click();
  await expect(first).toContainText('已接受');

  // 全部接受 takes all the rest at once, one undo step
  await nav.getByRole('button', { name: '全部接受' }).click();
  await expect(pending).toContainText('都已确认');
  await expect(nav.locator('.repair.accepted')).toHaveCount(
    total - (await nav.locator('.repair').filter({ hasText: '不能撤销' }).count()),
  );
  await page.keyboard.press('Control+z');
  await expect(pending).toContainText(`待确认 ${total - 1} 处`);
});
