import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { SLIDE_H, SLIDE_W } from '../../templates/scene/canvas';
import { AppError } from '../errors';

/**
 * Printing the HTML deck to PDF outside Electron (the command line and browser mode): playwright-core
 * drives a Chromium-family browser already installed on the machine, offline, through reveal's
 * print view. Chromium's own `--print-to-pdf` switch prints that view blank, so it is not used.
 */

/** The steps of a print, for an export's progress: the browser starts, the deck is laid out, printed. */
export type PrintStage = 'browser' | 'layout' | 'print';

export interface PrintOptions {
  /** aborting stops waiting at once: the print fails with the code `canceled` and gives no bytes */
  signal?: AbortSignal;
  /** told as each step begins */
  onStage?: (stage: PrintStage) => void;
}

/** Turns the print variant of an HTML deck into PDF bytes: each host supplies one. */
export type PdfPrinter = (html: string, options?: PrintOptions) => Promise<Uint8Array>;

/** The error of a print staff canceled (the same code as a canceled import). */
export function printCanceled(): AppError {
  return new AppError('canceled', '已取消导出。', 'Export canceled.');
}

/**
 * A step of a print that a cancel stops waiting for. The step itself may run on (a browser's
 * print cannot be interrupted), but its result is dropped: nothing is delivered.
 */
export function untilCanceled<T>(step: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return step;
  if (signal.aborted) return Promise.reject(printCanceled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(printCanceled());
    signal.addEventListener('abort', onAbort, { once: true });
    step.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** Environment variable naming the browser to print with, when it is not in a usual place. */
export const BROWSER_ENV = 'BRIEFING_BROWSER';

/**
 * Chromium features the print browser runs without. Recent Chromium builds each window's
 * address-bar popup as web pages of their own as the window opens: about a second of CPU on a
 * 2-core desktop, beside the deck's print, for a window nobody sees. Chromium keeps only the
 * last `--disable-features` switch, so this one also carries every feature playwright-core turns
 * off itself (among them the start-up requests to Google's servers); tests/main/pdf.test.ts
 * fails if a playwright-core update adds one that is missing here.
 */
export const DISABLED_FEATURES = [
  // the address-bar popup
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
  // playwright-core's own
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
] as const;

/** Flags for a quiet, offline, headless run. */
export const BROWSER_ARGS = [
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
] as const;

/**
 * The flags for this machine. Chromium's sandbox stays on, except where it cannot start: run as
 * root on Linux (build servers, containers) it refuses to launch with it.
 */
export function browserArgs(
  platform: NodeJS.Platform = process.platform,
  uid = process.getuid?.(),
): string[] {
  return platform === 'linux' && uid === 0 ? ['--no-sandbox', ...BROWSER_ARGS] : [...BROWSER_ARGS];
}

const PRINT_TIMEOUT_MS = 60_000;

/** Where Chromium, Chrome and Edge install themselves, most likely first. */
export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  switch (platform) {
    case 'win32': {
      const roots = [env['PROGRAMFILES(X86)'], env.PROGRAMFILES, env.LOCALAPPDATA].filter((r): r is string =>
        Boolean(r),
      );
      return roots.flatMap((root) => [
        join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
        join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        join(root, 'Chromium', 'Application', 'chrome.exe'),
      ]);
    }
    case 'darwin':
      return [
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
      ];
    default:
      return [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/usr/bin/microsoft-edge',
        '/usr/bin/microsoft-edge-stable',
        '/snap/bin/chromium',
        '/opt/google/chrome/chrome',
        '/opt/microsoft/msedge/msedge',
      ];
  }
}

export interface FindBrowserOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
}

/** The browser to print with: the environment override if set, else the first usual install found. */
export function findBrowser(options: FindBrowserOptions = {}): string {
  const env = options.env ?? process.env;
  const exists = options.exists ?? existsSync;
  const override = env[BROWSER_ENV]?.trim();
  if (override) {
    if (exists(override)) return override;
    throw new AppError(
      'no-browser',
      `环境变量 ${BROWSER_ENV} 指向的浏览器「${override}」不存在。请改为 Chromium、Chrome 或 Edge 程序的完整路径。`,
      `The browser named by ${BROWSER_ENV} ("${override}") does not exist. Set it to the full path of a Chromium, Chrome or Edge executable.`,
    );
  }
  const found = browserCandidates(options.platform ?? process.platform, env).find(exists);
  if (found) return found;
  throw new AppError(
    'no-browser',
    `导出 PDF 需要本机已安装的 Chromium、Google Chrome 或 Microsoft Edge 浏览器，但没有找到。请安装其中之一，或设置环境变量 ${BROWSER_ENV} 为浏览器程序的完整路径；也可以先导出 .html 或 .pptx。`,
    `Exporting a PDF needs Chromium, Google Chrome or Microsoft Edge installed on this computer, and none was found. Install one, or set ${BROWSER_ENV} to the browser's full path; you can still export .html or .pptx.`,
  );
}

/** The error for a PDF export where no printer is available (a host without one). */
export function pdfUnavailable(): AppError {
  return new AppError(
    'format-unavailable',
    '当前环境无法导出 PDF，请导出 .html 或 .pptx。',
    'PDF export is not available here; export .html or .pptx instead.',
  );
}

const firstLine = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0]?.slice(0, 200) ?? '';

/** The query that opens an HTML deck in reveal's print view: one page per slide. */
export const PRINT_QUERY = 'print-pdf';

/**
 * Prints HTML decks with one installed browser, started on first use and kept until close(), so
 * a host that exports often pays the start-up once. Prints run one at a time.
 */
interface PrintSession {
  browser: Browser;
  page: Page;
  dir: string;
}

export class BrowserPdfPrinter {
  private session: Promise<PrintSession> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** the one file the page may load: the deck being printed */
  private allowed = '';
  private printed = 0;

  constructor(private readonly options: { executablePath?: string; timeoutMs?: number } = {}) {}

  private get timeout(): number {
    return this.options.timeoutMs ?? PRINT_TIMEOUT_MS;
  }

  /**
   * Start the browser now, so it is up by the time the deck is composed (the command line calls
   * this first thing). A browser that cannot start says so at the first print.
   */
  warm(): void {
    this.start().catch(() => undefined);
  }

  private start(): Promise<PrintSession> {
    this.session ??= (async () => {
      const executablePath = this.options.executablePath ?? findBrowser();
      const dir = mkdtemp(join(tmpdir(), 'briefing-pdf-'));
      dir.catch(() => undefined);
      const { chromium } = await import('playwright-core');
      let browser: Browser;
      try {
        browser = await chromium.launch({
          executablePath,
          args: browserArgs(),
          headless: true,
          timeout: this.timeout,
        });
      } catch (err) {
        await rm(await dir, { recursive: true, force: true }).catch(() => undefined);
        throw new AppError(
          'pdf-failed',
          `无法启动浏览器「${executablePath}」来导出 PDF：${firstLine(err)}`,
          `Could not start the browser "${executablePath}" to export the PDF: ${firstLine(err)}`,
        );
      }
      const context = await browser.newContext({
        offline: true,
        viewport: { width: SLIDE_W, height: SLIDE_H },
      });
      // nothing but the deck being printed and inline data may load
      await context.route('**/*', (route) => {
        const url = route.request().url();
        return url.split('?')[0] === this.allowed || url.startsWith('data:')
          ? route.continue()
          : route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      return { browser, page, dir: await dir };
    })();
    // a failed start is not remembered: the next export tries again
    this.session.catch(() => {
      this.session = null;
    });
    return this.session;
  }

  /** Print an HTML deck (as the .html export writes it) to PDF bytes. */
  print: PdfPrinter = (html, options = {}) => {
    const run = this.queue.then(() => this.printNow(html, options));
    // the next print waits for this one's browser work, even when staff canceled this one
    this.queue = run.catch(() => undefined);
    return untilCanceled(run, options.signal);
  };

  private async printNow(html: string, { signal, onStage }: PrintOptions): Promise<Uint8Array> {
    if (signal?.aborted) throw printCanceled();
    // the first print of a session starts the browser: a step of its own, seconds on a busy machine
    if (!this.session) onStage?.('browser');
    const { page, dir } = await this.start();
    if (signal?.aborted) throw printCanceled();
    onStage?.('layout');
    // printed from a file: reveal's print view is chosen by the page's query string
    const file = join(dir, `deck-${++this.printed}.html`);
    try {
      await writeFile(file, html, 'utf8');
      this.allowed = pathToFileURL(file).href;
      await page.goto(`${this.allowed}?${PRINT_QUERY}`, { waitUntil: 'load', timeout: this.timeout });
      await page.waitForSelector('html.bs-pdf-ready', { state: 'attached', timeout: this.timeout });
      await page.evaluate('document.fonts.ready.then(() => true)');
      if (signal?.aborted) throw printCanceled();
      onStage?.('print');
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError(
        'pdf-failed',
        `导出 PDF 失败：${firstLine(err)}。可以先导出 .html 或 .pptx。`,
        `PDF export failed: ${firstLine(err)}. You can still export .html or .pptx.`,
      );
    } finally {
      this.allowed = '';
      await rm(file, { force: true }).catch(() => undefined);
    }
  }

  /** Stop the browser, if it was started, and remove its temporary folder. */
  async close(): Promise<void> {
    const session = this.session;
    this.session = null;
    const s = session ? await session.catch(() => null) : null;
    if (!s) return;
    await s.browser.close().catch(() => undefined);
    await rm(s.dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Print an HTML deck to PDF with an installed browser, started for this one print (the command
 * line). The page is offline: every request that is not the deck itself or inline data is refused.
 */
export async function printPdfWithBrowser(
  html: string,
  options: { executablePath?: string; timeoutMs?: number } = {},
): Promise<Uint8Array> {
  const printer = new BrowserPdfPrinter(options);
  try {
    return await printer.print(html);
  } finally {
    await printer.close();
  }
}
