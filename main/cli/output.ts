import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BilingualError } from '../../content/util/errors';
import { fileErrorToAppError } from '../errors';
import type { BuiltOutput, RenderedOutput } from '../export';
import type { PdfPrinter } from '../export/pdf';
import { writeFileAtomic } from '../files';
import type { ConvertedReport } from '../tasks/jobs';

/** The outputs as files: a PDF is its deck printed by the browser. */
export async function printed(converted: ConvertedReport, print?: PdfPrinter): Promise<BuiltOutput[]> {
  const files: BuiltOutput[] = [];
  for (const out of converted.outputs) files.push(await printedOne(out, print));
  return files;
}

async function printedOne(out: RenderedOutput, print?: PdfPrinter): Promise<BuiltOutput> {
  if (!('printHtml' in out)) return out;
  if (!print) throw (await import('../export/pdf')).pdfUnavailable();
  // the printer opens the HTML deck in reveal's print view: the PDF is the deck as shown
  return { fileName: out.fileName, bytes: await print(out.printHtml) };
}

/** Write the outputs into the folder (made if need be), each atomically; returns their paths. */
export async function writeOutputs(outputs: readonly BuiltOutput[], outDir: string): Promise<string[]> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (err) {
    throw fileErrorToAppError(err, outDir);
  }
  const paths: string[] = [];
  for (const out of outputs) {
    const path = resolve(outDir, out.fileName);
    await writeFileAtomic(path, out.bytes);
    paths.push(path);
  }
  return paths;
}

/** One line for an error, in both languages, never a stack trace. */
export function errorLine(err: unknown): string {
  if (err instanceof BilingualError) return `${err.messageZh} (${err.messageEn})`;
  const msg = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
  return `出错了：${msg} (error: ${msg})`;
}
