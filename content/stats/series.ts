import type { Stat, StatKind } from '../model/report';
import { foldText } from './fold';

/**
 * Statistics that can share a chart: three or more of one kind, one unit, one period and one
 * basis — the growth rates of a section's main indicators, the rows of a table of indicators, one
 * indicator over the quarters or months. A chart never mixes growth with amounts, % with 个百分点,
 * targets with results, or one enterprise's figures with the area's.
 */
export interface StatSeries {
  stats: Stat[];
  /** line for one indicator over time, bar for indicators side by side */
  type: 'bar' | 'line';
  kind: StatKind;
  unit: string;
  period?: string;
  basis?: string;
  /** a category per point: the indicator's label (bar) or the period (line) */
  categories: string[];
  /** written out: 「上半年主要指标同比增速」 */
  title: string;
  /** the value axis with its unit: 「同比增速（%）」 */
  axis: string;
}

/** A chart needs at least this many comparable points to say more than a sentence would. */
export const MIN_SERIES_POINTS = 3;
/** And at most this many, so its bars stay readable. */
export const MAX_SERIES_POINTS = 8;

/** Indicators a leader reads first: a series of them is worth a chart before any other. */
export const MAIN_INDICATOR =
  /(地区生产总值|GDP|生产总值|固定资产投资|固投|工业增加值|工业总产值|社会消费品零售总额|社零|一般公共预算收入|财政收入|税收|进出口|出口|外资|内资|招商引资|居民人均可支配收入|可支配收入|营业收入|城镇化率|就业|粮食|消费|投资)/;

/** Kinds a chart can show: rates and amounts; counts of unlike things, ranks and durations are not compared. */
const CHARTABLE: ReadonlySet<StatKind> = new Set(['growth', 'share', 'amount']);

const TIME_CATEGORY =
  /^(\d{1,2}月(份)?|[1-9]\d?[—\-－~～至]\d{1,2}月|[一二三四]季度|第[一二三四]季度|上半年|前三季度|全年|\d{4}年)$/;

/**
 * What a statistic says, whatever sentence or table cell said it: a deck shows each once, so the
 * growth rate in the text and the same rate in the table of indicators are one statistic.
 */
export function statKey(s: Stat): string {
  return `=${s.kind}|${s.measure ?? ''}|${foldText(s.label)}|${s.value}|${foldText(s.unit)}`;
}

/** Record a statistic as shown on a slide: by its id and by what it says. */
export function markShown(shown: Set<string>, s: Stat): void {
  shown.add(s.id);
  shown.add(statKey(s));
}

/** Whether a statistic, or the same statistic said elsewhere, is already shown. */
export function isShown(shown: ReadonlySet<string> | undefined, s: Stat): boolean {
  return shown !== undefined && (shown.has(s.id) || shown.has(statKey(s)));
}

/** What to leave out: statistics already shown elsewhere in the deck. */
export interface SeriesOptions {
  exclude?: ReadonlySet<string>;
}

/** Whether a statistic may stand in a chart at all. */
function chartable(s: Stat, exclude: ReadonlySet<string> | undefined): boolean {
  if (s.unfit || s.scope.kind !== 'area' || isShown(exclude, s)) return false;
  if (!CHARTABLE.has(s.kind)) return false;
  // amounts compare only as money: counts of different things in 个 are not one series
  if (s.kind === 'amount' && !/元/.test(foldText(s.unit))) return false;
  return s.from === undefined && s.upper === undefined;
}

/** A change of prices (CPI, 出厂价格) is not a growth of output: it never shares a chart with one. */
const PRICE = /(价格|物价|CPI|PPI|指数)/;

const keyOf = (s: Stat, withPeriod: boolean): string =>
  [
    s.kind,
    foldText(s.unit),
    withPeriod ? foldText(s.period ?? '') : '',
    foldText(s.basis ?? ''),
    PRICE.test(foldText(s.label)) ? 'price' : '',
  ].join('|');

/**
 * Every comparable series among the statistics, best first: indicators side by side (one kind,
 * unit, period, basis; each label once) and one indicator over time (one label, three or more
 * periods). Main indicators' growth rates come first.
 */
export function comparableSeries(stats: readonly Stat[], options: SeriesOptions = {}): StatSeries[] {
  const usable = stats.filter((s) => chartable(s, options.exclude));
  const out: StatSeries[] = [];

  // one indicator over the quarters or months: a line
  const byLabel = new Map<string, Stat[]>();
  for (const s of usable) {
    if (!s.period || !TIME_CATEGORY.test(foldText(s.period))) continue;
    const key = `${keyOf(s, false)}|${foldText(s.label)}`;
    {
      const list = byLabel.get(key);
      if (list) list.push(s);
      else byLabel.set(key, [s]);
    }
  }
  for (const group of byLabel.values()) {
    const seen = new Set<string>();
    const points = group.filter((s) => {
      const p = foldText(s.period ?? '');
      if (seen.has(p)) return false;
      seen.add(p);
      return true;
    });
    if (points.length >= MIN_SERIES_POINTS) out.push(seriesOf(points.slice(0, MAX_SERIES_POINTS), 'line'));
  }

  // indicators side by side: a bar chart
  const byKey = new Map<string, Stat[]>();
  for (const s of usable) {
    const key = keyOf(s, true);
    {
      const list = byKey.get(key);
      if (list) list.push(s);
      else byKey.set(key, [s]);
    }
  }
  for (const group of byKey.values()) {
    const seen = new Set<string>();
    const members = comparableMembers(group);
    // an indicator said in the text and again in the table: the table's, so the chart is the table's
    const perBlock = new Map<string, number>();
    for (const s of members) perBlock.set(s.blockId, (perBlock.get(s.blockId) ?? 0) + 1);
    const chosen = [...members]
      .sort((a, b) => (perBlock.get(b.blockId) ?? 0) - (perBlock.get(a.blockId) ?? 0))
      .filter((s) => {
        const l = foldText(s.label);
        if (seen.has(l)) return false;
        seen.add(l);
        return true;
      });
    const keep = new Set(chosen);
    const points = members.filter((s) => keep.has(s));
    if (points.length >= MIN_SERIES_POINTS) out.push(seriesOf(points.slice(0, MAX_SERIES_POINTS), 'bar'));
  }
  return out.sort((a, b) => seriesScore(b) - seriesScore(a));
}

/**
 * Growth rates of any indicators compare; amounts and shares compare when they are the main
 * indicators' (GDP, investment, retail sales …) or stand together in one table or paragraph,
 * not 「总投资」 of one paragraph beside 「减免税费」 of another.
 */
function comparableMembers(group: readonly Stat[]): Stat[] {
  const by = (key: (s: Stat) => string): Stat[][] => {
    const lists = new Map<string, Stat[]>();
    for (const s of group) {
      const list = lists.get(key(s));
      if (list) list.push(s);
      else lists.set(key(s), [s]);
    }
    return [...lists.values()];
  };
  const main = group.filter((s) => MAIN_INDICATOR.test(foldText(s.label)));
  // growth rates: the main indicators', else those of one table or paragraph, else of one part
  // of the report — never 接待游客 beside 事故起数 and 发文数量 from three other parts
  if (group[0]?.kind === 'growth' && main.length >= MIN_SERIES_POINTS) return main;
  // a table of indicators, or a sentence listing three figures side by side
  const listed = by((s) => s.blockId).find((b) => b.length >= MIN_SERIES_POINTS);
  if (listed) return listed;
  if (group[0]?.kind !== 'growth') return main;
  return by((s) => s.sectionId).find((b) => b.length >= MIN_SERIES_POINTS) ?? main;
}

function seriesScore(s: StatSeries): number {
  const main = s.stats.filter((x) => MAIN_INDICATOR.test(foldText(x.label))).length;
  return (s.kind === 'growth' ? 4 : s.kind === 'share' ? 2 : 1) + main * 2 + s.stats.length * 0.5;
}

/**
 * Any statistics as one series (staff's own pick too): a line when each is the same indicator at
 * another time, else bars; the title and axis written from what they measure.
 */
export function seriesFor(stats: Stat[]): StatSeries {
  const labels = new Set(stats.map((s) => foldText(s.label)));
  const times = stats.every((s) => s.period && TIME_CATEGORY.test(foldText(s.period)));
  return seriesOf(stats, labels.size === 1 && times && stats.length >= MIN_SERIES_POINTS ? 'line' : 'bar');
}

/** What a chart of one kind measures, in its title and on its axis. */
const MEASURE_WORD: Readonly<Record<string, string>> = {
  growth: '增速',
  share: '比率',
  amount: '金额',
  count: '数量',
  target: '目标',
  rank: '排名',
  duration: '用时',
};

function seriesOf(stats: Stat[], type: 'bar' | 'line'): StatSeries {
  const first = stats[0] as Stat;
  const samePeriod = stats.every((s) => foldText(s.period ?? '') === foldText(first.period ?? ''));
  const period = type === 'bar' && samePeriod ? first.period : undefined;
  const basis = stats.every((s) => s.basis === first.basis) ? first.basis : undefined;
  const unit = first.unit;
  const measure = MEASURE_WORD[first.kind] ?? '数据';
  const what = type === 'line' ? first.label : '主要指标';
  const title = `${period ?? ''}${what}${basis ?? ''}${measure}`;
  const axis = `${basis ?? ''}${measure}（${unit || '比值'}）`;
  return {
    stats,
    type,
    kind: first.kind,
    unit,
    ...(period ? { period } : {}),
    ...(basis ? { basis } : {}),
    categories: stats.map((s) => (type === 'line' ? (s.period ?? s.label) : s.label)),
    title,
    axis,
  };
}
