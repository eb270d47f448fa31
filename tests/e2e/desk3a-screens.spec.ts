import { join } from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { ROOT } from '../helpers/paths';
import { ARTIFACTS, NEWSPAPER, briefingRows, importThroughChooser, openDesk } from './desk-helpers';
import { startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

const SONGXI = join(ROOT, 'tests', 'fixtures', 'deck', 'songxi-town-2024-summary.txt');

const WORDS = {
  zh: {
    details: '简报信息',
    unit: '编印单位 / 发文机关',
    done: '完成',
    bulletin: /工作简报/,
    repairs: /修复建议/,
    accept: '接受修复',
    output: '输出',
    slides: '幻灯片',
    brief: 'Word 简报',
    draft: '一键生成初稿',
    badge: '已精简',
    fit: '压缩到页数',
  },
  en: {
    details: 'Brief details',
    unit: 'Issuing unit',
    done: 'Done',
    bulletin: /Work bulletin/,
    repairs: /Repairs/,
    accept: 'Accept repair',
    output: 'Output',
    slides: 'Slides',
    brief: 'Word brief',
    draft: 'Auto draft',
    badge: 'Shortened',
    fit: 'Fit to a page count',
  },
} as const;

/** The desk at 1366×768 physical pixels under a system scaling, in one language. */
async function deskAt(browser: Browser, scale: number, lang: 'zh' | 'en') {
  const context = await browser.newContext({
    viewport: { width: Math.round(1366 / scale), height: Math.round(768 / scale) },
    deviceScaleFactor: scale,
    locale: lang === 'zh' ? 'zh-CN' : 'en',
  });
  const page = await context.newPage();
  await openDesk(page, host.appUrl);
  if (lang === 'en') await page.locator('button.lang').click();
  return page;
}

for (const scale of [1, 1.25]) {
  for (const lang of ['zh', 'en'] as const) {
    test(`the new views at ${scale * 100} % in ${lang}: outline tree, 已精简, 压缩到 N 页, masthead, 修复建议`, async ({
      browser,
    }) => {
      const w = WORDS[lang];
      const page = await deskAt(browser, scale, lang);
      const shot = (name: string) =>
        page.screenshot({ path: `${ARTIFACTS}/desk3a-${name}-${lang}-${scale}.png` });
      const radio = (name: string) =>
        page.getByRole('radiogroup', { name: w.output }).getByRole('radio', { name, exact: true });

      // the sample's Word brief condensed to 2 pages, with what it left out
      await radio(w.brief).click();
      const bar = page.getByRole('group', { name: w.fit });
      await bar.getByRole('checkbox').check();
      await expect(page.locator('.brief-sheet')).toHaveAttribute('data-pages', /^[12]$/);
      await expect(page.locator('.left-out li').first()).toBeVisible();
      // the bar stays inside the preview pane at this scaling
      const barBox = (await bar.boundingBox())!;
      const pane = (await page.locator('.pane.preview').boundingBox())!;
      expect(barBox.x + barBox.width).toBeLessThanOrEqual(pane.x + pane.width + 1);
      await shot('condense');
      await bar.getByRole('checkbox').uncheck();
      await radio(w.slides).click();
      // the import helper speaks Chinese: import in Chinese, then back to the language under test
      if (lang === 'en') await page.locator('button.lang').click();
      await importThroughChooser(page, SONGXI);
      if (lang === 'en') await page.locator('button.lang').click();

      // the outline tree with a row focused and a section open
      const tree = page.getByRole('tree');
      await tree.getByRole('treeitem').first().focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      await expect(tree.getByRole('treeitem', { level: 1, expanded: true })).toHaveCount(1);
      await shot('outline-tree');

      // the slide list with a shortened item opened
      await page.getByRole('button', { name: w.draft }).click();
      await expect.poll(() => briefingRows(page).count()).toBeGreaterThan(3);
      const badge = page.getByRole('button', { name: w.badge }).first();
      await badge.click();
      await expect(page.locator('.item-full')).toBeVisible();
      const full = (await page.locator('.item-full').boundingBox())!;
      const list = (await page.locator('.pane.briefing').boundingBox())!;
      expect(full.x + full.width).toBeLessThanOrEqual(list.x + list.width);
      await shot('condensed');

      // the 工作简报 masthead with a long unit name, whole in the preview
      await radio(w.brief).click();
      await page.getByRole('button', { name: /^(模板|Template)/ }).click();
      await page.getByRole('menuitemradio', { name: w.bulletin }).click();
      await page.getByRole('button', { name: w.details }).click();
      await page.getByLabel(w.unit).fill('云溪市临川县青禾区人民政府办公室综合信息科');
      await page.getByRole('button', { name: w.done }).click();
      const mark = page.locator('.brief-masthead-mark');
      await mark.scrollIntoViewIfNeeded();
      const [line, text] = await mark.evaluate((p) => [
        p.getBoundingClientRect().right,
        p.querySelector('span')!.getBoundingClientRect().right,
      ]);
      expect(text).toBeLessThanOrEqual(line + 1);
      await shot('masthead');

      // 修复建议 with 接受 and 撤销 on a report that needed repairs
      if (lang === 'en') await page.locator('button.lang').click();
      await importThroughChooser(page, NEWSPAPER.path);
      if (lang === 'en') await page.locator('button.lang').click();
      await page.getByRole('tab', { name: w.repairs }).click();
      await page.locator('.repair').first().getByRole('button', { name: w.accept }).click();
      await expect(page.locator('.repair.accepted')).toHaveCount(1);
      await shot('repairs');

      await page.context().close();
    });
  }
}
