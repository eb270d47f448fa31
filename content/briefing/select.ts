import type { Briefing, BriefingItem, ItemRef } from '../model/briefing';
import type { Report, Section } from '../model/report';
import { indexReport, refKey, type ReportIndex } from './resolve';

/** A stable item id for a ref; `n` disambiguates items split from the same source. */
export const itemIdFor = (ref: ItemRef, n = 0): string => `i-${ref.type}-${ref.id}${n ? `-${n}` : ''}`;

/** The refs a section's checkbox stands for: the section, its blocks, and its subsections, in order. */
export function sectionRefs(section: Section): ItemRef[] {
  const refs: ItemRef[] = [{ type: 'section', id: section.id }];
  for (const block of section.blocks) refs.push({ type: 'block', id: block.id });
  for (const child of section.sections) refs.push(...sectionRefs(child));
  return refs;
}

/**
 * Add refs to the briefing, each placed after the last picked item that comes before it in
 * the report, so a fresh pick lands where a reader of the report would expect it.
 */
export function addRefs(
  briefing: Briefing,
  report: Report,
  refs: readonly ItemRef[],
  index: ReportIndex = indexReport(report),
): Briefing {
  const have = new Set(briefing.items.map((i) => refKey(i.ref)));
  const ids = new Set(briefing.items.map((i) => i.id));
  const orderOf = (ref: ItemRef, missing: number): number => index.order.get(refKey(ref)) ?? missing;
  const fresh: BriefingItem[] = [];
  for (const ref of refs) {
    const key = refKey(ref);
    if (have.has(key)) continue;
    have.add(key);
    const id = uniqueId(ids, ref);
    ids.add(id);
    fresh.push({ id, ref });
  }
  if (fresh.length === 0) return briefing;
  const items = [...briefing.items];
  const sorted = items.every((item, k) => k === 0 || orderOf(items[k - 1]!.ref, -1) <= orderOf(item.ref, -1));
  if (sorted) {
    // the usual case, a list in report order: one merge (a whole report's refs at once stays fast)
    const incoming = fresh
      .map((item, k) => ({ item, k, pos: orderOf(item.ref, Number.POSITIVE_INFINITY) }))
      .sort((a, b) => a.pos - b.pos || a.k - b.k);
    const out: BriefingItem[] = [];
    let e = 0;
    for (const { item, pos } of incoming) {
      while (e < items.length && orderOf(items[e]!.ref, -1) <= pos) out.push(items[e++]!);
      out.push(item);
    }
    while (e < items.length) out.push(items[e++]!);
    return { ...briefing, items: out };
  }
  // staff rearranged the list: each new item goes after the last one before it in the report
  for (const item of fresh) {
    const pos = orderOf(item.ref, Number.POSITIVE_INFINITY);
    let at = items.length;
    for (let k = items.length - 1; k >= 0; k--) {
      const other = items[k];
      if ((other ? orderOf(other.ref, -1) : -1) <= pos) {
        at = k + 1;
        break;
      }
      at = k;
    }
    items.splice(at, 0, item);
  }
  return { ...briefing, items };
}

/** Remove every item whose ref is in `refs`. */
export function removeRefs(briefing: Briefing, refs: readonly ItemRef[]): Briefing {
  const drop = new Set(refs.map(refKey));
  return { ...briefing, items: briefing.items.filter((i) => !drop.has(refKey(i.ref))) };
}

/** How much of a section is picked: drives the checkbox's ticked / partial / empty state. */
export function sectionPickState(briefing: Briefing, section: Section): 'all' | 'some' | 'none' {
  const have = new Set(briefing.items.map((i) => refKey(i.ref)));
  const refs = sectionRefs(section);
  const n = refs.filter((r) => have.has(refKey(r))).length;
  return n === 0 ? 'none' : n === refs.length ? 'all' : 'some';
}

/** Tick or untick a section with everything under it. */
export function toggleSection(briefing: Briefing, report: Report, sectionId: string, on: boolean): Briefing {
  const index = indexReport(report);
  const section = index.sections.get(sectionId);
  if (!section) return briefing;
  const refs = sectionRefs(section);
  return on ? addRefs(briefing, report, refs, index) : removeRefs(briefing, refs);
}

/**
 * The default pick when nothing is chosen: every top-level section with its points (and its
 * pictures and tables). A section with no point anywhere under it, such as a 前言, brings its
 * paragraphs instead, so it does not stand in the brief as a bare heading.
 */
export function draftItems(report: Report): BriefingItem[] {
  const refs: ItemRef[] = [];
  const hasPoint = (s: Section): boolean =>
    s.blocks.some((b) => b.kind === 'point') || s.sections.some(hasPoint);
  // a newspaper photo caption whose picture did not survive the paste is no figure for a draft:
  // it would stand in the brief as 「图1」 over nothing (staff can still pick it by hand)
  const pictured = new Set(report.figures.filter((f) => f.kind === 'table' || f.assetId).map((f) => f.id));
  const walk = (s: Section): void => {
    refs.push({ type: 'section', id: s.id });
    const withParagraphs = !hasPoint(s);
    for (const block of s.blocks)
      if (
        block.kind === 'point' ||
        (block.kind === 'figure' && pictured.has(block.figureId)) ||
        block.kind === 'table' ||
        (withParagraphs && block.kind === 'paragraph')
      )
        refs.push({ type: 'block', id: block.id });
    s.sections.forEach(walk);
  };
  report.sections.forEach(walk);
  // each section and block is visited once, so its plain id is already unique
  return refs.map((ref) => ({ id: itemIdFor(ref), ref }));
}

/**
 * The default pick of a Word brief: the whole report. Every section with every paragraph, point,
 * table and picture in report order, so a brief drafted from it holds the report's full text and
 * nothing vanishes silently. A newspaper caption whose picture did not survive the paste is left
 * out for the reason `draftItems` gives (staff can still pick it).
 */
export function briefDraftItems(report: Report): BriefingItem[] {
  const pictured = new Set(report.figures.filter((f) => f.kind === 'table' || f.assetId).map((f) => f.id));
  const refs: ItemRef[] = [];
  const walk = (s: Section): void => {
    refs.push({ type: 'section', id: s.id });
    for (const block of s.blocks)
      if (block.kind !== 'figure' || pictured.has(block.figureId)) refs.push({ type: 'block', id: block.id });
    s.sections.forEach(walk);
  };
  report.sections.forEach(walk);
  return refs.map((ref) => ({ id: itemIdFor(ref), ref }));
}

function uniqueId(ids: ReadonlySet<string>, ref: ItemRef): string {
  let n = 0;
  while (ids.has(itemIdFor(ref, n))) n++;
  return itemIdFor(ref, n);
}
