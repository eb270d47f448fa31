import MarkdownIt, { type Token } from 'markdown-it';
import type { RawBlock, RawHints } from '../model/report';
import { joinText } from '../analyze/text-rules';
import type { RawDocument } from './index';
import { PICTURE_MISSING_TEXT, loadPictures, type PictureRequest, type SiblingFiles } from './pictures';
import { normalizeLine } from './text';

/**
 * Markdown read by markdown-it, a maintained CommonMark parser with GitHub's tables and
 * strikethrough, so a file reads here as every Markdown editor shows it: ATX and setext headings
 * at the level the source gives, paragraphs with their soft-wrapped lines joined, nested and
 * loose lists, emphasis and code kept as their text, HTML kept as its text and never as markup,
 * tables, and pictures. markdown-it is plain JavaScript with no Node built-ins and no DOM, so the
 * same code runs in Node, a worker thread and a page.
 */

const parser = new MarkdownIt({ html: true, linkify: false, typographer: false });
// keep links and picture paths as written: they are read, never followed or rendered
parser.normalizeLink = (url: string): string => url;
parser.validateLink = (): boolean => true;

export interface MarkdownRead {
  blocks: RawBlock[];
  /** the pictures the file names, for the importer to load from beside the file */
  pictures: PictureRequest[];
}

/** Inline content as plain text, with the pictures it holds. */
interface InlineRead {
  text: string;
  /** every visible character is strong (a bold line is a hand-made heading candidate) */
  bold: boolean;
  images: { ref: string; alt: string }[];
}

function readInline(token: Token | undefined): InlineRead {
  const pieces: string[] = [''];
  const images: InlineRead['images'] = [];
  let strong = 0;
  let boldChars = 0;
  let plainChars = 0;
  const add = (s: string): void => {
    pieces[pieces.length - 1] += s;
    const visible = s.replace(/\s/g, '').length;
    if (strong > 0) boldChars += visible;
    else plainChars += visible;
  };
  for (const t of token?.children ?? []) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
        add(t.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        pieces.push('');
        break;
      case 'strong_open':
        strong++;
        break;
      case 'strong_close':
        strong--;
        break;
      case 'image':
        images.push({
          ref: String(t.attrGet('src') ?? ''),
          alt: plainText(t.children) || String(t.attrGet('title') ?? ''),
        });
        break;
      case 'html_inline': {
        const img = htmlImage(t.content);
        if (img) images.push(img);
        else if (/^<br\b/i.test(t.content)) pieces.push('');
        break;
      }
      default:
        // emphasis, strikethrough and link marks: their text is what an editor shows
        break;
    }
  }
  const text = pieces.map((p) => normalizeLine(p)).reduce((a, b) => (a && b ? joinText(a, b) : a + b), '');
  return { text, bold: boldChars > 0 && plainChars === 0, images };
}

const plainText = (tokens: Token[] | null): string =>
  (tokens ?? [])
    .map((t) =>
      t.type === 'text' || t.type === 'code_inline' ? t.content : t.type === 'softbreak' ? ' ' : '',
    )
    .join('')
    .trim();

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

function htmlImage(tag: string): { ref: string; alt: string } | null {
  if (!/^<img\b/i.test(tag)) return null;
  return {
    ref: parser.utils.unescapeAll(attr(tag, 'src') ?? ''),
    alt: parser.utils.unescapeAll(attr(tag, 'alt') ?? attr(tag, 'title') ?? '').trim(),
  };
}

/**
 * An HTML block as an editor shows it: its text, split where the HTML breaks lines, with
 * comments, scripts and styles gone; a table's cells as rows; pictures as pictures.
 */
function readHtml(
  html: string,
): (
  | { kind: 'text'; text: string }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'image'; ref: string; alt: string }
)[] {
  const clean = html.replace(/<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '');
  const text = (s: string): string =>
    normalizeLine(parser.utils.unescapeAll(s.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' '));
  const out: ReturnType<typeof readHtml> = [];
  const pieces = clean.split(/(<table\b[\s\S]*?(?:<\/table\s*>|$)|<img\b[^>]*>)/i);
  for (const piece of pieces) {
    if (/^<table\b/i.test(piece)) {
      const rows = [...piece.matchAll(/<tr\b[\s\S]*?(?=<tr\b|<\/table|$)/gi)]
        .map((r) =>
          [...r[0].matchAll(/<t[dh]\b[^>]*>([\s\S]*?)(?=<t[dh]\b|<\/tr|$)/gi)].map((c) => text(c[1] ?? '')),
        )
        .filter((r) => r.length > 0);
      if (rows.length > 0) out.push({ kind: 'table', rows });
      continue;
    }
    const img = htmlImage(piece);
    if (img) {
      out.push({ kind: 'image', ...img });
      continue;
    }
    for (const line of piece.split(
      /<br\b[^>]*>|<\/?(?:p|div|h[1-6]|li|ul|ol|section|article|center|blockquote)\b[^>]*>|\n/i,
    )) {
      const t = text(line);
      if (t) out.push({ kind: 'text', text: t });
    }
  }
  return out;
}

interface ListState {
  ordered: boolean;
  next: number;
}

/** Read Markdown into raw blocks and the pictures it names. */
export function readMarkdown(source: string): MarkdownRead {
  const tokens = parser.parse(source, {});
  const blocks: RawBlock[] = [];
  const pictures: PictureRequest[] = [];
  const lists: ListState[] = [];
  // the marker of the list item whose first block has not been read yet (「3.」 for an ordered item)
  let itemMarker: string | null = null;
  let lastLine = 1;
  const nextId = (): string => `b${blocks.length + 1}`;
  const lineOf = (t: Token | undefined): number => {
    if (t?.map) lastLine = t.map[0] + 1;
    return lastLine;
  };

  const pushText = (text: string, line: number, hints: RawHints = {}): void => {
    if (!text) return;
    const inList = lists.length > 0;
    if (inList) hints.listItem = true;
    if (itemMarker !== null) {
      // an ordered item shows its number as an editor renumbers it; a bullet shows none
      if (itemMarker) text = `${itemMarker} ${text}`;
      itemMarker = null;
    }
    const block: RawBlock = { type: 'text', id: nextId(), text, src: { line } };
    if (Object.keys(hints).length > 0) block.hints = hints;
    blocks.push(block);
  };
  const pushImage = (ref: string, alt: string, line: number): void => {
    const block: RawBlock = { type: 'image', id: nextId(), src: { line } };
    if (alt) block.alt = alt;
    blocks.push(block);
    pictures.push({ blockId: block.id, ref });
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    switch (t.type) {
      case 'heading_open': {
        const read = readInline(tokens[i + 1]);
        const line = lineOf(t);
        const level = Number(t.tag.slice(1)) || 1;
        pushText(read.text, line, { heading: level });
        for (const img of read.images) pushImage(img.ref, img.alt, line);
        i += 2;
        break;
      }
      case 'paragraph_open': {
        const read = readInline(tokens[i + 1]);
        const line = lineOf(t);
        pushText(read.text, line, read.bold ? { bold: true } : {});
        for (const img of read.images) pushImage(img.ref, img.alt, line);
        i += 2;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: t.type === 'ordered_list_open', next: Number(t.attrGet('start') ?? 1) || 1 });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        itemMarker = null;
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        itemMarker = list?.ordered ? `${list.next++}${t.markup || '.'}` : '';
        break;
      }
      case 'fence':
      case 'code_block': {
        // code is shown as written, line by line; a list item's hint keeps a line of it from
        // being read as a heading («# 注释» inside a fence is not one)
        const line = lineOf(t);
        t.content.split('\n').forEach((l, k) => {
          const text = normalizeLine(l);
          if (text) pushText(text, line + k + (t.type === 'fence' ? 1 : 0), { listItem: true });
        });
        break;
      }
      case 'html_block': {
        const line = lineOf(t);
        for (const part of readHtml(t.content)) {
          if (part.kind === 'text') pushText(part.text, line);
          else if (part.kind === 'image') pushImage(part.ref, part.alt, line);
          else blocks.push({ type: 'table', id: nextId(), rows: part.rows, src: { line } });
        }
        break;
      }
      case 'table_open': {
        const line = lineOf(t);
        const rows: string[][] = [];
        for (i++; i < tokens.length && tokens[i]?.type !== 'table_close'; i++) {
          const c = tokens[i];
          if (c?.type === 'tr_open') rows.push([]);
          else if (c?.type === 'inline') rows[rows.length - 1]?.push(readInline(c).text);
        }
        if (rows.length > 0) blocks.push({ type: 'table', id: nextId(), rows, src: { line } });
        break;
      }
      default:
        break;
    }
  }
  return { blocks, pictures };
}

/** Markdown's raw blocks alone (its pictures unloaded). */
export function markdownToRawBlocks(text: string): RawBlock[] {
  return readMarkdown(text).blocks;
}

/**
 * Import a Markdown file: its blocks, and the pictures it names loaded from beside it through
 * `files` (none without a folder: such a figure says why its picture is missing).
 */
export async function importMarkdown(text: string, files: SiblingFiles | undefined): Promise<RawDocument> {
  const { blocks, pictures } = readMarkdown(text);
  const loaded = await loadPictures(pictures, files);
  for (const block of blocks) {
    if (block.type !== 'image') continue;
    const assetId = loaded.assetIds.get(block.id);
    const missing = loaded.missing.get(block.id);
    if (assetId) block.assetId = assetId;
    else if (missing) block.missing = PICTURE_MISSING_TEXT[missing];
  }
  return { format: 'md', blocks, assets: loaded.assets };
}
