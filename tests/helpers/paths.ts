import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project root (this checkout). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Our own test reports (tests/fixtures/reports, described in its README): written for these
 * tests, with fictional places and figures and the damage real files carry. Every test that
 * needs a real report reads one of these, so a clone passes its own suite with nothing beside it.
 */
export const REPORTS_DIR = join(ROOT, 'tests', 'fixtures', 'reports');

export const REPORTS = {
  /**
   * 青禾区's half-year review as a newspaper page pasted into a .txt (about 15 KB, the size of a
   * real one): a paragraph cut by a column break, a tail printed twice across a jump, an orphan
   * fragment far from its paragraph, photo captions alone after a wide gap, headings without
   * numbers, half-width punctuation. The report tests use unless they say otherwise.
   */
  qinghe: 'qinghe-midyear-2023.txt',
  /** 临川县's 政府工作报告 from a Word file saved as text: numbered headings, a speaker, 各位代表, page numbers between the halves of a paragraph. */
  linchuan: 'linchuan-county-work-report-2024.txt',
  /** the same report copied out of its PDF: every line hard-wrapped at the page width */
  linchuanPdfCopy: 'linchuan-county-work-report-2024-pdf-copy.txt',
  /** 云溪市's first-quarter figures as a WeChat article: BOM, CRLF, ▲ captions, 01 02 headings, the account's clutter */
  yunxi: 'yunxi-city-first-quarter-wechat.txt',
} as const;

export type ReportName = keyof typeof REPORTS;

export const reportPath = (name: ReportName = 'qinghe'): string => join(REPORTS_DIR, REPORTS[name]);

/** A test report's bytes, as a file chooser or the command line would read them. */
export const readReportBytes = (name: ReportName = 'qinghe'): Uint8Array =>
  new Uint8Array(readFileSync(reportPath(name)));

/** A test report's text (a byte-order mark, where the file has one, removed). */
export const readReportText = (name: ReportName = 'qinghe'): string =>
  readFileSync(reportPath(name), 'utf8').replace(/^\ufeff/, '');

/** The 青禾区 report: the real report tests and benches read. */
export const REPORT_PATH = reportPath('qinghe');

/** A report repeated, a line apart, to at least `mb` megabytes: a year's reports pasted into one file. */
export function reportRepeated(mb: number, name: ReportName = 'qinghe'): Uint8Array {
  const one = new TextEncoder().encode(`${readReportText(name)}\n`);
  const copies = Math.ceil((mb * 1024 * 1024) / one.length);
  const bytes = new Uint8Array(one.length * copies);
  for (let i = 0; i < copies; i++) bytes.set(one, i * one.length);
  return bytes;
}

/**
 * The shared district report (../shared beside the checkout, as on CI): a real newspaper page
 * nobody here wrote, kept as an extra acceptance suite. Tests that read it run only when it is
 * there and are reported as skipped, by name, when it is not; never copy its sentences.
 */
export const SHARED = process.env.BRIEFING_SHARED ?? join(ROOT, '..', 'shared');

export const DISTRICT_REPORT_PATH = join(SHARED, 'fixtures', 'reports', 'district-midyear-2022.txt');

/** Whether the shared district report is beside this checkout. */
export const HAS_SHARED_REPORT = existsSync(DISTRICT_REPORT_PATH);

/** Why an acceptance test on the shared report did not run: part of its name in the skipped list. */
export const SHARED_REPORT_MISSING = `needs ${DISTRICT_REPORT_PATH}, which is not beside this checkout`;

export const readDistrictReport = (): string => readFileSync(DISTRICT_REPORT_PATH, 'utf8');
