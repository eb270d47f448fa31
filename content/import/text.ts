import type { RawBlock } from '../model/report';
import { decodeTextStream } from './decode';

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

/** Decode a text file and split it into raw blocks, chunk by chunk (a 50 MB file never sits in memory twice). */
export function bytesToRawBlocks(bytes: Uint8Array, onProgress?: (fraction: number) => void): RawBlock[] {
  const lines = new LineReader();
  decodeTextStream(bytes, (t) => lines.push(t), onProgress);
  return lines.finish();
}

/** Collects lines from text arriving in pieces; a line cut between two pieces is kept whole. */
class LineReader {
  private readonly blocks: RawBlock[] = [];
  private carry = '';
  private lineNo = 0;
  private blank = 0;
  private pendingCR = false;

  push(piece: string): void {
    let text = this.carry + piece;
    // a CR at the end of one piece and LF at the start of the next are one line break
    if (this.pendingCR && text.startsWith('\n')) text = text.slice(1);
    this.pendingCR = false;
    const re = /\r\n|\r|\n|\f/g;
    let from = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '\r' && m.index === text.length - 1) {
        this.pendingCR = true;
      }
      this.line(text.slice(from, m.index));
      from = m.index + m[0].length;
    }
    this.carry = text.slice(from);
  }

  finish(): RawBlock[] {
    if (this.carry !== '') this.line(this.carry);
    this.carry = '';
    return this.blocks;
  }

  private line(raw: string): void {
    this.lineNo++;
    const line = normalizeLine(raw);
    if (line === '') {
      this.blank++;
      return;
    }
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

/** Trim a line, including full-width spaces and the paragraph indent office files use. */
export function normalizeLine(line: string): string {
  return line.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0]+$/g, '');
}
