import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { composeDoc } from '../content/compose/doc';
import { importReport } from '../content/import';
import { emptyBriefing } from '../content/model/briefing';
import { condenseBrief } from '../templates/brief/condense';
import { builtinRegistry } from '../templates/registry';
import {
  DISTRICT_REPORT_PATH,
  HAS_SHARED_REPORT,
  REPORT_PATH,
  SHARED_REPORT_MISSING,
} from '../tests/helpers/paths';
import { recordFigure, summarize, timeRuns } from './figures';

/** 「压缩到 2 页」: compose and condense a full-text brief to two pages (target 500 ms). */

const t = builtinRegistry().get('brief', 'gbt9704');

async function condenseFigure(name: string, path: string): Promise<void> {
  const report = await importReport({ name: 'report.txt', bytes: await readFile(path) });
  let dropped = 0;
  let fits = false;
  const times = await timeRuns(
    () => {
      const c = condenseBrief(composeDoc(report, emptyBriefing()), t, 2);
      dropped = c.leftOut.length;
      fits = c.fits;
    },
    10,
    2,
  );
  const { median, p95 } = summarize(times);
  expect(fits).toBe(true);
  recordFigure({
    name: `condense: ${name} → 2 pages (compose + condense)`,
    value: median,
    unit: 'ms',
    target: 500,
    note: `p95 ${p95.toFixed(1)} ms; ${dropped} items left out`,
  });
}

describe('condensing speed', () => {
  it('our newspaper report to two pages', () => condenseFigure('newspaper report', REPORT_PATH));
  it.skipIf(!HAS_SHARED_REPORT)(
    `the shared district report to two pages (${HAS_SHARED_REPORT ? 'found' : SHARED_REPORT_MISSING})`,
    () => condenseFigure('shared district report', DISTRICT_REPORT_PATH),
  );
});
