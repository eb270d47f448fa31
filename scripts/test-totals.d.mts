export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
  skips: string[];
  /** tests that passed only on a second try (Playwright) */
  retried: string[];
}
export interface PlaywrightTest {
  id: string;
  projectName: string;
  expectedStatus: string;
  status: string;
  annotations: { type: string; description?: string }[];
}
export function emptyTally(): Tally;
export function addTallies(...tallies: Tally[]): Tally;
export function totalLine(t: Pick<Tally, 'passed' | 'failed' | 'skipped'>): string;
export function tallyVitest(report: unknown, root: string): Tally;
export function playwrightTests(report: unknown): PlaywrightTest[];
export function tallyPlaywright(
  report: unknown,
  listed?: Pick<PlaywrightTest, 'id' | 'projectName'>[],
): Tally;
export function specFiles(dir: string, match: RegExp): string[];
export function unitStage(options: {
  root: string;
  vitestArgs?: string[];
  env?: Record<string, string>;
  quiet?: boolean;
}): { ok: boolean; tally: Tally };
export function e2eStage(options: {
  root: string;
  configArgs?: string[];
  files: string[];
  env?: Record<string, string>;
  quiet?: boolean;
}): { ok: boolean; tally: Tally };
