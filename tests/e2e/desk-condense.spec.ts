import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../helpers/paths';
import {
  ARTIFACTS,
  briefingRows,
  exportFormat,
  importThroughChooser,
  openDesk,
  zipText,
} from './desk-helpers';
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

test('压缩到 2 页 condenses the Word brief preview and export, lists what it left out, and 恢复 puts one back', async ({
  page,
}) => {
  await openDesk(page, host.appUrl);
  await page.getByRole('radiogroup', { name: '输出' }).getByRole('radio', { name: 'Word 简报' }).click();
  const sheet = page.locator('.brief-sheet');
  const pages = async () => Number(await sheet.getAttribute('data-pages'));
  await expect.poll(pages).toBeGreaterThan(2);
  const full = await pages();
  const bar = page.getByRole('group', { name: '压缩到页数' });
  // off by default: nothing is left out
  await expect(bar.getByRole('checkbox', { name: '压缩到' })).not.toBeChecked();
  await expect(bar.getByRole('spinbutton', { name: '页数' })).toBeDisabled();
  await expect(page.getByRole('list', { name: '压缩时略去的内容' })).toHaveCount(0);

  await bar.getByRole('checkbox', { name: '压缩到' }).check();
  await expect(bar.getByRole('spinbutton', { name: '页数' })).toHaveValue('2');
  await expect.poll(pages).toBeLessThanOrEqual(2);
  const shown = await pages();
  await expect(bar).toContainText(`共 ${shown} 页`);
  await expect(page.locator('[data-count="brief-pages"]')).toHaveText(`共 ${shown} 页`);
  const list = page.getByRole('list', { name: '压缩时略去的内容' });
  expect(await list.getByRole('listitem').count()).toBeGreaterThan(0);
  // an entry says what it was and why; a sentence left out (not one said twice) is not on the page
  const entries = list.getByRole('listitem').filter({ hasNot: page.locator('.badge', { hasText: '重复' }) });
  const first = (await entries.first().locator('.left-out-text').textContent())!.trim();
  expect(first.length).toBeGreaterThan(4);
  await expect(sheet).not.toContainText(first);
  await page.screenshot({ path: `${ARTIFACTS}/condense-2-pages-zh.png` });

  // the export is the brief as previewed: the left-out sentence is not in the .docx
  const before = await zipText(await exportFormat(page, /Word/), /word\/document\.xml/);
  expect(before).not.toContain(first);

  // 恢复 puts that one back, in the preview and the export, and off the list
  await entries.first().getByRole('button', { name: /^恢复/ }).click();
  await expect(sheet).toContainText(first);
  await expect(list.getByText(first, { exact: true })).toHaveCount(0);
  expect(await zipText(await exportFormat(page, /Word/), /word\/document\.xml/)).toContain(first);
  // one undo step: it is left out again
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(sheet).not.toContainText(first);
  await expect(list.getByText(first, { exact: true })).toHaveCount(1);

  // another budget holds too; off gives the whole brief back
  await bar.getByRole('spinbutton', { name: '页数' }).fill('3');
  await expect.poll(pages).toBeLessThanOrEqual(3);
  await bar.getByRole('checkbox', { name: '压缩到' }).uncheck();
  await expect.poll(pages).toBe(full);
  await expect(list).toHaveCount(0);
});
