import type { BriefingItem } from '../content/model/briefing';
import type { Report } from '../content/model/report';
import { reportIndex } from '../content/briefing/edit';
import { resolveItem, type ResolvedItem } from '../content/briefing/resolve';

const cache = new WeakMap<Report, WeakMap<BriefingItem, ResolvedItem | null>>();

/**
 * An item resolved against the report, remembered per (report, item) object: typing in one item
 * resolves that item again, not the whole briefing.
 */
export function resolveCached(report: Report, item: BriefingItem): ResolvedItem | null {
  let perReport = cache.get(report);
  if (!perReport) {
    perReport = new WeakMap();
    cache.set(report, perReport);
  }
  if (perReport.has(item)) return perReport.get(item) ?? null;
  const resolved = resolveItem(reportIndex(report), item);
  perReport.set(item, resolved);
  return resolved;
}

/** What a briefing line shows: a heading's title, a point's lead-in, a paragraph's opening, a caption, a statistic. */
export function itemSummary(r: ResolvedItem): string {
  switch (r.kind) {
    case 'heading':
      return r.title;
    case 'point':
      return r.lead;
    case 'paragraph':
      return r.text;
    case 'figure':
      return r.caption;
    case 'stat':
      return `${r.label} ${r.stat.text}`;
  }
}

/** The i18n key naming the title field for this kind of item. */
export function titleLabelKey(r: ResolvedItem): 'item.title' | 'item.lead' | 'item.caption' | 'item.label' {
  switch (r.kind) {
    case 'heading':
    case 'paragraph':
      return 'item.title';
    case 'point':
      return 'item.lead';
    case 'figure':
      return 'item.caption';
    case 'stat':
      return 'item.label';
  }
}
