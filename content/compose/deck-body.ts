import type { DeckTemplate } from '../../templates/schema';
import { bulletsItem, textHeight } from '../../templates/scene/scene';
import { COMFORT, type SlideDraft } from './deck-fit';
import { factLines, factWeight, withoutFormulas } from './deck-lines';
import { safeCuts } from '../text/safe-cut';

/**
 * The text slides of one section, in report order: points with facts enough each get a slide of
 * their own — the lead as headline, their fact lines under it — while thin neighbouring points
 * share a slide (only with the points next to them: nothing is reordered), a section's short
 * points that fit one slide together go on one slide whole, and paragraphs give their fact
 * sentences. Nothing is lost: every item's full text is in the notes, and an item whose sentences
 * were left out is marked condensed.
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
  /** a point's lead and its fact, when the line is 「lead：fact」 */
  lead?: string;
  fact?: string;
}

interface BodySlide {
  /** a slide of its own (a rich point, a paragraph's facts), not a shared slide of thin lines */
  rich: boolean;
  lines: Line[];
  title: string;
  condensed: string[];
  /** notes of items that gave no line at all (their words are still said) */
  notes: string[];
}

/** A point's line whose whole text is at most this long goes on a shared slide whole. */
const WHOLE_LINE = 120;
/** A line longer than this is shown as its 「；」 clauses, grouped to about this length. */
const LONG_LINE = 80;
const CLAUSE_GROUP = 45;

const leadText = (lead: string): string => lead.replace(/[。；;：:，,]+$/u, '');
const bodyText = (text: string): string => text.trim().replace(/[。]$/u, '');

/**
 * A headline never ends on a word that leads into something else (「…的总体目标是」「…如下：」);
 * 「实事求是」 ends a phrase, it leads into nothing.
 */
export function danglingTitle(title: string): boolean {
  return /(?:(?<!求)是|：|:|，|,|、)$/u.test(title.trim());
}

function slideOf(s: BodySlide, sectionTitle: string): BulletsDraft {
  const { condensed } = s;
  // a lead that leads into its lines (「总体目标是」) is no headline: it opens the first line instead
  const dangling = danglingTitle(s.title) && s.title !== sectionTitle;
  const lines = s.lines.map((l, k) =>
    dangling && k === 0 ? { ...l, text: `${leadText(s.title)}：${l.text}` } : l,
  );
  // an item none of whose sentences made a line (its text is in the notes) is on the slide too
  const ids = [...new Set([...lines.map((l) => l.itemId), ...condensed])];
  return {
    layout: 'bullets',
    title: dangling ? sectionTitle : s.title,
    bullets: lines.map((l) => l.text),
    bulletNotes: lines.map((l) => l.note),
    bulletItemIds: lines.map((l) => l.itemId),
    notes: s.notes.join('\n\n'),
    itemIds: ids,
    ...(condensed.length ? { condensed: [...new Set(condensed)] } : {}),
  };
}

/**
 * A line too long to read as one bullet (a sentence of many 「；」 clauses) as several lines of
 * whole clauses, cut only after 「；」 outside numbers and quotations; the note stays with the first.
 */
function longLines(line: Line): Line[] {
  if (line.text.length <= LONG_LINE) return [line];
  const cuts = safeCuts(line.text);
  // the sentence's clauses, each with its 「；」
  const clauses: string[] = [];
  let from = 0;
  for (let i = 1; i < line.text.length; i++) {
    if (line.text[i - 1] !== '；' || !cuts[i]) continue;
    clauses.push(line.text.slice(from, i));
    from = i;
  }
  clauses.push(line.text.slice(from));
  // clauses grouped into lines of about CLAUSE_GROUP characters, none left very short
  const parts: string[] = [];
  let group = '';
  for (const c of clauses) {
    if (group.length >= CLAUSE_GROUP / 2 && group.length + c.length > CLAUSE_GROUP * 1.5) {
      parts.push(group);
      group = '';
    }
    group += c;
  }
  if (group) parts.push(group);
  const last = parts[parts.length - 1] ?? '';
  if (parts.length > 1 && last.length < CLAUSE_GROUP / 3)
    parts.splice(-2, 2, `${parts[parts.length - 2] ?? ''}${last}`);
  if (parts.length < 2) return [line];
  return parts.map((text, k) => ({
    text: text.replace(/；$/u, ''),
    note: k === 0 ? line.note : '',
    itemId: line.itemId,
  }));
}

/**
 * The text slides of a section titled `title`, in report order. How many lines a slide takes is
 * decided by room: lines are chosen (facts first) while they fit the body at a comfortable size,
 * at most the theme's bullets per slide; fitting (deck-fit) still shrinks or splits what does not.
 */
export function bodySlides(
  entries: readonly BodyEntry[],
  title: string,
  theme: DeckTemplate,
): BulletsDraft[] {
  const max = Math.max(2, theme.limits.maxBullets);
  const { min: small, max: large } = theme.type.bullets.size;
  const comfortable = Math.round(small + (large - small) * COMFORT);
  const fitsAt =
    (size: number) =>
    (lines: readonly string[]): boolean =>
      lines.length <= max && textHeight(bulletsItem(lines, theme, size)) <= theme.frames.content.body.h;
  const fits = fitsAt(comfortable);
  // whole points put together on one slide read nearer the theme's full size, not as a wall of text
  const fitsWhole = fitsAt(Math.round((comfortable + large) / 2));

  const slides: BodySlide[] = [];
  // the shared slide of thin lines being filled; any slide of its own ends it, so order is kept
  let shared: BodySlide | undefined;
  const own = (s: Omit<BodySlide, 'rich' | 'notes'>): void => {
    shared = undefined;
    slides.push({ ...s, rich: true, notes: [] });
  };
  const thin = (line: Line, condensed: boolean): void => {
    if (!shared) {
      shared = { rich: false, lines: [], title, condensed: [], notes: [] };
      slides.push(shared);
    }
    shared.lines.push(line);
    if (condensed) shared.condensed.push(line.itemId);
  };
  /** an item that gave no line: its words go into the notes of the slide before (or after) */
  const unshown: { note: string; itemId: string; at: number }[] = [];

  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!e) continue;
    if (e.kind === 'line') {
      thin({ text: e.text, note: e.note, itemId: e.itemId }, false);
    } else if (e.kind === 'paragraph') {
      const run: Extract<BodyEntry, { kind: 'paragraph' }>[] = [e];
      while (entries[i + 1]?.kind === 'paragraph') run.push(entries[++i] as (typeof run)[number]);
      const alone = entries.length === 1;
      paragraphSlides(run, max, fits, title, alone, own, thin, (note, itemId) =>
        unshown.push({ note, itemId, at: slides.length }),
      );
    } else {
      const run: Extract<BodyEntry, { kind: 'point' }>[] = [e];
      while (entries[i + 1]?.kind === 'point') run.push(entries[++i] as (typeof run)[number]);
      pointSlides(run, max, fits, fitsWhole, title, own, thin);
    }
  }
  const merged = mergeLoneLines(slides, theme);
  for (const u of unshown) {
    const host = merged[Math.min(u.at, merged.length) - 1] ?? merged[0];
    if (host) {
      host.notes.push(u.note);
      host.condensed.push(u.itemId);
    } else {
      merged.push({ rich: false, lines: [], title, condensed: [u.itemId], notes: [u.note] });
    }
  }
  return merged.map((s) => slideOf(s, title));
}

type Own = (s: Omit<BodySlide, 'rich' | 'notes'>) => void;
type Thin = (line: Line, condensed: boolean) => void;

/**
 * A run of paragraphs: each gives its fact sentences; paragraphs share a slide while their lines
 * fit one, and a paragraph with no fact at all (a formula such as 「现将…总结如下」) gives no line,
 * its words in the notes.
 */
function paragraphSlides(
  run: readonly Extract<BodyEntry, { kind: 'paragraph' }>[],
  max: number,
  fits: (lines: readonly string[]) => boolean,
  title: string,
  /** the section has this one paragraph only: its rhetoric is all it has to show */
  alone: boolean,
  own: Own,
  thin: Thin,
  unshown: (note: string, itemId: string) => void,
): void {
  let lines: Line[] = [];
  let condensed: string[] = [];
  const flush = (): void => {
    if (lines.length >= 2) own({ lines, title, condensed });
    else for (const l of lines) thin(l, condensed.includes(l.itemId));
    lines = [];
    condensed = [];
  };
  for (const p of run) {
    const pick = factLines([p.text], max, fits);
    // a paragraph that would give rhetoric only (「让我们…作出新的更大贡献」) is said, not shown:
    // its words go in the notes
    const weights = pick.lines.map((l) => factWeight(l.text));
    const rhetoricOnly = weights.length > 0 && weights.every((w) => w <= 0) && weights.some((w) => w < 0);
    if (pick.lines.length === 0 || (rhetoricOnly && !alone)) {
      unshown(p.text, p.itemId);
      continue;
    }
    const mine = pick.lines
      .map((l, k): Line => ({ text: l.text, note: k === 0 ? p.text : '', itemId: p.itemId }))
      .flatMap(longLines);
    if (lines.length > 0 && !fits([...lines, ...mine].map((l) => l.text))) flush();
    lines.push(...mine);
    if (pick.condensed[0]) condensed.push(p.itemId);
  }
  flush();
}

/**
 * A run of points (一是…五是, 1. 2. 3.) is treated alike: when all of them, whole, fit one slide,
 * they go on one slide under the section's title; when most are thin (one fact line), every one
 * is a 「lead：text」 line on shared slides, in order; otherwise each rich point has a slide of its
 * own and a thin one shares a slide only with the thin points next to it.
 */
function pointSlides(
  run: readonly Extract<BodyEntry, { kind: 'point' }>[],
  max: number,
  fits: (lines: readonly string[]) => boolean,
  fitsWhole: (lines: readonly string[]) => boolean,
  title: string,
  own: Own,
  thin: Thin,
): void {
  const noteOf = (p: (typeof run)[number]): string => `${leadText(p.lead)}：${p.text}`;
  // a point whole, but for the formulas in it (their words stay in the notes, the item marked)
  const wholeLine = (p: (typeof run)[number]): Line & { cut: boolean } => {
    const lead = leadText(p.lead);
    const body = withoutFormulas(p.text, true);
    const fact = bodyText(body.text);
    return {
      text: fact ? `${lead}：${fact}` : lead,
      note: noteOf(p),
      itemId: p.itemId,
      lead,
      fact,
      cut: body.cut,
    };
  };
  const wholes = run.map(wholeLine);
  if (run.length >= 2 && fitsWhole(wholes.map((w) => w.text))) {
    own({ lines: wholes, title, condensed: wholes.filter((w) => w.cut).map((w) => w.itemId) });
    return;
  }
  const picks = run.map((p) => factLines([p.text], max, fits));
  const thinCount = picks.filter((p) => p.lines.length < 2).length;
  const allThin = run.length >= 2 && thinCount * 2 >= run.length;
  run.forEach((p, k) => {
    const pick = picks[k] as (typeof picks)[number];
    const lead = leadText(p.lead);
    if (!allThin && pick.lines.length >= 2) {
      const lines = pick.lines
        .map((l, n): Line => ({ text: l.text, note: n === 0 ? noteOf(p) : '', itemId: p.itemId }))
        .flatMap(longLines);
      own({ lines, title: lead, condensed: pick.condensed[0] ? [p.itemId] : [] });
      return;
    }
    const whole = wholes[k] as (typeof wholes)[number];
    if (whole.text.length <= WHOLE_LINE || pick.lines.length === 0) {
      thin(whole, whole.cut);
      return;
    }
    // a long point on a shared slide: its fact sentences within one line's length, in order
    const short = factLines([p.text], max, (ls) => ls.join('。').length + lead.length <= WHOLE_LINE);
    const fact = short.lines.map((l) => l.text).join('。');
    thin(
      { text: `${lead}：${fact}`, note: noteOf(p), itemId: p.itemId, lead, fact },
      short.condensed[0] ?? false,
    );
  });
}

/**
 * A shared slide with a single line is not made. A point alone with one long sentence becomes its
 * own slide — the lead as headline, the sentence in clause lines (cut only after 「，」「；」 outside
 * numbers and quotations), as is a paragraph's long sentence under the section's title; one that
 * cannot be cut so joins the text slide before it (or after it) when that has room.
 */
function mergeLoneLines(slides: BodySlide[], theme: DeckTemplate): BodySlide[] {
  const out: BodySlide[] = [];
  slides.forEach((s, i) => {
    if (s.rich || s.lines.length !== 1) {
      out.push(s);
      return;
    }
    const line = s.lines[0] as Line;
    const clauses = clauseLines(line.fact ?? line.text);
    if (clauses.length >= 2) {
      out.push({
        ...s,
        rich: true,
        title: line.lead ?? s.title,
        lines: clauses.map((c, k) => ({ ...line, text: c, note: k === 0 ? line.note : '' })),
      });
      return;
    }
    const before = out[out.length - 1];
    const after = slides[i + 1];
    const room = (t: BodySlide | undefined): t is BodySlide =>
      t !== undefined && t.lines.length > 0 && t.lines.length < theme.limits.maxBullets;
    if (room(before)) {
      before.lines.push(line);
      before.condensed.push(...s.condensed);
    } else if (room(after)) {
      after.lines.unshift(line);
      after.condensed.push(...s.condensed);
    } else {
      out.push({
        ...s,
        lines:
          line.lead && line.fact
            ? [
                // the lead keeps its colon: 「主要目标是：」 reads as leading into the line under it
                { ...line, text: `${line.lead}：` },
                { ...line, text: line.fact, note: '' },
              ]
            : leadIn(line.text)
              ? [
                  { ...line, text: leadIn(line.text)?.[0] ?? '' },
                  { ...line, text: leadIn(line.text)?.[1] ?? '', note: '' },
                ]
              : [line],
      });
    }
  });
  return out;
}

/** A sentence that opens with a lead-in (「今年的目标是：…」): the lead-in with its colon, and the rest. */
function leadIn(text: string): [string, string] | undefined {
  const at = text.indexOf('：');
  return at > 0 && at <= 30 && at < text.length - 1 ? [text.slice(0, at + 1), text.slice(at + 1)] : undefined;
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
