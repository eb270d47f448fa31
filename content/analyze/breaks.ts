import { isMetaLine, isTitleLine } from './front-matter';
import type { RawBlock } from '../model/report';
import { repairId } from './ids';
import { orphanFit, rareStart, type PairCounts } from './pairs';
import { matchPoint } from './points';
import type { Suggestion, TextBlock } from './repair';
import { HEADING_PATTERNS, OPENING, SECTION_LABELS, endsParagraph, joinText } from './text-rules';

/**
 * Repair of paragraphs broken by a newspaper's or a PDF's page and column breaks. Three kinds of
 * damage show up there:
 * (a) a paragraph cut by a page or column break, its rest in the next block (`joined`);
 * (b) a short fragment repeating the tail of the paragraph before it: the layout printed the last
 *     line twice across a jump (`duplicate`);
 * (c) an orphan fragment far from the paragraph it finishes: a jump to another column (`orphan`).
 */

/** A newspaper line is at most this long; longer blocks are paragraphs even without punctuation. */
const MAX_LINE_CHARS = 30;
const MAX_DUPLICATE_CHARS = 24;
/** How far (in blocks) an orphan fragment may sit from the paragraph it finishes. */
const ORPHAN_WINDOW = 120;
const SEAM_CONTEXT = 12;

const isNumberedHeading = (text: string): boolean => HEADING_PATTERNS.some(({ re }) => re.test(text));

/** A short line with no sentence punctuation: a newspaper heading, or a cut-off scrap. */
const isLineLike = (text: string): boolean => text.length <= MAX_LINE_CHARS && !/[。！？!?；;]/.test(text);

/** A paragraph (not a heading line) whose last sentence is cut off. */
function isUnfinishedParagraph(b: TextBlock): boolean {
  if (b.hints?.heading || isNumberedHeading(b.text) || SECTION_LABELS.test(b.text)) return false;
  // a signature's unit or date, a speaker's byline: complete on its own line
  if (isMetaLine(b.text)) return false;
  return !isLineLike(b.text) && !endsParagraph(b.text);
}

/** Could this block be the rest of a sentence begun elsewhere? Headings, labels and lead-in points open something new. */
function mayContinue(b: TextBlock): boolean {
  if (b.hints?.heading || isNumberedHeading(b.text) || SECTION_LABELS.test(b.text)) return false;
  if (isMetaLine(b.text)) return false;
  if (OPENING.test(b.text)) return false;
  return matchPoint(b.text) === null;
}

const seamText = (head: string, rest: string): string =>
  `…${head.slice(-SEAM_CONTEXT)}｜${rest.slice(0, SEAM_CONTEXT)}…`;

/**
 * Find the page- and column-break repairs among paragraphs (text blocks whose wrapped lines are
 * already read as one). `ended` names paragraphs the page layout shows finished, though their last
 * sentence has no full stop: they are never read on into the next block.
 */
export function findBreakRepairs(
  raw: readonly RawBlock[],
  isText: (b: RawBlock | undefined) => b is TextBlock,
  pairs: PairCounts,
  ended: ReadonlySet<string> = new Set(),
): Suggestion[] {
  const repairs: Suggestion[] = [];

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
  // the first line of a text, shaped as a title, is its headline: never the start of a paragraph
  const first = raw.findIndex((b) => isText(b));
  for (let i = 0; i + 1 < raw.length; i++) {
    const head = raw[i];
    const next = raw[i + 1];
    if (!isText(head) || !isText(next) || duplicate.has(i) || duplicate.has(i + 1)) continue;
    if (i === first && isTitleLine(head.text)) continue;
    if (!isUnfinishedParagraph(head) || ended.has(head.id) || !mayContinue(next)) continue;
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
    if (isUnfinishedParagraph(f) && !ended.has(f.id) && !duplicate.has(j) && (!own || !own.strong))
      heads.push(j);
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
  const order = new Map(raw.map((b, i) => [b.id, i]));
  return repairs.sort(
    (a, b) => (order.get(a.blockIds[1] ?? '') ?? 0) - (order.get(b.blockIds[1] ?? '') ?? 0),
  );
}
