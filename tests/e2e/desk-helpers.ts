import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Download, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { DISTRICT_REPORT_PATH, REPORT_PATH } from '../helpers/paths';
import { ROOT } from './host';

export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/** Our newspaper test report (tests/fixtures/reports): its title and a few of its section headings. */
export const NEWSPAPER = {
  path: REPORT_PATH,
  title: '稳中求进开新局 实干笃行谱新篇',
  /** its first section, a label rather than a numbered part */
  opening: '编者按',
  economy: '坚持项目为王夯实发展根基',
  develop: '聚力攻坚,全力以赴稳住经济大盘',
  /** the same heading as exports set it, with official full-width punctuation */
  developInOutputs: '聚力攻坚，全力以赴稳住经济大盘',
  reform: '深化改革开放激发市场活力',
};

/** The shared district report (../shared/fixtures), for the acceptance test that runs where it is. */
export const DISTRICT = {
  path: DISTRICT_REPORT_PATH,
  title: '凝心聚力向前行 克难奋进谋新篇',
  headings: [
    '写在前面',
    '全力以赴稳定经济运行',
    '发展为要,坚定信心全力以赴抓落实',
    '推进改革创新激扬发展活力',
  ],
};

export const outline = (page: Page) => page.getByRole('navigation', { name: '报告' });
export const briefingRows = (page: Page) => page.locator('[data-item-row]');

/** Open the app and wait for the sample report. */
export async function openDesk(page: Page, appUrl: string): Promise<void> {
  // catch file choosers from the start: Playwright begins intercepting a moment after a listener
  page.on('filechooser', () => undefined);
  await page.goto(appUrl);
  await expect(outline(page)).toContainText('稳住经济运行基本盘');
}

/** 打开报告 through the file chooser. */
export async function importThroughChooser(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: '打开报告', exact: true }).click(),
  ]);
  await chooser.setFiles(path);
  await expect(page.getByRole('status')).toContainText('已导入');
}

/**
 * Export one format from the 导出 menu and return the download; an error notice fails at once with
 * its words. When the check before export holds it back, it is exported anyway.
 */
export async function exportFormat(page: Page, item: RegExp): Promise<Download> {
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  const alert = page.getByRole('alert');
  const outcome = await Promise.race([
    download.then((d) => ({ download: d })),
    alert.waitFor().then(async () => ({ error: await alert.textContent() })),
  ]);
  if ('error' in outcome) {
    // the check before export found something to show first (校对): these tests are about the export
    const anyway = page
      .getByRole('complementary', { name: '校对' })
      .getByRole('button', { name: '仍然导出' });
    if (await anyway.isVisible()) {
      await anyway.click();
      return download;
    }
    throw new Error(`export failed: ${outcome.error}`);
  }
  return outcome.download;
}

/** Paste text onto the desk (as Ctrl+V on the window does) and confirm it in the paste dialog. */
export async function pasteReport(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
  await page.getByRole('dialog', { name: '粘贴文字导入' }).getByRole('button', { name: '导入' }).click();
  // a long report takes the importer a while: the progress bar shows meanwhile
  await expect(page.getByRole('status')).toContainText('已导入', { timeout: 60_000 });
}

/** The text of every XML part in a zip whose name matches, tags removed. */
export async function zipText(download: Download, part: RegExp): Promise<string> {
  const files = unzipSync(readFileSync(await download.path()));
  return Object.entries(files)
    .filter(([name]) => part.test(name))
    .map(([, bytes]) => strFromU8(bytes).replace(/<[^>]+>/g, ''))
    .join('\n');
}

/** What the briefing list shows, line by line (number, kind, summary). */
export async function briefingLines(page: Page): Promise<string[]> {
  return briefingRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
}
