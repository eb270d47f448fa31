import type { RawBlock, RawHints } from '../model/report';
import { joinText } from '../analyze/text-rules';
import { normalizeLine } from './text';

/**
 * Read markdown into raw blocks: `#` headings, paragraphs (soft-wrapped lines joined), list items,
 * tables, and images. A markdown file only names its pictures by path, which content/ cannot
 * open, so an image becomes a figure with its alt text as caption and no picture.
 */
export function markdownToRawBlocks(text: string): RawBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: RawBlock[] = [];
  const nextId = (): string => `b${blocks.length + 1}`;
  let para: { text: string; line: number } | null = null;
  let fence: string | null = null;

  const flush = (): void => {
    if (!para) return;
    const hints: RawHints = {};
    let t = para.text;
    // a paragraph that is bold as a whole is a hand-made heading candidate
    const whole = /^(\*\*|__)(.+)\1$/.exec(t);
    if (whole?.[2] && !/(\*\*|__)/.test(whole[2])) {
      t = whole[2];
      hints.bold = true;
    }
    t = inline(t);
    if (t) pushText(t, para.line, hints);
    para = null;
  };
  const pushText = (t: string, line: number, hints: RawHints = {}): void => {
    const block: RawBlock = { type: 'text', id: nextId(), text: t, src: { line } };
    if (Object.keys(hints).length > 0) block.hints = hints;
    blocks.push(block);
  };

  for (let i = 0; i < lines.length; i++) {
    const rawLine = lines[i] ?? '';
    const lineNo = i + 1;
    const fenceMark = /^\s*(```|~~~)/.exec(rawLine)?.[1];
    if (fence) {
      if (fenceMark === fence) fence = null;
      else if (rawLine.trim()) pushText(rawLine.trim(), lineNo);
      continue;
    }
    if (fenceMark) {
      flush();
      fence = fenceMark;
      continue;
    }
    const line = normalizeLine(rawLine.replace(/<!--.*?-->/g, ''));
    if (line === '') {
      flush();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
    if (heading) {
      flush();
      const title = inline(heading[2] ?? '');
      if (title) pushText(title, lineNo, { heading: (heading[1] ?? '#').length });
      continue;
    }
    // setext: a line of === or --- under a paragraph line makes it a heading
    if (para && /^(=+|-+)$/.test(line) && !para.text.includes('\n')) {
      const level = line.startsWith('=') ? 1 : 2;
      const title = inline(para.text);
      const at = para.line;
      para = null;
      if (title) pushText(title, at, { heading: level });
      continue;
    }
    if (/^([-*_]\s*){3,}$/.test(line)) {
      flush();
      continue;
    }
    if (line.startsWith('|') && isTableSeparator(lines[i + 1] ?? '')) {
      flush();
      const rows = [cells(line)];
      let k = i + 2;
      for (; k < lines.length && normalizeLine(lines[k] ?? '').startsWith('|'); k++)
        rows.push(cells(normalizeLine(lines[k] ?? '')));
      blocks.push({ type: 'table', id: nextId(), rows, src: { line: lineNo } });
      i = k - 1;
      continue;
    }
    const image = /^!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+["'](.*?)["'])?\s*\)$/.exec(line);
    if (image) {
      flush();
      const alt = (image[1] || image[3] || '').trim();
      const block: RawBlock = { type: 'image', id: nextId(), src: { line: lineNo } };
      if (alt) block.alt = alt;
      blocks.push(block);
      continue;
    }
    const item = /^(?:[-*+]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      const t = inline(item[1] ?? '');
      if (t) pushText(t, lineNo, { listItem: true });
      continue;
    }
    const quoted = line.replace(/^>\s?/, '');
    if (para) para.text = joinText(para.text, quoted);
    else para = { text: quoted, line: lineNo };
  }
  flush();
  return blocks;
}

function isTableSeparator(line: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line) && line.includes('-');
}

function cells(line: string): string[] {
  const inner = line.replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => inline(c.trim().replace(/\\\|/g, '|')));
}

/** Strip inline markup: emphasis, code, links, images, html tags. */
function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])\*(?!\s)(.+?)\*(?!\w)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<[^>\n]+>/g, '')
    .trim();
}
