import type {
  BlockRole,
  Decisions,
  RawBlock,
  RawHints,
  Repair,
  RepairKind,
  SourceRef,
} from '../model/report';
import { findBreakRepairs } from './breaks';
import { findFurniture } from './furniture';
import { repairId } from './ids';
import { findLeftovers } from './leftovers';
import { PairCounts } from './pairs';
import { joinText, tidyNumberSpacing } from './text-rules';
import { findWraps, isFullLine, measureLayout } from './wraps';

/**
 * Repair of the source text as it arrives: copied out of a PDF, pasted from a newspaper page, a
 * WeChat article or a government website. In the order they are found:
 * 1. what is not the report's text is dropped: web leftovers and bylines (leftovers.ts), then
 *    page numbers, running headers and stray marks (furniture.ts);
 * 2. the lines of each hard-wrapped paragraph are read back as one (wraps.ts), across the
 *    furniture just dropped;
 * 3. paragraphs cut by a page or column break are joined, repeated fragments dropped and orphan
 *    fragments read into the paragraph they finish (breaks.ts).
 *
 * Suggestions are found from the raw blocks alone; whether each is applied is the staff's
 * decision (applied unless they undo it). So analysis stays a pure function of (raw, decisions),
 * and every repair id is built from raw block ids, so a decision survives re-analysis.
 */

export type TextBlock = Extract<RawBlock, { type: 'text' }>;

/** A repair as found, before the staff's decision says whether it is applied. */
export type Suggestion = Omit<Repair, 'applied'>;

/** A text block after repairs: one or more raw blocks read as one paragraph, under the first one's id. */
export interface RepairedText {
  type: 'text';
  id: string;
  text: string;
  hints?: RawHints;
  src?: SourceRef;
  /** raw block ids whose text this block holds, in reading order */
  parts: string[];
}
export type RepairedBlock = RepairedText | Exclude<RawBlock, { type: 'text' }>;

/** What applying a repair does to the raw blocks it lists. */
type Effect = 'link' | 'drop-rest' | 'drop' | 'none';

function effectOf(kind: RepairKind): Effect {
  switch (kind) {
    case 'joined':
    case 'orphan':
    case 'wrapped':
      // each listed block reads on into the next one listed
      return 'link';
    case 'duplicate':
      // the first is kept, the rest repeat it
      return 'drop-rest';
    case 'page-number':
    case 'running-header':
    case 'stray-mark':
    case 'web-leftover':
    case 'byline':
      return 'drop';
    case 'unreadable':
      // already done as the text was read: listed, nothing more to do
      return 'none';
  }
}

/**
 * Find the repairs a source text needs. Pure and deterministic: the same raw blocks always give
 * the same suggestions with the same ids.
 */
export function findRepairs(
  raw: readonly RawBlock[],
  roles: Readonly<Record<string, BlockRole>> = {},
): Suggestion[] {
  // a block staff have classified is content as they say: never dropped. One they call a heading
  // or a caption is no paragraph to repair either.
  const repairable = (b: RawBlock | undefined): b is TextBlock =>
    !!b && b.type === 'text' && roles[b.id] !== 'heading' && roles[b.id] !== 'caption';
  const droppable = (b: RawBlock | undefined): b is TextBlock => !!b && b.type === 'text' && !roles[b.id];

  const leftovers = findLeftovers(raw, droppable);
  const removed = new Set(leftovers.flatMap((r) => r.blockIds));
  const furniture = findFurniture(raw, (b): b is TextBlock => droppable(b) && !removed.has(b.id));
  for (const r of furniture) for (const id of r.blockIds) removed.add(id);

  const at = new Map(raw.map((b, i) => [b.id, i]));
  const lines = raw.filter((b): b is TextBlock => repairable(b) && !removed.has(b.id));
  const lineTexts = lines.map((b) => b.text);
  const linePairs = new PairCounts(lineTexts);
  const layout = measureLayout(lines);
  const between = (head: TextBlock, next: TextBlock): 'nothing' | 'furniture' | 'block' => {
    let seen: 'nothing' | 'furniture' = 'nothing';
    for (let k = (at.get(head.id) ?? 0) + 1; k < (at.get(next.id) ?? 0); k++) {
      if (!removed.has(raw[k]?.id ?? '')) return 'block';
      seen = 'furniture';
    }
    return seen;
  };
  const wraps = findWraps(lines, layout, linePairs, between);

  // paragraphs: the raw sequence with each wrapped run read as one block under its first line's id
  const runOf = new Map<string, string[]>();
  for (const w of wraps) for (const id of w.blockIds) runOf.set(id, w.blockIds);
  const paragraphs: RawBlock[] = [];
  const partsOf = new Map<string, string[]>();
  const ended = new Set<string>();
  for (const b of raw) {
    if (removed.has(b.id)) continue;
    const run = runOf.get(b.id);
    if (b.type !== 'text' || !run) {
      paragraphs.push(b);
      // on a page wrapped at a width, a paragraph whose last line stops short has ended there
      if (b.type === 'text' && layout.width !== null && !isFullLine(b.text, layout)) ended.add(b.id);
      continue;
    }
    if (run[0] !== b.id) continue;
    const texts = run.map((id) => (raw[at.get(id) ?? -1] as TextBlock).text);
    paragraphs.push({ ...b, text: texts.reduce((t, part) => joinText(t, part)) });
    partsOf.set(b.id, run);
    if (layout.width !== null && !isFullLine(texts[texts.length - 1] ?? '', layout)) ended.add(b.id);
  }
  const paragraphPairs =
    wraps.length > 0
      ? new PairCounts(paragraphs.flatMap((b) => (b.type === 'text' ? [b.text] : [])))
      : linePairs;
  const lastOf = (id: string): string => partsOf.get(id)?.at(-1) ?? id;
  const rawIds = (id: string): string[] => partsOf.get(id) ?? [id];
  const breaks = findBreakRepairs(paragraphs, repairable, paragraphPairs, ended).map((r): Suggestion => {
    const [a = '', b = ''] = r.blockIds;
    const blockIds = r.kind === 'duplicate' ? [lastOf(a), ...rawIds(b)] : [lastOf(a), b];
    return { ...r, id: repairId(r.kind, blockIds), blockIds };
  });

  const order = (r: Suggestion): number => at.get(r.blockIds[1] ?? r.blockIds[0] ?? '') ?? 0;
  return [...leftovers, ...furniture, ...wraps, ...breaks, ...unreadableRepairs(raw)].sort(
    (a, b) => order(a) - order(b),
  );
}

/**
 * What the importer could not read, one repair per block and kind: already done (bytes marked �,
 * a line read as GB18030, a linked picture skipped) and listed so that nothing is lost silently.
 */
function unreadableRepairs(raw: readonly RawBlock[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const b of raw)
    for (const u of (b.type === 'text' || b.type === 'image' ? b.unreadable : undefined) ?? [])
      out.push({
        id: `${repairId('unreadable', [b.id])}-${u.how}`,
        kind: 'unreadable',
        blockIds: [b.id],
        before: u.before,
        after: u.after,
      });
  return out;
}

/**
 * Apply the repairs the staff keep: read wrapped lines, joined and orphan fragments into the
 * paragraph they belong to; drop duplicates, furniture and leftovers. Each resulting block keeps
 * its first raw block's id.
 */
export function applyRepairs(
  raw: readonly RawBlock[],
  suggestions: readonly Suggestion[],
  decisions: Decisions,
): { blocks: RepairedBlock[]; repairs: Repair[] } {
  // what could not be read has no other reading to go back to: always as done
  const repairs: Repair[] = suggestions.map((r) => ({
    ...r,
    applied: r.kind === 'unreadable' || (decisions.repairs[r.id] ?? true),
  }));
  const dropped = new Set<string>();
  const next = new Map<string, string>();
  const continued = new Set<string>();
  for (const r of repairs) {
    if (!r.applied) continue;
    const ids = r.blockIds;
    switch (effectOf(r.kind)) {
      case 'link':
        for (let k = 1; k < ids.length; k++) {
          const a = ids[k - 1];
          const b = ids[k];
          if (a === undefined || b === undefined) continue;
          next.set(a, b);
          continued.add(b);
        }
        break;
      case 'drop-rest':
        for (const id of ids.slice(1)) dropped.add(id);
        break;
      case 'drop':
        for (const id of ids) dropped.add(id);
        break;
      case 'none':
        break;
    }
  }
  const byId = new Map(raw.map((b) => [b.id, b]));
  const blocks: RepairedBlock[] = [];
  for (const b of raw) {
    if (dropped.has(b.id) || continued.has(b.id)) continue;
    if (b.type !== 'text') {
      blocks.push(b);
      continue;
    }
    let text = b.text;
    const parts = [b.id];
    const seen = new Set(parts);
    for (let id = next.get(b.id); id !== undefined && !seen.has(id); id = next.get(id)) {
      seen.add(id);
      const part = byId.get(id);
      if (!part || part.type !== 'text') break;
      // a dropped block inside a chain (a repeat staff kept dropped) gives no text but passes the chain on
      if (dropped.has(id)) continue;
      text = joinText(text, part.text);
      parts.push(id);
    }
    const out: RepairedText = { type: 'text', id: b.id, text: tidyNumberSpacing(text), parts };
    if (b.hints) out.hints = b.hints;
    if (b.src) out.src = b.src;
    blocks.push(out);
  }
  return { blocks, repairs };
}
