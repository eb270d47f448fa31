import { shownStatText, type ShownStat, type SlideChart } from '../../templates/model';
import type { Report, Section, Stat } from '../model/report';
import { foldText } from '../stats/fold';
import { qualifierWeight } from '../stats/lexicon';
import { MAIN_INDICATOR, comparableSeries, isShown, seriesFor, type StatSeries } from '../stats/series';
import { officialPunctuation } from '../text/punctuation';
import { chartPoint } from './shown';

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

/** Statistics fit for a 数说 card: never unfit, never one enterprise's, project's or photo's figure. */
export function cardable(stat: Stat): boolean {
  return !stat.unfit && stat.scope.kind === 'area' && stat.label.trim().length >= 2;
}

/**
 * How much a statistic reads as a headline figure; higher first. Results before targets; totals
 * and growth of the main indicators before small counts; the section's own words before others.
 */
function keyScore(stat: Stat, section: Section, pickedBlocks: ReadonlySet<string>): number {
  const measure = stat.kind === 'target' ? (stat.measure ?? 'amount') : stat.kind;
  const unit = foldText(stat.unit);
  let score = 0;
  if (stat.kind === 'target') score -= 6;
  switch (measure) {
    case 'growth':
      // a rate's gap in 个百分点 is read after the rate itself
      score += /百分点/.test(unit) ? 2 : 4;
      break;
    case 'amount':
      score += /[亿万]/.test(unit) && /元/.test(unit) ? 4 : 2;
      break;
    case 'share':
      score += 3;
      break;
    case 'rank':
      score += 2;
      break;
    case 'count':
      score += /[亿万]/.test(unit) ? 2 : 1;
      break;
    case 'duration':
      score += 1;
      break;
  }
  const label = foldText(stat.label);
  if (MAIN_INDICATOR.test(label)) score += 4;
  // the district's output first of all
  if (/^(地区生产总值|GDP|经济总量|生产总值)/.test(label)) score += 2;
  // a comparison (「高于全市」) follows the figure it compares
  if (/(高于|低于|快于|慢于)/.test(label)) score -= 2;
  if (sharesWords(label, foldText(section.title))) score += 1;
  if (pickedBlocks.has(stat.blockId)) score += 1;
  if (stat.value === 0 && !stat.from) score -= 5;
  return score;
}

/** Whether a label and a title share a word of two characters: the section's own indicator. */
function sharesWords(label: string, title: string): boolean {
  for (let i = 0; i + 2 <= label.length; i++) if (title.includes(label.slice(i, i + 2))) return true;
  return false;
}

/**
 * Up to `max` key statistics of a section (its subsections included), best first by how much
 * they read as headline figures, then shown in report order. Unfit statistics and other scopes'
 * never; statistics already shown on another slide (`shown`) never again; the same number with
 * the same label twice is shown once.
 */
export function pickKeyStats(
  report: Report,
  section: Section,
  pickedBlocks: ReadonlySet<string>,
  max: number,
  shown: ReadonlySet<string> = new Set(),
): Stat[] {
  const { order } = statIndex(report);
  const seen = new Set<string>();
  // one card per thing measured: of 「突破2000亿元」 and 「达到2046.8亿元」 the exact figure
  const exactness = (s: Stat): number => (s.qualifier ? qualifierWeight(foldText(s.qualifier)) : -1);
  const candidates = subtreeStats(report, section)
    .filter((s) => cardable(s) && !isShown(shown, s))
    .sort((a, b) => exactness(a) - exactness(b) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    .filter((s) => {
      const key = `${s.kind}|${s.measure ?? ''}|${foldText(s.label)}|${foldText(s.unit)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return candidates
    .map((s) => ({ s, score: keyScore(s, section, pickedBlocks) }))
    .sort((a, b) => b.score - a.score || (order.get(a.s.id) ?? 0) - (order.get(b.s.id) ?? 0))
    .slice(0, max)
    .map((x) => x.s)
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/** The best chart a section's statistics make, if any (none already shown on another slide). */
export function sectionSeries(
  report: Report,
  section: Section,
  shown: ReadonlySet<string> = new Set(),
): StatSeries | undefined {
  return comparableSeries(subtreeStats(report, section), { exclude: shown })[0];
}

/** A series as a slide's chart: its written title, its axis, its points signed as plotted. */
export function seriesChart(series: StatSeries): SlideChart {
  return {
    type: series.type,
    unit: series.unit,
    title: officialPunctuation(series.title),
    axis: officialPunctuation(series.axis),
    points: series.stats.map((s, i) => chartPoint(s, series.categories[i] ?? s.label)),
  };
}

/**
 * Statistics staff asked to chart, in groups that may share a chart: one kind, one unit (and a
 * target never beside a result). A group of one cannot be charted; it is shown as a key figure.
 */
export function chartGroups(stats: readonly Stat[]): Stat[][] {
  const groups = new Map<string, Stat[]>();
  for (const s of stats) {
    const key = `${s.kind}|${s.measure ?? ''}|${foldText(s.unit)}`;
    {
      const list = groups.get(key);
      if (list) list.push(s);
      else groups.set(key, [s]);
    }
  }
  return [...groups.values()];
}

const TIME_LABEL = /(\d{4}\s*年|\d{1,2}\s*月|[一二三四]季度|上半年|下半年|全年|年度|^\d{4}$)/;

/**
 * A chart of statistics staff picked (one kind and unit, see chartGroups): a line when every
 * point is a time, else bars; its title and axis written out as an automatic chart's are.
 */
export function pickedChart(stats: readonly Stat[], labels: readonly string[]): SlideChart {
  const series = seriesFor([...stats]);
  const chart = seriesChart({ ...series, categories: stats.map((s, i) => labels[i] ?? s.label) });
  const line = chart.points.length >= 3 && chart.points.every((p) => TIME_LABEL.test(p.label));
  return { ...chart, type: line || series.type === 'line' ? 'line' : 'bar' };
}

/** Speaker notes for shown statistics: each number as shown with the sentence it came from. */
export function statNotes(stats: readonly ShownStat[]): string {
  return stats.map((s, i) => `${i + 1}. ${s.label}：${shownStatText(s)}\n   出处：${s.sentence}`).join('\n');
}
