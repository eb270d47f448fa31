/**
 * What a document says about its own words: how often each pair of adjacent characters occurs in
 * it, and how its sentences begin. A seam between two blocks whose characters the document joins
 * elsewhere (「理」+「体」 as in 「管理体制」) is a word cut in two; a block opening the way the
 * document's clauses open (「上半年」) starts something new. The repair rules ask only these counts.
 */

/**
 * Counts of adjacent character pairs across the document, built once (no pairwise scans), and of
 * the triples around rare pairs, which is all the fragment rules need of triples.
 */
export class PairCounts {
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
export const RARE_PAIR = 4;
const tripleKey = (a: number, b: number, c: number): number => (a * 0x10000 + b) * 0x10000 + c;

/**
 * The block starts mid-word: its first two characters begin nothing elsewhere in the document,
 * or only where the same character as the seam precedes them (「平」+「安建设」 as in 「平安建设」).
 */
export function rareStart(text: string, pairs: PairCounts): boolean {
  return text.length >= 2 && pairs.startElsewhere(text) < RARE_PAIR;
}

/** How well a fragment finishes a cut-off paragraph: how often the document joins the two characters at the seam. */
export function orphanFit(head: string, fragment: string, pairs: PairCounts): number {
  const elsewhere = pairs.startElsewhere(fragment);
  if (elsewhere <= 0) return pairs.seam(head, fragment);
  // the fragment's start occurs elsewhere: only if every such place reads head+fragment is it a fit
  const triple = pairs.seamTriple(head, fragment);
  return triple >= elsewhere ? triple : 0;
}
