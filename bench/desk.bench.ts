import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../playwright.config';
import { ROOT } from '../tests/helpers/paths';
import { machineLoad, recordFigure, summarize } from './figures';
import { sixtySlidesText } from './sixty-slides-text';

/**
 * The desk in a real Chromium through browser mode, as staff meet it: how long from starting
 * `node out/main/browser.js` to the sample report on screen, and how long from a keystroke in an
 * item to the live preview showing it on a 60-slide briefing.
 */

interface Host {
  appUrl: string;
  child: ChildProcess;
}

/** A host line on stdout: the JSON browser mode prints with --json. */
function hostFrom(child: ChildProcess): Promise<Host> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ appUrl: (JSON.parse(line) as { appUrl: string }).appUrl, child });
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
}

const benchEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  BRIEFING_DATA_DIR: mkdtempSync(join(tmpdir(), 'desk-bench-')),
});

function startHost(): Promise<Host> {
  const child = spawn(process.execPath, [join(ROOT, 'out', 'main', 'browser.js'), '--json', '--no-open'], {
    cwd: ROOT,
    env: benchEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return hostFrom(child);
}

/** `npm start` as staff type it, in browser mode; its own process group, so stopping it stops npm's children. */
function npmStart(): Promise<Host> {
  const child = spawn('npm', ['start', '--silent', '--', '--browser', '--json', '--no-open'], {
    cwd: ROOT,
    env: benchEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return hostFrom(child);
}

function stopHost(host: Host): Promise<void> {
  return new Promise((done) => {
    if (host.child.exitCode !== null) return done();
    host.child.once('exit', () => done());
    // npm start leads a process group of its own: signal all of it
    if (host.child.spawnargs[0] === 'npm') process.kill(-host.child.pid!, 'SIGTERM');
    else host.child.kill('SIGTERM');
  });
}

/** A report of 5,000 blocks (50 parts of 100 points), each with two statistics. */
function hugeReport(): string {
  const lines = ['五千段的大报告'];
  for (let s = 1; s <= 50; s++) {
    lines.push(`第${s}部分工作情况`);
    for (let p = 1; p <= 100; p++)
      lines.push(`推进第${s}-${p}项任务。完成投资${p}亿元，惠及${s * 10 + p}户。`);
  }
  return lines.join('\n\n');
}

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
  await page.getByRole('button', { name: '导入' }).click();
  await page.getByRole('status').filter({ hasText: '已导入' }).waitFor({ timeout: 120_000 });
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM.executablePath, args: CHROMIUM.args });
});
afterAll(async () => {
  await browser?.close();
});

describe('the desk in Chromium', () => {
  it('starts browser mode and shows the sample report', async () => {
    /*
     * From typing `npm start` to the sample report on screen. npm start opens the desk in the
     * browser staff already have open: a new tab in a running window, and that is the figure
     * held to the target. Beside it, for reference: the same in a new browser window (headless
     * Chromium builds each new window's own address-bar UI, ~1 s of CPU on this 2-core machine,
     * while the page loads: the browser's cost, not the app's), and the host started directly,
     * without npm (npm's own start is ~0.35 s of the figure).
     */
    const window = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await window.newPage();
    const ways = {
      tab: { start: npmStart, open: () => window.newPage() },
      window: { start: npmStart, open: () => browser.newPage({ viewport: { width: 1366, height: 768 } }) },
      host: { start: startHost, open: () => window.newPage() },
    };
    const times: Record<keyof typeof ways, number[]> = { tab: [], window: [], host: [] };
    try {
      for (let run = 0; run < 7; run++) {
        for (const how of ['tab', 'window', 'host'] as const) {
          const page = await ways[how].open();
          const t0 = performance.now();
          const host = await ways[how].start();
          await page.goto(host.appUrl);
          await page.locator('.outline-row', { hasText: '稳住经济运行基本盘' }).waitFor();
          times[how].push(performance.now() - t0);
          await page.close();
          await stopHost(host);
        }
      }
    } finally {
      await window.close();
    }
    const tab = summarize(times.tab);
    recordFigure({
      name: 'desk: npm start (browser mode) → sample report visible',
      value: tab.median,
      unit: 'ms',
      target: 1500,
      note: `median of ${times.tab.length}, fastest ${tab.min.toFixed(0)} ms; the page in a new tab of the running browser; ${machineLoad()}`,
    });
    recordFigure({
      name: 'desk: npm start → sample report visible, page in a new browser window',
      value: summarize(times.window).median,
      unit: 'ms',
      note: 'reference: includes Chromium building the new window’s own UI at the same time',
    });
    recordFigure({
      name: 'desk: host started without npm → sample report visible (new tab)',
      value: summarize(times.host).median,
      unit: 'ms',
      note: 'reference: `node out/main/browser.js`, npm’s own start left out',
    });
  });

  it('updates the preview within a frame of a keystroke on a 60-slide briefing', async () => {
    const host = await startHost();
    const page: Page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await page.goto(host.appUrl);
      await page.locator('.outline-row').first().waitFor();
      await page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.body.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, sixtySlidesText());
      await page.getByRole('button', { name: '导入' }).click();
      await page.getByRole('button', { name: '一键生成初稿' }).click();
      // the thumbnail strip renders just after the slide in view
      await expect.poll(() => page.locator('.thumbs .thumb').count()).toBeGreaterThanOrEqual(60);
      const slides = await page.locator('.thumbs .thumb').count();

      // open a point in the middle of the deck and type into its lead-in
      const point = page
        .locator('[data-item-row]')
        .filter({ has: page.locator('.badge-point') })
        .nth(70);
      await point.click();
      const title = point.getByRole('textbox', { name: '引导句' });
      await title.click();
      await title.press('End');
      await page.evaluate(() => {
        const w = window as unknown as { __lat: number[]; __frame: number[]; __thumb: number[] };
        w.__lat = [];
        w.__frame = [];
        w.__thumb = [];
        let t0 = 0;
        let t1 = 0;
        window.addEventListener(
          'keydown',
          () => {
            t0 = performance.now();
            t1 = t0;
          },
          true,
        );
        const watch = { subtree: true, childList: true, characterData: true, attributes: true };
        // the slide in view: the preview staff are looking at
        new MutationObserver(() => {
          if (!t0) return;
          const start = t0;
          t0 = 0;
          w.__lat.push(performance.now() - start);
          requestAnimationFrame(() => w.__frame.push(performance.now() - start));
        }).observe(document.querySelector('.slide-stage')!, watch);
        // the thumbnail strip, rendered in the background right after
        new MutationObserver(() => {
          if (!t1) return;
          w.__thumb.push(performance.now() - t1);
          t1 = 0;
        }).observe(document.querySelector('.thumbs')!, watch);
      });
      const keys = 'abcdefghijklmnopqrstuvwxyzabcdefghijklmn';
      for (const key of keys) {
        await page.keyboard.press(key);
        await page.waitForTimeout(40);
      }
      await page.waitForTimeout(200);
      const { lat, frame, thumb } = await page.evaluate(() => {
        const w = window as unknown as { __lat: number[]; __frame: number[]; __thumb: number[] };
        return { lat: w.__lat, frame: w.__frame, thumb: w.__thumb };
      });
      expect(lat.length).toBe(keys.length);
      await expect.poll(() => page.locator('.current-slide').textContent()).toContain(keys);
      const dom = summarize(lat);
      const painted = summarize(frame);
      const strip = summarize(thumb);
      recordFigure({
        name: `desk: keystroke → slide in view updated (median, ${slides} slides)`,
        value: dom.median,
        unit: 'ms',
        target: 16,
        note: `DOM updated; next frame ${painted.median.toFixed(1)} ms; ${machineLoad()}`,
      });
      recordFigure({
        name: `desk: keystroke → slide in view updated (p95, ${slides} slides)`,
        value: dom.p95,
        unit: 'ms',
        target: 50,
        note: `DOM updated; next frame p95 ${painted.p95.toFixed(1)} ms`,
      });
      recordFigure({
        name: `desk: keystroke → thumbnail strip updated (median, ${slides} slides)`,
        value: strip.median,
        unit: 'ms',
        note: `background render after the slide in view; p95 ${strip.p95.toFixed(1)} ms`,
      });
    } finally {
      await page.close();
      await stopHost(host);
    }
  });

  it('scrolls the outline of a 5,000-block report smoothly', async () => {
    const host = await startHost();
    const page: Page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await page.goto(host.appUrl);
      await page.locator('.outline-row').first().waitFor();
      await paste(page, hugeReport());
      // every statistic listed: 10,000 rows
      await page.getByRole('radio', { name: '只看数据' }).click();
      await page.locator('.outline-row.kind-stat').first().waitFor();
      const frames = await page.evaluate(
        () =>
          new Promise<number[]>((resolve) => {
            const el = document.querySelector('.outline-scroll')!;
            const gaps: number[] = [];
            let last = performance.now();
            let n = 0;
            const step = (): void => {
              const now = performance.now();
              gaps.push(now - last);
              last = now;
              el.scrollTop += 240;
              if (++n < 180) requestAnimationFrame(step);
              else resolve(gaps.slice(1));
            };
            requestAnimationFrame(step);
          }),
      );
      const { median, p95 } = summarize(frames);
      recordFigure({
        name: 'desk: outline scroll frame, 5,000 blocks (median)',
        value: median,
        unit: 'ms',
        note: `p95 ${p95.toFixed(1)} ms over ${frames.length} frames scrolling 10,000 rows; 60 Hz = 16.7 ms; ${machineLoad()}`,
      });
    } finally {
      await page.close();
      await stopHost(host);
    }
  });
});
