import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ImportError } from './errors';
import type { RawDocument } from './index';
import type { Asset } from '../model/report';
import { BuildBudget, checkLimit } from './limits';
import { dropRepeatedImages, pageImages } from './pdf-images';
import { pagesToRawBlocks, type PdfPage, type TextRun } from './pdf-layout';
import { checkPdfStreams } from './pdf-scan';
import { sniff } from './sniff';

/**
 * Read a PDF's text layer with pdf.js (its legacy build, the one meant for Node). pdf.js runs its
 * parser on the same thread here: the worker module is loaded and registered as the global
 * `pdfjsWorker`, so nothing is fetched and no worker file has to be found at run time.
 */

interface PdfJsTextItem {
  str?: string;
  fontName?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

type PdfJs = typeof PdfJsModule;
let loading: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

/** Where pdf.js keeps the Adobe CMaps, as a file path: some Chinese PDFs name a CMap instead of embedding one. */
function cMapDir(): string | undefined {
  try {
    const resolve = (import.meta as { resolve?: (s: string) => string }).resolve;
    if (!resolve) return undefined;
    const url = new URL('../../cmaps/', resolve('pdfjs-dist/legacy/build/pdf.mjs'));
    if (url.protocol !== 'file:') return undefined;
    const path = decodeURIComponent(url.pathname);
    return /^\/[A-Za-z]:/.test(path) ? path.slice(1) : path;
  } catch {
    return undefined;
  }
}

/**
 * Text a scanned page may still carry: a stamped page number, a date. A PDF with more text than
 * this per page that yields no paragraph (every line a running header repeated on each page) has
 * a text layer: it is not called a scan.
 */
const SCAN_STAMP_CHARS = 16;

export async function importPdf(
  bytes: Uint8Array,
  onProgress?: (fraction: number) => void,
): Promise<RawDocument> {
  if (bytes.length === 0) throw new ImportError('empty');
  if (sniff(bytes) !== 'pdf') throw new ImportError('corrupt', 'not a PDF');
  // a stream that decodes to gigabytes is refused here, before pdf.js would decode it whole
  checkPdfStreams(bytes);
  const pdfjs = await loadPdfJs();
  const cMapUrl = cMapDir();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of the buffer it is given
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    // pictures come back as pixels, which we make into PNGs (no canvas here)
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
  });
  try {
    const doc = await task.promise;
    // thousands of pages is a generator's loop or a bomb, not a report: too large, not a scan
    checkLimit('pdfPages', doc.numPages);
    const budget = new BuildBudget();
    const pages: PdfPage[] = [];
    const assets: Record<string, Asset> = {};
    let pictures = 0;
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      // drawing the page's operators loads its fonts too, whose names tell a heading's face
      const images = await pageImages(page, pdfjs.OPS, assets, () => `img${++pictures}`);
      const runs: TextRun[] = [];
      for (const item of content.items as PdfJsTextItem[]) {
        const text = item.str ?? '';
        if (!text.trim()) continue;
        const [a = 1, b = 0, , , x = 0, y = 0] = item.transform ?? [];
        const size = Math.hypot(a, b) || item.height || 10;
        const run: TextRun = { text, x, y, width: item.width ?? 0, size };
        const font = fontName(page.commonObjs, item.fontName);
        if (font) run.font = font;
        runs.push(run);
        budget.text(text.length);
        chars += text.trim().length;
      }
      checkLimit('pdfPageRuns', runs.length);
      pages.push({ runs, images });
      page.cleanup();
      onProgress?.(n / doc.numPages);
    }
    // a scan may still carry a stamped page number: with nothing but that, it has no text layer
    const blocks = chars === 0 ? [] : pagesToRawBlocks(dropRepeatedImages(pages, assets));
    checkLimit('blocks', blocks.length);
    if (!blocks.some((b) => b.type === 'text'))
      throw new ImportError(chars > pages.length * SCAN_STAMP_CHARS ? 'no-content' : 'no-text-layer');
    return { format: 'pdf', blocks, assets };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException') throw new ImportError('encrypted');
    throw new ImportError('corrupt', e instanceof Error ? e.message.slice(0, 120) : undefined);
  } finally {
    await task.destroy();
  }
}

/** A font's own name (「NotoSansCJKsc-Bold」), without the subset tag a writer puts before it. */
function fontName(
  objs: { has(id: string): boolean; get(id: string): unknown },
  id: string | undefined,
): string | undefined {
  if (!id || !objs.has(id)) return undefined;
  const font = objs.get(id) as { name?: unknown } | null;
  return typeof font?.name === 'string' ? font.name.replace(/^[A-Z]{6}\+/, '') : undefined;
}
