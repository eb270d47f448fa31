import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import type { TemplateRegistry } from '../../templates/registry';
import type { ExportFormat } from '../contract';
import { AppError } from '../errors';
import { briefToDocx } from './docx';
import { briefToOfficeDocx } from './office-template';
import { briefingToHtmlDeck } from './html';

export interface BuiltOutput {
  fileName: string;
  bytes: Uint8Array;
}

// Windows forbids these and control characters in file names
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]/g;

/** A file name from a title: the characters Windows forbids are replaced, the length capped. */
export function safeFileName(title: string, ext: string): string {
  const base =
    title
      .replace(FORBIDDEN_IN_FILE_NAMES, '_')
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .slice(0, 80) || '简报';
  return `${base}.${ext}`;
}

export interface BuildOptions {
  /**
   * An office's own .docx with {{title}} … {{body}} placeholders: the Word brief is poured into
   * it (body set in the briefing's brief template) instead of a built-in format's page.
   */
  officeTemplate?: { name: string; bytes: Uint8Array };
}

/**
 * Compose and render one output format from a report and a briefing. Model in, bytes out:
 * nothing here touches the disk; the caller writes the bytes in one place.
 */
export async function buildOutput(
  format: ExportFormat,
  report: Report,
  briefing: Briefing,
  registry: TemplateRegistry,
  options: BuildOptions = {},
): Promise<BuiltOutput> {
  const name = (ext: string): string => safeFileName(briefing.fields.title || report.title || '简报', ext);
  switch (format) {
    case 'docx':
      return {
        fileName: name('docx'),
        bytes: options.officeTemplate
          ? await briefToOfficeDocx(report, briefing, registry, options.officeTemplate)
          : await briefToDocx(report, briefing, registry),
      };
    case 'html':
      return {
        fileName: name('html'),
        bytes: new TextEncoder().encode(briefingToHtmlDeck(report, briefing, registry)),
      };
    case 'pdf':
    case 'pptx':
      throw new AppError(
        'format-unavailable',
        `暂不支持导出 .${format}。`,
        `Export to .${format} is not available yet.`,
      );
  }
}
