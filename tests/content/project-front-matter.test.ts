import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport, reanalyze } from '../../content/import';
import { emptyBriefing } from '../../content/model/briefing';
import type { Block, Report, Section } from '../../content/model/report';
import {
  MIGRATIONS,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  restoreProject,
  serializeProject,
} from '../../content/project';
import { ROOT } from '../helpers/paths';

const OLD_KINDS = new Set(['joined', 'duplicate', 'orphan']);

/** A report as the app saved it before front matter, lead punctuation and the new repair kinds. */
function asSavedBefore(report: Report): Report {
  const strip = (b: Block): Block => {
    if (b.kind !== 'point') return b;
    const { leadEnd: _end, ...old } = b;
    return old;
  };
  const walk = (s: Section): Section => ({
    ...s,
    blocks: s.blocks.map(strip),
    sections: s.sections.map(walk),
  });
  const { issuer: _i, date: _d, speaker: _s, salutation: _sa, ...rest } = report;
  return {
    ...rest,
    sections: report.sections.map(walk),
    repairs: report.repairs.filter((r) => OLD_KINDS.has(r.kind)),
  };
}

describe('project files and the report front matter', () => {
  const bytes = new Uint8Array(
    readFileSync(join(ROOT, 'tests', 'fixtures', 'import-kinds', 'government-work-report.txt')),
  );

  it('opens a version 3 file, saved before the report had front matter, as it was saved', async () => {
    const old = asSavedBefore(await importReport({ name: 'g.txt', bytes }));
    const v3 = {
      format: PROJECT_FORMAT,
      version: 3,
      name: '政府工作报告',
      savedAt: '2023-01-20T00:00:00.000Z',
      appVersion: '0.1.0',
      report: old,
      briefing: emptyBriefing(),
      desk: { selectedItemId: null, slide: 0 },
    };
    const { project, migrated } = restoreProject(JSON.stringify(v3));
    expect(migrated).toEqual([3, 4, 5, 6].map((v) => MIGRATIONS[v]!.name));
    expect(project.version).toBe(PROJECT_VERSION);
    expect(project.report).toEqual(old);
    expect(project.report.speaker).toBeUndefined();
    // the next decision staff make re-derives the report, front matter and all, from its raw text
    const redone = reanalyze(project.report, project.report.decisions);
    expect(redone).toMatchObject({ speaker: '青禾区人民政府区长　陈某某', salutation: '各位代表：' });
  });

  it('saves and reopens the front matter, lead punctuation and new repair kinds unchanged', async () => {
    const pasted = new TextDecoder().decode(
      readFileSync(join(ROOT, 'tests', 'fixtures', 'import-kinds', 'pdf-copy-county-summary.txt')),
    );
    const report = await importReport({ name: 'p.txt', bytes: new TextEncoder().encode(pasted) });
    expect(report.repairs.some((r) => r.kind === 'wrapped')).toBe(true);
    const gov = await importReport({ name: 'g.txt', bytes });
    for (const r of [report, gov]) {
      const text = serializeProject(
        { name: 'x', report: r, briefing: emptyBriefing() },
        { savedAt: new Date() },
      );
      const { project, migrated } = restoreProject(text);
      expect(migrated).toEqual([]);
      expect(project.report).toEqual(r);
    }
  });
});
