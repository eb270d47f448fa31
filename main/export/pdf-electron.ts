import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron';
import { SLIDE_H, SLIDE_W } from '../../templates/scene/canvas';
import { AppError } from '../errors';
import { PRINT_QUERY, printCanceled, untilCanceled, type PdfPrinter } from './pdf';

/**
 * Printing the HTML deck to PDF inside the app: a hidden, sandboxed window in its own in-memory
 * session loads the HTML deck from a temporary file in reveal's print view, waits for its layout
 * (`pdf-ready`), and prints with `webContents.printToPDF`. The session refuses every request
 * except that one file and inline data, so nothing leaves the machine.
 */

/** The parts of Electron this needs, passed in so tests can stand in for them. */
export interface ElectronPdfDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  fromPartition: (partition: string) => Session;
  tempDir?: () => string;
}

/** In-memory (no `persist:`): nothing the print window does is kept. */
export const PDF_PARTITION = 'briefing-pdf';
const READY_TIMEOUT_MS = 60_000;

/** Resolves when reveal has laid out the print view (the page marks <html> with bs-pdf-ready). */
export const WAIT_FOR_PRINT_VIEW = `new Promise((resolve, reject) => {
  const started = Date.now();
  const check = () => {
    if (document.documentElement.classList.contains('bs-pdf-ready')) return document.fonts.ready.then(() => resolve(true));
    if (Date.now() - started > ${READY_TIMEOUT_MS}) return reject(new Error('print view not ready'));
    setTimeout(check, 50);
  };
  check();
})`;

/** Print options: one page per slide at the size reveal's print view sets (16:9), no margins. */
export const PRINT_OPTIONS = {
  printBackground: true,
  preferCSSPageSize: true,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
} as const;

export function electronPdfPrinter(deps: ElectronPdfDeps): PdfPrinter {
  return async (html, { signal, onStage } = {}) => {
    if (signal?.aborted) throw printCanceled();
    const dir = await mkdtemp(join((deps.tempDir ?? tmpdir)(), 'briefing-pdf-'));
    const file = join(dir, 'deck.html');
    const fileUrl = pathToFileURL(file).href;
    let win: BrowserWindow | null = null;
    // a cancel destroys the window, which ends its load or print at once
    const stop = (): void => {
      if (win && !win.isDestroyed()) win.destroy();
    };
    signal?.addEventListener('abort', stop, { once: true });
    try {
      await writeFile(file, html, 'utf8');
      const ses = deps.fromPartition(PDF_PARTITION);
      ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
      ses.webRequest.onBeforeRequest((details, callback) => {
        const allowed = details.url.split('?')[0] === fileUrl || details.url.startsWith('data:');
        callback({ cancel: !allowed });
      });
      win = new deps.BrowserWindow({
        show: false,
        width: SLIDE_W,
        height: SLIDE_H,
        webPreferences: {
          session: ses,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          javascript: true,
          webviewTag: false,
          spellcheck: false,
        },
      });
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      onStage?.('layout');
      await untilCanceled(win.loadFile(file, { search: PRINT_QUERY }), signal);
      await untilCanceled(win.webContents.executeJavaScript(WAIT_FOR_PRINT_VIEW), signal);
      onStage?.('print');
      const pdf = await untilCanceled(win.webContents.printToPDF(PRINT_OPTIONS), signal);
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } catch (err) {
      if (signal?.aborted) throw printCanceled();
      const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
      throw new AppError(
        'pdf-failed',
        `导出 PDF 失败：${detail}。可以先导出 .html 或 .pptx。`,
        `PDF export failed: ${detail}. You can still export .html or .pptx.`,
      );
    } finally {
      signal?.removeEventListener('abort', stop);
      if (win && !win.isDestroyed()) win.destroy();
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  };
}
