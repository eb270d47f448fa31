import type { InspectedStat } from '../../content/stats/inspect';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { fakeIO } from '../helpers/cli-io';
import { REPORT_PATH } from '../helpers/paths';

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
    expect(await runCli(['inspect', REPORT_PATH, '--json'], io)).toBe(0);
    expect(io.err).toBe('');
    const shown = JSON.parse(io.out) as Shown;
    expect(shown.title).toBe('稳中求进开新局 实干笃行谱新篇');
    expect(shown.subtitle).toBe('青禾区上半年经济社会发展综述');
    expect(shown.sections).toHaveLength(12);
    // every section printed has its heading; the opening words stand apart, under none
    expect(shown.sections.every((s) => s.title !== '')).toBe(true);
    for (const s of shown.sections) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'title', 'level', 'blocks', 'sections']));
    }
    const kinds = new Set(shown.sections.flatMap((s) => s.blocks.map((b) => b.kind)));
    expect([...kinds].sort()).toEqual(['figure', 'paragraph', 'point']);
    expect(shown.stats.length).toBeGreaterThanOrEqual(30);
    const stat = shown.stats.find((s) => s.unit === '亿元' && s.value === 186.4);
    expect(stat?.sentence).toContain('地区生产总值完成186.4亿元');
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
    expect(stat).toMatchObject({ label: '地区生产总值', kind: 'amount', scope: { kind: 'area' } });
    expect(shown.figures.length).toBeGreaterThanOrEqual(5);
    expect(shown.figures[0]).toMatchObject({
      kind: 'image',
      caption: expect.stringContaining('桃源社区网格员'),
    });
    expect(new Set(shown.repairs.map((r) => r.kind))).toEqual(new Set(['duplicate', 'joined', 'orphan']));
    expect(shown.repairs.every((r) => r.applied)).toBe(true);
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
    expect(await runCli(['inspect', REPORT_PATH], io)).toBe(0);
    expect(io.out).toContain('稳中求进开新局');
    expect(io.out).toMatch(/统计 stats: \d{2}/);
    expect(io.out).toMatch(/修复 repairs: [1-9]/);
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

describe('briefing inspect on a report that opens before its first heading', () => {
  it('prints the opening words apart from the sections, under no made-up heading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inspect-opening-'));
    writeFileSync(
      join(dir, 'r.txt'),
      [
        '青禾区2024年上半年工作总结',
        '今年以来，全区上下稳中求进。',
        '一、经济运行',
        '地区生产总值增长5%。',
      ].join('\n'),
    );
    const io = fakeIO();
    io.cwd = dir;
    expect(await runCli(['inspect', 'r.txt', '--json'], io)).toBe(0);
    const shown = JSON.parse(io.out) as {
      opening?: { blocks: { text?: string }[] };
      sections: { title: string }[];
    };
    expect(shown.opening?.blocks.map((b) => b.text)).toEqual(['今年以来，全区上下稳中求进。']);
    expect(shown.sections.map((s) => s.title)).toEqual(['经济运行']);
  });
});
