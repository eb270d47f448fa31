import { officeTemplateFile } from '../../content/briefing/assets';
import { briefingFor } from '../../content/briefing/lists';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import type { TemplateRegistry } from '../../templates/registry';
import type { ExportFormat } from '../formats';
import { pdfUnavailable, type PdfPrinter } from './pdf';

export interface BuiltOutput {
  fileName: string;
  bytes: Uint8Array;
}

// Windows forbids these and control characters in file names
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]/g;

/** Names Windows keeps for devices, whatever the extension: 「CON.docx」 cannot be created. */
const RESERVED_NAMES = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name from a title: the characters Windows forbids are replaced, the length capped. A
 * title of dots or blanks alone (「.」「..」「 」), which no file may be named, keeps a name of its
 * own in full-width forms (「．」「．．」「＿」), so two such titles do not become the same file.
 */
export function safeFileName(title: string, ext: string): string {
  let base = title
    .replace(FORBIDDEN_IN_FILE_NAMES, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
  if (!base && title) base = title.slice(0, 80).replace(/\./g, '．').replace(/\s/g, '＿');
  if (RESERVED_NAMES.test(base)) base = `${base}_`;
  return `${base || '简报'}.${ext}`;
}

/** What a host or the caller lends the exporters beyond the report and the briefing. */
export interface ExportEnv {
  /** the PDF printer: a hidden window in the app, an installed browser elsewhere */
  printPdf?: PdfPrinter;
  /**
   * An office's own .docx with {{title}} … {{body}} placeholders: the Word brief is poured into
   * it (body set in the briefing's brief template) instead of a built-in format's page. Without
   * it, the one the briefing carries (chosen in the app, saved in the project) is used.
   */
  officeTemplate?: { name: string; bytes: Uint8Array };
  /** 「压缩到 N 页」: the Word brief condensed to at most this many pages (templates/brief/condense.ts) */
  pages?: number;
}

/** An output rendered as far as pure code can take it: the file, or for PDF the HTML deck to print. */
export type RenderedOutput = BuiltOutput | { fileName: string; printHtml: string; slides: number };

/** The slides in an HTML deck as deckToHtml writes them (one section each; report text is escaped). */
const slideCount = (html: string): number => html.split('<section data-layout="').length - 1;

/**
 * Compose and render one output format from a report and a briefing. Model in, bytes out:
 * nothing here touches the disk; the caller writes the bytes in one place.
 */
export async function buildOutput(
  format: ExportFormat,
  report: Report,
  briefing: Briefing,
  registry: TemplateRegistry,
  env: ExportEnv = {},
): Promise<BuiltOutput> {
  if (format === 'pdf' && !env.printPdf) throw pdfUnavailable();
  const out = await renderOutput(format, report, briefing, registry, env);
  if (!('printHtml' in out)) return out;
  if (!env.printPdf) throw pdfUnavailable();
  // the printer opens the HTML deck in reveal's print view: the PDF is the deck as shown
  return { fileName: out.fileName, bytes: await env.printPdf(out.printHtml) };
}

/**
 * Everything of an export except printing a PDF, which needs a browser or a window: this part is
 * pure work, and runs in a worker thread when a host has one. Each writer (the docx library,
 * pptxgenjs, reveal.js for the HTML deck) loads with the first export that needs it, so a command
 * line call that writes one format reads only that writer.
 */
export async function renderOutput(
  format: ExportFormat,
  report: Report,
  briefing: Briefing,
  registry: TemplateRegistry,
  env: Omit<ExportEnv, 'printPdf'> = {},
): Promise<RenderedOutput> {
  // each output has its own item list, whichever one the desk is showing
  briefing = briefingFor(briefing, format === 'docx' ? 'brief' : 'deck');
  const name = (ext: string): string => safeFileName(briefing.fields.title || report.title || '简报', ext);
  switch (format) {
    case 'docx': {
      const office =
        env.officeTemplate ?? (briefing.officeTemplate ? officeTemplateFile(briefing.officeTemplate) : null);
      if (office) {
        const { briefToOfficeDocx } = await import('./office-template');
        return {
          fileName: name('docx'),
          bytes: await briefToOfficeDocx(
            report,
            briefing,
            registry,
            office,
            env.pages ? { pages: env.pages } : {},
          ),
        };
      }
      const { briefToDocx } = await import('./docx');
      // a budget on the command line, else the one set in the desk (with what staff put back)
      const budget = env.pages
        ? { pages: env.pages }
        : briefing.pageBudget
          ? { pages: briefing.pageBudget.pages, keep: new Set(briefing.pageBudget.keep) }
          : {};
      return { fileName: name('docx'), bytes: await briefToDocx(report, briefing, registry, budget) };
    }
    case 'html': {
      const { briefingToHtmlDeck } = await import('./html');
      return {
        fileName: name('html'),
        bytes: new TextEncoder().encode(briefingToHtmlDeck(report, briefing, registry)),
      };
    }
    case 'pptx': {
      const { briefingToPptx } = await import('./pptx');
      return { fileName: name('pptx'), bytes: await briefingToPptx(report, briefing, registry) };
    }
    case 'pdf': {
      const { briefingToHtmlDeck } = await import('./html');
      const printHtml = briefingToHtmlDeck(report, briefing, registry);
      return { fileName: name('pdf'), printHtml, slides: slideCount(printHtml) };
    }
  }
}
