import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS, briefingRows, openDesk, outline, pasteReport } from './desk-helpers';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

const REPORT = [
  '青禾区上半年工作情况',
  '',
  '一、经济运行',
  '',
  '全力稳住经济。截止6月底，，全区完成固定资产投资92.3亿元，同比增长9.8%。',
  '',
  '二、民生保障',
  '',
  '扎实办好民生实事。新增就业5380人，完成年度目标的55%。',
].join('\n');

const panel = (page: Page) => page.getByRole('complementary', { name: '校对' });
const finding = (page: Page, text: string) =>
  panel(page)
    .locator('.proof-finding')
    .filter({ has: page.locator('mark', { hasText: text }) });

/** The selected characters of the field that has focus. */
const selected = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLTextAreaElement | null;
    return el && 'selectionStart' in el ? el.value.slice(el.selectionStart, el.selectionEnd) : '';
  });

async function deskWithErrors(page: Page): Promise<void> {
  await openDesk(page, host.appUrl);
  await pasteReport(page, REPORT);
  await page.getByRole('button', { name: '一键生成初稿' }).click();
  await expect(briefingRows(page).filter({ hasText: '全力稳住经济' })).toHaveCount(1);
}

test('校对: findings by kind, jump and highlight, 改正 with undo, 忽略 kept in the saved project', async ({
  page,
}) => {
  await deskWithErrors(page);
  await page.getByRole('button', { name: '校对', exact: true }).click();
  await expect(panel(page)).toBeVisible();
  await expect(panel(page).getByRole('heading', { name: '易错字词（1）' })).toBeVisible();
  await expect(panel(page).getByRole('heading', { name: '标点（1）' })).toBeVisible();
  await expect(panel(page).getByRole('status')).toHaveText('共 2 处');
  await page.screenshot({ path: join(ARTIFACTS, 'desk-proof.png') });

  // a finding takes staff to its item, the characters selected in the field
  await finding(page, '截止').locator('.proof-go').click();
  const row = briefingRows(page).filter({ hasText: '全力稳住经济' });
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => selected(page)).toBe('截止');

  // 改正 is one step back with Ctrl+Z
  await finding(page, '截止').getByRole('button', { name: '改正' }).click();
  const text = row.getByRole('textbox', { name: '正文' });
  await expect(text).toHaveValue(/截至6月底/);
  await expect(finding(page, '截止')).toHaveCount(0);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(text).toHaveValue(/截止6月底/);
  await expect(finding(page, '截止')).toHaveCount(1);

  // 忽略 and 全部忽略此类 are remembered in the project
  await finding(page, '截止').getByRole('button', { name: '忽略', exact: true }).click();
  await finding(page, '，，').getByRole('button', { name: '全部忽略此类' }).click();
  await expect(panel(page)).toContainText('没有发现问题');
  const [saved] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  const projectPath = join(mkdtempSync(join(tmpdir(), 'desk-proof-')), saved.suggestedFilename());
  await saved.saveAs(projectPath);

  await page.reload();
  await expect(outline(page)).toContainText('稳住经济运行基本盘');
  await page.getByRole('button', { name: '文件' }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('menuitem', { name: '打开项目…' }).click(),
  ]);
  await chooser.setFiles(projectPath);
  await expect(briefingRows(page).filter({ hasText: '全力稳住经济' })).toHaveCount(1);
  await page.getByRole('button', { name: '校对', exact: true }).click();
  await expect(panel(page)).toContainText('没有发现问题');
});

test('导出 checks first and waits for staff; the check can be switched off, and stays off', async ({
  page,
}) => {
  await deskWithErrors(page);
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await page.getByRole('menuitem', { name: /网页幻灯片/ }).click();
  await expect(panel(page).getByRole('alert')).toContainText('导出网页幻灯片（.html）前校对发现 2 处问题');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel(page).getByRole('button', { name: '仍然导出' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.html$/);

  await panel(page).getByRole('checkbox', { name: '导出前自动校对' }).uncheck();
  await panel(page).getByRole('button', { name: '关闭校对' }).click();
  await expect(panel(page)).toHaveCount(0);
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const [direct] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /网页幻灯片/ }).click(),
  ]);
  expect(direct.suggestedFilename()).toMatch(/\.html$/);
  await expect(panel(page)).toHaveCount(0);

  // the switch is the person's habit: it stays off after a reload (the unsaved work is offered back first)
  await page.reload();
  await page
    .getByRole('dialog', { name: '恢复未保存的工作' })
    .getByRole('button', { name: '不恢复' })
    .click();
  await expect(outline(page)).toContainText('稳住经济运行基本盘');
  await page.getByRole('button', { name: '校对', exact: true }).click();
  await expect(panel(page).getByRole('checkbox', { name: '导出前自动校对' })).not.toBeChecked();
});
