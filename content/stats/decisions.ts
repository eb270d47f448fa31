import type { Decisions, Stat, StatEdit } from '../model/report';
import { MAX_STAT_LABEL_CHARS } from '../model/values';

/**
 * Staff's word on a statistic: a label they wrote, or that it must (or may after all) become a
 * card. Kept in the report's decisions by statistic id, so it survives every re-analysis (a repair
 * undone, a block reclassified) and the project file, and applied over what extraction found.
 */

/** The reason given to a statistic staff marked unfit. */
export const STAFF_UNFIT = '已由工作人员标为不上卡片';

/** The statistics with staff's edits applied. Statistics without an edit are returned as they are. */
export function applyStatEdits(
  stats: readonly Stat[],
  edits: Readonly<Record<string, StatEdit>> | undefined,
): Stat[] {
  if (!edits || Object.keys(edits).length === 0) return [...stats];
  return stats.map((s) => {
    const edit = edits[s.id];
    return edit ? editedStat(s, edit) : s;
  });
}

function editedStat(stat: Stat, edit: StatEdit): Stat {
  const { unfit: _unfit, ...rest } = stat;
  const next: Stat = { ...rest, ...(edit.label ? { label: edit.label } : {}) };
  // a label staff wrote answers the automatic reason (no label that stands alone); their own mark wins
  if (edit.unfit === true) return { ...next, unfit: STAFF_UNFIT };
  if (edit.unfit === false || edit.label) return next;
  return stat.unfit ? { ...next, unfit: stat.unfit } : next;
}

/**
 * The decisions with one statistic's edit changed: `patch` fields set, `null` clears one (the
 * label back to what extraction finds, the mark back to automatic). The report is then analysed
 * again with them, like a repair undone, so the statistics always come from the text plus edits.
 */
export function withStatEdit(
  decisions: Decisions,
  statId: string,
  patch: { label?: string | null; unfit?: boolean | null },
): Decisions {
  const edits = { ...(decisions.stats ?? {}) };
  const current: StatEdit = { ...(edits[statId] ?? {}) };
  if (patch.label !== undefined) {
    const label = patch.label?.trim().slice(0, MAX_STAT_LABEL_CHARS);
    if (label) current.label = label;
    else delete current.label;
  }
  if (patch.unfit !== undefined) {
    if (patch.unfit === null) delete current.unfit;
    else current.unfit = patch.unfit;
  }
  if (current.label === undefined && current.unfit === undefined) delete edits[statId];
  else edits[statId] = current;
  return { ...decisions, stats: edits };
}
