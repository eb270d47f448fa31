import { expect, test } from '@playwright/test';
import { ARTIFACTS, openDesk } from './desk-helpers';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

/** A unit whose 「…工作简报」 is far wider than the type area at the masthead's 42 pt. */
const LONG_UNIT = '云溪市临川县青禾区人民政府办公室综合信息科';

test('the 工作简报 masthead with a long unit name shows whole in the preview, as the .docx narrows it', async ({
  page,
}) => {
  await openDesk(page, host.appUrl);
  await page.getByRole('radiogroup', { name: '输出' }).getByRole('radio', { name: 'Word 简报' }).click();
  await page.getByRole('button', { name: /^模板：/ }).click();
  await page.getByRole('menuitemradio', { name: /工作简报/ }).click();
  await page.getByRole('button', { name: '简报信息' }).click();
  const dialog = page.getByRole('dialog', { name: '简报信息' });
  await dialog.getByLabel('编印单位 / 发文机关').fill(LONG_UNIT);
  await dialog.getByRole('button', { name: '完成' }).click();

  const mark = page.locator('.brief-sheet .brief-masthead-mark');
  await expect(mark).toHaveText(`${LONG_UNIT}工作简报`);
  // the narrowed name (its box as drawn, after the scale) lies inside the type area, both ends
  const [line, text] = await mark.evaluate((p) => {
    const r = (e: Element) => e.getBoundingClientRect();
    const span = p.querySelector('span')!;
    return [
      { left: r(p).left, right: r(p).right },
      { left: r(span).left, right: r(span).right },
    ];
  });
  expect(text.left).toBeGreaterThanOrEqual(line.left - 1);
  expect(text.right).toBeLessThanOrEqual(line.right + 1);
  // and it is centred, as the .docx centres it
  expect(Math.abs(text.left - line.left - (line.right - text.right))).toBeLessThan(2);
  // the last character is drawn inside the sheet, not cut at its edge
  const last = await mark.evaluate((p) => {
    const span = p.querySelector('span')!;
    const range = document.createRange();
    const node = span.firstChild!;
    range.setStart(node, node.textContent!.length - 1);
    range.setEnd(node, node.textContent!.length);
    const sheet = p.closest('.brief-sheet')!.getBoundingClientRect();
    return { right: range.getBoundingClientRect().right, sheet: sheet.right };
  });
  expect(last.right).toBeLessThanOrEqual(last.sheet);
  await mark.screenshot({ path: `${ARTIFACTS}/masthead-long-unit.png` });
});
