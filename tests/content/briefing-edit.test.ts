import { describe, expect, it } from 'vitest';
import {
  canMergeWithNext,
  canSplit,
  draftBriefing,
  isOverridden,
  mergeWithNext,
  moveItem,
  moveItemBy,
  removeItems,
  reorderItem,
  restoreItem,
  setFields,
  setItemLayout,
  setItemStyle,
  setItemText,
  setItemTitle,
  setOutput,
  setTemplate,
  splitItem,
} from '../../content/briefing/edit';
import { indexReport, resolveItems } from '../../content/briefing/resolve';
import { toggleSection } from '../../content/briefing/select';
import { composeDeck } from '../../content/compose/deck';
import { composeDoc } from '../../content/compose/doc';
import { emptyBriefing, type Briefing } from '../../content/model/briefing';
import type { Block } from '../../content/model/report';
import { sampleReport } from '../../content/sample';
import { builtinRegistry } from '../../templates/registry';

const report = sampleReport();
const economy = report.sections.find((s) => s.title === '稳住经济运行基本盘')!;
const picked: Briefing = toggleSection(emptyBriefing(), report, economy.id, true);
const ids = (b: Briefing): string[] => b.items.map((i) => i.id);
const index = indexReport(report);
const blockOf = (id: string): Block | undefined => index.blocks.get(id)?.block;
// the first point that another point follows directly, so merging has a partner
const pointItem = picked.items.find((i, k) => {
  const next = picked.items[k + 1];
  return blockOf(i.ref.id)?.kind === 'point' && next !== undefined && blockOf(next.ref.id)?.kind === 'point';
})!;
const pointBlock = blockOf(pointItem.ref.id) as Extract<Block, { kind: 'point' }>;

describe('reordering a briefing', () => {
  it('moves an item to a new position and keeps the others in order', () => {
    const [a, b, c] = ids(picked);
    const moved = moveItem(picked, a!, 2);
    expect(ids(moved).slice(0, 3)).toEqual([b, c, a]);
    expect(ids(moved)).toHaveLength(picked.items.length);
  });

  it('moves by one with Alt+arrow semantics and stops at either end', () => {
    const first = picked.items[0]!.id;
    const last = picked.items.at(-1)!.id;
    expect(moveItemBy(picked, first, -1)).toBe(picked);
    expect(moveItemBy(picked, last, +1)).toBe(picked);
    expect(ids(moveItemBy(picked, first, +1))[1]).toBe(first);
  });

  it('drops a dragged item where the target item was', () => {
    const [a, b, c, d] = ids(picked);
    expect(ids(reorderItem(picked, d!, b!)).slice(0, 4)).toEqual([a, d, b, c]);
    expect(ids(reorderItem(picked, a!, c!)).slice(0, 3)).toEqual([b, c, a]);
  });

  it('removes items', () => {
    const gone = removeItems(picked, [pointItem.id]);
    expect(ids(gone)).not.toContain(pointItem.id);
    expect(gone.items).toHaveLength(picked.items.length - 1);
  });
});

describe('text overrides', () => {
  it('stores a retitled point as an override and leaves the report untouched', () => {
    const before = JSON.stringify(report);
    const edited = setItemTitle(picked, report, pointItem.id, '稳经济');
    const item = edited.items.find((i) => i.id === pointItem.id)!;
    expect(item.title).toBe('稳经济');
    expect(JSON.stringify(report)).toBe(before);
    const r = resolveItems(report, edited.items).find((x) => x.item.id === pointItem.id);
    expect(r).toMatchObject({ kind: 'point', lead: '稳经济', text: pointBlock.text });
  });

  it('drops the override when staff type the original words back', () => {
    const edited = setItemTitle(picked, report, pointItem.id, '稳经济');
    const back = setItemTitle(edited, report, pointItem.id, pointBlock.lead);
    expect(isOverridden(back.items.find((i) => i.id === pointItem.id)!)).toBe(false);
  });

  it('「恢复原文」 resets title and text but keeps the layout', () => {
    let b = setItemTitle(picked, report, pointItem.id, '新标题');
    b = setItemText(b, report, pointItem.id, '新的正文。');
    b = setItemLayout(b, pointItem.id, 'quote');
    const restored = restoreItem(b, pointItem.id).items.find((i) => i.id === pointItem.id)!;
    expect(restored.title).toBeUndefined();
    expect(restored.text).toBeUndefined();
    expect(restored.layout).toBe('quote');
  });

  it('does not give a section heading a body text', () => {
    const heading = picked.items[0]!;
    expect(setItemText(picked, report, heading.id, '正文')).toBe(picked);
  });

  it('shows an edited title in the composed deck and brief', () => {
    const edited = setItemTitle(picked, report, picked.items[0]!.id, '稳字当头');
    const deck = composeDeck(report, edited, builtinRegistry().get('deck', 'plain'));
    expect(deck.slides.some((s) => s.title === '稳字当头')).toBe(true);
    const doc = composeDoc(report, edited);
    expect(doc.blocks.some((b) => b.kind === 'heading' && b.text === '稳字当头')).toBe(true);
  });
});

describe('layout and style per item', () => {
  it('sets and clears a slide layout and a brief style', () => {
    let b = setItemLayout(picked, pointItem.id, 'quote');
    expect(b.items.find((i) => i.id === pointItem.id)!.layout).toBe('quote');
    b = setItemLayout(b, pointItem.id, undefined);
    expect('layout' in b.items.find((i) => i.id === pointItem.id)!).toBe(false);
    b = setItemStyle(b, pointItem.id, 'paragraph');
    expect(composeDoc(report, b).blocks.find((x) => x.itemId === pointItem.id)?.kind).toBe('paragraph');
  });
});

describe('split and merge', () => {
  it('splits a point at the caret into two items on the same block, the second marked （续）', () => {
    const at = 10;
    expect(canSplit(report, pointItem, at)).toBe(true);
    const split = splitItem(picked, report, pointItem.id, at);
    expect(split.items).toHaveLength(picked.items.length + 1);
    const i = split.items.findIndex((x) => x.id === pointItem.id);
    const [first, second] = [split.items[i]!, split.items[i + 1]!];
    expect(second.ref).toEqual(pointItem.ref);
    expect(second.id).not.toBe(first.id);
    expect(first.text).toBe(pointBlock.text.slice(0, at));
    expect(second.text).toBe(pointBlock.text.slice(at));
    expect(second.title).toBe(`${pointBlock.lead}（续）`);
  });

  it('refuses to split at either end or a heading', () => {
    expect(canSplit(report, pointItem, 0)).toBe(false);
    expect(canSplit(report, pointItem, pointBlock.text.length)).toBe(false);
    expect(canSplit(report, picked.items[0]!, 3)).toBe(false);
    expect(splitItem(picked, report, picked.items[0]!.id, 3)).toBe(picked);
  });

  it('merging the two halves of a split gives back the original item', () => {
    const split = splitItem(picked, report, pointItem.id, 12);
    const merged = mergeWithNext(split, report, pointItem.id);
    expect(merged.items).toHaveLength(picked.items.length);
    const item = merged.items.find((i) => i.id === pointItem.id)!;
    expect(isOverridden(item)).toBe(false);
  });

  it('merges two different points into one text, the second lead kept as a sentence', () => {
    const at = picked.items.findIndex((i) => i.id === pointItem.id);
    const next = picked.items[at + 1]!;
    const nextBlock = blockOf(next.ref.id) as Extract<Block, { kind: 'point' }>;
    expect(canMergeWithNext(picked, report, pointItem.id)).toBe(true);
    const merged = mergeWithNext(picked, report, pointItem.id);
    expect(merged.items.map((i) => i.id)).not.toContain(next.id);
    expect(merged.items.find((i) => i.id === pointItem.id)!.text).toBe(
      `${pointBlock.text}${nextBlock.lead}。${nextBlock.text}`,
    );
  });

  it('does not merge a heading', () => {
    expect(canMergeWithNext(picked, report, picked.items[0]!.id)).toBe(false);
  });
});

describe('whole-briefing edits', () => {
  it('switches output and templates per output, and edits brief fields', () => {
    let b = setOutput(picked, 'brief');
    b = setTemplate(b, 'brief', 'gbt9704');
    b = setTemplate(b, 'deck', 'gov-red');
    b = setFields(b, { unit: '区政府办公室', issueNo: '12' });
    expect(b).toMatchObject({ output: 'brief', briefTemplate: 'gbt9704', deckTemplate: 'gov-red' });
    expect(b.fields).toMatchObject({ unit: '区政府办公室', issueNo: '12', title: '' });
    expect(setFields(b, { unit: '区政府办公室' })).toBe(b);
  });

  it('auto-drafts every top-level section with its points, and a deck adds key figures per section', () => {
    const brief = draftBriefing(report, picked, 'brief');
    const sectionItems = brief.items.filter((i) => i.ref.type === 'section').map((i) => i.ref.id);
    for (const s of report.sections) expect(sectionItems).toContain(s.id);
    expect(brief.items.some((i) => i.ref.type === 'stat')).toBe(false);

    const deck = draftBriefing(report, picked, 'deck');
    expect(deck.output).toBe('deck');
    const statItems = deck.items.filter((i) => i.ref.type === 'stat');
    expect(statItems.length).toBeGreaterThan(0);
    const composed = composeDeck(report, deck, builtinRegistry().get('deck', 'plain'));
    expect(composed.slides.some((s) => s.layout === 'figures')).toBe(true);
    // stats keep report order: each one follows the point it was measured in
    const order = deck.items.map((i) => i.id);
    expect(new Set(order).size).toBe(order.length);
  });
});
