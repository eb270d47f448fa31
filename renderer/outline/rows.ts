import type { Briefing, ItemRef } from '../../content/model/briefing';
import type { Block, Report, Section, Stat } from '../../content/model/report';
import { refKey } from '../../content/briefing/resolve';
import type { OutlineFilter } from '../store/ui-slice';

/** One line of the report outline: a section, a block (point, paragraph, figure, table) or a statistic. */
export interface OutlineRow {
  /** the ref's key, unique in the report: `section:<id>`, `block:<id>`, `stat:<id>` */
  key: string;
  ref: ItemRef;
  kind: 'section' | Block['kind'] | 'stat';
  depth: number;
  /** a section's title, a point's lead-in, a paragraph's text, a caption, a statistic's label */
  label: string;
  /** a section's number as the source wrote it, a statistic's value with its unit */
  prefix?: string;
  /** the section the row belongs to (its own id for a section) */
  sectionId: string;
  /** sections only: whether there is anything to fold */
  hasChildren?: boolean;
  /** statistics only: what the number means, shown beside its label */
  stat?: Pick<Stat, 'kind' | 'measure' | 'qualifier' | 'scope' | 'unfit'>;
}

export interface OutlineOptions {
  filter: OutlineFilter;
  query: string;
  /** sections unfolded; the rest show as one line */
  expanded: Readonly<Record<string, true>>;
  /** what the row of the report's opening words (no heading of their own) is called: 「开篇」 */
  openingLabel?: string;
}

function blockLabel(block: Block, figures: Map<string, string>): string {
  switch (block.kind) {
    case 'point':
      return block.lead;
    case 'paragraph':
      return block.text;
    case 'figure':
    case 'table':
      return figures.get(block.figureId) ?? '';
  }
}

/** The searchable text of a block: all of it, not just the label. */
function blockText(block: Block, label: string): string {
  return block.kind === 'point' ? `${block.lead}${block.text}` : label;
}

/**
 * Flatten the report into outline rows, in reading order, for a virtualised list. Filters keep
 * the sections that lead to a match so every row keeps its context; a search or filter ignores
 * folding so nothing found is hidden.
 */
export function outlineRows(report: Report, options: OutlineOptions): OutlineRow[] {
  const query = options.query.trim().toLowerCase();
  const openingLabel = options.openingLabel ?? '开篇';
  const figures = new Map(report.figures.map((f) => [f.id, f.caption]));
  const statsByBlock = new Map<string, Stat[]>();
  for (const stat of report.stats) {
    const list = statsByBlock.get(stat.blockId);
    if (list) list.push(stat);
    else statsByBlock.set(stat.blockId, [stat]);
  }
  const matches = (text: string): boolean => query === '' || text.toLowerCase().includes(query);
  const wanted = (kind: OutlineRow['kind']): boolean => {
    switch (options.filter) {
      case 'all':
        return true;
      case 'stats':
        return kind === 'stat';
      case 'figures':
        return kind === 'figure' || kind === 'table';
    }
  };
  const narrowed = options.filter !== 'all' || query !== '';

  const walk = (section: Section, depth: number): OutlineRow[] => {
    const inner: OutlineRow[] = [];
    for (const block of section.blocks) {
      const label = blockLabel(block, figures);
      const stats = statsByBlock.get(block.id) ?? [];
      if (wanted(block.kind) && matches(blockText(block, label))) {
        inner.push({
          key: `block:${block.id}`,
          ref: { type: 'block', id: block.id },
          kind: block.kind,
          depth: depth + 1,
          label,
          ...(block.kind === 'point' && block.marker ? { prefix: block.marker } : {}),
          sectionId: section.id,
        });
      }
      for (const stat of stats) {
        if (!wanted('stat') || !matches(`${stat.text}${stat.label}${stat.qualifier ?? ''}`)) continue;
        // under the block when it is shown, one level in when the filter shows statistics alone
        inner.push({
          key: `stat:${stat.id}`,
          ref: { type: 'stat', id: stat.id },
          kind: 'stat',
          depth: depth + (options.filter === 'stats' ? 1 : 2),
          label: stat.label,
          prefix: stat.text,
          sectionId: section.id,
          stat: {
            kind: stat.kind,
            scope: stat.scope,
            ...(stat.measure ? { measure: stat.measure } : {}),
            ...(stat.qualifier ? { qualifier: stat.qualifier } : {}),
            ...(stat.unfit ? { unfit: stat.unfit } : {}),
          },
        });
      }
    }
    for (const child of section.sections) inner.push(...walk(child, depth + 1));
    const title = `${section.number ?? ''}${section.title}`;
    const selfMatches = options.filter === 'all' && query !== '' && matches(title);
    if (narrowed && inner.length === 0 && !selfMatches) return [];
    const row: OutlineRow = {
      key: `section:${section.id}`,
      ref: { type: 'section', id: section.id },
      kind: 'section',
      depth,
      // the opening words have no heading: the row says what they are
      label: section.title || (section.opening ? openingLabel : ''),
      ...(section.number ? { prefix: section.number } : {}),
      sectionId: section.id,
      hasChildren: section.blocks.length > 0 || section.sections.length > 0,
    };
    const folded = !narrowed && options.expanded[section.id] !== true;
    return folded ? [row] : [row, ...inner];
  };
  return report.sections.flatMap((s) => walk(s, 0));
}

export type PickState = 'all' | 'some' | 'none';

export interface PickStates {
  /** ref keys in the briefing */
  picked: ReadonlySet<string>;
  /** each section's checkbox: ticked, partly ticked, empty */
  sections: ReadonlyMap<string, PickState>;
}

/**
 * Every checkbox's state in one pass over the report (post-order), so a 5,000-block outline
 * costs one walk per briefing change, not one per row. A section counts itself, its blocks and
 * its subsections, as ticking it does.
 */
export function pickStates(report: Report, briefing: Briefing): PickStates {
  const picked = new Set(briefing.items.map((i) => refKey(i.ref)));
  const sections = new Map<string, PickState>();
  const walk = (section: Section): { total: number; on: number } => {
    let total = 1 + section.blocks.length;
    let on =
      (picked.has(`section:${section.id}`) ? 1 : 0) +
      section.blocks.filter((b) => picked.has(`block:${b.id}`)).length;
    for (const child of section.sections) {
      const c = walk(child);
      total += c.total;
      on += c.on;
    }
    sections.set(section.id, on === 0 ? 'none' : on === total ? 'all' : 'some');
    return { total, on };
  };
  report.sections.forEach(walk);
  return { picked, sections };
}

/** A text cut into runs, the statistics marked, for the selected block's full text. */
export function highlightStats(text: string, stats: readonly Stat[]): Array<{ text: string; stat?: Stat }> {
  const hits: Array<{ at: number; end: number; stat: Stat }> = [];
  let from = 0;
  // statistics come in sentence order; find each after the previous one so repeats land right
  for (const stat of stats) {
    if (!stat.text) continue;
    let at = text.indexOf(stat.text, from);
    if (at < 0) at = text.indexOf(stat.text);
    if (at < 0 || hits.some((h) => at < h.end && at + stat.text.length > h.at)) continue;
    hits.push({ at, end: at + stat.text.length, stat });
    from = at + stat.text.length;
  }
  hits.sort((a, b) => a.at - b.at);
  const runs: Array<{ text: string; stat?: Stat }> = [];
  let pos = 0;
  for (const h of hits) {
    if (h.at > pos) runs.push({ text: text.slice(pos, h.at) });
    runs.push({ text: text.slice(h.at, h.end), stat: h.stat });
    pos = h.end;
  }
  if (pos < text.length) runs.push({ text: text.slice(pos) });
  return runs;
}

/** What a key does in the outline tree (WAI-ARIA tree pattern): move focus, or fold/unfold a section. */
export type TreeMove = { focus: number } | { unfold: string } | { fold: string } | null;

/** The row's parent: the nearest row above it that is one level or more out. */
export function parentRow(rows: readonly OutlineRow[], index: number): number {
  const depth = rows[index]?.depth ?? 0;
  for (let i = index - 1; i >= 0; i--) if (rows[i]!.depth < depth) return i;
  return -1;
}

/**
 * The outline tree's keys: ↑/↓ the row above/below, Home/End the first/last, → unfolds a folded
 * section or moves to the first child, ← folds an open section or moves to the parent. A row
 * opens when its section is unfolded; a point with statistics under it is always open.
 */
export function treeKey(
  rows: readonly OutlineRow[],
  index: number,
  key: string,
  expanded: Readonly<Record<string, true>>,
): TreeMove {
  const row = rows[index];
  if (!row) return null;
  const hasShownChild = (rows[index + 1]?.depth ?? -1) > row.depth;
  switch (key) {
    case 'ArrowDown':
      return index + 1 < rows.length ? { focus: index + 1 } : null;
    case 'ArrowUp':
      return index > 0 ? { focus: index - 1 } : null;
    case 'Home':
      return { focus: 0 };
    case 'End':
      return { focus: rows.length - 1 };
    case 'ArrowRight':
      if (row.kind === 'section' && row.hasChildren && expanded[row.ref.id] !== true && !hasShownChild)
        return { unfold: row.ref.id };
      return hasShownChild ? { focus: index + 1 } : null;
    case 'ArrowLeft': {
      if (row.kind === 'section' && expanded[row.ref.id] === true && hasShownChild)
        return { fold: row.ref.id };
      const parent = parentRow(rows, index);
      return parent >= 0 ? { focus: parent } : null;
    }
    default:
      return null;
  }
}
