import type { RawBlock, Unreadable } from '../model/report';
import { decodeTextStream, type DecodeNote } from './decode';
import { BuildBudget } from './limits';

/**
 * Split plain text (a .txt file, pasted text) into raw blocks: one block per non-empty line,
 * since office text puts each paragraph on its own line and newspapers separate them with
 * blank lines. Line numbers are kept so every item can be traced back, the number of blank
 * lines before a block, since a wide gap is where a newspaper picture was, and the line's indent,
 * since in text copied out of a PDF an indent is where a paragraph starts. Lines of one paragraph
 * wrapped at the page width stay apart here: analysis reads them back as one, as a repair.
 */
export function textToRawBlocks(text: string): RawBlock[] {
  const lines = new LineReader();
  lines.push(text);
  return lines.finish();
}

/**
 * Decode a text file and split it into raw blocks, chunk by chunk (a 50 MB file never sits in memory
 * twice). A line the decoder had to repair carries what it did, for the report to list.
 */
export function bytesToRawBlocks(bytes: Uint8Array, onProgress?: (fraction: number) => void): RawBlock[] {
  const lines = new LineReader();
  decodeTextStream(bytes, (t, notes) => lines.push(t, notes), onProgress);
  return lines.finish();
}

/**
 * Collects lines from text arriving in pieces; a line cut between two pieces is kept whole. Stops
 * at the import's limit on paragraphs, as the lines come.
 */
class LineReader {
  private readonly blocks: RawBlock[] = [];
  private readonly budget = new BuildBudget();
  private carry = '';
  private lineNo = 0;
  private blank = 0;
  private pendingCR = false;
  /** decode notes not yet given to a line, `at` counted from the start of `carry` */
  private notes: DecodeNote[] = [];

  push(piece: string, notes: readonly DecodeNote[] = []): void {
    const carried = this.carry.length;
    for (const n of notes) this.notes.push({ ...n, at: carried + n.at });
    let text = this.carry + piece;
    let shift = 0;
    // a CR at the end of one piece and LF at the start of the next are one line break
    if (this.pendingCR && text.startsWith('\n')) {
      text = text.slice(1);
      shift = 1;
    }
    this.pendingCR = false;
    const re = /\r\n|\r|\n|\f/g;
    let from = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '\r' && m.index === text.length - 1) {
        this.pendingCR = true;
      }
      this.line(text.slice(from, m.index), this.takeNotes(m.index + shift));
      from = m.index + m[0].length;
    }
    this.carry = text.slice(from);
    this.rebase(from + shift);
  }

  finish(): RawBlock[] {
    if (this.carry !== '') this.line(this.carry, this.takeNotes(Infinity));
    this.carry = '';
    return this.blocks;
  }

  /** The notes of the line that ends at `end`. */
  private takeNotes(end: number): DecodeNote[] {
    if (this.notes.length === 0 || (this.notes[0]?.at ?? Infinity) > end) return [];
    const mine = this.notes.filter((n) => n.at <= end);
    this.notes = this.notes.filter((n) => n.at > end);
    return mine;
  }

  /** The text before `consumed` has been read into lines: count the notes from what is left. */
  private rebase(consumed: number): void {
    for (const n of this.notes) n.at -= consumed;
  }

  private line(raw: string, notes: readonly DecodeNote[]): void {
    this.lineNo++;
    const line = normalizeLine(raw);
    if (line === '') {
      this.blank++;
      return;
    }
    this.budget.block(line.length);
    const block: RawBlock = {
      type: 'text',
      id: `b${this.blocks.length + 1}`,
      text: line,
      src: { line: this.lineNo },
    };
    const indent = indentOf(raw);
    if (this.blank > 0 || indent > 0) {
      block.hints = {};
      if (this.blank > 0) block.hints.gapBefore = this.blank;
      if (indent > 0) block.hints.indent = indent;
    }
    if (notes.length > 0) block.unreadable = notes.map(toUnreadable);
    this.blank = 0;
    this.blocks.push(block);
  }
}

/**
 * How far a line is indented, in full-width characters: a full-width space is one, an ASCII space
 * half, a tab two. A text copied out of a PDF keeps the indent of a paragraph's first line.
 */
function indentOf(line: string): number {
  let half = 0;
  for (const ch of line) {
    if (ch === '\u3000') half += 2;
    else if (ch === ' ' || ch === '\u00a0') half += 1;
    else if (ch === '\t') half += 4;
    else if (ch !== '\ufeff') break;
  }
  return half / 2;
}
const toUnreadable = ({ how, count, before, after }: DecodeNote): Unreadable => ({
  how,
  count,
  before,
  after,
});

/** Trim a line, including full-width spaces and the paragraph indent office files use. */
export function normalizeLine(line: string): string {
  return line.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0]+$/g, '');
}
