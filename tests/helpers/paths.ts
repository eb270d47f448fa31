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
