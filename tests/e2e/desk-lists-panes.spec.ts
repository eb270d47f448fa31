import { expect, test, type Browser, type Page } from '@playwright/test';
import { ARTIFACTS, briefingLines, briefingRows, openDesk, outline } from './desk-helpers';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

/** The desk at 1366×768 physical pixels under a system scaling (1 = 100 %, 1.25, 1.5). */
async function deskAt(browser: Browser, scale: number, locale = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: Math.round(1366 / scale), height: Math.round(768 / scale) },
    deviceScaleFactor: scale,
    locale,
  });
  const page = await context.newPage();
  await openDesk(page, host.appUrl);
  return page;
}

const output = (page: Page, name: string) =>
  page.getByRole('radiogroup', { name: '输出' }).getByRole('radio', { name, exact: true });

test('slides and the Word brief keep a list each; a draft asks before replacing and undoes', async ({
  page,
}) => {
  await openDesk(page, host.appUrl);
  // a slide list made by hand: one section ticked
  await outline(page)
    .getByRole('checkbox', { name: /^选中「二、稳住经济运行基本盘」/ })
    .check();
  const slides = await briefingLines(page);
  expect(slides.length).toBeGreaterThan(1);

  // the Word brief has its own list, empty until drafted; the slide list is not touched
  await output(page, 'Word 简报').click();
  await expect(briefingRows(page)).toHaveCount(0);
  await page.getByRole('button', { name: '一键生成初稿' }).click();
  // nothing staff made is replaced, so nothing is asked
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(async () => (await briefingLines(page)).length).toBeGreaterThan(slides.length);
  const brief = await briefingLines(page);

  await output(page, '幻灯片').click();
  await expect.poll(() => briefingLines(page)).toEqual(slides);

  // over a list staff made, the draft asks first; 取消 keeps it
  await page.getByRole('button', { name: '一键生成初稿' }).click();
  const ask = page.getByRole('dialog', { name: '替换当前内容？' });
  await expect(ask).toContainText(`幻灯片列表中的 ${slides.length} 项`);
  await expect(ask).toContainText('Word 简报列表不变');
  await ask.getByRole('button', { name: '取消' }).click();
  await expect.poll(() => briefingLines(page)).toEqual(slides);

  // 替换 replaces the slide list only, and one undo brings it back
  await page.getByRole('button', { name: '一键生成初稿' }).click();
  await page.getByRole('dialog', { name: '替换当前内容？' }).getByRole('button', { name: '替换' }).click();
  await expect.poll(async () => (await briefingLines(page)).length).toBeGreaterThan(slides.length);
  await page.getByRole('button', { name: '撤销' }).click();
  await expect.poll(() => briefingLines(page)).toEqual(slides);

  await output(page, 'Word 简报').click();
  await expect.poll(() => briefingLines(page)).toEqual(brief);
});

test('简报信息 stay across an import, 清空 resets them, and 完成 stays on screen at 125 % and 150 %', async ({
  browser,
}) => {
  for (const scale of [1, 1.25, 1.5]) {
    const page = await deskAt(browser, scale);
    await page.getByRole('button', { name: '简报信息' }).click();
    const dialog = page.getByRole('dialog', { name: '简报信息' });
    await dialog.getByLabel('编印单位 / 发文机关').fill('临川县人民政府办公室');
    await dialog.getByLabel('成文日期').fill('2026年7月10日');
    const done = dialog.getByRole('button', { name: '完成' });
    // the whole button is inside the window, without scrolling the page
    const box = await done.boundingBox();
    const height = page.viewportSize()!.height;
    expect(box && box.y + box.height).toBeLessThanOrEqual(height);
    await page.screenshot({ path: `${ARTIFACTS}/fields-${scale}.png` });
    await done.click();
    if (scale !== 1) {
      await page.context().close();
      continue;
    }

    // a new report: the office's details stay
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData(
        'text/plain',
        '云溪市2026年上半年工作简况\n\n一、经济运行\n\n全市地区生产总值完成512.3亿元，同比增长6.1%。\n\n二、民生保障\n\n新增城镇就业1.2万人。',
      );
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await page.getByRole('dialog', { name: '粘贴文字导入' }).getByRole('button', { name: '导入' }).click();
    await expect(page.getByRole('status')).toContainText('已导入');
    await page.getByRole('button', { name: '简报信息' }).click();
    await expect(dialog.getByLabel('编印单位 / 发文机关')).toHaveValue('临川县人民政府办公室');
    await expect(dialog.getByLabel('成文日期')).toHaveValue('2026年7月10日');
    await dialog.getByRole('button', { name: '清空' }).click();
    await expect(dialog.getByLabel('编印单位 / 发文机关')).toHaveValue('');
    await expect(dialog.getByLabel('成文日期')).toHaveValue('');
    await expect(dialog.getByRole('button', { name: '清空' })).toBeDisabled();
    await page.context().close();
  }
});

test('the toolbar is one row at 100 %, 125 % and 150 % in Chinese and English', async ({ browser }) => {
  for (const scale of [1, 1.25, 1.5]) {
    const page = await deskAt(browser, scale);
    for (const lang of ['zh', 'en']) {
      const toolbar = page.locator('header.toolbar');
      // every button on the row of the first one, and nothing beyond the window's edge
      // one row: every button starts above the point where the first one to end ends
      const boxes = await toolbar
        .locator('button:visible')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.top, r.bottom]));
      const lowestTop = Math.max(...boxes.map(([top]) => top!));
      const highestBottom = Math.min(...boxes.map(([, bottom]) => bottom!));
      expect(lowestTop, `${lang} at ${scale}`).toBeLessThan(highestBottom);
      const [scroll, client] = await toolbar.evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(scroll, `${lang} at ${scale}`).toBeLessThanOrEqual(client);
      await page.screenshot({ path: `${ARTIFACTS}/toolbar-${lang}-${scale}.png` });
      // the Word brief in the 工作简报 template has the most buttons and the longest name
      await page.getByRole('radio', { name: lang === 'zh' ? 'Word 简报' : 'Word brief' }).click();
      await toolbar.locator('.template-menu > button').click();
      await page.getByRole('menuitemradio', { name: lang === 'zh' ? /工作简报/ : /Work bulletin/ }).click();
      const lastButton = toolbar.locator('button:visible').last();
      const right = await lastButton.evaluate((e) => e.getBoundingClientRect().right);
      expect(right, `${lang} at ${scale}, Word brief`).toBeLessThanOrEqual(
        await page.evaluate(() => window.innerWidth),
      );
      const [wide, room] = await toolbar.evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(wide, `${lang} at ${scale}, Word brief`).toBeLessThanOrEqual(room);
      // and no button drawn over another: each starts where the one before it has ended
      const spans = await toolbar
        .locator('button:visible')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right]));
      for (let k = 1; k < spans.length; k++)
        expect(spans[k]![0]!, `${lang} at ${scale}, button ${k + 1}`).toBeGreaterThanOrEqual(
          spans[k - 1]![1]! - 0.5,
        );
      await page.screenshot({ path: `${ARTIFACTS}/toolbar-brief-${lang}-${scale}.png` });
      await page.getByRole('radio', { name: lang === 'zh' ? '幻灯片' : 'Slides' }).click();
      if (lang === 'zh') await page.locator('button.lang').click();
    }
    await page.context().close();
  }
});

test('the pane dividers drag and keep their place after a reload, and move with the arrow keys', async ({
  browser,
}) => {
  for (const scale of [1, 1.25]) {
    const page = await deskAt(browser, scale);
    const report = page.locator('.desk > .pane').first();
    const briefing = page.getByRole('region', { name: '简报内容' });
    const divider = page.getByRole('separator', { name: '调整报告窗格宽度' });
    const before = (await report.boundingBox())!.width;
    const handle = (await divider.boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + 200);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2 + 90, handle.y + 200, { steps: 5 });
    await page.mouse.up();
    await expect
      .poll(async () => Math.round((await report.boundingBox())!.width))
      .toBe(Math.round(before + 90));

    const second = page.getByRole('separator', { name: '调整简报内容窗格宽度' });
    const briefWidth = (await briefing.boundingBox())!.width;
    await second.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(async () => Math.round((await briefing.boundingBox())!.width))
      .toBe(Math.round(briefWidth - 32));

    // remembered for this person: the same widths after a reload
    await page.reload();
    await expect(outline(page)).toContainText('稳住经济运行基本盘');
    expect(Math.round((await report.boundingBox())!.width)).toBe(Math.round(before + 90));
    expect(Math.round((await briefing.boundingBox())!.width)).toBe(Math.round(briefWidth - 32));
    await page.screenshot({ path: `${ARTIFACTS}/panes-${scale}.png` });

    // a pane cannot be dragged to nothing, and Home gives the usual widths back
    const now = (await divider.boundingBox())!;
    await page.mouse.move(now.x + 3, now.y + 200);
    await page.mouse.down();
    await page.mouse.move(5, now.y + 200, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await report.boundingBox())!.width)).toBe(200);
    await divider.focus();
    await page.keyboard.press('Home');
    await expect.poll(async () => Math.round((await report.boundingBox())!.width)).toBe(Math.round(before));
    await page.context().close();
  }
});

test('the preview: a thumbnail shows its own slide, the keyboard moves, the strip is one Tab stop', async ({
  browser,
}) => {
  for (const scale of [1, 1.25]) {
    const page = await deskAt(browser, scale);
    const count = page.locator('.slide-count');
    // the sample report is marked as such, and an empty list says what the preview shows
    await expect(page.getByText('示例', { exact: true })).toBeVisible();
    await expect(page.getByRole('note').filter({ hasText: '自动初稿' })).toContainText('导出也将使用它');
    await expect(page.getByText('已选 0 项')).toHaveCount(0);

    // a section divider's thumbnail (nothing picked) shows that slide, not the agenda
    const thumbs = page.getByRole('list', { name: '全部幻灯片' }).getByRole('button');
    await thumbs.nth(2).click();
    await expect(count).toHaveText(/第 3 \//);
    await thumbs.nth(5).click();
    await expect(count).toHaveText(/第 6 \//);

    // one Tab stop for the whole strip: the current thumbnail; arrows move inside it
    expect(
      await thumbs.evaluateAll((els) => els.filter((e) => (e as HTMLElement).tabIndex === 0).length),
    ).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect(count).toHaveText(/第 7 \//);
    await expect(thumbs.nth(6)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(count).toHaveText(/第 1 \//);
    await page.keyboard.press('End');
    await expect(count).toHaveText(/第 (\d+) \/ \1 /);
    // Tab leaves the strip at once (the next Tab stop is after it, not the next thumbnail)
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.thumbs') === null)).toBe(true);

    // the big slide takes the keys too
    const stage = page.locator('.slide-stage');
    await stage.focus();
    await page.keyboard.press('Home');
    await expect(count).toHaveText(/第 1 \//);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowRight');
    await expect(count).toHaveText(/第 3 \//);
    await page.keyboard.press('PageUp');
    await expect(count).toHaveText(/第 2 \//);
    await page.screenshot({ path: `${ARTIFACTS}/preview-keys-${scale}.png` });

    // a heading picked in the list shows its chapter, not the agenda
    await outline(page)
      .getByRole('checkbox', { name: /^选中「二、稳住经济运行基本盘」/ })
      .check();
    await briefingRows(page).first().click();
    await expect(page.locator('.thumb.current')).not.toHaveAccessibleName(/目录/);
    await page.context().close();
  }
});

test('a new import starts the preview at the top, and the 已导入 notice goes with the next change', async ({
  page,
}) => {
  await openDesk(page, host.appUrl);
  const pane = page.getByRole('region', { name: '预览' });
  // the preview may still be laying out its pages: scroll once it is tall enough to scroll
  await expect
    .poll(() =>
      pane.evaluate((el) => {
        el.scrollTo({ top: 2000 });
        return el.scrollTop;
      }),
    )
    .toBeGreaterThan(0);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData(
      'text/plain',
      '临川县2026年一季度工作简况\n\n一、项目建设\n\n全县新开工项目18个，完成投资9.6亿元。\n\n二、民生实事\n\n改造老旧小区12个。',
    );
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await page.getByRole('dialog', { name: '粘贴文字导入' }).getByRole('button', { name: '导入' }).click();
  await expect(page.getByRole('status')).toContainText('已导入');
  await expect.poll(() => pane.evaluate((el) => el.scrollTop)).toBe(0);
  // the next change to the document takes the notice away
  await outline(page).getByRole('checkbox').first().check();
  // at once, well before the few seconds after which it would go by itself
  await expect(page.getByRole('status').filter({ hasText: '已导入' })).toHaveCount(0, { timeout: 3000 });
});
