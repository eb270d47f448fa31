import type {
  BriefFields,
  Briefing,
  BriefingItem,
  BriefStyle,
  ItemRef,
  Logo,
  OfficeTemplate,
  Output,
  SlideLayout,
} from '../model/briefing';
import { OFFICE_BODY_TEMPLATE } from '../model/values';
import type { Report } from '../model/report';
import { indexReport, refKey, resolveItem, type ReportIndex, type ResolvedItem } from './resolve';
import { addRefs, briefDraftItems, draftItems, itemIdFor } from './select';
import { briefingFor } from './lists';
import { pickKeyStats, sectionSeries } from '../compose/deck-stats';
import { markShown } from '../stats/series';

/**
 * The staff's edits to a briefing, as pure functions: briefing in, briefing out. The report is
 * never touched; text edits are overrides on the item, so 「恢复原文」 is dropping them.
 */

const indexCache = new WeakMap<Report, ReportIndex>();

/** The report's lookup tables, built once per report object (reports are immutable here). */
export function reportIndex(report: Report): ReportIndex {
  let index = indexCache.get(report);
  if (!index) {
    index = indexReport(report);
    indexCache.set(report, index);
  }
  return index;
}

const withItems = (briefing: Briefing, items: BriefingItem[]): Briefing => ({ ...briefing, items });

function updateItem(
  briefing: Briefing,
  itemId: string,
  change: (item: BriefingItem) => BriefingItem,
): Briefing {
  const at = briefing.items.findIndex((i) => i.id === itemId);
  const item = briefing.items[at];
  if (!item) return briefing;
  const next = change(item);
  if (next === item) return briefing;
  const items = [...briefing.items];
  items[at] = next;
  return withItems(briefing, items);
}

/** Drop a key from an item (exactOptionalPropertyTypes-friendly: absent, not undefined). */
function without<K extends keyof BriefingItem>(item: BriefingItem, ...keys: K[]): BriefingItem {
  const copy = { ...item };
  for (const k of keys) delete copy[k];
  return copy;
}

// ---- order ----

/** Move an item to a position (clamped), as a drag-and-drop does. */
export function moveItem(briefing: Briefing, itemId: string, toIndex: number): Briefing {
  const from = briefing.items.findIndex((i) => i.id === itemId);
  if (from < 0) return briefing;
  const to = Math.max(0, Math.min(briefing.items.length - 1, toIndex));
  if (to === from) return briefing;
  const items = [...briefing.items];
  const [item] = items.splice(from, 1);
  if (item) items.splice(to, 0, item);
  return withItems(briefing, items);
}

/** Move an item up (-1) or down (+1), as Alt+↑/↓ does. */
export function moveItemBy(briefing: Briefing, itemId: string, delta: number): Briefing {
  const from = briefing.items.findIndex((i) => i.id === itemId);
  return from < 0 ? briefing : moveItem(briefing, itemId, from + delta);
}

/** Put the dragged item where the item it was dropped on is. */
export function reorderItem(briefing: Briefing, activeId: string, overId: string): Briefing {
  const to = briefing.items.findIndex((i) => i.id === overId);
  return to < 0 ? briefing : moveItem(briefing, activeId, to);
}

export function removeItems(briefing: Briefing, itemIds: readonly string[]): Briefing {
  const drop = new Set(itemIds);
  const items = briefing.items.filter((i) => !drop.has(i.id));
  return items.length === briefing.items.length ? briefing : withItems(briefing, items);
}

// ---- text overrides ----

/** The item as the report has it, without the staff's text overrides. */
export function sourceOf(report: Report, item: BriefingItem): ResolvedItem | null {
  return resolveItem(reportIndex(report), without(item, 'title', 'text', 'level'));
}

/** The title an item shows: what the title override replaces for this kind of item. */
export function itemTitle(r: ResolvedItem): string {
  switch (r.kind) {
    case 'heading':
      return r.title;
    case 'point':
      return r.lead;
    case 'paragraph':
      return '';
    case 'figure':
      return r.caption;
    case 'stat':
      return r.label;
  }
}

function sourceText(r: ResolvedItem): string {
  return r.kind === 'point' || r.kind === 'paragraph' ? r.text : '';
}

/** Which of an item's fields staff may edit: a heading or caption has a title only, a paragraph text only. */
export function editableFields(r: ResolvedItem): { title: boolean; text: boolean } {
  switch (r.kind) {
    case 'heading':
    case 'figure':
    case 'stat':
      return { title: true, text: false };
    case 'point':
      return { title: true, text: true };
    case 'paragraph':
      return { title: false, text: true };
  }
}

/**
 * Set an item's title override. Typing the source's own words back drops the override, so an
 * item only shows as edited while it differs from the report.
 */
export function setItemTitle(briefing: Briefing, report: Report, itemId: string, title: string): Briefing {
  return updateItem(briefing, itemId, (item) => {
    const source = sourceOf(report, item);
    if (!source || !editableFields(source).title) return item;
    if (title === itemTitle(source)) return item.title === undefined ? item : without(item, 'title');
    return item.title === title ? item : { ...item, title };
  });
}

/** Set an item's text override; the source's own text drops it. */
export function setItemText(briefing: Briefing, report: Report, itemId: string, text: string): Briefing {
  return updateItem(briefing, itemId, (item) => {
    const source = sourceOf(report, item);
    if (!source || !editableFields(source).text) return item;
    // a split part is never "the source" again: its text is a piece of the source
    if (text === sourceText(source) && !isSplitPart(briefing, item))
      return item.text === undefined ? item : without(item, 'text');
    return item.text === text ? item : { ...item, text };
  });
}

export const isOverridden = (item: BriefingItem): boolean =>
  item.title !== undefined || item.text !== undefined || item.level !== undefined;

/** 「恢复原文」: the item shows the report's words again. */
export function restoreItem(briefing: Briefing, itemId: string): Briefing {
  return updateItem(briefing, itemId, (item) =>
    isOverridden(item) ? without(item, 'title', 'text', 'level') : item,
  );
}

/** Set (or with undefined, clear) the slide layout an item asks for. */
export function setItemLayout(briefing: Briefing, itemId: string, layout: SlideLayout | undefined): Briefing {
  return updateItem(briefing, itemId, (item) => {
    if (item.layout === layout) return item;
    return layout === undefined ? without(item, 'layout') : { ...item, layout };
  });
}

/** Set (or clear) how an item is set in a Word brief. */
export function setItemStyle(briefing: Briefing, itemId: string, style: BriefStyle | undefined): Briefing {
  return updateItem(briefing, itemId, (item) => {
    if (item.style === style) return item;
    return style === undefined ? without(item, 'style') : { ...item, style };
  });
}

// ---- split and merge ----

function isSplitPart(briefing: Briefing, item: BriefingItem): boolean {
  const key = refKey(item.ref);
  return briefing.items.some((other) => other !== item && refKey(other.ref) === key);
}

function resolved(report: Report, item: BriefingItem): ResolvedItem | null {
  return resolveItem(reportIndex(report), item);
}

/** A split needs text on both sides of the cut. */
export function canSplit(report: Report, item: BriefingItem, at: number): boolean {
  const r = resolved(report, item);
  if (!r || (r.kind !== 'point' && r.kind !== 'paragraph')) return false;
  return at > 0 && at < r.text.length && r.text.slice(0, at).trim() !== '' && r.text.slice(at).trim() !== '';
}

/** Continuation mark for the second half of a split point (the same words a continued slide uses). */
export const CONTINUED_MARK = '（续）';

/**
 * Split a point or paragraph at a character offset of its text into two items that point at
 * the same report block. The second half of a point keeps the lead-in, marked （续）.
 */
export function splitItem(briefing: Briefing, report: Report, itemId: string, at: number): Briefing {
  const index = briefing.items.findIndex((i) => i.id === itemId);
  const item = briefing.items[index];
  if (!item || !canSplit(report, item, at)) return briefing;
  const r = resolved(report, item);
  if (!r || (r.kind !== 'point' && r.kind !== 'paragraph')) return briefing;
  const first: BriefingItem = { ...item, text: r.text.slice(0, at).trimEnd() };
  const ids = new Set(briefing.items.map((i) => i.id));
  let n = 1;
  while (ids.has(itemIdFor(item.ref, n))) n++;
  const second: BriefingItem = {
    id: itemIdFor(item.ref, n),
    ref: item.ref,
    text: r.text.slice(at).trimStart(),
    ...(r.kind === 'point'
      ? { title: r.lead.endsWith(CONTINUED_MARK) ? r.lead : `${r.lead}${CONTINUED_MARK}` }
      : {}),
    ...(item.layout ? { layout: item.layout } : {}),
    ...(item.style ? { style: item.style } : {}),
  };
  const items = [...briefing.items];
  items.splice(index, 1, first, second);
  return withItems(briefing, items);
}

/** Merging joins an item with the one after it; both must be points or paragraphs. */
export function canMergeWithNext(briefing: Briefing, report: Report, itemId: string): boolean {
  const at = briefing.items.findIndex((i) => i.id === itemId);
  const a = briefing.items[at];
  const b = briefing.items[at + 1];
  if (!a || !b) return false;
  const ra = resolved(report, a);
  const rb = resolved(report, b);
  const texty = (r: ResolvedItem | null): boolean => r?.kind === 'point' || r?.kind === 'paragraph';
  return texty(ra) && texty(rb);
}

/**
 * Merge an item with the next one: the next item's words are appended to this one's text and
 * the next item is removed. Two halves of one split join back exactly (the override drops when
 * the text is the source's again).
 */
export function mergeWithNext(briefing: Briefing, report: Report, itemId: string): Briefing {
  if (!canMergeWithNext(briefing, report, itemId)) return briefing;
  const at = briefing.items.findIndex((i) => i.id === itemId);
  const a = briefing.items[at]!;
  const b = briefing.items[at + 1]!;
  const ra = resolved(report, a) as Extract<ResolvedItem, { kind: 'point' | 'paragraph' }>;
  const rb = resolved(report, b) as Extract<ResolvedItem, { kind: 'point' | 'paragraph' }>;
  const sameSource = refKey(a.ref) === refKey(b.ref);
  const tail = rb.kind === 'point' && !sameSource ? `${rb.lead}。${rb.text}` : rb.text;
  const items = briefing.items.filter((i) => i.id !== b.id);
  const merged = withItems(briefing, items);
  return setItemText(merged, report, a.id, `${ra.text}${tail}`);
}

// ---- whole-briefing edits ----

export function setOutput(briefing: Briefing, output: Output): Briefing {
  // each output keeps its own list: switching shows the other one and keeps this one aside
  return briefingFor(briefing, output);
}

/** Choose a built-in or user template; for a brief this also leaves the office's own template. */
export function setTemplate(briefing: Briefing, output: Output, templateId: string): Briefing {
  if (output === 'deck')
    return briefing.deckTemplate === templateId ? briefing : { ...briefing, deckTemplate: templateId };
  if (briefing.briefTemplate === templateId && !briefing.officeTemplate) return briefing;
  const { officeTemplate: _left, ...rest } = briefing;
  return { ...rest, briefTemplate: templateId };
}

/**
 * Use the office's own Word template for the brief. Its body is set in the official 公文 format,
 * as the command line's `--template PATH.docx` does, so the preview can show what the export makes.
 */
export function setOfficeTemplate(briefing: Briefing, template: OfficeTemplate): Briefing {
  const same =
    briefing.officeTemplate?.name === template.name &&
    briefing.officeTemplate.data === template.data &&
    briefing.briefTemplate === OFFICE_BODY_TEMPLATE;
  return same ? briefing : { ...briefing, officeTemplate: template, briefTemplate: OFFICE_BODY_TEMPLATE };
}

/** Set the organisation's logo, or remove it (undefined). */
export function setLogo(briefing: Briefing, logo: Logo | undefined): Briefing {
  if (!logo) {
    if (!briefing.logo) return briefing;
    const { logo: _removed, ...rest } = briefing;
    return rest;
  }
  const same = briefing.logo?.data === logo.data && briefing.logo.name === logo.name;
  return same ? briefing : { ...briefing, logo };
}

export function setFields(briefing: Briefing, patch: Partial<BriefFields>): Briefing {
  const changed = (Object.keys(patch) as (keyof BriefFields)[]).some((k) => briefing.fields[k] !== patch[k]);
  return changed ? { ...briefing, fields: { ...briefing.fields, ...patch } } : briefing;
}

/** How many statistics an auto-drafted deck shows per top-level section (one 数说 slide). */
export const DRAFT_STATS_PER_SECTION = 4;

/**
 * 一键生成初稿: a fresh pick for the chosen output, keeping the template choice and brief fields.
 * Both outputs get every top-level section with its subsections, points and figures; a deck also
 * gets each top-level section's key statistics for its 数说 slide (the ones a leader reads first,
 * never an unfit one nor one enterprise's), and where the section's statistics make a comparable
 * series, those as a chart. No statistic is picked twice.
 */
export function draftBriefing(report: Report, briefing: Briefing, output: Output): Briefing {
  // the draft replaces the list of its own output only; the other output's list is kept. A brief
  // keeps the full text of what it includes, a deck what fits its slides
  let draft: Briefing = {
    ...briefingFor(briefing, output),
    items: output === 'deck' ? draftItems(report) : briefDraftItems(report),
  };
  if (output !== 'deck') return draft;
  const shown = new Set<string>();
  const cards: ItemRef[] = [];
  const charted = new Set<string>();
  for (const section of report.sections) {
    const series = sectionSeries(report, section, shown);
    for (const s of series?.stats ?? []) {
      markShown(shown, s);
      charted.add(s.id);
    }
    for (const s of pickKeyStats(report, section, new Set(), DRAFT_STATS_PER_SECTION, shown)) {
      markShown(shown, s);
      cards.push({ type: 'stat', id: s.id });
    }
  }
  const refs: ItemRef[] = [...cards, ...[...charted].map((id) => ({ type: 'stat' as const, id }))];
  draft = addRefs(draft, report, refs, reportIndex(report));
  // the series' statistics are drawn together as one chart
  return {
    ...draft,
    items: draft.items.map((i) =>
      i.ref.type === 'stat' && charted.has(i.ref.id) ? { ...i, layout: 'chart' } : i,
    ),
  };
}
