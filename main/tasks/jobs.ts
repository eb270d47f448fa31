import type { Briefing } from '../../content/model/briefing';
import type { Decisions, Report } from '../../content/model/report';
import { encodeWire } from '../../content/util/wire';
import type { Template } from '../../templates/schema';
import type { TemplateRegistry } from '../../templates/registry';
import type { ExportFormat } from '../contract';
import { AppError } from '../errors';
import type { UnreadableNote } from '../../content/import/unreadable';
import type { ExportEnv, RenderedOutput } from '../export';
import type { BundledFile } from '../sibling-files';
import type { Prepared, RequestJob } from './requests';

/**
 * The long, pure work main hands to a worker thread: reading a source file into a report,
 * re-analysing a report, rendering an export. Each job is plain data both ways (structured
 * clone), so the same function runs it in a worker or, where there is none, in main itself.
 */
export type Job =
  | {
      kind: 'import';
      name: string;
      bytes: Uint8Array;
      /** where main read the file: its pictures are read from that folder (main/sibling-files.ts) */
      path?: string;
      /** or the files the page sent along with it, by relative path */
      siblings?: BundledFile[];
    }
  | { kind: 'paste'; text: string }
  | { kind: 'reanalyze'; report: Report; decisions: Decisions }
  | {
      kind: 'render';
      format: ExportFormat;
      report: Report;
      briefing: Briefing;
      /** the registry's templates beyond the built-in ones (the worker has those itself) */
      templates: Template[];
      env: Omit<ExportEnv, 'printPdf'>;
    }
  | ({ kind: 'request' } & RequestJob)
  | {
      /** a source file read and rendered to every format asked for, in one go (the command line) */
      kind: 'convert';
      /** the file as read from disk; without it, the built-in sample report */
      source?: { name: string; bytes: Uint8Array; path?: string };
      formats: ExportFormat[];
      briefing: Briefing;
      /** the registry's templates beyond the built-in ones (the worker has those itself) */
      templates: Template[];
      env: Omit<ExportEnv, 'printPdf'>;
    };

export type JobKind = Job['kind'];

/**
 * A report as the page will receive it: its wire JSON in UTF-8, written where the report was
 * made. Main passes the bytes on without decoding them: decoding and re-encoding a report built
 * from a 50 MB file would hold main for seconds.
 */
export interface EncodedReport {
  encoded: Uint8Array;
}

/** A converted source file: the report's title and its outputs, each a file or a deck to print. */
export interface ConvertedReport {
  title: string;
  outputs: RenderedOutput[];
  /** what the import could not read, as sentences naming the place (content/import/unreadable.ts) */
  notes: UnreadableNote[];
}

export type JobResult<K extends JobKind> = K extends 'render'
  ? RenderedOutput
  : K extends 'convert'
    ? ConvertedReport
    : K extends 'request'
      ? Prepared
      : EncodedReport;

/** Progress of a job that reports a report: the work itself, then encoding it for the page. */
const WORK_SHARE = 0.8;
const STRINGIFIED = 0.93;

function encodeReport(report: Report, onProgress: (fraction: number) => void): EncodedReport {
  onProgress(WORK_SHARE);
  const json = encodeWire(report);
  onProgress(STRINGIFIED);
  return { encoded: new TextEncoder().encode(json) };
}

/** Run one job. Progress goes 0…1 in order; the last report is 1, just before the result. */
export async function runJob<K extends JobKind>(
  job: Extract<Job, { kind: K }>,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<JobResult<K>> {
  const work = (f: number): void => onProgress(f * WORK_SHARE);
  let result: EncodedReport | RenderedOutput | Prepared | ConvertedReport;
  // the importers and writers load with the first job that needs them
  const typed = job as Job;
  switch (typed.kind) {
    case 'import': {
      const [{ importReport }, { folderSiblings, bundledSiblings }] = await Promise.all([
        import('../../content/import'),
        import('../sibling-files'),
      ]);
      const siblings = typed.path
        ? folderSiblings(typed.path)
        : typed.siblings
          ? bundledSiblings(typed.siblings)
          : undefined;
      const report = await importReport(
        { name: typed.name, bytes: typed.bytes, ...(siblings ? { siblings } : {}) },
        { onProgress: work },
      );
      result = encodeReport(report, onProgress);
      break;
    }
    case 'paste': {
      const { importPastedText } = await import('../../content/import');
      result = encodeReport(importPastedText(typed.text, { onProgress: work }), onProgress);
      break;
    }
    case 'reanalyze': {
      const { reanalyze } = await import('../../content/import');
      result = encodeReport(reanalyze(typed.report, typed.decisions, work), onProgress);
      break;
    }
    case 'render': {
      const [{ renderOutput }, { builtinRegistry }] = await Promise.all([
        import('../export'),
        import('../../templates/registry'),
      ]);
      const registry = builtinRegistry().withUser(typed.templates);
      result = await renderOutput(typed.format, typed.report, typed.briefing, registry, typed.env);
      break;
    }
    case 'request': {
      const { prepareRequest } = await import('./requests');
      result = await prepareRequest(typed, work);
      break;
    }
    case 'convert':
      result = await convert(typed, work);
      break;
  }
  onProgress(1);
  return result as JobResult<K>;
}

/**
 * Read a source file and render each format from it: the importer for its extension and the
 * writers for the formats asked for are all that load. Outputs are only built, never written.
 */
async function convert(
  job: Extract<Job, { kind: 'convert' }>,
  onProgress: (fraction: number) => void,
): Promise<ConvertedReport> {
  const [{ importReport }, { renderOutput }, { builtinRegistry }, { unreadableNotes }] = await Promise.all([
    import('../../content/import'),
    import('../export'),
    import('../../templates/registry'),
    import('../../content/import/unreadable'),
  ]);
  // reading is most of the work on a large file; each output takes an equal share of the rest
  const read = 0.6;
  let report: Report;
  if (job.source) {
    const { name, bytes, path } = job.source;
    // a Markdown report's pictures are read from its own folder, and only from there
    const siblings = path ? (await import('../sibling-files')).folderSiblings(path) : undefined;
    report = await importReport(
      { name, bytes, ...(siblings ? { siblings } : {}) },
      { onProgress: (f) => onProgress(f * read) },
    );
  } else report = (await import('../../content/sample')).sampleReport();
  const registry = job.templates.length > 0 ? builtinRegistry().withUser(job.templates) : builtinRegistry();
  const outputs: RenderedOutput[] = [];
  for (const format of job.formats) {
    outputs.push(await renderOutput(format, report, job.briefing, registry, job.env));
    onProgress(read + ((1 - read) * outputs.length) / job.formats.length);
  }
  const notes = unreadableNotes(report);
  if (job.env.pages && job.formats.includes('docx') && !job.env.officeTemplate)
    notes.push(await condenseNote(report, job.briefing, registry, job.env.pages));
  return { title: report.title, outputs, notes };
}

/** What 「压缩到 N 页」 left out of the Word brief, said on the command line (nothing is dropped unsaid). */
async function condenseNote(
  report: Report,
  briefing: Briefing,
  registry: TemplateRegistry,
  pages: number,
): Promise<{ zh: string; en: string }> {
  const [{ composeDoc }, { condenseBrief }] = await Promise.all([
    import('../../content/compose/doc'),
    import('../../templates/brief/condense'),
  ]);
  const c = condenseBrief(composeDoc(report, briefing), registry.get('brief', briefing.briefTemplate), pages);
  const list = c.leftOut.map((l) => `［${l.reason}］${l.text}`).join('\n  ');
  const head = c.fits
    ? {
        zh: `Word 简报压缩到 ${c.pages} 页，略去 ${c.leftOut.length} 处`,
        en: `Word brief condensed to ${c.pages} page(s), ${c.leftOut.length} item(s) left out`,
      }
    : {
        zh: `Word 简报略去可略的内容后仍有 ${c.pages} 页，超过 ${pages} 页`,
        en: `the Word brief still has ${c.pages} pages with everything optional left out, more than ${pages}`,
      };
  return list ? { zh: `${head.zh}：\n  ${list}\n`, en: head.en } : head;
}

/** What a canceled task fails with; the page recognises the code and says nothing alarming. */
export function canceledError(): AppError {
  return new AppError('canceled', '已取消。', 'Canceled.');
}

/** Larger than Node's shared pool of small buffers: a buffer this big belongs to one value. */
const OWN_BUFFER_BYTES = 64 * 1024;

/**
 * The buffer a job's source bytes can move in to the worker instead of being copied. A job takes
 * its bytes: the caller does not read them again (an import request's body, for instance).
 */
export function jobTransferList(job: Job): ArrayBuffer[] {
  const bytes =
    job.kind === 'import'
      ? job.bytes
      : job.kind === 'request'
        ? job.body
        : job.kind === 'convert'
          ? job.source?.bytes
          : undefined;
  if (!bytes) return [];
  const buffer = bytes.buffer;
  return buffer instanceof ArrayBuffer && buffer.byteLength >= OWN_BUFFER_BYTES ? [buffer] : [];
}

/**
 * A result ready to move back to main: its bytes in a buffer of their own, listed for transfer,
 * so a 190 MB encoded report or a 15 MB .docx is handed over, not copied.
 */
export function movableResult<R extends EncodedReport | RenderedOutput | Prepared | ConvertedReport>(
  result: R,
): { result: R; transfer: ArrayBuffer[] } {
  if ('outputs' in result) {
    const moved = result.outputs.map((o) => movableResult(o));
    return {
      result: { ...result, outputs: moved.map((m) => m.result) },
      transfer: moved.flatMap((m) => m.transfer),
    };
  }
  const key = 'encoded' in result ? 'encoded' : 'bytes' in result ? 'bytes' : null;
  if (!key) return { result, transfer: [] };
  let bytes = (result as Record<typeof key, Uint8Array>)[key];
  const owns =
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  if (!owns) bytes = bytes.slice();
  return { result: { ...result, [key]: bytes }, transfer: [bytes.buffer as ArrayBuffer] };
}
