import type { Briefing } from '../../content/model/briefing';
import type { Report, Section } from '../../content/model/report';
import { editableFields, itemTitle, setItemText, setItemTitle } from '../../content/briefing/edit';
import { resolveCached } from '../briefing-view';

/** How a search reads its words: whole-word off by default (Chinese has no spaces to count words by). */
export interface FindOptions {
  wholeWord: boolean;
  matchCase: boolean;
}

export const DEFAULT_FIND: FindOptions = { wholeWord: false, matchCase: false };

/** One place the words occur in the briefing: an item's title or text, from `start` to `end`. */
export interface BriefingMatch {
  itemId: string;
  field: 'title' | 'text';
  start: number;
  end: number;
  context: MatchContext;
}

/** The words around a match, to read it in place. */
export interface MatchContext {
  before: string;
  hit: string;
  after: string;
}

function around(text: string, start: number, end: number): MatchContext {
  const from = Math.max(0, start - 20);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start),
    hit: text.slice(start, end),
    after: text.slice(end, end + 30) + (end + 30 < text.length ? '…' : ''),
  };
}

/** One place the words occur in the report: the outline row that holds them. */
export interface ReportMatch {
  /** the outline row's key: `section:<id>` or `block:<id>` */
  rowKey: string;
  /** the section the row sits in, with the sections above it, to unfold */
  sectionIds: string[];
  start: number;
  end: number;
  context: MatchContext;
}

// a Latin letter or digit: whole-word matching only means something for words spelled with these
const WORD_CHAR = /[\p{Script=Latin}\p{Nd}_]/u;

/** Where `query` occurs in `text`, left to right, never overlapping. */
export function findIn(text: string, query: string, options: FindOptions): Array<[number, number]> {
  if (!query) return [];
  const hay = options.matchCase ? text : text.toLowerCase();
  const needle = options.matchCase ? query : query.toLowerCase();
  const out: Array<[number, number]> = [];
  let at = hay.indexOf(needle);
  while (at >= 0) {
    const end = at + needle.length;
    // a match that begins (ends) with a letter must not continue a word before (after) it
    const fits =
      !options.wholeWord ||
      (!(WORD_CHAR.test(text[at] ?? '') && WORD_CHAR.test(text[at - 1] ?? '')) &&
        !(WORD_CHAR.test(text[end - 1] ?? '') && WORD_CHAR.test(text[end] ?? '')));
    if (fits) {
      out.push([at, end]);
      at = hay.indexOf(needle, end);
    } else {
      at = hay.indexOf(needle, at + 1);
    }
  }
  return out;
}

/** The words of an item staff may edit, as the briefing shows them: its title and its text. */
function itemFields(report: Report, briefing: Briefing, itemId: string): { title?: string; text?: string } {
  const item = briefing.items.find((i) => i.id === itemId);
  const r = item ? resolveCached(report, item) : null;
  if (!r) return {};
  const fields = editableFields(r);
  return {
    ...(fields.title ? { title: itemTitle(r) } : {}),
    ...(fields.text && (r.kind === 'point' || r.kind === 'paragraph') ? { text: r.text } : {}),
  };
}

/**
 * Every match in the briefing's titles and texts, in briefing order (title before text). Only the
 * words staff can edit are searched, so every match can also be replaced.
 */
export function findInBriefing(
  report: Report,
  briefing: Briefing,
  query: string,
  options: FindOptions,
): BriefingMatch[] {
  const out: BriefingMatch[] = [];
  if (!query) return out;
  for (const item of briefing.items) {
    const r = resolveCached(report, item);
    if (!r) continue;
    const fields = editableFields(r);
    if (fields.title) {
      const title = itemTitle(r);
      for (const [start, end] of findIn(title, query, options))
        out.push({ itemId: item.id, field: 'title', start, end, context: around(title, start, end) });
    }
    if (fields.text && (r.kind === 'point' || r.kind === 'paragraph'))
      for (const [start, end] of findIn(r.text, query, options))
        out.push({ itemId: item.id, field: 'text', start, end, context: around(r.text, start, end) });
  }
  return out;
}

/** Every match in the report's headings, points, paragraphs and captions, in reading order. */
export function findInReport(report: Report, query: string, options: FindOptions): ReportMatch[] {
  const out: ReportMatch[] = [];
  if (!query) return out;
  const captions = new Map(report.figures.map((f) => [f.id, f.caption]));
  const walk = (section: Section, above: string[]): void => {
    const path = [...above, section.id];
    for (const [start, end] of findIn(section.title, query, options))
      out.push({
        rowKey: `section:${section.id}`,
        sectionIds: above,
        start,
        end,
        context: around(section.title, start, end),
      });
    for (const block of section.blocks) {
      const text =
        block.kind === 'point'
          ? `${block.lead}${block.text}`
          : block.kind === 'paragraph'
            ? block.text
            : (captions.get(block.figureId) ?? '');
      for (const [start, end] of findIn(text, query, options))
        out.push({
          rowKey: `block:${block.id}`,
          sectionIds: path,
          start,
          end,
          context: around(text, start, end),
        });
    }
    for (const sub of section.sections) walk(sub, path);
  };
  for (const section of report.sections) walk(section, []);
  return out;
}

/** `text` with every match of `query` replaced (matches found as findIn finds them). */
export function replaceIn(text: string, query: string, replacement: string, options: FindOptions): string {
  const found = findIn(text, query, options);
  if (found.length === 0) return text;
  let out = '';
  let last = 0;
  for (const [start, end] of found) {
    out += text.slice(last, start) + replacement;
    last = end;
  }
  return out + text.slice(last);
}

/**
 * The briefing with one match replaced, through the same edits typing makes (so an item that
 * reads as the report again drops its override). The match must still be there as found.
 */
export function replaceOne(
  report: Report,
  briefing: Briefing,
  match: BriefingMatch,
  query: string,
  replacement: string,
  options: FindOptions,
): Briefing {
  const words = itemFields(report, briefing, match.itemId)[match.field];
  if (words === undefined) return briefing;
  const still = findIn(words, query, options).some(([s, e]) => s === match.start && e === match.end);
  if (!still) return briefing;
  const next = words.slice(0, match.start) + replacement + words.slice(match.end);
  return match.field === 'title'
    ? setItemTitle(briefing, report, match.itemId, next)
    : setItemText(briefing, report, match.itemId, next);
}

/** The briefing with every match replaced, and how many were: one new briefing, so one undo step. */
export function replaceAll(
  report: Report,
  briefing: Briefing,
  query: string,
  replacement: string,
  options: FindOptions,
): { briefing: Briefing; count: number } {
  const matches = findInBriefing(report, briefing, query, options);
  let next = briefing;
  const done = new Set<string>();
  for (const m of matches) {
    const key = `${m.itemId}|${m.field}`;
    if (done.has(key)) continue;
    done.add(key);
    const words = itemFields(report, next, m.itemId)[m.field] ?? '';
    const replaced = replaceIn(words, query, replacement, options);
    next =
      m.field === 'title'
        ? setItemTitle(next, report, m.itemId, replaced)
        : setItemText(next, report, m.itemId, replaced);
  }
  return { briefing: next, count: matches.length };
}
