import type { BlockRole, Decisions, RawBlock, RawHints, Repair, SourceRef } from '../model/report';
import { matchPoint } from './points';
import { HEADING_PATTERNS, OPENING, SECTION_LABELS, endsParagraph, joinText } from './text-rules';

/**
 * Repair of text pasted from a newspaper page or a PDF. Three kinds of damage show up there:
 * (a) a paragraph cut by a page or column break, its rest in the next block;
 * (b) a short fragment repeating the tail of the paragraph before it (the layout printed the
 *     last line twice across a jump);
 * (c) an orphan fragment far from the paragraph it finishes (a jump to another column).
 *
 * Suggestions are found from the raw blocks alone; whether each is applied is the staff's
 * decision (applied unless they undo it). So analysis stays a pure function of (raw, decisions).
 */

type TextBlock = Extract<RawBlock, { type: 'text' }>;

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

/** A newspaper line is at most this long; longer blocks are paragraphs even without punctuation. */
const MAX_LINE_CHARS = 30;
const MAX_DUPLICATE_CHARS = 24;
/** How far (in blocks) an orphan fragment may sit from the paragraph it finishes. */
const ORPHAN_WINDOW = 120;
const SEAM_CONTEXT = 12;

/**
 * Counts of adjacent character pairs across the document, built once (no pairwise scans), and of
 * the triples around rare pairs, which is all the fragment rules need of triples.
 */
class PairCounts {
  private readonly pairs = new Map<number, number>();
  private readonly triples = new Map<number, number>();
  // characters get small ids so that pair keys stay small integers, which Map hashes fastest
  private readonly ids = new Uint16Array(0x10000);
  private nextId = 1;

  /** pairs that open a block or a clause: how sentences in this document begin */
  private readonly openers = new Map<number, number>();

  constructor(texts: readonly string[]) {
    for (const text of texts) {
      let prev = text.length > 0 ? this.id(text.charCodeAt(0)) : 0;
      for (let i = 1; i < text.length; i++) {
        const cur = this.id(text.charCodeAt(i));
        const key = prev * 0x8000 + cur;
        this.pairs.set(key, (this.pairs.get(key) ?? 0) + 1);
        // the pair (i-1, i) opens the block, or a clause after a stop or comma
        if (i === 1 || CLAUSE_BREAKS.has(text.charCodeAt(i - 2)))
          this.openers.set(key, (this.openers.get(key) ?? 0) + 1);
        prev = cur;
      }
    }
    // triples are only ever asked about for a block start that is a rare pair: count just those
    const rareStarts = new Set<number>();
    for (const text of texts) {
      if (text.length < 2) continue;
      const key = this.key(text.charCodeAt(0), text.charCodeAt(1));
      if ((this.pairs.get(key) ?? 0) <= RARE_PAIR) rareStarts.add(key);
    }
    if (rareStarts.size === 0) return;
    for (const text of texts) {
      for (let i = 1; i + 1 < text.length; i++) {
        if (!rareStarts.has(this.key(text.charCodeAt(i), text.charCodeAt(i + 1)))) continue;
        const key = tripleKey(text.charCodeAt(i - 1), text.charCodeAt(i), text.charCodeAt(i + 1));
        this.triples.set(key, (this.triples.get(key) ?? 0) + 1);
      }
    }
  }

  private id(code: number): number {
    let id = this.ids[code] ?? 0;
    if (id === 0) {
      // past 32,767 distinct characters the rest share one id: counts only get more cautious
      id = this.nextId < 0x7fff ? this.nextId++ : 0x7fff;
      this.ids[code] = id;
    }
    return id;
  }

  private key(a: number, b: number): number {
    return (this.ids[a] ?? 0) * 0x8000 + (this.ids[b] ?? 0);
  }

  private countCodes(a: number, b: number): number {
    return this.pairs.get(this.key(a, b)) ?? 0;
  }

  /** occurrences of (last character of a, first of b) */
  seam(a: string, b: string): number {
    if (!a || !b) return 0;
    return this.countCodes(a.charCodeAt(a.length - 1), b.charCodeAt(0));
  }

  /** times the first two characters of text open a block or clause elsewhere */
  opensElsewhere(text: string): number {
    return (this.openers.get(this.key(text.charCodeAt(0), text.charCodeAt(1))) ?? 0) - 1;
  }

  /** occurrences of the first two characters of text, other than at its own start */
  startElsewhere(text: string): number {
    return this.countCodes(text.charCodeAt(0), text.charCodeAt(1)) - 1;
  }

  /** occurrences of (last character of a, first two of b), for a rare pair at b's start */
  seamTriple(a: string, b: string): number {
    return this.triples.get(tripleKey(a.charCodeAt(a.length - 1), b.charCodeAt(0), b.charCodeAt(1))) ?? 0;
  }
}

const CLAUSE_BREAKS = new Set([...'，,。；;：:！？!?、“”"'].map((c) => c.charCodeAt(0)));

/** A pair seen at most this often elsewhere still counts as a rare word start. */
const RARE_PAIR = 4;
const tripleKey = (a: number, b: number, c: number): number => (a * 0x10000 + b) * 0x10000 + c;

const isNumberedHeading = (text: string): boolean => HEADING_PATTERNS.some(({ re }) => re.test(text));

/** A short line with no sentence punctuation: a newspaper heading, or a cut-off scrap. */
const isLineLike = (text: string): boolean => text.length <= MAX_LINE_CHARS && !/[。！？!?；;]/.test(text);

/** A paragraph (not a heading line) whose last sentence is cut off. */
function isUnfinishedParagraph(b: TextBlock): boolean {
  if (b.hints?.heading || isNumberedHeading(b.text) || SECTION_LABELS.test(b.text)) return false;
  return !isLineLike(b.text) && !endsParagraph(b.text);
}

/** Could this block be the rest of a sentence begun elsewhere? Headings, labels and lead-in points open something new. */
function mayContinue(b: TextBlock): boolean {
  if (b.hints?.heading || isNumberedHeading(b.text) || SECTION_LABELS.test(b.text)) return false;
  if (OPENING.test(b.text)) return false;
  return matchPoint(b.text) === null;
}

const seamText = (head: string, rest: string): string =>
  `…${head.slice(-SEAM_CONTEXT)}｜${rest.slice(0, SEAM_CONTEXT)}…`;

const repairId = (kind: Repair['kind'], ids: readonly string[]): string => `r-${kind}-${ids.join('-')}`;

/**
 * Find the repairs a pasted text needs. Pure and deterministic: the same raw blocks always give
 * the same suggestions with the same ids, so a staff decision about one survives re-analysis.
 */
export function findRepairs(
  raw: readonly RawBlock[],
  roles: Readonly<Record<string, BlockRole>> = {},
): Omit<Repair, 'applied'>[] {
  // blocks staff have called a heading or a caption are not paragraphs to repair
  const isText = (b: RawBlock | undefined): b is TextBlock =>
    !!b && b.type === 'text' && roles[b.id] !== 'heading' && roles[b.id] !== 'caption';
  const pairs = new PairCounts(raw.flatMap((b) => (b.type === 'text' ? [b.text] : [])));
  const repairs: Omit<Repair, 'applied'>[] = [];

  // (b) a short repeat of the previous paragraph's tail
  const duplicate = new Set<number>();
  for (let i = 1; i < raw.length; i++) {
    const prev = raw[i - 1];
    const b = raw[i];
    if (!isText(prev) || !isText(b) || b.text.length > MAX_DUPLICATE_CHARS * 2) continue;
    const frag = b.text.replace(/\s+/g, '');
    if (frag.length < 3 || frag.length > MAX_DUPLICATE_CHARS) continue;
    const before = prev.text.slice(-frag.length * 3).replace(/\s+/g, '');
    if (before.length > frag.length && before.endsWith(frag)) {
      duplicate.add(i);
      repairs.push({
        id: repairId('duplicate', [prev.id, b.id]),
        kind: 'duplicate',
        blockIds: [prev.id, b.id],
        before: `…${prev.text.slice(-SEAM_CONTEXT)}｜${b.text}`,
        after: `…${prev.text.slice(-SEAM_CONTEXT)}`,
      });
    }
  }

  // (a) candidates: an unfinished paragraph and the block right after it. A join whose seam makes
  // a character pair the document uses elsewhere (「理」+「体」 as in 「管理体制」) is strong; one
  // whose seam pair occurs nowhere is weak and yields to a better-fitting orphan head below.
  interface Candidate {
    head: number;
    next: number;
    strong: boolean;
  }
  const tentative = new Map<number, Candidate>(); // by head index
  const joinedFrom = new Map<number, Candidate>(); // by next index
  for (let i = 0; i + 1 < raw.length; i++) {
    const head = raw[i];
    const next = raw[i + 1];
    if (!isText(head) || !isText(next) || duplicate.has(i) || duplicate.has(i + 1)) continue;
    if (!isUnfinishedParagraph(head) || !mayContinue(next)) continue;
    const seam = pairs.seam(head.text, next.text);
    // a short unpunctuated line after a cut paragraph is usually the next heading; only a seam
    // the document itself vouches for, onto a start that begins no word, makes it a continuation
    if (isLineLike(next.text) && orphanFit(head.text, next.text, pairs) === 0) continue;
    // with no seam evidence, the next block must at least not start the way this document's
    // sentences start: 「长制」 and 「课堂」 never open a clause elsewhere, 「上半年」 does. A
    // paragraph that merely lacks its full stop stays apart from the next one.
    if (seam === 0 && pairs.opensElsewhere(next.text) > 0) continue;
    const c: Candidate = { head: i, next: i + 1, strong: seam > 0 };
    tentative.set(i, c);
    joinedFrom.set(i + 1, c);
  }

  // (c) orphans: a fragment whose first characters begin no word of this document, but finish
  // the cut-off last word of an unfinished paragraph before it (「…排查整改安」+「全隐患…」).
  const claimed = new Set<number>();
  const heads: number[] = [];
  for (let j = 0; j < raw.length; j++) {
    const f = raw[j];
    if (!isText(f)) continue;
    const incoming = joinedFrom.get(j);
    const canBeOrphan =
      !duplicate.has(j) && (!incoming || !incoming.strong) && mayContinue(f) && rareStart(f.text, pairs);
    if (canBeOrphan) {
      let best = -1;
      let bestSeam = 0;
      for (let k = heads.length - 1; k >= 0; k--) {
        const h = heads[k] ?? -1;
        if (j - h > ORPHAN_WINDOW) break;
        if (claimed.has(h) || h === incoming?.head) continue;
        const seam = orphanFit((raw[h] as TextBlock).text, f.text, pairs);
        if (seam > bestSeam) {
          best = h;
          bestSeam = seam;
        }
      }
      if (best >= 0) {
        claimed.add(best);
        if (incoming) {
          tentative.delete(incoming.head);
          joinedFrom.delete(j);
        }
        const head = raw[best] as TextBlock;
        repairs.push({
          id: repairId('orphan', [head.id, f.id]),
          kind: 'orphan',
          blockIds: [head.id, f.id],
          before: seamText(head.text, f.text),
          after: `…${joinText(head.text.slice(-SEAM_CONTEXT), f.text.slice(0, SEAM_CONTEXT))}…`,
        });
      }
    }
    // a paragraph left unfinished, with no strong continuation after it, may be finished by an orphan later
    const own = tentative.get(j);
    if (isUnfinishedParagraph(f) && !duplicate.has(j) && (!own || !own.strong)) heads.push(j);
  }

  for (const c of tentative.values()) {
    if (claimed.has(c.head)) continue;
    const head = raw[c.head] as TextBlock;
    const next = raw[c.next] as TextBlock;
    repairs.push({
      id: repairId('joined', [head.id, next.id]),
      kind: 'joined',
      blockIds: [head.id, next.id],
      before: seamText(head.text, next.text),
      after: `…${joinText(head.text.slice(-SEAM_CONTEXT), next.text.slice(0, SEAM_CONTEXT))}…`,
    });
  }
  repairs.push(...unreadableRepairs(raw));
  const order = new Map(raw.map((b, i) => [b.id, i]));
  return repairs.sort(
    (a, b) =>
      (order.get(a.blockIds[1] ?? a.blockIds[0] ?? '') ?? 0) -
      (order.get(b.blockIds[1] ?? b.blockIds[0] ?? '') ?? 0),
  );
}

/**
 * What the importer could not read, one repair per block and kind: already done (bytes marked �,
 * a line read as GB18030, a linked picture skipped) and listed so that nothing is lost silently.
 */
function unreadableRepairs(raw: readonly RawBlock[]): Omit<Repair, 'applied'>[] {
  const out: Omit<Repair, 'applied'>[] = [];
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
 * The block starts mid-word: its first two characters begin nothing elsewhere in the document,
 * or only where the same character as the seam precedes them (「平」+「安建设」 as in 「平安建设」).
 */
function rareStart(text: string, pairs: PairCounts): boolean {
  return text.length >= 2 && pairs.startElsewhere(text) < RARE_PAIR;
}

/** How well a fragment finishes a cut-off paragraph: how often the document joins the two characters at the seam. */
function orphanFit(head: string, fragment: string, pairs: PairCounts): number {
  const elsewhere = pairs.startElsewhere(fragment);
  if (elsewhere <= 0) return pairs.seam(head, fragment);
  // the fragment's start occurs elsewhere: only if every such place reads head+fragment is it a fit
  const triple = pairs.seamTriple(head, fragment);
  return triple >= elsewhere ? triple : 0;
}

/**
 * Apply the repairs the staff keep: read joined and orphan fragments into the paragraph they
 * finish, drop duplicates. Each resulting block keeps its first raw block's id.
 */
export function applyRepairs(
  raw: readonly RawBlock[],
  suggestions: readonly Omit<Repair, 'applied'>[],
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
    const [a, b] = r.blockIds;
    if (!a || !b) continue;
    if (r.kind === 'duplicate') dropped.add(b);
    else {
      next.set(a, b);
      continued.add(b);
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
    for (let id = next.get(b.id); id !== undefined && !parts.includes(id); id = next.get(id)) {
      const part = byId.get(id);
      if (!part || part.type !== 'text') break;
      text = joinText(text, part.text);
      parts.push(id);
    }
    const out: RepairedText = { type: 'text', id: b.id, text, parts };
    if (b.hints) out.hints = b.hints;
    if (b.src) out.src = b.src;
    blocks.push(out);
  }
  return { blocks, repairs };
}
