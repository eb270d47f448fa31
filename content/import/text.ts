import type { RawBlock } from '../model/report';

/**
 * Split plain text (a .txt file, pasted text) into raw blocks: one block per non-empty line,
 * since office text puts each paragraph on its own line and newspapers separate them with
 * blank lines. Line numbers are kept so every item can be traced back.
 */
export function textToRawBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = normalizeLine(lines[i] ?? '');
    if (line === '') continue;
    blocks.push({ type: 'text', id: `b${blocks.length + 1}`, text: line, src: { line: i + 1 } });
  }
  return blocks;
}

/** Trim a line, including full-width spaces and the paragraph indent office files use. */
export function normalizeLine(line: string): string {
  return line.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0]+$/g, '');
}
