import type { Doc, DocBlock } from '../model';
import { paginateBrief } from './paginate';
import type { BriefTemplate } from './schema';

/**
 * 「压缩到 N 页」: a composed brief cut down to a page budget, whole sentences at a time. The title,
 * every heading and every point's lead stay; what goes first is what a leader misses least —
 * a sentence said before, then rhetoric (「成绩来之不易」), then sentences with neither a number nor
 * a result, then pictures, then results without numbers, then tables, and only last sentences
 * with numbers; only when the brief is still too long, whole points (their leads) and then
 * subheadings, so the page budget holds. Everything left out is listed, so the desk can show it and put any of it back.
 * Pages are counted by `paginateBrief`, the count the desk and the preview show.
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
  /** false when even with everything droppable left out the brief is longer than the budget */
  fits: boolean;
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

interface Unit {
  key: string;
  block: number;
  /** the sentence's index in its block's text, or -1 for a whole block */
  sentence: number;
  rank: number;
  reason: string;
  kind: LeftOut['kind'];
  text: string;
  itemId?: string;
  /** the first sentence of its paragraph, which usually says what the rest is about */
  first: boolean;
}

const REASONS = ['重复', '修辞', '无数据', '图片', '结果', '表格', '数据', '要点', '小标题'] as const;

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

function unitsOf(doc: Doc): Unit[] {
  const units: Unit[] = [];
  const seen: string[] = [];
  doc.blocks.forEach((b, i) => {
    const id = b.itemId ?? `b${i}`;
    const item = b.itemId ? { itemId: b.itemId } : {};
    if (b.kind === 'point') seen.push(bare(b.lead));
    const sentences = (text: string): void =>
      splitSentences(text).forEach((s, k) => {
        const rank = sentenceRank(s, seen);
        seen.push(bare(s));
        units.push({
          key: `${id}#${k}`,
          block: i,
          sentence: k,
          rank,
          reason: REASONS[rank] ?? '数据',
          kind: 'sentence',
          text: s.trim(),
          first: k === 0,
          ...item,
        });
      });
    const text = bodyText(b);
    if (text !== null && b.kind !== 'point') {
      sentences(text);
      return;
    }
    if (b.kind === 'point') sentences(b.text);
    // a point's lead and a subheading go only when nothing else is left to drop, the subheading last
    if (b.kind === 'point')
      units.push({
        key: `${id}#lead`,
        block: i,
        sentence: -1,
        rank: 7,
        reason: '要点',
        kind: 'point',
        text: `${b.marker ?? ''}${b.lead}`,
        first: false,
        ...item,
      });
    if (b.kind === 'heading' && b.level >= 2)
      units.push({
        key: `${id}#heading`,
        block: i,
        sentence: -1,
        rank: 8,
        reason: '小标题',
        kind: 'heading',
        text: `${b.number}${b.text}`,
        first: false,
        ...item,
      });
    if (b.kind === 'image' || b.kind === 'table' || b.kind === 'stats') {
      const rank = b.kind === 'image' ? 3 : 5;
      units.push({
        key: `${id}#all`,
        block: i,
        sentence: -1,
        rank,
        reason: REASONS[rank] ?? '',
        kind: b.kind === 'image' ? 'figure' : 'table',
        text: b.caption,
        first: false,
        ...item,
      });
    }
  });
  // first to go: lowest rank; within it, not the paragraph's opening sentence, and later before earlier
  return units.sort(
    (a, b) =>
      a.rank - b.rank || Number(a.first) - Number(b.first) || b.block - a.block || b.sentence - a.sentence,
  );
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

export interface CondenseOptions {
  /** keys of left-out items staff put back: never left out again */
  keep?: ReadonlySet<string>;
  /** height the page's own content takes on the first page before the brief (an office template's letterhead), twips */
  headroom?: number;
}

/**
 * Condense a brief to at most `maxPages` pages. The last page keeps three lines free, so that a
 * renderer that wraps one line more than the count (a different font's widths) still fits.
 */
export function condenseBrief(
  doc: Doc,
  t: BriefTemplate,
  maxPages: number,
  options: CondenseOptions = {},
): CondensedBrief {
  const keep = options.keep ?? new Set<string>();
  const units = unitsOf(doc).filter((u) => !keep.has(u.key));
  const fitsIn = (d: Doc): { ok: boolean; pages: number } => {
    const p = paginateBrief(d, t, undefined, options.headroom ?? 0);
    return {
      ok: p.count < maxPages || (p.count === maxPages && p.lastPageFree >= 3 * t.lineTwips),
      pages: p.count,
    };
  };
  const first = fitsIn(doc);
  if (first.ok) return { doc, leftOut: [], pages: first.pages, fits: true };
  // the fewest units to drop, by halving: each more unit dropped never lengthens the brief
  let lo = 1;
  let hi = units.length;
  const all = fitsIn(without(doc, units));
  if (!all.ok)
    return { doc: without(doc, units), leftOut: units.map(leftOut), pages: all.pages, fits: false };
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fitsIn(without(doc, units.slice(0, mid))).ok) hi = mid;
    else lo = mid + 1;
  }
  const dropped = units.slice(0, lo);
  const condensed = without(doc, dropped);
  return { doc: condensed, leftOut: dropped.map(leftOut), pages: fitsIn(condensed).pages, fits: true };
}

const leftOut = (u: Unit): LeftOut => ({
  key: u.key,
  kind: u.kind,
  text: u.text,
  reason: u.reason,
  ...(u.itemId ? { itemId: u.itemId } : {}),
});
