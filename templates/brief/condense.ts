import type { Doc, DocBlock } from '../model';
import { paginateBrief } from './paginate';
import { textCells } from './format';
import { gridCharSpacing, typeArea, type BriefTemplate } from './schema';

/**
 * 「压缩到 N 页」: a composed brief cut down to a page budget, whole sentences at a time (a 「，」 is
 * never a cut: a point's lead that stops at one goes with the sentence it runs into). The title,
 * every heading and every section's first sentence always stay; what goes first is what a leader
 * misses least — a sentence said before, then rhetoric (「成绩来之不易」), then sentences with
 * neither a number nor a result, then pictures, then results without numbers, then tables, then
 * sentences with numbers, then each paragraph's and point's first number-bearing sentence, and last
 * the points' leads — each rank trimmed evenly across sections. Everything left out is listed, so
 * the desk can show it and put any of it back. Pages are counted by `paginateBrief`, the count the
 * desk and the preview show.
 */

/** Something the condensed brief leaves out: one sentence, or one picture or table. */
export interface LeftOut {
  /** stable while the brief's items stay: the item (or block index) and the sentence's place in it */
  key: string;
  itemId?: string;
  kind: 'sentence' | 'figure' | 'table' | 'point' | 'heading';
  /** the sentence, or the caption */
  text: string;
  /** why it went before others: 重复 / 修辞 / 无数据 / 图片 / 表格 / 数据 */
  reason: string;
}

export interface CondensedBrief {
  doc: Doc;
  leftOut: LeftOut[];
  pages: number;
  /**
   * false when even the headings with each section's first sentence are longer than the budget:
   * then `doc` is the brief whole (nothing left out) and `floorPages` the least it can be
   */
  fits: boolean;
  floorPages?: number;
}

/** Sentences end at 。！？ (with any closing quotes); a 「；」 only parts clauses of one sentence. */
export function splitSentences(text: string): string[] {
  return text.match(/[^。！？!?]+(?:[。！？!?]+[”’」』）)]*|$)/g)?.filter((s) => s.trim()) ?? [];
}

const HAS_NUMBER =
  /[0-9０-９]|[一二三四五六七八九十两百千万亿]+(?:个|项|家|所|次|人|条|座|批|件|户|场|支|名|亩|吨|公里|万|亿)/;
const RESULT =
  /完成|实现|达到|达|增长|下降|提高|提升|减少|建成|开工|投产|竣工|新增|新建|签约|落地|获评|获批|入选|排名|位列|占|覆盖|出台|印发|制定|查处|整改|累计/;
/** Words that praise, exhort or sum up rather than report. */
const RHETORIC =
  /来之不易|殊为难得|弥足珍贵|生动注脚|沉甸甸|凝聚着|充分体现|充分说明|充分展示|良好态势|稳中有进|进中向好|奋力|鼓足干劲|奋勇争先|昂扬|砥砺|踔厉|笃行|同志们|让我们|我们将|我们要|务必|高度负责|总而言之|总之|回顾|展望|必将|坚定不移|信心|决心|重于泰山/;

/** The sentence as compared for repetition: its characters without punctuation or spaces. */
const bare = (s: string): string => s.replace(/[\s\p{P}]/gu, '');

/**
 * A point's lead that is a whole sentence (「工业经济稳中有进。」). A lead that stops at 「，」 「：」
 * 「；」 (「一是经济增长基础还不够稳固，」) is only the start of the sentence its text goes on with, so
 * the two stay or go together: a brief never ends a point on a comma.
 */
const WHOLE_LEAD = /[。！？!?][”’」』）)]*\s*$/;

interface Unit {
  key: string;
  block: number;
  /** the sentence's index in its block's text, or -1 for a whole block */
  sentence: number;
  /** the heading (block index) the unit stands under, -1 before the first heading */
  section: number;
  rank: number;
  reason: string;
  kind: LeftOut['kind'];
  text: string;
  itemId?: string;
  /** the number-bearing sentence a paragraph or point leads with: it goes only after the others */
  key1?: boolean;
}

const REASONS = ['重复', '修辞', '无数据', '图片', '结果', '表格', '数据'] as const;
/** Ranks: what goes first is the lowest; then a paragraph's or point's first number-bearing sentence, then a point's lead. */
const KEY = 7;
const LEAD = 8;

function sentenceRank(s: string, seen: readonly string[]): number {
  const b = bare(s);
  if (b.length >= 6 && seen.some((e) => e.includes(b))) return 0;
  const number = HAS_NUMBER.test(s);
  if (!number && RHETORIC.test(s)) return 1;
  if (!number && !RESULT.test(s)) return 2;
  if (!number) return 4;
  return 6;
}

/** The text of a block that may lose sentences (a point's body, a paragraph, a quote). */
const bodyText = (b: DocBlock): string | null =>
  b.kind === 'point' || b.kind === 'paragraph' || b.kind === 'quote' ? b.text : null;

/** How many of a point's first body sentences belong to its lead (0, or 1 when the lead is no whole sentence). */
const gluedTo = (b: DocBlock): number =>
  b.kind === 'point' && !WHOLE_LEAD.test(b.lead) && splitSentences(b.text).length > 0 ? 1 : 0;

/**
 * The brief cut into what may go, and the floor that never goes: the headings and, in every
 * section, its first sentence (or its first point's lead), so that no heading stands bare.
 */
function unitsOf(doc: Doc): { units: Unit[]; floor: Unit[] } {
  const units: Unit[] = [];
  const floor: Unit[] = [];
  const seen: string[] = [];
  let section = -1;
  /** sections whose lead sentence is already on the floor */
  const led = new Set<number>();
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'heading') {
      section = i;
      return;
    }
    const id = b.itemId ?? `b${i}`;
    const item = b.itemId ? { itemId: b.itemId } : {};
    const blockUnits: Unit[] = [];
    const text = bodyText(b);
    if (b.kind === 'point') {
      const glued = gluedTo(b);
      const first = glued ? (splitSentences(b.text)[0] ?? '') : '';
      seen.push(bare(b.lead + first));
      blockUnits.push({
        key: `${id}#lead`,
        block: i,
        sentence: -1,
        section,
        rank: LEAD,
        reason: '要点',
        kind: 'point',
        text: `${b.marker ?? ''}${b.lead}${first.trim()}`,
        ...item,
      });
    }
    if (text !== null) {
      const skip = gluedTo(b);
      let keyed = false;
      splitSentences(text).forEach((s, k) => {
        if (k < skip) return;
        let rank = sentenceRank(s, seen);
        seen.push(bare(s));
        const key1 = rank === 6 && !keyed;
        if (key1) keyed = true;
        if (key1) rank = KEY;
        blockUnits.push({
          key: `${id}#${k}`,
          block: i,
          sentence: k,
          section,
          rank,
          reason: REASONS[Math.min(rank, 6)] ?? '数据',
          kind: 'sentence',
          text: s.trim(),
          ...(key1 ? { key1 } : {}),
          ...item,
        });
      });
    }
    if (b.kind === 'image' || b.kind === 'table' || b.kind === 'stats') {
      const rank = b.kind === 'image' ? 3 : 5;
      blockUnits.push({
        key: `${id}#all`,
        block: i,
        sentence: -1,
        section,
        rank,
        reason: REASONS[rank] ?? '',
        kind: b.kind === 'image' ? 'figure' : 'table',
        text: b.caption,
        ...item,
      });
    }
    // the section's lead: its first sentence or its first point's lead (with the sentence it runs into)
    const lead = led.has(section)
      ? -1
      : blockUnits.findIndex((u) => u.kind === 'point' || u.kind === 'sentence');
    if (lead >= 0) {
      led.add(section);
      floor.push(...blockUnits.splice(lead, 1));
    }
    units.push(...blockUnits);
  });
  return { units: dropOrder(units), floor };
}

/**
 * The order things go in: by rank, and within a rank evenly across sections — each section gives
 * up its last unit of the rank before any gives up its second last, a larger section first — so
 * no section is emptied while another keeps all it had.
 */
function dropOrder(units: Unit[]): Unit[] {
  const groups = new Map<string, Unit[]>();
  for (const u of units) {
    const g = `${u.rank}:${u.section}`;
    const list = groups.get(g) ?? [];
    list.push(u);
    groups.set(g, list);
  }
  const share = new Map<Unit, { f: number; n: number }>();
  for (const list of groups.values())
    list.forEach((u, i) => share.set(u, { f: (i + 1) / list.length, n: list.length }));
  const at = (u: Unit): { f: number; n: number } => share.get(u) ?? { f: 1, n: 1 };
  return [...units].sort(
    (a, b) =>
      a.rank - b.rank ||
      at(b).f - at(a).f ||
      at(b).n - at(a).n ||
      b.block - a.block ||
      b.sentence - a.sentence,
  );
}

/**
 * What leaving out `drop` really leaves out: a point whose lead goes takes its whole text with it,
 * so its sentences are listed too.
 */
function closure(drop: readonly Unit[], units: readonly Unit[]): Unit[] {
  const gone = new Set(drop.filter((u) => u.kind === 'point').map((u) => u.block));
  if (gone.size === 0) return [...drop];
  const inDrop = new Set(drop);
  return [...drop, ...units.filter((u) => gone.has(u.block) && !inDrop.has(u))];
}

/** The brief without the given units: a block whose every sentence went goes too (a point keeps its lead). */
function without(doc: Doc, drop: readonly Unit[]): Doc {
  const sentences = new Map<number, Set<number>>();
  const blocks = new Set<number>();
  for (const u of drop) {
    if (u.sentence < 0) blocks.add(u.block);
    else {
      const set = sentences.get(u.block) ?? new Set<number>();
      set.add(u.sentence);
      sentences.set(u.block, set);
    }
  }
  const out: DocBlock[] = [];
  doc.blocks.forEach((b, i) => {
    if (blocks.has(i)) return;
    const gone = sentences.get(i);
    const text = bodyText(b);
    if (!gone || text === null) {
      out.push(b);
      return;
    }
    const kept = splitSentences(text)
      .filter((_, k) => !gone.has(k))
      .join('');
    if (b.kind === 'point') out.push({ ...b, text: kept });
    else if (kept.trim() && (b.kind === 'paragraph' || b.kind === 'quote')) out.push({ ...b, text: kept });
  });
  return { ...doc, blocks: out };
}

/**
 * Lines a unit put back must leave free on the last page: more than the three the count keeps,
 * as the page count is an estimate and filling to it would turn its every line too few into a
 * page more in LibreOffice.
 */
const FILL_MARGIN = 5;

export interface CondenseOptions {
  /** keys of left-out items staff put back: never left out again */
  keep?: ReadonlySet<string>;
  /** height the page's own content takes on the first page before the brief (an office template's letterhead), twips */
  headroom?: number;
}

/**
 * Condense a brief to at most `maxPages` pages. The last page keeps three lines free, so that a
 * renderer that wraps one line more than the count (a different font's widths) still fits.
 *
 * The fewest units are found by halving along the drop order; then, most important first, each
 * unit left out is tried back, and stays when the brief still fits, so the budget's room is used.
 * When not even the headings with each section's first sentence fit, the brief is given back
 * whole with `fits: false` and `floorPages` (the least it takes): no bare skeleton is made.
 */
export function condenseBrief(
  doc: Doc,
  t: BriefTemplate,
  maxPages: number,
  options: CondenseOptions = {},
): CondensedBrief {
  const keep = options.keep ?? new Set<string>();
  const parts = unitsOf(doc);
  const units = parts.units.filter((u) => !keep.has(u.key));
  const fitsIn = (d: Doc, lines = 3): { ok: boolean; pages: number; spare: boolean } => {
    const p = paginateBrief(d, t, undefined, options.headroom ?? 0);
    // a 版记 on a page of its own is pushed on by a line more of text: the text's page keeps the margin too
    const margin = lines * t.lineTwips;
    // and a 版记 floating under the text wants more: LibreOffice moves it on when the page is tight
    const shared = p.colophon && !p.colophon.newPage ? 2 * t.lineTwips : 0;
    const spare = p.lastPageFree >= margin + shared && (!p.colophon?.newPage || p.textFree >= margin);
    return { ok: p.count < maxPages || (p.count === maxPages && spare), pages: p.count, spare };
  };
  const first = fitsIn(doc);
  if (first.ok) return { doc, leftOut: [], pages: first.pages, fits: true };
  const tryDrop = (drop: readonly Unit[], lines = 3) => fitsIn(without(doc, closure(drop, units)), lines);
  const all = tryDrop(units);
  // the least budget that holds the floor: its pages, one more when its last page has no margin left
  if (!all.ok)
    return { doc, leftOut: [], pages: first.pages, fits: false, floorPages: all.pages + (all.spare ? 0 : 1) };
  // the fewest units to drop, by halving: each more unit dropped never lengthens the brief
  let lo = 1;
  let hi = units.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (tryDrop(units.slice(0, mid)).ok) hi = mid;
    else lo = mid + 1;
  }
  // then put back, the most important first, whatever still fits in the room left; a unit taller
  // than that room (less the line it may share) is not tried
  const dropped = units.slice(0, lo);
  const cell = t.fonts.body.sizePt * 20 + gridCharSpacing(t, t.fonts.body.sizePt);
  const perLine = Math.max(1, Math.floor(typeArea(t).width / cell));
  const roomOf = (d: readonly Unit[]): number => {
    const p = paginateBrief(without(doc, closure(d, units)), t, undefined, options.headroom ?? 0);
    return p.count < maxPages ? Infinity : p.lastPageFree - FILL_MARGIN * t.lineTwips;
  };
  let room = roomOf(dropped);
  for (let k = dropped.length - 1; k >= 0; k--) {
    const u = dropped[k]!;
    const lines = Math.ceil(textCells(u.text) / perLine) - 1;
    if (u.kind === 'sentence' && lines * t.lineTwips > room) continue;
    const trial = dropped.filter((_, j) => j !== k);
    if (tryDrop(trial, FILL_MARGIN).ok) {
      dropped.splice(k, 1);
      room = roomOf(dropped);
    }
  }
  const gone = closure(dropped, units);
  const condensed = without(doc, gone);
  const order = new Map(units.map((u, i) => [u, i]));
  gone.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { doc: condensed, leftOut: gone.map(leftOut), pages: fitsIn(condensed).pages, fits: true };
}

const leftOut = (u: Unit): LeftOut => ({
  key: u.key,
  kind: u.kind,
  text: u.text,
  reason: u.reason,
  ...(u.itemId ? { itemId: u.itemId } : {}),
});
