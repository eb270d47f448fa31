/**
 * The formats a briefing exports to. A file of its own, without zod: the command line names them
 * in its help and checks --format before loading any schema; the IPC contract builds on the same list.
 */
export const EXPORT_FORMATS = ['docx', 'html', 'pdf', 'pptx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
