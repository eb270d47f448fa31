import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { toggleSection } from '../content/briefing/select';
import { importReport } from '../content/import';
import { emptyBriefing, type Briefing } from '../content/model/briefing';
import { briefingUnits, builtinRules, loadRules, proofread, textUnits } from '../content/proof';
import { BUILTIN_PROOF_SOURCES } from '../templates/proof';
import { DISTRICT_REPORT_PATH, reportRepeated } from '../tests/helpers/paths';
import { PROOF_FIXTURES, score, scoreTable, seededBrief, type Seed } from '../tests/helpers/proof-corpus';
import { machineLoad, recordFigure, summarize, timeRuns } from './figures';

/**
 * 校对 (issue 18): how well the checker finds the seeded errors of the corpus (as the share of
 * findings that are wrong and of seeded errors missed, so lower is better like every figure
 * here), and how long it takes to check the shared district report's whole brief (≤ 100 ms).
 */

describe('proofreading', () => {
  it('scores the seeded corpus by kind', () => {
    const { text, key } = seededBrief();
    const s = score(proofread(textUnits(text), builtinRules().rules), key);
    console.log(`\n校对 seeded corpus (${key.length} errors)\n${scoreTable(s)}\n`);
    const byKind = Object.entries(s.byKind)
      .map(([k, v]) => `${k} ${v.precision.toFixed(2)}/${v.recall.toFixed(2)}`)
      .join(', ');
    recordFigure({
      name: 'proof: seeded corpus, findings that are wrong (1 − precision)',
      value: 1 - s.overall.precision,
      unit: 'x',
      target: 0.1,
      note: `precision/recall by kind: ${byKind}`,
    });
    recordFigure({
      name: 'proof: seeded corpus, seeded errors missed (1 − recall)',
      value: 1 - s.overall.recall,
      unit: 'x',
      target: 0.2,
    });
  });

  it('scores the second seeded text, written after the rules', () => {
    const list = (
      JSON.parse(readFileSync(join(PROOF_FIXTURES, 'seeds-gov.json'), 'utf8')) as { seeds: Seed[] }
    ).seeds;
    const { text, key } = seededBrief(
      readFileSync(join(PROOF_FIXTURES, 'clean-gov-report.txt'), 'utf8'),
      list,
    );
    const s = score(proofread(textUnits(text), builtinRules().rules), key);
    console.log(`\n校对 second seeded text (${key.length} errors)\n${scoreTable(s)}\n`);
    recordFigure({
      name: 'proof: second seeded text, findings that are wrong (1 − precision)',
      value: 1 - s.overall.precision,
      unit: 'x',
      target: 0.1,
      note: `recall ${s.overall.recall.toFixed(2)}`,
    });
  });

  it('loads its rules', async () => {
    const trusted = summarize(
      await timeRuns(() => loadRules(BUILTIN_PROOF_SOURCES.map((x) => ({ ...x, trusted: true }))), 10, 1),
    );
    recordFigure({
      name: 'proof: load the built-in word lists',
      value: trusted.median,
      unit: 'ms',
      note: machineLoad(),
    });
    const examples = summarize(await timeRuns(() => loadRules(BUILTIN_PROOF_SOURCES), 5, 1));
    recordFigure({
      name: 'proof: the same, running every entry on its examples',
      value: examples.median,
      unit: 'ms',
      note: 'what an office’s own rule file costs per entry; the test suite does it for the built-in ones',
    });
  });

  it.skipIf(!existsSync(DISTRICT_REPORT_PATH))(
    'checks the shared district report’s full brief (skipped without ../shared)',
    async () => {
      const report = await importReport({ name: 'district.txt', bytes: readFileSync(DISTRICT_REPORT_PATH) });
      const briefing: Briefing = report.sections.reduce(
        (b, s) => toggleSection(b, report, s.id, true),
        emptyBriefing(),
      );
      const rules = builtinRules().rules;
      const brief = summarize(await timeRuns(() => proofread(briefingUnits(report, briefing), rules), 30, 5));
      recordFigure({
        name: 'proof: check the district report’s full brief',
        value: brief.median,
        unit: 'ms',
        target: 100,
        note: `p95 ${brief.p95.toFixed(1)} ms, ${briefing.items.length} items; ${machineLoad()}`,
      });
      const big = new TextDecoder().decode(reportRepeated(2));
      const large = summarize(await timeRuns(() => proofread(textUnits(big), rules), 3, 1));
      recordFigure({
        name: 'proof: check a 2 MB report as written (the district report repeated)',
        value: large.median,
        unit: 'ms',
        note: 'reference: every rule is one pass over the text, so time grows with its length',
      });
      const text = readFileSync(DISTRICT_REPORT_PATH, 'utf8');
      const lines = summarize(await timeRuns(() => proofread(textUnits(text), rules), 30, 5));
      recordFigure({
        name: 'proof: check the district report as written (briefing check FILE)',
        value: lines.median,
        unit: 'ms',
        target: 100,
        note: `p95 ${lines.p95.toFixed(1)} ms`,
      });
    },
  );
});
