import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A report whose text is markup and script (<script>, <img onerror>, javascript: links) shows it
 * as plain text in the exported deck; nothing runs, nothing is fetched.
 */

interface WrittenDeck {
  name: string;
  theme: string;
  file: string;
  slides: { layout: string; title: string }[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';
let decks: WrittenDeck[] = [];

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'deck-xss-'));
  execFileSync(process.execPath, [join(ROOT, 'tests', 'e2e', 'deck-write.mjs'), dir], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  decks = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as WrittenDeck[]).filter(
    (d) => d.name === 'hostile',
  );
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('markup and script in a report show as text in the HTML deck and never run', async ({ page }) => {
  expect(decks).toHaveLength(3);
  const dialogs: string[] = [];
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) outside.push(r.url());
  });
  for (const deck of decks) {
    await page.goto(pathToFileURL(deck.file).href);
    await page.waitForFunction('Boolean(window.Reveal && window.Reveal.isReady())');
    // step through every slide, reading what is shown, so anything lazy would have its chance to run
    const shown: string[] = [await page.locator('section.present').innerText()];
    for (let i = 1; i < deck.slides.length; i++) {
      await page.keyboard.press('ArrowRight');
      shown.push(await page.locator('section.present').innerText());
    }
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    // only reveal.js and its start-up script; no element came from the report's text
    await expect(page.locator('script')).toHaveCount(2);
    await expect(
      page.locator('.bs-slide img[src="x"], .bs-slide a, .bs-slide svg[onload], .bs-slide [onerror]'),
    ).toHaveCount(0);
    // the text is on the slides as typed, visible
    const text = shown.join('\n');
    expect(text).toContain('<script>window.__pwned = 1; alert("pwned")</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned = 2; alert(2)">');
    expect(text).toContain('<a href="javascript:window.__pwned=3">点我</a>');
    // the cover shows it too: title and the unit from the dateline
    await page.keyboard.press('Home');
    await expect(page.locator('section.present .bs-slide-cover .bs-title')).toContainText('报告<script>');
    await expect(page.locator('section.present .bs-slide-cover .bs-meta')).toContainText('"><svg onload=');
  }
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  expect(outside).toEqual([]);
});
