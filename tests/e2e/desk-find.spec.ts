import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ARTIFACTS, briefingRows, openDesk, outline } from './desk-helpers';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

const count = /第 (\d+) 处，共 (\d+) 处/;

test('find and replace across the briefing: count, next/previous, replace one and all, one undo', async ({
  page,
}) => {
  await openDesk(page, host.appUrl);
  await page.getByRole('button', { name: '一键生成初稿' }).click();
  await expect(briefingRows(page).first()).toBeVisible();

  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: '查找和替换' });
  const box = bar.getByRole('searchbox', { name: '查找内容' });
  await expect(box).toBeFocused();
  await box.fill('亿元');
  const counter = bar.locator('.find-count');
  await expect(counter).toHaveText(count);
  const total = Number(count.exec((await counter.textContent()) ?? '')![2]);
  expect(total).toBeGreaterThan(2);
  await expect(counter).toHaveText(`第 1 处，共 ${total} 处`);
  // the match's briefing line is opened, its words shown in the bar
  const selected = page.locator('[data-item-row][aria-current="true"]');
  await expect(selected).toHaveCount(1);
  await expect(bar.locator('.find-context mark')).toHaveText('亿元');
  const firstRow = await selected.getAttribute('data-item-row');

  await box.press('Enter');
  await expect(counter).toHaveText(`第 2 处，共 ${total} 处`);
  await bar.getByRole('button', { name: '上一处' }).click();
  await expect(counter).toHaveText(`第 1 处，共 ${total} 处`);
  await box.press('Shift+Enter');
  await expect(counter).toHaveText(`第 ${total} 处，共 ${total} 处`);
  await expect(selected).not.toHaveAttribute('data-item-row', firstRow!);

  // whole words is off by default
  await expect(bar.getByRole('checkbox', { name: '全字匹配' })).not.toBeChecked();

  // Ctrl+H: replace one, then all
  await page.keyboard.press('Control+h');
  const replacement = bar.getByRole('textbox', { name: '替换为' });
  await expect(replacement).toBeVisible();
  await replacement.fill('亿 元');
  await bar.getByRole('button', { name: '替换', exact: true }).click();
  await expect(counter).toHaveText(`第 1 处，共 ${total - 1} 处`);
  await bar.getByRole('button', { name: '全部替换' }).click();
  await expect(bar).toContainText(`已替换 ${total - 1} 处`);
  await box.fill('亿元');
  await expect(counter).toHaveText('没有找到');
  await page.screenshot({ path: join(ARTIFACTS, 'find-replace-zh.png') });

  // one Ctrl+Z takes back all of 全部替换, a second the single replace
  await page.locator('.pane-head h2').first().click();
  await page.keyboard.press('Control+z');
  await expect(counter).toHaveText(`第 1 处，共 ${total - 1} 处`);
  await page.keyboard.press('Control+z');
  await expect(counter).toHaveText(`第 1 处，共 ${total} 处`);

  // Esc closes the bar
  await box.press('Escape');
  await expect(bar).toHaveCount(0);
});

test('find in the report pane: Ctrl+F there looks in the report, unfolds and shows the row', async ({
  page,
}) => {
  await openDesk(page, host.appUrl);
  const nav = outline(page);
  await nav.getByRole('searchbox', { name: '搜索报告' }).focus();
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: '查找和替换' });
  await expect(bar.getByRole('radio', { name: '报告原文' })).toHaveAttribute('aria-checked', 'true');
  await bar.getByRole('searchbox', { name: '查找内容' }).fill('复工复产');
  await expect(bar.locator('.find-count')).toHaveText(count);
  // the report is never changed from here
  await expect(bar.getByRole('button', { name: '全部替换' })).toHaveCount(0);
  const current = nav.locator('.row-label[aria-current="true"]');
  await expect(current).toContainText('复工复产');
  await bar.getByRole('button', { name: '下一处' }).click();
  await expect(current).toBeVisible();
  await expect(nav.locator('.detail-body')).toContainText('复工复产');
  await page.screenshot({ path: join(ARTIFACTS, 'find-report-zh.png') });

  await page.getByRole('button', { name: '切换界面语言' }).click();
  await expect(page.getByRole('search', { name: 'Find and replace' })).toBeVisible();
  await page.keyboard.press('Control+h');
  await page.screenshot({ path: join(ARTIFACTS, 'find-replace-en.png') });
});
