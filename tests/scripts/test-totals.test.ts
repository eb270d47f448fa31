import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eStage, specFiles, tallyPlaywright, totalLine, unitStage } from '../../scripts/test-totals.mjs';
import { ROOT } from '../helpers/paths';

/**
 * How `npm test` counts, on a tiny suite with one of every outcome (tests/fixtures/test-totals):
 * run for real with vitest and Playwright, so a change in either runner's report shows here.
 */
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'test-totals');

describe('the unit-test count', () => {
  it('counts a file that fails to load as failed, and skipped and todo tests as skipped, by name', () => {
    const { ok, tally } = unitStage({
      root: ROOT,
      vitestArgs: ['--config', join(FIXTURE, 'vitest.config.mjs')],
      quiet: true,
    });
    expect(ok).toBe(false);
    expect({ passed: tally.passed, failed: tally.failed, skipped: tally.skipped }).toEqual({
      passed: 3,
      failed: 2,
      skipped: 3,
    });
    expect(tally.failures).toEqual([
      expect.stringMatching(/broken\.case\.mjs \(did not load: .*no-such-module/),
      expect.stringMatching(/fails\.case\.mjs › fails$/),
    ]);
    expect(tally.skips).toEqual([
      expect.stringMatching(/waits for a file that is not there$/),
      expect.stringMatching(/an acceptance block › reads the shared report$/),
      expect.stringMatching(/handles the next case$/),
    ]);
  }, 120_000);
});

describe('the end-to-end count', () => {
  it('counts a spec file that fails to load, runs the others, and counts a test that did not run as failed', () => {
    const { ok, tally } = e2eStage({
      root: ROOT,
      configArgs: ['--config', join(FIXTURE, 'playwright.config.mjs')],
      files: specFiles(FIXTURE, /\.pw\.mjs$/),
      env: { TOTALS_OUTPUT_DIR: mkdtempSync(join(tmpdir(), 'totals-pw-')) },
      quiet: true,
    });
    expect(ok).toBe(false);
    expect({ passed: tally.passed, failed: tally.failed, skipped: tally.skipped }).toEqual({
      passed: 1,
      failed: 4,
      skipped: 1,
    });
    expect(tally.failures).toEqual([
      expect.stringMatching(/broken\.pw\.mjs \(did not load: /),
      expect.stringMatching(/outcomes\.pw\.mjs › fails$/),
      expect.stringMatching(/steps in order › first step fails$/),
      expect.stringMatching(/steps in order › second step never runs \(did not run\)$/),
    ]);
    expect(tally.skips).toEqual([
      expect.stringMatching(
        /is skipped by name when its file is missing \(needs a file that is not there\)$/,
      ),
    ]);
  }, 180_000);

  it('counts a listed test missing from the report, and every error outside the tests, as failed', () => {
    const report = {
      suites: [
        {
          title: 'a.spec.ts',
          file: 'a.spec.ts',
          specs: [
            {
              title: 'runs',
              file: 'a.spec.ts',
              tests: [{ projectName: '', expectedStatus: 'passed', status: 'expected', annotations: [] }],
            },
          ],
        },
      ],
      errors: [{ message: 'Error: worker process exited unexpectedly\n    at …' }],
    };
    const listed = [
      { id: 'a.spec.ts › runs', projectName: '' },
      { id: 'a.spec.ts › never started', projectName: '' },
    ];
    const tally = tallyPlaywright(report, listed);
    expect({ passed: tally.passed, failed: tally.failed, skipped: tally.skipped }).toEqual({
      passed: 1,
      failed: 2,
      skipped: 0,
    });
    expect(tally.failures).toEqual([
      'a.spec.ts › never started (did not run)',
      'end-to-end run: Error: worker process exited unexpectedly',
    ]);
    // no report at all: every listed test failed to run
    expect(tallyPlaywright(null, listed).failed).toBe(2);
  });

  it('counts a test that passed on its second try as passed, and names it', () => {
    const spec = (title: string, status: string) => ({
      title,
      file: 'b.spec.ts',
      tests: [{ projectName: '', expectedStatus: 'passed', status, annotations: [] }],
    });
    const report = {
      suites: [
        { title: 'b.spec.ts', file: 'b.spec.ts', specs: [spec('steady', 'expected'), spec('racy', 'flaky')] },
      ],
    };
    const tally = tallyPlaywright(report, [
      { id: 'b.spec.ts › steady', projectName: '' },
      { id: 'b.spec.ts › racy', projectName: '' },
    ]);
    expect({ passed: tally.passed, failed: tally.failed }).toEqual({ passed: 2, failed: 0 });
    expect(tally.retried).toEqual(['b.spec.ts › racy']);
  });
});

describe('the total line', () => {
  it('reads N passed, N failed, N skipped', () => {
    expect(totalLine({ passed: 612, failed: 0, skipped: 17 })).toBe('612 passed, 0 failed, 17 skipped');
  });
});
