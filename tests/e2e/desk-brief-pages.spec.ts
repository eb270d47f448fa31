import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HAS_SHARED_REPORT, SHARED_REPORT_MISSING } from '../helpers/paths';
import { convertToPdf, pdfPageCount } from '../helpers/libreoffice';
import { DISTRICT, exportFormat, importThroughChooser, openDesk } from './desk-helpers';
import { startHost, type RunningHost } from './host';

/**
 * The brief preview's 「共 N 页」 against the page count LibreOffice sets the exported .docx in,
 * for the shared district report (nobody here wrote it) in each brief template.
 */

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

for (const [id, name] of [
  ['plain', '简洁文稿'],
  ['gbt9704', '汇报材料'],
  ['bulletin', '工作简报'],
] as const)
  test(`the preview's 共 N 页 is LibreOffice's page count of the .docx, in ${id} [acceptance: needs ../shared/fixtures]`, async ({
    page,
  }) => {
    test.skip(!HAS_SHARED_REPORT, SHARED_REPORT_MISSING);
    test.setTimeout(300_000);
    await openDesk(page, host.appUrl);
    await importThroughChooser(page, DISTRICT.path);
    await page.getByRole('radio', { name: 'Word 简报' }).click();
    await page.getByRole('button', { name: '一键生成初稿' }).click();
    await page.getByRole('button', { name: /^模板：/ }).click();
    await page.getByRole('menuitemradio', { name: new RegExp(name) }).click();
    await expect(page.locator('.brief-page .brief-sheet')).toHaveAttribute('data-template', id);
    const text = (await page.locator('.brief-page .brief-page-count').textContent()) ?? '';
    const preview = Number(/共 (\d+) 页/.exec(text)![1]);

    const download = await exportFormat(page, /Word/);
    const dir = mkdtempSync(join(tmpdir(), `brief-pages-${id}-`));
    const docx = join(dir, `district-${id}.docx`);
    await download.saveAs(docx);
    await convertToPdf([docx], dir, dir);
    const libre = await pdfPageCount(join(dir, `district-${id}.pdf`));
    expect(preview, `preview 共 ${preview} 页, LibreOffice ${libre}`).toBe(libre);
  });
