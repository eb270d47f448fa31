import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { briefingLines, briefingRows, exportFormat, openDesk, outline } from './desk-helpers';
import { startHost, type RunningHost } from './host';

const hosts: RunningHost[] = [];
test.afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

test('after the host is killed mid-session, the next start offers the unsaved work back', async ({
  page,
}) => {
  page.on('dialog', (d) => void d.accept());
  const first = await startHost();
  hosts.push(first);
  await openDesk(page, first.appUrl);
  await outline(page)
    .getByRole('checkbox', { name: /稳住经济运行基本盘/ })
    .check();
  const row = briefingRows(page).first();
  await row.click();
  await row.getByRole('textbox', { name: '标题' }).fill('稳字当头');
  await page.getByRole('button', { name: '简报信息' }).click();
  await page.getByRole('textbox', { name: '编印单位 / 发文机关' }).fill('区政府办公室');
  await page.getByRole('button', { name: '完成' }).click();
  const lines = await briefingLines(page);

  // every export autosaves first; then the host dies without warning
  await exportFormat(page, /网页幻灯片（\.html）/);
  expect(existsSync(join(first.dataDir, 'recovery', 'recovery.json'))).toBe(true);
  first.process.kill('SIGKILL');
  await new Promise((r) => first.process.once('exit', r));

  const second = await startHost([], { BRIEFING_DATA_DIR: first.dataDir });
  hosts.push(second);
  await page.goto(second.appUrl);
  const offer = page.getByRole('dialog', { name: '恢复未保存的工作' });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('绿园区2022年上半年工作总结');
  await offer.getByRole('button', { name: '恢复', exact: true }).click();
  await expect(offer).toBeHidden();
  await expect.poll(() => briefingLines(page)).toEqual(lines);
  await expect(briefingRows(page).first()).toContainText('稳字当头');
  await page.getByRole('button', { name: '简报信息' }).click();
  await expect(page.getByRole('textbox', { name: '编印单位 / 发文机关' })).toHaveValue('区政府办公室');
  await page.getByRole('button', { name: '完成' }).click();
  // recovered work is unsaved until staff save it
  await expect(page.locator('.dirty')).toHaveText('未保存');
});

test('declining the recovery starts clean and does not ask again', async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  const first = await startHost();
  hosts.push(first);
  await openDesk(page, first.appUrl);
  await outline(page)
    .getByRole('checkbox', { name: /稳住经济运行基本盘/ })
    .check();
  await exportFormat(page, /网页幻灯片（\.html）/);
  first.process.kill('SIGKILL');
  await new Promise((r) => first.process.once('exit', r));

  const second = await startHost([], { BRIEFING_DATA_DIR: first.dataDir });
  hosts.push(second);
  await page.goto(second.appUrl);
  await page
    .getByRole('dialog', { name: '恢复未保存的工作' })
    .getByRole('button', { name: '不恢复' })
    .click();
  await expect(briefingRows(page)).toHaveCount(0);
  await page.reload();
  await expect(outline(page)).toContainText('稳住经济运行基本盘');
  await expect(page.getByRole('dialog', { name: '恢复未保存的工作' })).toHaveCount(0);
});

test('closing with unsaved changes asks first; with nothing unsaved it does not', async ({ page }) => {
  const host = await startHost();
  hosts.push(host);
  await openDesk(page, host.appUrl);
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.type());
    void d.dismiss();
  });
  // nothing changed yet: no question
  await page.reload();
  await expect(outline(page)).toContainText('稳住经济运行基本盘');
  expect(asked).toEqual([]);
  await outline(page)
    .getByRole('checkbox', { name: /稳住经济运行基本盘/ })
    .check();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
});
