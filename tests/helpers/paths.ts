import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project root (this checkout). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** ../shared beside the checkout, as on CI. */
export const SHARED = process.env.BRIEFING_SHARED ?? join(ROOT, '..', 'shared');

/** The real district report from ../shared/fixtures (UTF-8 text with newspaper-layout damage). */
export const DISTRICT_REPORT_PATH = join(SHARED, 'fixtures', 'reports', 'district-midyear-2022.txt');

export const readDistrictReport = (): string => readFileSync(DISTRICT_REPORT_PATH, 'utf8');

/** The district report repeated, a line apart, to at least `mb` megabytes: a year's reports pasted into one file. */
export function districtReportRepeated(mb: number): Uint8Array {
  const one = new TextEncoder().encode(`${readDistrictReport()}\n`);
  const copies = Math.ceil((mb * 1024 * 1024) / one.length);
  const bytes = new Uint8Array(one.length * copies);
  for (let i = 0; i < copies; i++) bytes.set(one, i * one.length);
  return bytes;
}
