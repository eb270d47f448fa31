import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDeck } from '../../content/compose/deck';
import { runCli } from '../../main/cli';
import { AppError } from '../../main/errors';
import { buildOutput } from '../../main/export';
import {
  BROWSER_ENV,
  browserArgs,
  browserCandidates,
  BrowserPdfPrinter,
  DISABLED_FEATURES,
  findBrowser,
} from '../../main/export/pdf';
import { builtinRegistry } from '../../templates/registry';
import { displayTitle } from '../../templates/scene/geometry';
import { allLayouts, hostile } from '../fixtures/deck/reports';
import { REPORT_PATH } from '../helpers/paths';

/**
 * The PDF deck: reveal's print view of the HTML deck, printed by an installed Chromium through
 * playwright-core (the command line and browser mode; the app prints in a hidden window).
 */

const require = createRequire(import.meta.url);
const registry = builtinRegistry();
let dir = '';
const printer = new BrowserPdfPrinter();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'deck-pdf-'));
});
afterAll(async () => {
  await printer.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function pdfInfo(bytes: Uint8Array, name: string): { pages: number; sizes: string[]; text: string } {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    sizes: [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+) pts/gm)].map((m) => m[1] ?? ''),
    text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }),
  };
}

const squash = (s: string): string => s.replace(/\s+/g, '');

describe('finding a browser to print with', () => {
  it('takes the one named by BRIEFING_BROWSER', () => {
    expect(
      findBrowser({ env: { [BROWSER_ENV]: '/opt/my/chrome' }, exists: (p) => p === '/opt/my/chrome' }),
    ).toBe('/opt/my/chrome');
  });

  it('says clearly, in Chinese and English, when BRIEFING_BROWSER names nothing', () => {
    const err = (() => {
      try {
        findBrowser({ env: { [BROWSER_ENV]: '/nowhere/chrome' }, exists: () => false });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).messageZh).toContain('/nowhere/chrome');
    expect((err as AppError).messageEn).toContain(BROWSER_ENV);
  });

  it('looks where Edge and Chrome install on Windows, and where Chromium does on Linux', () => {
    const win = browserCandidates('win32', {
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      PROGRAMFILES: 'C:\\Program Files',
    });
    expect(win.some((p) => p.includes('Microsoft') && p.endsWith('msedge.exe'))).toBe(true);
    expect(win.some((p) => p.endsWith('chrome.exe'))).toBe(true);
    const linux = browserCandidates('linux', {});
    expect(linux).toEqual(
      expect.arrayContaining(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']),
    );
    expect(findBrowser({ platform: 'linux', env: {}, exists: (p) => p === '/usr/bin/google-chrome' })).toBe(
      '/usr/bin/google-chrome',
    );
  });

  it('tells staff what to install when there is no browser, and that .html and .pptx still work', () => {
    try {
      findBrowser({ platform: 'linux', env: {}, exists: () => false });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe('no-browser');
      expect(err.messageZh).toMatch(/Chromium.*Edge/);
      expect(err.messageZh).toContain('.pptx');
      expect(err.messageEn).toMatch(/Chromium.*Edge/);
    }
  });

  it('keeps the browser sandbox on, except as root on Linux where Chromium cannot start with it', () => {
    expect(browserArgs('win32', undefined)).not.toContain('--no-sandbox');
    expect(browserArgs('linux', 1000)).not.toContain('--no-sandbox');
    expect(browserArgs('linux', 0)).toContain('--no-sandbox');
    expect(browserArgs('linux', 1000)).toContain('--disable-background-networking');
  });

  it('reports PDF export as unavailable where the host lends no printer', async () => {
    const fx = allLayouts();
    await expect(buildOutput('pdf', fx.report, fx.briefing, registry)).rejects.toMatchObject({
      code: 'format-unavailable',
    });
  });
});

describe('printing a deck to PDF with the installed Chromium', () => {
  it('gives one 16:9 page per slide with every slide title as text, in every theme', async () => {
    for (const themeId of ['gov-red', 'gov-blue', 'plain']) {
      const fx = allLayouts();
      const briefing = { ...fx.briefing, deckTemplate: themeId };
      const theme = registry.get('deck', themeId);
      const deck = composeDeck(fx.report, briefing, theme);
      const out = await buildOutput('pdf', fx.report, briefing, registry, { printPdf: printer.print });
      expect(out.fileName).toBe('绿园区2022年上半年工作总结.pdf');
      const info = pdfInfo(out.bytes, `layouts-${themeId}.pdf`);
      expect(info.pages, themeId).toBe(deck.slides.length);
      // 1280×720 px is 960×540 pt: 16:9 on every page
      expect(new Set(info.sizes)).toEqual(new Set(['960 x 540']));
      const text = squash(info.text);
      for (const s of deck.slides) {
        const title = s.layout === 'quote' ? (s.quote?.text ?? '') : displayTitle(s, theme);
        expect(text, `${themeId} ${s.id}`).toContain(squash(title));
      }
      // speaker notes stay out of the printed pages: what only the notes say is not printed
      const shown = squash(
        deck.slides.map((s) => JSON.stringify(s, (k, v: unknown) => (k === 'notes' ? '' : v))).join(''),
      );
      const notesOnly = deck.slides
        .flatMap((s) => s.notes.split(/[。\n：]/u))
        .map(squash)
        .filter((t) => t.length >= 8 && !shown.includes(t));
      expect(notesOnly.length, themeId).toBeGreaterThan(0);
      for (const t of notesOnly) expect(text).not.toContain(t);
    }
  }, 120_000);

  it('prints report markup as the characters typed', async () => {
    const fx = hostile();
    const out = await buildOutput('pdf', fx.report, fx.briefing, registry, { printPdf: printer.print });
    const text = squash(pdfInfo(out.bytes, 'hostile.pdf').text);
    expect(text).toContain(squash('<script>window.__pwned = 1; alert("pwned")</script>'));
    expect(text).toContain(squash('<a href="javascript:window.__pwned=3">点我</a>'));
  }, 60_000);

  it('starts its browser without the address-bar UI a window would build and nobody sees', async () => {
    const { chromium } = await import('playwright-core');
    const browserUi = async (args: string[]): Promise<string[]> => {
      const browser = await chromium.launch({ executablePath: findBrowser(), args, headless: true });
      try {
        const page = await browser.newPage();
        await page.setContent('<p>汇报</p>');
        const cdp = await browser.newBrowserCDPSession();
        const { targetInfos } = await cdp.send('Target.getTargets');
        return targetInfos.filter((t) => t.type === 'browser_ui').map((t) => t.url);
      } finally {
        await browser.close();
      }
    };
    const args = browserArgs();
    // without the flag, this Chromium builds the popup as pages of its own with every window
    const plain = args.filter((a) => !a.startsWith('--disable-features='));
    expect(await browserUi(plain)).toEqual(
      expect.arrayContaining([expect.stringContaining('omnibox-popup')]),
    );
    expect(await browserUi(args)).toEqual([]);
  }, 60_000);

  it('keeps every feature playwright-core turns off: Chromium takes only the last list it is given', () => {
    // playwright-core passes its own --disable-features before ours; ours replaces it
    const bundle = readFileSync(
      join(dirname(require.resolve('playwright-core/package.json')), 'lib', 'coreBundle.js'),
      'utf8',
    );
    const list = /\bdisabledFeatures = \[([\s\S]*?)\]\.filter/.exec(bundle)?.[1];
    expect(list, 'where playwright-core lists the features it turns off').toBeDefined();
    const theirs = [...list!.replace(/\/\/.*$/gm, '').matchAll(/"([A-Za-z0-9]+)"/g)].map((m) => m[1]!);
    expect(theirs.length).toBeGreaterThan(5);
    expect(DISABLED_FEATURES).toEqual(expect.arrayContaining(theirs));
    expect(browserArgs('linux', 1000).filter((a) => a.startsWith('--disable-features='))).toEqual([
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ]);
  });

  it('fails with a clear message, not a stack trace, when the browser cannot start', async () => {
    const broken = new BrowserPdfPrinter({ executablePath: join(dir, 'not-a-browser'), timeoutMs: 5_000 });
    writeFileSync(join(dir, 'not-a-browser'), 'not a program');
    await expect(broken.print('<!doctype html>')).rejects.toMatchObject({ code: 'pdf-failed' });
    await broken.close();
  });
});

describe('briefing build on the command line', () => {
  it('writes .html, .pdf and .pptx of a report in a chosen theme', async () => {
    const out = join(dir, 'cli');
    const lines: string[] = [];
    const errors: string[] = [];
    const code = await runCli(
      ['build', REPORT_PATH, '--template', 'gov-blue', '--format', 'html,pdf,pptx', '--out', out],
      {
        stdout: (t) => lines.push(t),
        stderr: (t) => errors.push(t),
        cwd: dir,
      },
    );
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files.map((f) => f.split('.').pop())).toEqual(['html', 'pdf', 'pptx']);
    const html = readFileSync(join(out, files[0] ?? ''), 'utf8');
    expect(html).toContain('bs-theme-gov-blue');
    const slides = (html.match(/<section data-layout=/g) ?? []).length;
    expect(pdfInfo(readFileSync(join(out, files[1] ?? '')), 'cli.pdf').pages).toBe(slides);
  }, 120_000);
});
