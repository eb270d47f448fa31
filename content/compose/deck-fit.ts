import type { DeckTemplate, TextBox } from '../../templates/deck/schema';
import type { DistributiveOmit, ShownStat, Slide, SlideFit } from '../../templates/model';
import {
  agendaColumns,
  agendaHeight,
  agendaTextWidth,
  CAPTION_MAX_LINES,
  contentTitleBoxes,
  displayTitle,
  figureCells,
  TABLE_PAD_X_EM,
} from '../../templates/scene/geometry';
import { fitSize, lineCount, truncateToLines } from '../../templates/scene/measure';
import { safeCutBefore, safeCuts } from '../text/safe-cut';
import {
  bulletsItem,
  chartCategoryWidth,
  figureRuns,
  figureTag,
  quoteLayout,
  runsWidth,
  tableCaptionShown,
  tableLayout,
  tagSize,
  textHeight,
} from '../../templates/scene/scene';
import { statNotes } from './deck-stats';

/**
 * Text never overflows a slide: for each drafted slide, measure its text in the boxes of the
 * slide's scene (templates/scene), shrink within the theme's size range, and when the smallest
 * size still does not fit, split onto continuation slides marked （续）. A single text too long
 * for a whole slide is cut between sentences; a title that cannot fit is shortened with an
 * ellipsis and kept whole in the speaker notes, so nothing is lost.
 */

/** A slide as fitting gives it back: everything but its id. */
export type FittedSlide = DistributiveOmit<Slide, 'id'>;

type Draft = DistributiveOmit<Slide, 'id' | 'fit'>;
type DraftOf<L extends Slide['layout']> = Extract<Draft, { layout: L }>;
type FittedOf<L extends Slide['layout']> = Extract<FittedSlide, { layout: L }>;

/** A slide as drafted, before fitting; a bullet keeps its note and item so a split keeps them with it. */
export type SlideDraft =
  | Exclude<Draft, { layout: 'bullets' }>
  | (DraftOf<'bullets'> & { bulletNotes?: string[]; bulletItemIds?: string[] });

type ContentFitted = FittedOf<'agenda' | 'bullets' | 'figures' | 'image' | 'chart' | 'table' | 'quote'>;

/** Split n things into k runs whose lengths differ by at most one, longer runs first. */
function balanced<T>(list: readonly T[], k: number): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; i < k; i++) {
    const len = Math.floor(list.length / k) + (i < list.length % k ? 1 : 0);
    out.push(list.slice(at, at + len));
    at += len;
  }
  return out.filter((g) => g.length > 0);
}

/**
 * Cut a list into the fewest runs of at most `max` that each fit, and among those the most even:
 * the fullest run as empty as it can be. `cost` says how full a run is (its height over the room
 * it has); Infinity when it does not fit. Every run of one must fit (the caller makes single items
 * fit first); runs keep the list's order.
 */
function chunk<T>(list: readonly T[], max: number, cost: (run: readonly T[]) => number): T[][] {
  const n = list.length;
  if (n === 0) return [];
  const memo = new Map<number, number>();
  const costOf = (i: number, j: number): number => {
    const key = i * (n + 1) + j;
    let c = memo.get(key);
    if (c === undefined) {
      c = j - i > max ? Infinity : cost(list.slice(i, j));
      memo.set(key, c);
    }
    return c;
  };
  // the fewest runs that cover list[0, j) (pre) and list[j, n) (suf)
  const pre = Array.from({ length: n + 1 }, (_, j) => (j === 0 ? 0 : Infinity));
  for (let j = 1; j <= n; j++)
    for (let i = Math.max(0, j - max); i < j; i++)
      if (pre[i]! + 1 < pre[j]! && costOf(i, j) !== Infinity) pre[j] = pre[i]! + 1;
  const runCount = pre[n]!;
  if (runCount === Infinity) return list.map((x) => [x]);
  const suf = Array.from({ length: n + 1 }, (_, i) => (i === n ? 0 : Infinity));
  for (let i = n - 1; i >= 0; i--)
    for (let j = i + 1; j <= Math.min(n, i + max); j++)
      if (suf[j]! + 1 < suf[i]! && costOf(i, j) !== Infinity) suf[i] = suf[j]! + 1;
  // best.get(j): the least "fullest run" over partitions of list[0, j) into k runs; from[k]: where
  // each one's last run starts. Only cuts that can lie on a partition into runCount runs are kept:
  // on a long list that is a narrow band, not the whole list at every k.
  let best = new Map<number, number>([[0, 0]]);
  const from: Map<number, number>[] = [];
  for (let k = 1; k <= runCount; k++) {
    const ends = new Set<number>();
    for (const i of best.keys())
      for (let j = i + 1; j <= Math.min(n, i + max); j++)
        if (pre[j]! <= k && k + suf[j]! <= runCount) ends.add(j);
    const next = new Map<number, number>();
    const starts = new Map<number, number>();
    for (const j of ends)
      for (let i = Math.max(0, j - max); i < j; i++) {
        const before = best.get(i);
        if (before === undefined || before === Infinity) continue;
        const v = Math.max(before, costOf(i, j));
        // on a tie the later start wins: earlier slides fuller, the last one lighter
        if (v !== Infinity && v <= (next.get(j) ?? Infinity)) {
          next.set(j, v);
          starts.set(j, i);
        }
      }
    from.push(starts);
    best = next;
  }
  const runs: T[][] = [];
  let j = n;
  for (let layer = from.length - 1; layer >= 0 && j > 0; layer--) {
    const i = from[layer]?.get(j) ?? 0;
    runs.unshift(list.slice(i, j));
    j = i;
  }
  return runs;
}

/** the ellipsis the measure's truncation adds (one character, so it fits where it measured) */
const ELLIPSIS = '…';

/**
 * A text shortened to `maxLines` lines with an ellipsis, the cut moved back to a place that changes no
 * meaning (never inside a number, a quotation or a name: content/text/safe-cut).
 */
export function truncateSafe(
  text: string,
  widthPx: number,
  sizePx: number,
  maxLines: number,
  suffix = '',
): string {
  const t = truncateToLines(text, widthPx, sizePx, maxLines, suffix);
  if (t === text) return text;
  const kept = t.replace(/…+$/u, '');
  const at = safeCutBefore(text, kept.length);
  return `${text
    .slice(0, at)
    .trimEnd()
    .replace(/[，、；：,;:]+$/u, '')}${ELLIPSIS}`;
}

const SENTENCE_END = /[。！？；!?;]/u;
const CLAUSE_END = /[，、：,:]/u;

/**
 * Split a text into pieces that each fit `maxLines` lines, cutting after a sentence end where
 * possible, else after a clause, else between characters — always at a safe place, so a number,
 * quotation or name is never torn across two slides. The pieces joined give the text back.
 */
export function splitSafe(text: string, widthPx: number, sizePx: number, maxLines: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest && lineCount(rest, widthPx, sizePx) > maxLines) {
    let lo = 1;
    let hi = rest.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (lineCount(rest.slice(0, mid), widthPx, sizePx) <= maxLines) lo = mid;
      else hi = mid - 1;
    }
    const cuts = safeCuts(rest);
    const lastAfter = (re: RegExp): number => {
      for (let i = lo; i > 0; i--) if (cuts[i] && re.test(rest[i - 1] ?? '')) return i;
      return 0;
    };
    const sentence = lastAfter(SENTENCE_END);
    const clause = lastAfter(CLAUSE_END);
    // only cut at punctuation when that keeps at least half of what would fit
    let cut = sentence >= lo / 2 ? sentence : clause >= lo / 2 ? clause : safeCutBefore(rest, lo, cuts);
    // a quotation longer than a slide runs over rather than being torn
    if (cut === 0) cut = cuts.findIndex((ok, i) => ok && i > lo);
    if (cut <= 0 || cut >= rest.length) break;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) pieces.push(rest);
  return pieces;
}

interface TitleFit {
  size: number;
  text: string;
  /** true when the title had to be shortened */
  cut: boolean;
}

/** Fit one text into a text box: the largest size that fits, else shortened at the smallest. */
function fitInBox(box: TextBox, text: string, suffix = ''): TitleFit {
  const size = fitSize(
    [text + suffix],
    { widthPx: box.w, heightPx: box.h, lineHeight: box.lineHeight, maxLines: box.maxLines },
    box.size,
  );
  if (size !== null) return { size, text, cut: false };
  const min = box.size.min;
  const lines = Math.max(1, Math.min(box.maxLines, Math.floor(box.h / (min * box.lineHeight))));
  return { size: min, text: truncateSafe(text, box.w, min, lines, suffix), cut: true };
}

const withTitleNote = (notes: string, full: string, cut: boolean): string =>
  cut ? [`标题：${full}`, notes].filter(Boolean).join('\n\n') : notes;

/** Give a content slide its fitted title; a shortened title goes whole into the notes. */
function contentTitle<T extends ContentFitted>(draft: T, theme: DeckTemplate): T {
  const suffix = draft.continued ? theme.texts.continued : '';
  const t = fitInBox(contentTitleBoxes(theme, Boolean(draft.kicker)).title, draft.title, suffix);
  return {
    ...draft,
    title: t.text,
    notes: withTitleNote(draft.notes, displayTitle(draft, theme), t.cut),
    fit: { ...draft.fit, title: t.size },
    ...condensedOf(draft, t.cut ? draft.itemIds : []),
  };
}

/** The slide's condensed items, with `more` (items it just shortened) added; absent when none. */
function condensedOf(slide: { condensed?: string[] }, more: readonly string[]): { condensed?: string[] } {
  const all = [...new Set([...(slide.condensed ?? []), ...more])];
  return all.length ? { condensed: all } : {};
}

const runOf = (d: { continued?: boolean }, k: number): boolean => Boolean(d.continued) || k > 0;

const joinNotes = (...notes: string[]): string => notes.filter(Boolean).join('\n\n');

// ---- bullets ----

function bulletsHeight(texts: readonly string[], theme: DeckTemplate, size: number): number {
  return textHeight(bulletsItem(texts, theme, size));
}

function bulletsSize(texts: readonly string[], theme: DeckTemplate): number | null {
  const { max, min } = theme.type.bullets.size;
  const h = theme.frames.content.body.h;
  for (let s = Math.floor(max); s >= Math.ceil(min); s--) if (bulletsHeight(texts, theme, s) <= h) return s;
  return null;
}

interface BulletEntry {
  text: string;
  note: string;
  itemId: string;
}

/** Where between the smallest and largest bullet size several lines must still fit: 0 smallest, 1 largest. */
export const COMFORT = 0.4;

function fitBullets(d: Extract<SlideDraft, { layout: 'bullets' }>, theme: DeckTemplate): FittedSlide[] {
  const min = theme.type.bullets.size.min;
  const { bulletNotes, bulletItemIds, condensed, ...draft } = d;
  const widthAtMin = bulletsItem([], theme, min);
  const width = widthAtMin.box.w - (widthAtMin.list?.indentEm ?? 0) * min;
  const capacity = Math.max(
    1,
    Math.floor(theme.frames.content.body.h / (min * theme.type.bullets.lineHeight)),
  );
  // a bullet too long for a whole slide is cut between sentences into pieces that each fit
  const entries: BulletEntry[] = [];
  d.bullets.forEach((text, i) => {
    const note = bulletNotes?.[i] ?? '';
    const itemId = bulletItemIds?.[i] ?? '';
    const pieces = lineCount(text, width, min) > capacity ? splitSafe(text, width, min, capacity) : [text];
    pieces.forEach((p, k) => entries.push({ text: p, note: k === 0 ? note : '', itemId }));
  });
  // items with no line of their own (their text is in a line's note) stay with the last run
  const orphans = d.itemIds.filter((id) => !entries.some((e) => e.itemId === id));
  const bodyH = theme.frames.content.body.h;
  // several lines share a slide only while they read at a comfortable size, not as a wall at the
  // smallest; a single line may go down to the smallest size
  const { max: large } = theme.type.bullets.size;
  const comfortable = Math.round(min + (large - min) * COMFORT);
  const runs = chunk(entries, theme.limits.maxBullets, (run) => {
    const texts = run.map((e) => e.text);
    if (bulletsSize(texts, theme) === null) return Infinity;
    if (run.length > 1 && bulletsHeight(texts, theme, comfortable) > bodyH) return Infinity;
    return bulletsHeight(texts, theme, min) / bodyH;
  });
  return runs.map((run, k) => {
    const texts = run.map((e) => e.text);
    const ids = [...run.map((e) => e.itemId), ...(k === runs.length - 1 ? orphans : [])];
    return contentTitle(
      {
        ...draft,
        continued: runOf(d, k),
        bullets: texts,
        // the slide's own notes (items that gave no line) go with its first run
        notes: joinNotes(k === 0 ? draft.notes : '', ...run.map((e) => e.note)),
        itemIds: [...new Set(ids.filter(Boolean))],
        ...condensedOf({ condensed: (condensed ?? []).filter((id) => ids.includes(id)) }, []),
        fit: { body: bulletsSize(texts, theme) ?? min },
      },
      theme,
    );
  });
}

// ---- agenda ----

const AGENDA_MAX_LINES = 2;

function agendaSize(entries: readonly string[], theme: DeckTemplate): number | null {
  const { max, min } = theme.type.agenda.size;
  const columns = agendaColumns(theme, entries.length);
  for (let s = Math.floor(max); s >= Math.ceil(min); s--) {
    const w = agendaTextWidth(theme, s, columns);
    if (entries.some((e) => lineCount(e, w, s) > AGENDA_MAX_LINES)) continue;
    if (agendaHeight(theme, entries, s) <= theme.frames.content.body.h) return s;
  }
  return null;
}

function fitAgenda(d: DraftOf<'agenda'>, theme: DeckTemplate): FittedSlide[] {
  const min = theme.type.agenda.size.min;
  // two columns hold twice a column's entries; an entry is kept to two lines of a column
  const entries = d.agenda.map((e) => truncateSafe(e, agendaTextWidth(theme, min, 2), min, AGENDA_MAX_LINES));
  const cutAgenda = entries.some((e, i) => e !== d.agenda[i]);
  let start = d.start;
  const cost = (run: readonly string[]): number =>
    agendaSize(run, theme) === null ? Infinity : agendaHeight(theme, run, min) / theme.frames.content.body.h;
  return chunk(entries, theme.limits.maxAgenda * 2, cost).map((run, k) => {
    const slide = contentTitle(
      {
        ...d,
        continued: runOf(d, k),
        agenda: run,
        start,
        fit: { body: agendaSize(run, theme) ?? min },
        notes: joinNotes(d.notes, cutAgenda ? d.agenda.join('\n') : ''),
        ...condensedOf(d, cutAgenda ? d.itemIds : []),
      },
      theme,
    );
    start += run.length;
    return slide;
  });
}

// ---- key figures ----

function figureSizes(figures: readonly ShownStat[], theme: DeckTemplate): SlideFit & { labelLines: number } {
  const vt = theme.type.figureValue;
  const lt = theme.type.figureLabel;
  const tagged = figures.some((f) => figureTag(f));
  const tag = (label: number): number => (tagged ? tagSize(label) : 0);
  let value = vt.size.min;
  for (let s = Math.floor(vt.size.max); s >= Math.ceil(vt.size.min); s--) {
    const cells = figureCells(theme, figures.length, s, tag(lt.size.max));
    if (figures.every((f, i) => runsWidth(figureRuns(f, s)) <= (cells[i]?.value.w ?? 0) * 0.95)) {
      value = s;
      break;
    }
  }
  for (let s = Math.floor(lt.size.max); s >= Math.ceil(lt.size.min); s--) {
    const cells = figureCells(theme, figures.length, value, tag(s));
    const labelH = Math.min(...cells.map((c) => c.label.h));
    const labelW = Math.min(...cells.map((c) => c.label.w));
    const maxLines = Math.floor(labelH / (s * lt.lineHeight));
    if (maxLines >= 1 && figures.every((f) => lineCount(f.label, labelW, s) <= maxLines)) {
      return { value, label: s, labelLines: maxLines };
    }
  }
  const label = lt.size.min;
  const labelH = Math.min(...figureCells(theme, figures.length, value, tag(label)).map((c) => c.label.h));
  return { value, label, labelLines: Math.max(1, Math.floor(labelH / (label * lt.lineHeight))) };
}

function fitFigures(d: DraftOf<'figures'>, theme: DeckTemplate): FittedSlide[] {
  const runs = balanced(d.figures, Math.max(1, Math.ceil(d.figures.length / theme.limits.maxFigures)));
  return runs.map((run, k) => {
    const sizes = figureSizes(run, theme);
    const label = sizes.label ?? theme.type.figureLabel.size.min;
    const tag = run.some((f) => figureTag(f)) ? tagSize(label) : 0;
    const labelW = Math.min(...figureCells(theme, run.length, sizes.value ?? 0, tag).map((c) => c.label.w));
    // a label too long for its card is shortened; the notes keep it whole with its sentence
    const figures = run.map((f) => ({
      ...f,
      label: truncateSafe(f.label, labelW, label, sizes.labelLines),
    }));
    const cutLabel = figures.some((f, i) => f.label !== run[i]?.label);
    return contentTitle(
      {
        ...d,
        continued: runOf(d, k),
        figures,
        notes: joinNotes(d.notes, statNotes(run)),
        ...condensedOf(d, cutLabel ? d.itemIds : []),
        fit: { value: sizes.value, label },
      },
      theme,
    );
  });
}

// ---- chart ----

function fitChart(d: DraftOf<'chart'>, theme: DeckTemplate): FittedSlide[] {
  const { chart } = d;
  const capSize = theme.type.caption.size.max;
  const runs = balanced(
    chart.points,
    Math.max(1, Math.ceil(chart.points.length / theme.limits.maxChartPoints)),
  );
  return runs.map((run, k) => {
    const lt = theme.type.chartLabel;
    const width = chartCategoryWidth(theme.frames.content.body, run.length);
    let label = lt.size.min;
    for (let s = Math.floor(lt.size.max); s >= Math.ceil(lt.size.min); s--) {
      if (run.every((p) => lineCount(p.label, width, s) <= 2)) {
        label = s;
        break;
      }
    }
    return contentTitle(
      {
        ...d,
        continued: runOf(d, k),
        chart: { ...chart, points: run },
        notes: joinNotes(d.notes, statNotes(run)),
        fit: { label, caption: capSize },
      },
      theme,
    );
  });
}

// ---- image ----

function captionSize(text: string, theme: DeckTemplate): number {
  const ct = theme.type.caption;
  const w = theme.frames.content.body.w;
  for (let s = Math.floor(ct.size.max); s >= Math.ceil(ct.size.min); s--)
    if (lineCount(text, w, s) <= CAPTION_MAX_LINES) return s;
  return ct.size.min;
}

function fitImage(d: DraftOf<'image'>, theme: DeckTemplate): FittedSlide[] {
  return [contentTitle({ ...d, fit: { caption: captionSize(d.image.caption, theme) } }, theme)];
}

// ---- table ----

const CELL_MAX_LINES = 4;

/** The largest size at which the rows fit the room the scene leaves the table, or null. */
function tableSize(rows: string[][], caption: string, title: string, theme: DeckTemplate): number | null {
  const t = theme.type.table;
  const fit = { caption: captionSize(caption, theme) };
  for (let s = Math.floor(t.size.max); s >= Math.ceil(t.size.min); s--) {
    const { table, room } = tableLayout({ table: { caption, rows }, title, fit: { ...fit, body: s } }, theme);
    if (table.rows.reduce((h, r) => h + r.height, 0) <= room) return s;
  }
  return null;
}

function fitTable(d: DraftOf<'table'>, theme: DeckTemplate): FittedSlide[] {
  const { table } = d;
  const shown = tableCaptionShown(table.caption, d.title);
  const min = theme.type.table.size.min;
  // the narrowest the columns can be: the caption at its most lines and smallest size above them
  const { room: _room, table: widest } = tableLayout(
    {
      table: { caption: shown ? table.caption : '', rows: table.rows },
      title: d.title,
      fit: { body: min, caption: theme.type.caption.size.min },
    },
    theme,
  );
  const colW = widest.columns;
  // no cell may run longer than a few lines; the notes keep the whole table
  const rows = table.rows.map((r) =>
    r.map((c, i) =>
      truncateSafe(c, (colW[i] ?? widest.box.w) - 2 * TABLE_PAD_X_EM * min, min, CELL_MAX_LINES),
    ),
  );
  const cut = rows.some((r, i) => r.some((c, j) => c !== table.rows[i]?.[j]));
  const [head, ...body] = rows;
  const notes = joinNotes(d.notes, cut ? table.rows.map((r) => r.join('｜')).join('\n') : '');
  if (!head) return [contentTitle({ ...d, notes }, theme)];
  const size = (run: readonly string[][]): number | null =>
    tableSize([head, ...run], table.caption, d.title, theme);
  const runs = body.length
    ? chunk(body, theme.limits.maxTableRows - 1, (run) => (size(run) === null ? Infinity : run.length))
    : [[]];
  return runs.map((run, k) =>
    contentTitle(
      {
        ...d,
        continued: runOf(d, k),
        table: { caption: table.caption, rows: [head, ...run] },
        notes,
        ...condensedOf(d, cut ? d.itemIds : []),
        fit: { body: size(run) ?? min, caption: captionSize(table.caption, theme) },
      },
      theme,
    ),
  );
}

// ---- quote ----

function fitQuote(d: DraftOf<'quote'>, theme: DeckTemplate): FittedSlide[] {
  const qt = theme.type.quote;
  const box = quoteLayout(d, theme).text.box;
  const room = { widthPx: box.w, heightPx: box.h, lineHeight: qt.lineHeight };
  const size = fitSize([d.quote.text], room, qt.size);
  const pieces =
    size !== null
      ? [d.quote.text]
      : splitSafe(
          d.quote.text,
          box.w,
          qt.size.min,
          Math.max(1, Math.floor(box.h / (qt.size.min * qt.lineHeight))),
        );
  return pieces.map((piece, k) =>
    contentTitle(
      {
        ...d,
        continued: runOf(d, k),
        quote: { ...d.quote, text: piece },
        fit: { body: fitSize([piece], room, qt.size) ?? qt.size.min },
      },
      theme,
    ),
  );
}

// ---- cover, divider, closing ----

function fitCover(d: DraftOf<'cover'>, theme: DeckTemplate): FittedSlide {
  const f = theme.frames.cover;
  const title = fitInBox(f.title, d.title);
  const sub = d.subtitle ? fitInBox(f.subtitle, d.subtitle) : null;
  return {
    ...d,
    title: title.text,
    ...(sub ? { subtitle: sub.text } : {}),
    notes: withTitleNote(joinNotes(d.notes, sub?.cut ? `副标题：${d.subtitle}` : ''), d.title, title.cut),
    ...condensedOf(d, title.cut || sub?.cut ? d.itemIds : []),
    fit: { title: title.size, ...(sub ? { body: sub.size } : {}) },
  };
}

function fitFramed(d: DraftOf<'divider' | 'closing'>, box: TextBox): FittedSlide {
  const title = fitInBox(box, d.title);
  return {
    ...d,
    title: title.text,
    notes: withTitleNote(d.notes, d.title, title.cut),
    fit: { title: title.size },
    ...condensedOf(d, title.cut ? d.itemIds : []),
  };
}

/** Fit one drafted slide; it may become several. */
export function fitSlide(d: SlideDraft, theme: DeckTemplate): FittedSlide[] {
  switch (d.layout) {
    case 'cover':
      return [fitCover(d, theme)];
    case 'divider':
      return [fitFramed(d, theme.frames.divider.title)];
    case 'closing':
      return [fitFramed(d, theme.frames.closing.title)];
    case 'agenda':
      return fitAgenda(d, theme);
    case 'bullets':
      return fitBullets(d, theme);
    case 'figures':
      return fitFigures(d, theme);
    case 'image':
      return fitImage(d, theme);
    case 'chart':
      return fitChart(d, theme);
    case 'table':
      return fitTable(d, theme);
    case 'quote':
      return fitQuote(d, theme);
  }
}

/** Fit every drafted slide to the theme, splitting where needed. */
export function fitSlides(drafts: readonly SlideDraft[], theme: DeckTemplate): FittedSlide[] {
  return drafts.flatMap((d) => fitSlide(d, theme));
}
