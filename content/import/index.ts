import { analyze } from '../analyze/structure';
import {
  REPORT_FORMAT,
  REPORT_VERSION,
  type Asset,
  type Decisions,
  type RawBlock,
  type Report,
  type SourceFormat,
} from '../model/report';
import { ImportError } from './errors';
import { importMarkdown } from './markdown';
import { decodeText, type DecodeNote } from './decode';
import { checkLimit, IMPORT_LIMITS } from './limits';
import type { SiblingFiles } from './pictures';
import { bytesToRawBlocks, textToRawBlocks } from './text';

export { ImportError, IMPORT_ERROR_CODES, type ImportErrorCode } from './errors';
export { IMPORT_LIMITS, type ImportLimitName } from './limits';
export type { SiblingFiles, SiblingRead } from './pictures';

/** The largest source file we accept, in bytes; bigger files are refused before any work. */
export const MAX_SOURCE_BYTES = IMPORT_LIMITS.fileBytes.max;

export interface ImportInput {
  /** the file name as the user sees it; its extension picks the importer */
  name: string;
  bytes: Uint8Array;
  /**
   * The files beside the source, for the pictures a Markdown file names by relative path. The
   * host that opened the file from a folder supplies it, confined to that folder; a file without
   * a folder (dropped bytes, pasted text) has none, and its figures say their picture is missing.
   */
  siblings?: SiblingFiles;
}

export interface ImportOptions {
  /** called with 0…1 as the import proceeds */
  onProgress?: (fraction: number) => void;
}

/** What a format importer produces: the raw blocks plus any assets (images). */
export interface RawDocument {
  format: SourceFormat;
  blocks: RawBlock[];
  assets?: Record<string, Asset>;
}

type FormatImporter = (
  bytes: Uint8Array,
  options: ImportOptions,
  siblings: SiblingFiles | undefined,
) => Promise<RawDocument> | RawDocument;

const importText: FormatImporter = (bytes, options) => ({
  format: 'txt',
  blocks: bytesToRawBlocks(bytes, (f) => options.onProgress?.(f * READ_SHARE.txt)),
});
const readMarkdownFile: FormatImporter = async (bytes, _options, siblings) => {
  const { text, notes } = decodeText(bytes);
  const doc = await importMarkdown(text, siblings);
  checkLimit('blocks', doc.blocks.length);
  noteUnreadable(doc.blocks, text, notes);
  return doc;
};

/**
 * Give each decode note to the text block its line is in (the last block starting at or before
 * it: a markdown paragraph spans several lines), so every repaired line is listed.
 */
function noteUnreadable(blocks: RawBlock[], text: string, notes: readonly DecodeNote[]): void {
  if (notes.length === 0) return;
  const texts = blocks.filter((b): b is Extract<RawBlock, { type: 'text' }> => b.type === 'text');
  let line = 1;
  let at = 0;
  let k = 0;
  for (const note of notes) {
    for (; at < note.at && at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(at + 1) !== 0x0a)) line++;
    }
    while (k + 1 < texts.length && (texts[k + 1]?.src?.line ?? Infinity) <= line) k++;
    const block = texts[k];
    if (!block) continue;
    const { how, count, before, after } = note;
    (block.unreadable ??= []).push({ how, count, before, after });
  }
}

/**
 * The share of progress reading the file takes, by what reading is: decoding text is quick and
 * analysing it is most of the work; laying out a PDF's pages is the slow part of a PDF.
 */
const READ_SHARE = { txt: 0.2, pdf: 0.7, other: 0.3 } as const;

/** File extension → importer. Each is bytes in, raw blocks out; all throw only ImportError for bad input. */
const IMPORTERS: Record<string, FormatImporter> = {
  txt: importText,
  text: importText,
  md: readMarkdownFile,
  markdown: readMarkdownFile,
  // mammoth and pdf.js load when a file of theirs is opened, not with the app
  docx: async (bytes) => (await import('./docx')).importDocx(bytes),
  pdf: async (bytes, options) =>
    (await import('./pdf')).importPdf(bytes, (f) => options.onProgress?.(f * READ_SHARE.pdf)),
};

export const SUPPORTED_EXTENSIONS = Object.keys(IMPORTERS);

function extensionOf(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m?.[1]?.toLowerCase() ?? '';
}

/**
 * Read a source file into a Report: pick the importer by extension, read the raw blocks,
 * analyse them. Throws only ImportError, whose message says what to do.
 */
export async function importReport(input: ImportInput, options: ImportOptions = {}): Promise<Report> {
  checkLimit('fileBytes', input.bytes.length);
  const ext = extensionOf(input.name);
  const importer = IMPORTERS[ext];
  // an old Word or WPS file is a common mistake with a known fix: say so rather than "unsupported"
  if (!importer && (ext === 'doc' || ext === 'wps')) throw new ImportError('old-format');
  if (!importer) throw new ImportError('unsupported', ext ? `.${ext}` : input.name);
  options.onProgress?.(0);
  let doc: RawDocument;
  try {
    doc = await importer(input.bytes, options, input.siblings);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('corrupt', e instanceof Error ? e.message.slice(0, 120) : undefined);
  }
  if (doc.blocks.length === 0) throw new ImportError('no-content');
  const read =
    ext === 'pdf' ? READ_SHARE.pdf : ext === 'txt' || ext === 'text' ? READ_SHARE.txt : READ_SHARE.other;
  options.onProgress?.(read);
  const report = buildReport(
    doc,
    input.name,
    options.onProgress && ((f) => options.onProgress?.(read + (1 - read) * f)),
  );
  options.onProgress?.(1);
  return report;
}

/** Import text the user pasted. */
export function importPastedText(text: string, options: ImportOptions = {}): Report {
  checkLimit('textChars', text.length);
  const blocks = textToRawBlocks(text);
  if (blocks.length === 0) throw new ImportError('empty');
  return buildReport({ format: 'paste', blocks }, '粘贴的文字', options.onProgress);
}

/** Build a Report from raw blocks with default decisions (every suggested repair applied). */
export function buildReport(doc: RawDocument, name: string, onProgress?: (fraction: number) => void): Report {
  const decisions: Decisions = { repairs: {}, roles: {} };
  const analysis = analyze(doc.blocks, decisions, onProgress);
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    ...analysis,
    // a report without a title line is called by its file name
    title: analysis.title || name.replace(/\.[^.]+$/, ''),
    source: { name, format: doc.format },
    raw: doc.blocks,
    assets: doc.assets ?? {},
    decisions,
  };
}

/** Re-derive a report's structure after staff change a decision (accept/undo a repair, reclassify a block). */
export function reanalyze(
  report: Report,
  decisions: Decisions,
  onProgress?: (fraction: number) => void,
): Report {
  const analysis = analyze(report.raw, decisions, onProgress);
  // the front matter is derived like the rest: a field the new analysis does not find is gone
  const {
    subtitle: _subtitle,
    issuer: _issuer,
    date: _date,
    speaker: _speaker,
    salutation: _salutation,
    closing: _closing,
    ...rest
  } = report;
  return {
    ...rest,
    ...analysis,
    title: analysis.title || report.source.name.replace(/\.[^.]+$/, ''),
    decisions,
  };
}
