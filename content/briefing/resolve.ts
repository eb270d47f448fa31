import type { BriefingItem, ItemRef } from '../model/briefing';
import type { Block, Figure, Report, Section, Stat } from '../model/report';

/** An item with the report's content looked up and the staff's overrides applied. */
export type ResolvedItem =
  | {
      kind: 'heading';
      item: BriefingItem;
      level: number;
      title: string;
      section: Section;
      /** the marker the title carried (「第一，」 「一是」), set apart at compose: no number is added to it */
      marker?: string;
    }
  | { kind: 'point'; item: BriefingItem; lead: string; text: string; block: Block; statIds: string[] }
  | { kind: 'paragraph'; item: BriefingItem; text: string; block: Block; statIds: string[] }
  | { kind: 'figure'; item: BriefingItem; caption: string; figure: Figure }
  | { kind: 'stat'; item: BriefingItem; label: string; stat: Stat };

/** Lookup tables over a report, built once per compose. */
export interface ReportIndex {
  sections: Map<string, Section>;
  blocks: Map<string, { block: Block; section: Section }>;
  stats: Map<string, Stat>;
  figures: Map<string, Figure>;
  /** position of every section/block in reading order, for keeping picks in report order */
  order: Map<string, number>;
  /** the ids of each block's statistics, in report order */
  blockStats: Map<string, string[]>;
}

export const refKey = (ref: ItemRef): string => `${ref.type}:${ref.id}`;

export function indexReport(report: Report): ReportIndex {
  const index: ReportIndex = {
    sections: new Map(),
    blocks: new Map(),
    stats: new Map(),
    figures: new Map(),
    order: new Map(),
    blockStats: new Map(),
  };
  let n = 0;
  const walk = (section: Section): void => {
    index.sections.set(section.id, section);
    index.order.set(`section:${section.id}`, n++);
    for (const block of section.blocks) {
      index.blocks.set(block.id, { block, section });
      index.order.set(`block:${block.id}`, n++);
    }
    section.sections.forEach(walk);
  };
  report.sections.forEach(walk);
  for (const stat of report.stats) {
    index.stats.set(stat.id, stat);
    const ofBlock = index.blockStats.get(stat.blockId);
    if (ofBlock) ofBlock.push(stat.id);
    else index.blockStats.set(stat.blockId, [stat.id]);
    index.order.set(`stat:${stat.id}`, (index.order.get(`block:${stat.blockId}`) ?? n) + 0.5);
  }
  for (const figure of report.figures) {
    index.figures.set(figure.id, figure);
    index.order.set(`figure:${figure.id}`, index.order.get(`block:${figure.blockId}`) ?? n);
  }
  return index;
}

/** Look up an item's content and apply its overrides; null when the report no longer has it. */
export function resolveItem(index: ReportIndex, item: BriefingItem): ResolvedItem | null {
  const { ref } = item;
  switch (ref.type) {
    case 'section': {
      const section = index.sections.get(ref.id);
      if (!section) return null;
      return {
        kind: 'heading',
        item,
        level: item.level ?? section.level,
        title: item.title ?? section.title,
        section,
      };
    }
    case 'block': {
      const found = index.blocks.get(ref.id);
      if (!found) return null;
      const { block } = found;
      const statIds = [...(index.blockStats.get(block.id) ?? [])];
      switch (block.kind) {
        case 'point':
          return {
            kind: 'point',
            item,
            lead: item.title ?? block.lead,
            text: item.text ?? block.text,
            block,
            statIds,
          };
        case 'paragraph':
          return { kind: 'paragraph', item, text: item.text ?? block.text, block, statIds };
        case 'figure':
        case 'table': {
          const figure = index.figures.get(block.figureId);
          return figure ? { kind: 'figure', item, caption: item.title ?? figure.caption, figure } : null;
        }
      }
      return null;
    }
    case 'stat': {
      const stat = index.stats.get(ref.id);
      return stat ? { kind: 'stat', item, label: item.title ?? stat.label, stat } : null;
    }
    case 'figure': {
      const figure = index.figures.get(ref.id);
      return figure ? { kind: 'figure', item, caption: item.title ?? figure.caption, figure } : null;
    }
  }
}

/** Resolve every item, dropping those whose source is gone. */
export function resolveItems(report: Report, items: readonly BriefingItem[]): ResolvedItem[] {
  const index = indexReport(report);
  return items.map((item) => resolveItem(index, item)).filter((r): r is ResolvedItem => r !== null);
}
