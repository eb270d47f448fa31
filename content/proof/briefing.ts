import { itemTitle, reportIndex, setItemText, setItemTitle, sourceOf } from '../briefing/edit';
import { resolveItem, type ResolvedItem } from '../briefing/resolve';
import type { Briefing, BriefingItem, ProofMemory } from '../model/briefing';
import type { Report } from '../model/report';
import type { Finding, ItemField, ProofUnit } from './types';

/**
 * A briefing as the checker reads it: each item's fields in briefing order, with the report's
 * own words beside any field staff changed, so a number edited away from its source is caught.
 */

function fieldText(r: ResolvedItem, field: ItemField): string {
  if (field === 'title') return itemTitle(r);
  return r.kind === 'point' || r.kind === 'paragraph' ? r.text : '';
}

export function briefingUnits(report: Report, briefing: Briefing): ProofUnit[] {
  const index = reportIndex(report);
  const units: ProofUnit[] = [];
  let parent = '';
  for (const item of briefing.items) {
    const r = resolveItem(index, item);
    if (!r) continue;
    const source = sourceOf(report, item);
    const add = (field: ItemField, unit: Omit<ProofUnit, 'at' | 'text'>, edited: boolean): void => {
      const text = fieldText(r, field);
      if (!text) return;
      units.push({
        at: { item: item.id, field },
        text,
        composed: true,
        ...unit,
        ...(edited && source ? { source: fieldText(source, field) } : {}),
      });
    };
    switch (r.kind) {
      case 'heading':
        // siblings: the same level under the same heading above
        if (r.level === 1) parent = item.id;
        add(
          'title',
          { role: 'heading', level: r.level, group: `h${r.level}:${r.level === 1 ? '' : parent}` },
          item.title !== undefined,
        );
        break;
      case 'point': {
        const section = index.blocks.get(r.block.id)?.section.id ?? '';
        add('title', { role: 'body', isTitle: true, group: `p:${section}` }, item.title !== undefined);
        add('text', { role: 'body' }, item.text !== undefined);
        break;
      }
      case 'paragraph':
        add('text', { role: 'body' }, item.text !== undefined);
        break;
      case 'figure':
        add('title', { role: 'caption' }, item.title !== undefined);
        break;
      case 'stat':
        // a statistic's label is made by the importer; only staff's own label is theirs to check
        if (item.title !== undefined) add('title', { role: 'label' }, true);
        break;
    }
  }
  return units;
}

/** The findings staff have not set aside: neither ignored one by one nor by their rule. */
export function unignored(findings: readonly Finding[], memory: ProofMemory | undefined): Finding[] {
  if (!memory) return [...findings];
  const keys = new Set(memory.ignored);
  const rules = new Set(memory.ignoredRules);
  return findings.filter((f) => !keys.has(f.key) && !rules.has(f.ruleId));
}

/** 忽略: remember one finding in the briefing (saved with the project). */
export function ignoreFinding(briefing: Briefing, finding: Finding): Briefing {
  const memory = briefing.proof ?? { ignored: [], ignoredRules: [] };
  if (memory.ignored.includes(finding.key)) return briefing;
  return { ...briefing, proof: { ...memory, ignored: [...memory.ignored, finding.key] } };
}

/** 全部忽略此类: remember the finding's rule. */
export function ignoreRule(briefing: Briefing, ruleId: string): Briefing {
  const memory = briefing.proof ?? { ignored: [], ignoredRules: [] };
  if (memory.ignoredRules.includes(ruleId)) return briefing;
  return { ...briefing, proof: { ...memory, ignoredRules: [...memory.ignoredRules, ruleId] } };
}

/**
 * 改正: put the suggestion in place of the finding's characters, as an edit of the item's field
 * (so 恢复原文 still brings back the report's words). Returns the briefing unchanged when the
 * finding has no suggestion or the field no longer holds those characters there.
 */
export function applyFix(report: Report, briefing: Briefing, finding: Finding): Briefing {
  if (finding.suggestion === null || 'line' in finding.at) return briefing;
  const { item: itemId, field } = finding.at;
  const item: BriefingItem | undefined = briefing.items.find((i) => i.id === itemId);
  if (!item) return briefing;
  const r = resolveItem(reportIndex(report), item);
  if (!r) return briefing;
  const text = fieldText(r, field);
  if (text.slice(finding.start, finding.end) !== finding.text) return briefing;
  const fixed = text.slice(0, finding.start) + finding.suggestion + text.slice(finding.end);
  return field === 'title'
    ? setItemTitle(briefing, report, itemId, fixed)
    : setItemText(briefing, report, itemId, fixed);
}
