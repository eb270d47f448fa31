import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  electronPdfPrinter,
  PDF_PARTITION,
  PRINT_OPTIONS,
  WAIT_FOR_PRINT_VIEW,
} from '../../main/export/pdf-electron';

/**
 * The app prints PDFs in a hidden window. The Electron runtime cannot run on the build machines,
 * so a stand-in records what the printer asks of it: the window's safety settings, the request
 * filter, the order of load → wait for reveal's print view → print, and the clean-up.
 */

type Filter = (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;

interface Record {
  options?: BrowserWindowConstructorOptions;
  partition?: string;
  filter?: Filter;
  permission?: (wc: unknown, permission: string, callback: (ok: boolean) => void) => void;
  loaded?: { file: string; search?: string };
  html?: string;
  steps: string[];
  destroyed: boolean;
  denyWindows?: () => { action: string };
}

let dir = '';
let rec: Record;

function fakeElectron(behaviour: { failPrint?: boolean } = {}) {
  rec = { steps: [], destroyed: false };
  const session = {
    setPermissionRequestHandler: (h: Record['permission']) => {
      rec.permission = h;
    },
    webRequest: {
      onBeforeRequest: (f: Filter) => {
        rec.filter = f;
      },
    },
  };
  class FakeWindow {
    webContents = {
      setWindowOpenHandler: (h: () => { action: string }) => {
        rec.denyWindows = h;
      },
      on: () => undefined,
      executeJavaScript: async (code: string) => {
        rec.steps.push(code === WAIT_FOR_PRINT_VIEW ? 'wait-print-view' : 'script');
        return true;
      },
      printToPDF: async (options: unknown) => {
        rec.steps.push(`print ${JSON.stringify(options)}`);
        if (behaviour.failPrint) throw new Error('printer on fire');
        return Buffer.from('%PDF-1.7 fake');
      },
    };
    constructor(options: BrowserWindowConstructorOptions) {
      rec.options = options;
    }
    async loadFile(file: string, opts?: { search?: string }) {
      rec.loaded = { file, ...(opts?.search ? { search: opts.search } : {}) };
      rec.html = readFileSync(file, 'utf8');
      rec.steps.push('load');
    }
    isDestroyed() {
      return rec.destroyed;
    }
    destroy() {
      rec.destroyed = true;
    }
  }
  return {
    BrowserWindow: FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
    fromPartition: (p: string) => {
      rec.partition = p;
      return session as unknown as Session;
    },
    tempDir: () => dir,
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-electron-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('printing a PDF in the app', () => {
  it('loads the deck in reveal’s print view in a hidden, sandboxed window of its own in-memory session', async () => {
    const bytes = await electronPdfPrinter(fakeElectron())('<html>deck</html>');
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7 fake');
    expect(rec.options).toMatchObject({ show: false, width: 1280, height: 720 });
    expect(rec.options?.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(rec.options?.webPreferences?.preload).toBeUndefined();
    expect(rec.partition).toBe(PDF_PARTITION);
    expect(PDF_PARTITION.startsWith('persist:')).toBe(false);
    expect(rec.loaded?.search).toBe('print-pdf');
    expect(rec.html).toBe('<html>deck</html>');
    expect(rec.denyWindows?.()).toEqual({ action: 'deny' });
  });

  it('waits for reveal’s print layout before printing, one page per slide at the CSS page size', async () => {
    await electronPdfPrinter(fakeElectron())('<html></html>');
    expect(rec.steps).toEqual(['load', 'wait-print-view', `print ${JSON.stringify(PRINT_OPTIONS)}`]);
    expect(PRINT_OPTIONS).toMatchObject({ preferCSSPageSize: true, printBackground: true });
    expect(WAIT_FOR_PRINT_VIEW).toContain('bs-pdf-ready');
  });

  it('lets the page load only its own file and inline data, refuses every permission', async () => {
    await electronPdfPrinter(fakeElectron())('<html></html>');
    const file = rec.loaded?.file ?? '';
    const decide = (url: string): boolean => {
      let cancel = true;
      rec.filter?.({ url }, (r) => {
        cancel = r.cancel;
      });
      return cancel;
    };
    expect(decide(`${pathToFileURL(file).href}?print-pdf`)).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
    expect(decide('https://example.com/x.js')).toBe(true);
    expect(decide('http://127.0.0.1/')).toBe(true);
    expect(decide(pathToFileURL('/etc/passwd').href)).toBe(true);
    let granted = true;
    rec.permission?.(null, 'geolocation', (ok) => {
      granted = ok;
    });
    expect(granted).toBe(false);
  });

  it('removes the temporary file and the window afterwards, and on failure says so clearly', async () => {
    await electronPdfPrinter(fakeElectron())('<html></html>');
    expect(existsSync(rec.loaded?.file ?? '/')).toBe(false);
    expect(rec.destroyed).toBe(true);
    await expect(
      electronPdfPrinter(fakeElectron({ failPrint: true }))('<html></html>'),
    ).rejects.toMatchObject({
      code: 'pdf-failed',
      messageZh: expect.stringContaining('printer on fire'),
    });
    expect(rec.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(pathToFileURL(rec.loaded?.file ?? '/')))).toBe(false);
  });
});
