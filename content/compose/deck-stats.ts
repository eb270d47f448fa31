import type { ShownStat } from '../../templates/model';
import type { Report, Section, Stat } from '../model/report';

/**
 * Which statistics a deck shows: the key figures of a section (数说) and the numbers that can
 * share a chart. Pure functions of the report; every pick keeps its source sentence.
 */

/** Lookups over a report's statistics, in report order. */
export interface StatIndex {
  byId: ReadonlyMap<string, Stat>;
  /** position in report.stats */
  order: ReadonlyMap<string, number>;
  bySection: ReadonlyMap<string, readonly Stat[]>;
}

// composing a large report asks for a section's statistics thousands of times: build these once per list
const statIndexes = new WeakMap<readonly Stat[], StatIndex>();

export function statIndex(report: Report): StatIndex {
  let index = statIndexes.get(report.stats);
  if (!index) {
    const bySection = new Map<string, Stat[]>();
    for (const s of report.stats) {
      const list = bySection.get(s.sectionId);
      if (list) list.push(s);
      else bySection.set(s.sectionId, [s]);
    }
    index = {
      byId: new Map(report.stats.map((s) => [s.id, s])),
      order: new Map(report.stats.map((s, i) => [s.id, i])),
      bySection,
    };
    statIndexes.set(report.stats, index);
  }
  return index;
}

/** The statistics of a section and every section under it, in report order. */
export function subtreeStats(report: Report, section: Section): Stat[] {
  const { bySection, order } = statIndex(report);
  const out: Stat[] = [];
  for (const id of subtreeIds(section)) out.push(...(bySection.get(id) ?? []));
  return out.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/** Ids of a section and every section under it. */
export function subtreeIds(section: Section): Set<string> {
  const ids = new Set<string>();
  const walk = (s: Section): void => {
    ids.add(s.id);
    s.sections.forEach(walk);
  };
  walk(section);
  return ids;
}

/** How much a statistic reads as a headline figure; higher first. */
function keyScore(stat: Stat, pickedBlocks: ReadonlySet<string>): number {
  let score = 0;
  if (/[亿万]/.test(stat.unit)) score += 3;
  if (/%|％|百分点/.test(stat.unit)) score += 2;
  if (stat.kind === 'change') score += 1;
  if (pickedBlocks.has(stat.blockId)) score += 2;
  const label = stat.label.trim();
  if (label.length >= 2 && label.length <= 14) score += 1;
  else score -= 1;
  // durations and counts of meetings are rarely what a leader wants on a big-number slide
  if (/^(天|次|名|人)$/.test(stat.unit)) score -= 1;
  if (stat.value === 0) score -= 5;
  return score;
}

/**
 * Up to `max` key statistics of a section (its subsections included), best first by how much
 * they read as headline figures, then shown in report order. Statistics in blocks the briefing
 * picked are preferred; the same number twice is shown once.
 */
export function pickKeyStats(
  report: Report,
  section: Section,
  pickedBlocks: ReadonlySet<string>,
  max: number,
): Stat[] {
  const { order } = statIndex(report);
  const seen = new Set<string>();
  const candidates = subtreeStats(report, section).filter((s) => {
    const key = `${s.value}|${s.unit}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return candidates
    .map((s) => ({ s, score: keyScore(s, pickedBlocks) }))
    .sort((a, b) => b.score - a.score || (order.get(a.s.id) ?? 0) - (order.get(b.s.id) ?? 0))
    .slice(0, max)
    .map((x) => x.s)
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

const TIME_LABEL = /(\d{4}\s*年|\d{1,2}\s*月|[一二三四]季度|上半年|下半年|全年|年度|^\d{4}$)/;

/** A line chart when every point is a time (a month, a quarter, a year), else bars. */
export function chartTypeFor(points: readonly ShownStat[]): 'bar' | 'line' {
  return points.length >= 3 && points.every((p) => TIME_LABEL.test(p.label)) ? 'line' : 'bar';
}

/**
 * Group statistics by unit, in first-seen order: a chart only compares numbers of one unit.
 */
export function groupByUnit(stats: readonly ShownStat[]): ShownStat[][] {
  const groups = new Map<string, ShownStat[]>();
  for (const s of stats) {
    const g = groups.get(s.unit);
    if (g) g.push(s);
    else groups.set(s.unit, [s]);
  }
  return [...groups.values()];
}

/** Speaker notes for shown statistics: each number with the sentence it came from. */
export function statNotes(stats: readonly ShownStat[]): string {
  return stats.map((s, i) => `${i + 1}. ${s.label}：${s.value}${s.unit}\n   出处：${s.sentence}`).join('\n');
}
