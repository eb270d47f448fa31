import { expect, test } from '@playwright/test';
import { HAS_SHARED_REPORT, readReportText, SHARED_REPORT_MISSING } from '../helpers/paths';
import { DISTRICT, importThroughChooser, NEWSPAPER, openDesk, outline } from './desk-helpers';
import { startHost, type RunningHost } from './host';

// a host (and data dir) per test: unsaved work one test leaves behind is, rightly, offered for
// recovery at the next start, which is not what the next test is about
let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('imports a newspaper report through the file chooser', async ({ page }) => {
  await openDesk(page, host.appUrl);
  await importThroughChooser(page, NEWSPAPER.path);
  const nav = outline(page);
  await expect(nav.locator('.report-title')).toHaveText(NEWSPAPER.title);
  for (const heading of [NEWSPAPER.opening, NEWSPAPER.economy, NEWSPAPER.develop, NEWSPAPER.reform])
    await expect(nav.getByRole('checkbox', { name: `选中「${heading}」` })).toBeVisible();
  // a new, never-saved project
  await expect(page.locator('.dirty')).toHaveText('未保存');
});

// acceptance on a real newspaper page nobody here wrote: runs where ../shared is beside the checkout
test('imports the shared district report through the file chooser [acceptance: needs ../shared/fixtures]', async ({
  page,
}) => {
  test.skip(!HAS_SHARED_REPORT, SHARED_REPORT_MISSING);
  await openDesk(page, host.appUrl);
  await importThroughChooser(page, DISTRICT.path);
  const nav = outline(page);
  await expect(nav.locator('.report-title')).toHaveText(DISTRICT.title);
  for (const heading of DISTRICT.headings)
    await expect(nav.getByRole('checkbox', { name: `选中「${heading}」` })).toBeVisible();
});

test('imports text pasted onto the desk, after confirming it in the paste dialog', async ({ page }) => {
  await openDesk(page, host.appUrl);
  const text = readReportText();
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
  const dialog = page.getByRole('dialog', { name: '粘贴文字导入' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: '报告全文' })).toHaveValue(text);
  await dialog.getByRole('button', { name: '导入' }).click();
  await expect(dialog).toBeHidden();
  await expect(outline(page).locator('.report-title')).toHaveText(NEWSPAPER.title);
  await expect(outline(page)).toContainText(NEWSPAPER.economy);
});

test('imports text typed into the paste dialog from the toolbar', async ({ page }) => {
  await openDesk(page, host.appUrl);
  await page.getByRole('button', { name: '粘贴文字' }).click();
  const dialog = page.getByRole('dialog', { name: '粘贴文字导入' });
  await dialog
    .getByRole('textbox')
    .fill('三季度工作要点\n\n一、抓项目\n\n开工建设。新开工项目12个，总投资8.5亿元。');
  await dialog.getByRole('button', { name: '导入' }).click();
  await expect(outline(page).locator('.report-title')).toHaveText('三季度工作要点');
});

test('imports a report file dropped onto the window', async ({ page }) => {
  await openDesk(page, host.appUrl);
  const text = readReportText();
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.items.add(new File([t], '上半年工作总结.txt', { type: 'text/plain' }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.getByRole('status')).toContainText('已导入');
  await expect(outline(page).locator('.report-title')).toHaveText(NEWSPAPER.title);
});

test('Ctrl+O opens the file chooser at once, for reports and projects, and imports the chosen file', async ({
  page,
}) => {
  await openDesk(page, host.appUrl);
  // listen first: Playwright starts catching choosers a moment after the listener is added
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  const picked = await chooser;
  // no menu in between: the chooser itself, taking reports and projects alike
  await expect(page.getByRole('menu')).toHaveCount(0);
  const accept = (await picked.element().getAttribute('accept')) ?? '';
  for (const ext of ['.docx', '.pdf', '.txt', '.md', '.briefing']) expect(accept).toContain(ext);
  await picked.setFiles(NEWSPAPER.path);
  await expect(page.getByRole('status')).toContainText('已导入');
  await expect(outline(page).locator('.report-title')).toHaveText(NEWSPAPER.title);
});

test('shows the import repairs, and undoes and accepts one', async ({ page }) => {
  await openDesk(page, host.appUrl);
  await importThroughChooser(page, NEWSPAPER.path);
  const tab = outline(page).getByRole('tab', { name: /修复建议/ });
  // the newspaper report has broken lines and a repeated fragment: repairs to show
  await expect(tab).not.toHaveText('修复建议（0）');
  await tab.click();
  const first = outline(page).locator('.repair').first();
  await expect(first).toContainText('已应用');
  await first.getByRole('button', { name: '撤销修复' }).click();
  await expect(first).toContainText('未应用');
  await first.getByRole('button', { name: '接受修复' }).click();
  await expect(first).toContainText('已接受');
  // undo takes the acceptance back too
  await page.keyboard.press('Control+z');
  await expect(first).toContainText('未应用');
});

test('refuses a file it cannot read with a clear Chinese message, keeping the desk as it was', async ({
  page,
}) => {
  await openDesk(page, host.appUrl);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: '打开报告', exact: true }).click(),
  ]);
  await chooser.setFiles({
    name: '表格.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('PK\u0003\u0004'),
  });
  await expect(page.getByRole('alert')).toContainText(/xlsx|不支持/);
  await expect(page.getByRole('alert')).not.toContainText(/at .*\.(js|ts)|Error:/);
  await expect(outline(page)).toContainText('稳住经济运行基本盘');
});
