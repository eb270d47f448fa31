import type { DeckTemplate } from '../../templates/schema';
import type { SlideDraft } from './deck-fit';
import { factLines } from './deck-lines';
import { safeCuts } from '../text/safe-cut';

/**
 * The text slides of one section: each point with facts enough becomes a slide of its own — its
 * lead as the headline, then two to four fact lines — while thin neighbouring points share a
 * slide, and paragraphs (an opening, a 前言) give their fact sentences. Nothing is lost: every
 * item's full text is in the notes, and an item whose sentences were left out is marked condensed.
 */

/** What a section brings to its text slides, in briefing order. */
export type BodyEntry =
  | { kind: 'point'; lead: string; text: string; itemId: string }
  | { kind: 'paragraph'; text: string; itemId: string }
  /** a line as it stands: a statistic set as a bullet, a caption without its picture */
  | { kind: 'line'; text: string; note: string; itemId: string };

type BulletsDraft = Extract<SlideDraft, { layout: 'bullets' }>;

interface Line {
  text: string;
  note: string;
  itemId: string;
}

/** Characters of fact lines a slide takes once it has two: enough to read aloud, not a wall. */
const FACT_BUDGET = 150;

const leadText = (lead: string): string => lead.replace(/[。；;：:，,]+$/u, '');

function slideOf(title: string, lines: readonly Line[], condensed: readonly string[]): BulletsDraft {
  // an item none of whose sentences made a line (its text is in the notes) is on the slide too
  const ids = [...new Set([...lines.map((l) => l.itemId), ...condensed])];
  return {
    layout: 'bullets',
    title,
    bullets: lines.map((l) => l.text),
    bulletNotes: lines.map((l) => l.note),
    bulletItemIds: lines.map((l) => l.itemId),
    notes: '',
    itemIds: ids,
    ...(condensed.length ? { condensed: [...new Set(condensed)] } : {}),
  };
}

/** A run of paragraphs as one slide of their fact sentences; the full paragraphs go into the notes. */
function paragraphLines(
  run: readonly Extract<BodyEntry, { kind: 'paragraph' }>[],
  max: number,
): { lines: Line[]; condensed: string[] } {
  const pick = factLines(
    run.map((p) => p.text),
    max,
    FACT_BUDGET,
  );
  const lines: Line[] = pick.lines.map((l) => ({
    text: l.text,
    note: '',
    itemId: run[l.from]?.itemId ?? '',
  }));
  // each paragraph's full text goes with its first line, or with the last line when none was picked
  run.forEach((p, from) => {
    const at = pick.lines.findIndex((l) => l.from === from);
    const line = lines[at >= 0 ? at : lines.length - 1];
    if (line) line.note = [line.note, p.text].filter(Boolean).join('\n\n');
  });
  const condensed = run.filter((_, i) => pick.condensed[i]).map((p) => p.itemId);
  return { lines, condensed };
}

/**
 * The text slides of a section titled `title`. `max` is how many fact lines a point's slide
 * carries (the theme's bullets per slide, at most four).
 */
export function bodySlides(
  entries: readonly BodyEntry[],
  title: string,
  theme: DeckTemplate,
): BulletsDraft[] {
  const max = Math.max(2, Math.min(4, theme.limits.maxBullets));
  // slides in order; a shared slide of thin lines sits where its first line was
  const slides: { rich: boolean; lines: Line[]; title: string; condensed: string[] }[] = [];
  let shared: (typeof slides)[number] | undefined;
  const thin = (line: Line, condensed: boolean): void => {
    if (!shared) {
      shared = { rich: false, lines: [], title, condensed: [] };
      slides.push(shared);
    }
    shared.lines.push(line);
    if (condensed) shared.condensed.push(line.itemId);
  };

  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!e) continue;
    if (e.kind === 'line') {
      thin({ text: e.text, note: e.note, itemId: e.itemId }, false);
    } else if (e.kind === 'paragraph') {
      const run: Extract<BodyEntry, { kind: 'paragraph' }>[] = [e];
      while (entries[i + 1]?.kind === 'paragraph') run.push(entries[++i] as (typeof run)[number]);
      const { lines, condensed } = paragraphLines(run, max);
      if (lines.length >= 2) slides.push({ rich: true, lines, title, condensed });
      else for (const l of lines) thin(l, condensed.includes(l.itemId));
    } else {
      const lead = leadText(e.lead);
      const note = `${lead}：${e.text}`;
      const pick = factLines([e.text], max, FACT_BUDGET);
      if (pick.lines.length >= 2) {
        const lines = pick.lines.map((l, k) => ({
          text: l.text,
          note: k === 0 ? note : '',
          itemId: e.itemId,
        }));
        slides.push({ rich: true, lines, title: lead, condensed: pick.condensed[0] ? [e.itemId] : [] });
      } else {
        const fact = pick.lines[0]?.text;
        thin({ text: fact ? `${lead}：${fact}` : lead, note, itemId: e.itemId }, false);
      }
    }
  }
  return mergeLoneLines(slides, theme).map((s) => slideOf(s.title, s.lines, s.condensed));
}

/**
 * A shared slide with a single line is not made. A point alone in its section with one long
 * sentence becomes its own slide — the lead as headline, the sentence in clause lines (cut only
 * after 「，」「；」 outside numbers and quotations); one that cannot be cut so joins the text slide
 * before it (or after it) when that has room.
 */
function mergeLoneLines<T extends { rich: boolean; lines: Line[]; title: string; condensed: string[] }>(
  slides: T[],
  theme: DeckTemplate,
): T[] {
  const out: T[] = [];
  slides.forEach((s, i) => {
    if (s.rich || s.lines.length !== 1) {
      out.push(s);
      return;
    }
    const line = s.lines[0] as Line;
    const [lead, fact] = splitLead(line.text);
    const clauses = fact ? clauseLines(fact) : [];
    if (clauses.length >= 2) {
      out.push({
        ...s,
        rich: true,
        title: lead,
        lines: clauses.map((c, k) => ({ ...line, text: c, note: k === 0 ? line.note : '' })),
      });
      return;
    }
    const before = out[out.length - 1];
    const after = slides[i + 1];
    const room = (t: T | undefined): t is T => t !== undefined && t.lines.length < theme.limits.maxBullets;
    if (room(before)) {
      before.lines.push(line);
      before.condensed.push(...s.condensed);
    } else if (room(after)) {
      after.lines.unshift(line);
      after.condensed.push(...s.condensed);
    } else {
      out.push({
        ...s,
        lines: fact
          ? [
              // the lead keeps its colon: 「主要目标是：」 reads as leading into the line under it
              { ...line, text: `${lead}：` },
              { ...line, text: fact, note: '' },
            ]
          : [line],
      });
    }
  });
  return out;
}

/** Characters a clause line aims at: one line of the body, about. */
const CLAUSE_LINE = 36;

/** A long sentence as balanced lines of whole clauses; one line when it is short or has no safe clause end. */
export function clauseLines(sentence: string): string[] {
  if (sentence.length < CLAUSE_LINE * 1.5) return [sentence];
  const cuts = safeCuts(sentence);
  const ends: number[] = [];
  for (let i = 1; i < sentence.length; i++)
    if (/[，；]/u.test(sentence[i - 1] ?? '') && cuts[i]) ends.push(i);
  if (ends.length === 0) return [sentence];
  const want = Math.max(2, Math.round(sentence.length / CLAUSE_LINE));
  const lines: string[] = [];
  let from = 0;
  for (let k = 1; k < want; k++) {
    const target = (sentence.length * k) / want;
    const at = ends.reduce(
      (best, e) => (Math.abs(e - target) < Math.abs(best - target) ? e : best),
      ends[0] ?? 0,
    );
    if (at <= from) continue;
    lines.push(sentence.slice(from, at).replace(/[，；]$/u, ''));
    from = at;
  }
  lines.push(sentence.slice(from));
  return lines.filter(Boolean);
}
/** 「lead：fact」 back into its lead and fact. */
function splitLead(text: string): [string, string] {
  const at = text.indexOf('：');
  return at > 0 ? [text.slice(0, at), text.slice(at + 1)] : [text, ''];
}
