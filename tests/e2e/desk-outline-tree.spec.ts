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

test('the report outline is a tree: one Tab stop, arrows move, open and close, Space ticks', async ({
  page,
}) => {
  await openDesk(page, host.appUrl);
  const tree = outline(page).getByRole('tree', { name: '报告大纲' });
  const items = tree.getByRole('treeitem');
  const economy = tree.getByRole('treeitem', { name: '二、稳住经济运行基本盘', exact: true });
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

  // one Tab stop for the whole tree: no checkbox, fold or label button inside takes one
  const stops = await tree.evaluate(
    (el) => [...el.querySelectorAll<HTMLElement>('*')].filter((e) => e.tabIndex >= 0).length,
  );
  expect(stops).toBe(1);
  await expect(items.first()).toHaveAttribute('tabindex', '0');
  await expect(items.first()).toHaveAttribute('aria-level', '1');

  // Tab from the filter lands on the tree, Tab again leaves it
  await outline(page).getByRole('radio', { name: '只看图表' }).focus();
  await page.keyboard.press('Tab');
  await expect(items.first()).toBeFocused();

  // ↓ moves and selects; the moved-to row is now the Tab stop
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(economy).toBeFocused();
  await expect(economy).toHaveAttribute('aria-selected', 'true');
  await expect(economy).toHaveAttribute('tabindex', '0');
  await expect(items.first()).toHaveAttribute('tabindex', '-1');
  await expect(economy).toHaveAttribute('aria-expanded', 'false');

  // → opens, → again goes to the first child (one level in), ← goes back to the parent, ← closes
  const before = await items.count();
  await page.keyboard.press('ArrowRight');
  await expect(economy).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(() => items.count()).toBeGreaterThan(before);
  await expect(economy).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(focused).not.toBe('二、稳住经济运行基本盘');
  const child = page.locator(':focus');
  await expect(child).toHaveAttribute('aria-level', '2');
  await page.keyboard.press('ArrowLeft');
  await expect(economy).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(economy).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => items.count()).toBe(before);
  await expect(economy).toBeFocused();

  // Space ticks the row's checkbox (the whole section goes into the briefing), and again unticks it
  await page.keyboard.press(' ');
  await expect(economy).toHaveAttribute('aria-checked', 'true');
  await expect(
    outline(page).getByRole('checkbox', { name: /^选中「二、稳住经济运行基本盘」/ }),
  ).toBeChecked();
  await expect.poll(() => briefingRows(page).count()).toBeGreaterThan(1);
  await page.keyboard.press(' ');
  await expect(economy).toHaveAttribute('aria-checked', 'false');
  await expect(briefingRows(page)).toHaveCount(0);

  // Home and End
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await page.screenshot({ path: `${ARTIFACTS}/outline-tree.png` });

  // Tab leaves the tree at once
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('[role="tree"]') === null)).toBe(true);
});
