import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SLIDE_LAYOUTS } from '../../templates/model';

/**
 * The exported HTML decks, opened from file:// the way staff open them from a USB stick: nothing
 * may load from anywhere else, every slide is there, the keyboard steps through them, no text
 * leaves its box. Every layout in every theme is screenshotted into tests/artifacts/deck/.
 */

interface WrittenDeck {
  name: string;
  theme: string;
  file: string;
  slides: { layout: string; title: string; id: string }[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = join(ROOT, 'tests', 'artifacts', 'deck');
let dir = '';
let decks: WrittenDeck[] = [];

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'deck-e2e-'));
  execFileSync(process.execPath, [join(ROOT, 'tests', 'e2e', 'deck-write.mjs'), dir], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  decks = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as WrittenDeck[];
  mkdirSync(ARTIFACTS, { recursive: true });
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Record every request the page makes; anything but file: and data: is refused and reported. */
async function offline(page: Page): Promise<string[]> {
  const outside: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('file:') && !url.startsWith('data:')) outside.push(url);
  });
  await page.context().route(/^(?!file:|data:)/, (route) => {
    outside.push(route.request().url());
    return route.abort();
  });
  return outside;
}

async function open(page: Page, deck: WrittenDeck): Promise<void> {
  await page.goto(pathToFileURL(deck.file).href);
  await page.waitForFunction('Boolean(window.Reveal && window.Reveal.isReady())');
}

// in-page code is written as strings: this file is type-checked as Node code, without the DOM
const currentIndex = (page: Page): Promise<number> => page.evaluate<number>('Reveal.getIndices().h');
const showSlide = (page: Page, n: number): Promise<unknown> => page.evaluate(`Reveal.slide(${n})`);

test('every deck opens from file:// with no request leaving the file, and has all its slides', async ({
  page,
}) => {
  expect(decks.length).toBe(12);
  const outside = await offline(page);
  for (const deck of decks) {
    await open(page, deck);
    await expect(page.locator('.reveal .slides > section')).toHaveCount(deck.slides.length);
    const layouts = await page
      .locator('.reveal .slides > section')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-layout')));
    expect(layouts, `${deck.name}-${deck.theme}`).toEqual(deck.slides.map((s) => s.layout));
  }
  expect(outside).toEqual([]);
});

test('the keyboard steps through every slide and back, with the page number on each', async ({ page }) => {
  const outside = await offline(page);
  for (const deck of decks.filter((d) => d.name === 'layouts')) {
    await open(page, deck);
    expect(await currentIndex(page)).toBe(0);
    for (let i = 1; i < deck.slides.length; i++) {
      await page.keyboard.press(i % 2 ? 'ArrowRight' : 'Space');
      expect(await currentIndex(page)).toBe(i);
      const present = page.locator('.reveal .slides > section.present');
      await expect(present.locator('.bs-slide')).toHaveAttribute('data-slide-id', deck.slides[i]?.id ?? '');
      // content slides carry their number in the footer; cover, dividers and closing do not
      if (!['divider', 'closing'].includes(deck.slides[i]?.layout ?? ''))
        await expect(present.locator('.bs-page')).toHaveText(String(i + 1));
    }
    await page.keyboard.press('Home');
    expect(await currentIndex(page)).toBe(0);
    await page.keyboard.press('End');
    expect(await currentIndex(page)).toBe(deck.slides.length - 1);
    await page.keyboard.press('ArrowLeft');
    expect(await currentIndex(page)).toBe(deck.slides.length - 2);
  }
  expect(outside).toEqual([]);
});

const LINES_OUTSIDE_BOXES = `(() => {
  const bad = [];
  const slide = document.querySelector('.reveal .slides > section.present .bs-slide');
  if (!slide) return ['no slide shown'];
  const frame = slide.getBoundingClientRect();
  slide.querySelectorAll('.bs-box').forEach((box) => {
    const b = box.getBoundingClientRect();
    if (b.left < frame.left - 0.5 || b.top < frame.top - 0.5 || b.right > frame.right + 0.5 || b.bottom > frame.bottom + 0.5)
      bad.push(box.className + ': box outside the slide');
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || !node.parentElement) continue;
      const style = getComputedStyle(node.parentElement);
      const lh = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of Array.from(range.getClientRects())) {
        const mid = (r.top + r.bottom) / 2;
        const top = mid - lh / 2;
        const bottom = mid + lh / 2;
        if (top < b.top - 1 || bottom > b.bottom + 1 || r.left < b.left - 1 || r.right > b.right + 1) {
          bad.push(box.className + ' «' + node.textContent.slice(0, 20) + '»: line ' + [r.left, top, r.right, bottom].map(Math.round) + ' outside ' + [b.left, b.top, b.right, b.bottom].map(Math.round));
          break;
        }
      }
    }
  });
  return bad;
})()`;

/**
 * Every line of text on the current slide sits inside its box: its line box (the line's centre
 * plus and minus half the line height) within the box's height, its ends within the box's width.
 */
const linesOutsideTheirBoxes = (page: Page): Promise<string[]> =>
  page.evaluate<string[]>(LINES_OUTSIDE_BOXES);

test('no text overflows its box on any slide, with real fonts, even for very long titles and points', async ({
  page,
}) => {
  await offline(page);
  let checked = 0;
  for (const deck of decks) {
    await open(page, deck);
    for (let i = 0; i < deck.slides.length; i++) {
      await showSlide(page, i);
      expect(await linesOutsideTheirBoxes(page), `${deck.name}-${deck.theme} slide ${i + 1}`).toEqual([]);
      checked++;
    }
  }
  expect(checked).toBe(decks.reduce((n, d) => n + d.slides.length, 0));
});

test('the overflow check itself catches text that does not fit', async ({ page }) => {
  await offline(page);
  const deck = decks.find((d) => d.name === 'long' && d.theme === 'gov-red');
  if (!deck) throw new Error('long deck missing');
  await open(page, deck);
  const bullets = deck.slides.findIndex((s) => s.layout === 'bullets');
  await showSlide(page, bullets);
  expect(await linesOutsideTheirBoxes(page)).toEqual([]);
  // the same slide with its text set far larger than compose chose must be reported
  await page.addStyleTag({
    content: '.bs-bullets { font-size: 64px !important; } .bs-title { font-size: 80px !important; }',
  });
  const found = await linesOutsideTheirBoxes(page);
  expect(found.some((l) => l.includes('bs-bullets'))).toBe(true);
  expect(found.some((l) => l.includes('bs-title'))).toBe(true);
});

test('every layout in every theme is screenshotted for review', async ({ page }) => {
  await offline(page);
  let shots = 0;
  for (const deck of decks) {
    await open(page, deck);
    for (let i = 0; i < deck.slides.length; i++) {
      await showSlide(page, i);
      const path = join(
        ARTIFACTS,
        deck.theme,
        `${deck.name}-${String(i + 1).padStart(2, '0')}-${deck.slides[i]?.layout ?? 'slide'}.png`,
      );
      await page.screenshot({ path });
      shots++;
    }
  }
  const layoutsSeen = new Set(
    decks.filter((d) => d.name === 'layouts').flatMap((d) => d.slides.map((s) => `${d.theme}:${s.layout}`)),
  );
  for (const theme of ['gov-red', 'gov-blue', 'plain'])
    for (const layout of SLIDE_LAYOUTS)
      expect(layoutsSeen.has(`${theme}:${layout}`), `${theme} ${layout}`).toBe(true);
  expect(shots).toBe(decks.reduce((n, d) => n + d.slides.length, 0));
});
