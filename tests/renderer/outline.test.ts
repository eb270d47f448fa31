import { describe, expect, it } from 'vitest';
import { emptyBriefing } from '../../content/model/briefing';
import { addRefs, toggleSection } from '../../content/briefing/select';
import { buildReport, importPastedText, importReport } from '../../content/import';
import { textToRawBlocks } from '../../content/import/text';
import { sampleReport } from '../../content/sample';
import { highlightStats, outlineRows, parentRow, pickStates, treeKey } from '../../renderer/outline/rows';
import { readReportBytes } from '../helpers/paths';

const report = sampleReport();
const economy = report.sections.find((s) => s.title === '稳住经济运行基本盘')!;
const base = { filter: 'all' as const, query: '', expanded: {} };

describe('the report outline', () => {
  it('opens folded: one line per top-level section', () => {
    const rows = outlineRows(report, base);
    expect(rows.map((r) => r.label)).toEqual(report.sections.map((s) => s.title));
    expect(rows.every((r) => r.kind === 'section' && r.depth === 0)).toBe(true);
  });

  it('unfolds a section into its blocks, their statistics and its subsections, in reading order', () => {
    const rows = outlineRows(report, { ...base, expanded: { [economy.id]: true } });
    const at = rows.findIndex((r) => r.ref.id === economy.id);
    const inner = rows.slice(
      at + 1,
      rows.findIndex((r, i) => i > at && r.depth === 0),
    );
    expect(inner[0]).toMatchObject({ kind: 'paragraph', depth: 1 });
    expect(inner.some((r) => r.kind === 'stat' && r.depth === 2 && r.prefix === '2%')).toBe(true);
    expect(inner.filter((r) => r.kind === 'section').map((r) => r.label)).toEqual(
      economy.sections.map((s) => s.title),
    );
  });

  it('shows only statistics (with the sections leading to them) under the statistics filter, folded or not', () => {
    const rows = outlineRows(report, { ...base, filter: 'stats' });
    const stats = rows.filter((r) => r.kind === 'stat');
    expect(stats).toHaveLength(report.stats.length);
    expect(rows.every((r) => r.kind === 'stat' || r.kind === 'section')).toBe(true);
    // every section shown leads to a statistic
    const sectionsWithStats = new Set(report.stats.map((s) => s.sectionId));
    for (const r of rows.filter((x) => x.kind === 'section' && x.depth > 0)) {
      const next = rows[rows.indexOf(r) + 1];
      expect(next && (next.depth > r.depth || sectionsWithStats.has(r.ref.id))).toBeTruthy();
    }
  });

  it('shows only figures and tables under the figures filter', () => {
    const rows = outlineRows(report, { ...base, filter: 'figures' });
    expect(rows.filter((r) => r.kind === 'figure' || r.kind === 'table').length).toBe(
      report.figures.filter((f) => report.sections.length > 0 && f.blockId).length,
    );
    expect(rows.every((r) => ['figure', 'table', 'section'].includes(r.kind))).toBe(true);
  });

  it('finds words inside a point’s body even when its section is folded', () => {
    const rows = outlineRows(report, { ...base, query: '点对点通勤' });
    const hit = rows.find((r) => r.kind === 'point');
    expect(hit?.label).toBe('企业复工跑出加速度');
    expect(rows.filter((r) => r.kind === 'section').map((r) => r.label)).toEqual([
      '稳住经济运行基本盘',
      '加快复工复产',
    ]);
  });

  it('says nothing matches with an empty list', () => {
    expect(outlineRows(report, { ...base, query: '不存在的内容xyz' })).toEqual([]);
  });

  it('flattens a 5,000-block report into one row per block and statistic when all is unfolded', () => {
    const lines: string[] = ['大型报告'];
    for (let s = 1; s <= 50; s++) {
      lines.push(`第${s}部分`);
      for (let p = 1; p <= 100; p++) lines.push(`工作要点${s}-${p}。本项完成投资${p}亿元，惠及${p * 3}户。`);
    }
    const big = buildReport({ format: 'txt', blocks: textToRawBlocks(lines.join('\n\n')) }, 'big.txt');
    const blocks = big.sections.reduce((n, s) => n + s.blocks.length, 0);
    expect(blocks).toBeGreaterThanOrEqual(5000);
    const expanded = Object.fromEntries(big.sections.map((s) => [s.id, true as const]));
    const rows = outlineRows(big, { ...base, expanded });
    expect(rows).toHaveLength(big.sections.length + blocks + big.stats.length);
  });
});

describe('checkbox states', () => {
  it('shows a section ticked, partly ticked or empty as its children are picked', () => {
    const all = toggleSection(emptyBriefing(), report, economy.id, true);
    expect(pickStates(report, all).sections.get(economy.id)).toBe('all');
    const child = economy.sections[0]!;
    const partial = addRefs(emptyBriefing(), report, [{ type: 'section', id: child.id }]);
    const states = pickStates(report, partial);
    expect(states.sections.get(economy.id)).toBe('some');
    expect(states.sections.get(child.id)).toBe('some');
    expect(states.sections.get(report.sections[0]!.id)).toBe('none');
  });

  it('knows each picked block and statistic', () => {
    const stat = report.stats[0]!;
    const b = addRefs(emptyBriefing(), report, [{ type: 'stat', id: stat.id }]);
    expect(pickStates(report, b).picked.has(`stat:${stat.id}`)).toBe(true);
  });
});

describe('statistics highlighted in the full text', () => {
  it('marks each statistic where it stands, and keeps every character', async () => {
    const qinghe = await importReport({ name: 'q.txt', bytes: readReportBytes() });
    const stat = qinghe.stats.find((s) => s.text === '126个')!;
    const block = qinghe.sections.flatMap((s) => s.blocks).find((b) => b.id === stat.blockId)!;
    const text = block.kind === 'point' ? block.text : block.kind === 'paragraph' ? block.text : '';
    const stats = qinghe.stats.filter((s) => s.blockId === block.id);
    const runs = highlightStats(text, stats);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.stat).map((r) => r.text)).toContain('126个');
  });

  it('does not mark one place twice when a statistic repeats', () => {
    const runs = highlightStats('增长5%，再增长5%。', [
      { id: 'a', text: '5%' },
      { id: 'b', text: '5%' },
    ] as never);
    expect(runs.filter((r) => r.stat)).toHaveLength(2);
    expect(runs.map((r) => r.text).join('')).toBe('增长5%，再增长5%。');
  });
});

describe('the opening words', () => {
  it('are listed as 开篇 (or what the desk calls them), never under a made-up heading', () => {
    const r = importPastedText(
      ['上半年工作总结', '今年以来，全区上下稳中求进。', '一、经济运行', '地区生产总值增长5%。'].join('\n'),
    );
    const rows = outlineRows(r, { filter: 'all', query: '', expanded: {}, openingLabel: 'Opening' });
    expect(rows.filter((row) => row.kind === 'section').map((row) => row.label)).toEqual([
      'Opening',
      '经济运行',
    ]);
    expect(r.sections[0]).toMatchObject({ title: '', opening: true });
  });
});

describe('the outline tree keys', () => {
  it('→ unfolds a folded section, then moves to its first child; ← goes to the parent, then folds', () => {
    const folded = outlineRows(report, base);
    const at = folded.findIndex((r) => r.ref.id === economy.id);
    expect(treeKey(folded, at, 'ArrowRight', {})).toEqual({ unfold: economy.id });
    const expanded = { [economy.id]: true as const };
    const open = outlineRows(report, { ...base, expanded });
    expect(treeKey(open, at, 'ArrowRight', expanded)).toEqual({ focus: at + 1 });
    expect(parentRow(open, at + 1)).toBe(at);
    expect(treeKey(open, at + 1, 'ArrowLeft', expanded)).toEqual({ focus: at });
    expect(treeKey(open, at, 'ArrowLeft', expanded)).toEqual({ fold: economy.id });
  });

  it('↑/↓ stop at the ends; Home and End go to the first and last rows; a statistic goes up to its point', () => {
    const expanded = { [economy.id]: true as const };
    const rows = outlineRows(report, { ...base, expanded });
    expect(treeKey(rows, 0, 'ArrowUp', expanded)).toBeNull();
    expect(treeKey(rows, rows.length - 1, 'ArrowDown', expanded)).toBeNull();
    expect(treeKey(rows, 3, 'Home', expanded)).toEqual({ focus: 0 });
    expect(treeKey(rows, 0, 'End', expanded)).toEqual({ focus: rows.length - 1 });
    const stat = rows.findIndex((r) => r.kind === 'stat');
    const parent = parentRow(rows, stat);
    expect(rows[parent]!.kind).not.toBe('stat');
    expect(rows[parent]!.depth).toBe(rows[stat]!.depth - 1);
    // a top-level row has no parent: ← on a folded one does nothing
    expect(treeKey(outlineRows(report, base), 0, 'ArrowLeft', {})).toBeNull();
  });
});
