import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../helpers/paths';
import { ARTIFACTS, briefingRows, importThroughChooser, openDesk } from './desk-helpers';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

/** Our town summary (tests/fixtures/deck): points whose rhetoric the slide leaves for the notes. */
const SONGXI = join(ROOT, 'tests', 'fixtures', 'deck', 'songxi-town-2024-summary.txt');

test('an item the slide draft shortened is marked 已精简, and its full text is one click away', async ({
  page,
}) => {
  await openDesk(page, host.appUrl);
  await importThroughChooser(page, SONGXI);
  await page.getByRole('button', { name: '一键生成初稿' }).click();
  await expect.poll(() => briefingRows(page).count()).toBeGreaterThan(3);

  // the point whose rhetorical sentence went to the notes carries the mark; one shown whole does not
  const shortened = briefingRows(page).filter({ hasText: '特色农业提质增效' });
  const badge = shortened.getByRole('button', { name: '已精简' });
  await expect(badge).toBeVisible();
  await expect(briefingRows(page).filter({ hasText: '基层治理持续加强' }).getByText('已精简')).toHaveCount(0);
  // not every line is marked: the mark means something
  const marked = await page.getByRole('button', { name: '已精简' }).count();
  expect(marked).toBeLessThan(await briefingRows(page).count());

  // one click shows the whole text, with the sentence the slide left out; again hides it
  await expect(badge).toHaveAttribute('aria-expanded', 'false');
  await badge.click();
  await expect(badge).toHaveAttribute('aria-expanded', 'true');
  await expect(shortened.locator('.item-full')).toContainText('我们始终坚持把农业作为立镇之本');
  await page.screenshot({ path: `${ARTIFACTS}/condensed-badge-zh.png` });
  await badge.click();
  await expect(shortened.locator('.item-full')).toHaveCount(0);

  // the Word brief keeps full texts: no mark there
  await page.getByRole('radiogroup', { name: '输出' }).getByRole('radio', { name: 'Word 简报' }).click();
  await page.getByRole('button', { name: '一键生成初稿' }).click();
  await expect.poll(() => briefingRows(page).count()).toBeGreaterThan(3);
  await expect(page.getByRole('button', { name: '已精简' })).toHaveCount(0);
});
