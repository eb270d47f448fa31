import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../helpers/paths';
import { briefingRows, importThroughChooser, openDesk, outline } from './desk-helpers';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

/** Our Markdown report (tests/fixtures/import-formats) with 表1 as a Markdown table and a picture. */
const REPORT_MD = join(ROOT, 'tests', 'fixtures', 'import-formats', 'report.md');

test('a table is 表 in the outline and the briefing list, a picture 图; only the sample is 示例', async ({
  page,
}) => {
  await openDesk(page, host.appUrl);
  const nav = outline(page);
  // the sample is marked 示例; a report of one's own is not
  await expect(nav.locator('.badge-sample')).toHaveText('示例');
  await importThroughChooser(page, REPORT_MD);
  await expect(nav.locator('.badge-sample')).toHaveCount(0);
  await nav.getByRole('radio', { name: '只看图表' }).click();
  const table = nav.locator('.outline-row.kind-table').first();
  await expect(table).toContainText('上半年主要指标完成情况');
  await expect(table.locator('.badge')).toHaveText('表');
  await table.getByRole('checkbox').check();

  const row = briefingRows(page).filter({ hasText: '上半年主要指标完成情况' });
  await expect(row.locator('.badge').first()).toHaveText('表');
  await expect(row).toHaveAttribute('aria-label', /^\d+\. 表 /);
  // and a picture keeps 图
  const figure = nav.locator('.outline-row.kind-figure').first();
  await expect(figure).toContainText('上半年月度游客接待量');
  await expect(figure.locator('.badge')).toHaveText('图');
  await figure.getByRole('checkbox').check();
  await expect(briefingRows(page).locator('.badge', { hasText: /^图$/ })).toHaveCount(1);
  await expect(briefingRows(page).locator('.badge', { hasText: /^表$/ })).toHaveCount(1);
});
