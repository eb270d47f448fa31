import type { InspectedStat } from '../../content/stats/inspect';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../main/cli';
import { DISTRICT_REPORT_PATH, ROOT } from '../helpers/paths';

function fakeIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd: ROOT,
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}

interface Shown {
  title: string;
  subtitle?: string;
  sections: {
    id: string;
    title: string;
    level: number;
    blocks: { kind: string; id: string }[];
    sections: unknown[];
  }[];
  stats: InspectedStat[];
  figures: { id: string; kind: string; caption: string; sectionId: string }[];
  repairs: { kind: string; applied: boolean }[];
  raw?: unknown;
  assets?: unknown;
}

describe('briefing inspect FILE --json', () => {
  it('prints the report: title, subtitle, sections, stats, figures and repairs', async () => {
    const io = fakeIO();
    expect(await runCli(['inspect', DISTRICT_REPORT_PATH, '--json'], io)).toBe(0);
    expect(io.err).toBe('');
    const shown = JSON.parse(io.out) as Shown;
    expect(shown.title).toBe('凝心聚力向前行 克难奋进谋新篇');
    expect(shown.subtitle).toBe('建设现代化新绿园迈出坚实步伐');
    expect(shown.sections).toHaveLength(13);
    for (const s of shown.sections) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'title', 'level', 'blocks', 'sections']));
    }
    const kinds = new Set(shown.sections.flatMap((s) => s.blocks.map((b) => b.kind)));
    expect([...kinds].sort()).toEqual(['figure', 'paragraph', 'point']);
    expect(shown.stats.length).toBeGreaterThanOrEqual(30);
    const stat = shown.stats.find((s) => s.unit === '亿元' && s.value === 21.59);
    expect(stat).toMatchObject({ label: '引进内资', kind: 'amount', scope: { kind: 'area' } });
    expect(Object.keys(stat ?? {})).toEqual(
      expect.arrayContaining(['id', 'value', 'unit', 'label', 'sentence', 'sectionId', 'kind', 'scope']),
    );
    // what each statistic means is all there: its label, qualifier, kind, period, basis and scope
    for (const s of shown.stats) {
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining(['label', 'qualifier', 'kind', 'period', 'basis', 'scope']),
      );
      expect(typeof s.label).toBe('string');
      expect(['amount', 'count', 'growth', 'share', 'rank', 'duration', 'target']).toContain(s.kind);
      expect(['area', 'entity', 'project', 'caption']).toContain(s.scope.kind);
    }
    const growth = shown.stats.find((s) => s.text === '2%');
    expect(growth).toMatchObject({ label: '固投', kind: 'growth', basis: '同比' });
    expect(shown.stats.find((s) => s.text === '5亿元')).toMatchObject({ qualifier: '超', kind: 'amount' });
    expect(shown.stats.find((s) => s.text === '3亿元')).toMatchObject({ scope: { kind: 'caption' } });
    expect(shown.figures).toHaveLength(4);
    expect(shown.figures[0]).toMatchObject({
      kind: 'image',
      caption: expect.stringContaining('西新镇裴家村'),
    });
    expect(shown.repairs.map((r) => r.kind).sort()).toEqual([
      'duplicate',
      'joined',
      'joined',
      'joined',
      'joined',
      'orphan',
      'orphan',
    ]);
    // the raw layer and image data stay out of the printout
    expect(shown.raw).toBeUndefined();
    expect(shown.assets).toBeUndefined();
  });

  it('reads a PDF, a docx-made one printed by LibreOffice', async () => {
    const io = fakeIO();
    expect(await runCli(['inspect', join('tests', 'fixtures', 'import', 'report.pdf'), '--json'], io)).toBe(
      0,
    );
    const shown = JSON.parse(io.out) as Shown;
    expect(shown.title).toBe('某区2023年一季度工作情况');
    expect(shown.repairs).toEqual([expect.objectContaining({ kind: 'joined', applied: true })]);
  });

  it('prints a one-line summary without --json', async () => {
    const io = fakeIO();
    expect(await runCli(['inspect', DISTRICT_REPORT_PATH], io)).toBe(0);
    expect(io.out).toContain('凝心聚力向前行');
    expect(io.out).toMatch(/统计 stats: \d{2}/);
    expect(io.out).toContain('修复 repairs: 7');
  });

  it('answers a bad file with one line in Chinese and English and exit code 1, no stack trace', async () => {
    const io = fakeIO();
    expect(
      await runCli(['inspect', join('tests', 'fixtures', 'import', 'gb18030-source.txt.missing')], io),
    ).toBe(1);
    const bad = fakeIO();
    expect(await runCli(['inspect', join('tests', 'fixtures', 'import', 'build-docx.ts')], bad)).toBe(1);
    expect(bad.err).toMatch(/^briefing: .*不支持.*\(.*not supported.*\)\n$/);
    expect(bad.err).not.toMatch(/\bat \S+:\d+/);
  });
});
