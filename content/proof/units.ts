import type { ProofUnit } from './types';

/**
 * A report's text as written, line by line: what `briefing check FILE` reads, so each finding
 * names the line and the characters exactly as they stand in the file.
 */
export function textUnits(text: string): ProofUnit[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return lines.map((line, k) => ({ at: { line: k + 1 }, text: line, role: 'body' as const }));
}

/** Remove markdown syntax from a line, remembering where each remaining character stood. */
function strip(line: string, ranges: ReadonlyArray<[number, number]>): { text: string; map: number[] } {
  const drop = new Array<boolean>(line.length).fill(false);
  for (const [s, e] of ranges) for (let i = s; i < e; i++) drop[i] = true;
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (drop[i]) continue;
    text += line[i];
    map.push(i);
  }
  return { text, map };
}

/**
 * Markdown lines with their markup set aside (heading marks, list markers, emphasis, link
 * targets, images, code, table rules): the checker reads the words, and findings still name the
 * characters as the line has them.
 */
export function markdownUnits(text: string): ProofUnit[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let fenced = false;
  return lines.map((line, k): ProofUnit => {
    const at = { line: k + 1 };
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return { at, text: '', role: 'body' };
    }
    if (fenced || /^\s*\|?\s*:?-{3,}/.test(line) || /^\s{4,}\S/.test(line))
      return { at, text: '', role: 'body' };
    const ranges: Array<[number, number]> = [];
    let role: ProofUnit['role'] = 'body';
    const heading = /^\s{0,3}#{1,6}\s+/.exec(line);
    if (heading) {
      role = 'heading';
      ranges.push([0, heading[0].length]);
      const closing = /\s+#+\s*$/.exec(line);
      if (closing) ranges.push([closing.index, line.length]);
    }
    const list = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/.exec(line);
    if (!heading && list) ranges.push([0, list[0].length]);
    const quote = /^\s*(?:>\s?)+/.exec(line);
    if (quote) ranges.push([0, quote[0].length]);
    for (const m of line.matchAll(/!\[[^\]]*\]\([^)]*\)/g)) ranges.push([m.index, m.index + m[0].length]);
    for (const m of line.matchAll(/(?<!!)\[([^\]]*)\]\([^)]*\)/g)) {
      ranges.push([m.index, m.index + 1]);
      ranges.push([m.index + 1 + m[1]!.length, m.index + m[0].length]);
    }
    for (const m of line.matchAll(/`[^`]*`/g)) ranges.push([m.index, m.index + m[0].length]);
    for (const m of line.matchAll(/<\/?[A-Za-z][^>]*>/g)) ranges.push([m.index, m.index + m[0].length]);
    for (const m of line.matchAll(/(\*\*|__|\*|_|~~)(?=\S)([^*_~]+?)(?<=\S)\1/g)) {
      ranges.push([m.index, m.index + m[1]!.length]);
      ranges.push([m.index + m[0].length - m[1]!.length, m.index + m[0].length]);
    }
    // table cells: the bars separate, they are not punctuation
    if (/^\s*\|/.test(line)) for (const m of line.matchAll(/\|/g)) ranges.push([m.index, m.index + 1]);
    if (ranges.length === 0) return { at, text: line, role };
    const raw = strip(line, ranges);
    return { at, text: raw.text, role, raw: { text: line, map: raw.map } };
  });
}
