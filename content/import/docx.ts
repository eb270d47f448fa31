import mammoth from 'mammoth';
import type { Asset, RawBlock, RawHints } from '../model/report';
import { HEADING_PATTERNS } from '../analyze/text-rules';
import { NumberMatcher, readDocxNumbers, type ParagraphNumber } from './docx-numbering';
import { ImportError } from './errors';
import type { RawDocument } from './index';
import { isEncryptedOffice, sniff } from './sniff';
import { normalizeLine } from './text';
import { BuildBudget } from './limits';
import { checkZipExpansion, listZipEntries } from './zip';

/**
 * Read a .docx through mammoth's document model (not its HTML), which keeps what the analyser
 * needs: heading styles, bold runs and centring for hand-formatted headings, images with their
 * bytes, and tables. The zip is checked first (encryption, a zip bomb), since mammoth would
 * inflate whatever it is given.
 */

// The parts of mammoth's document tree we read (mammoth ships no types for it).
interface MElement {
  type: string;
  children?: MElement[];
  value?: string;
  styleName?: string | null;
  styleId?: string | null;
  alignment?: string | null;
  isBold?: boolean;
  fontSize?: number | null;
  altText?: string;
  contentType?: string;
  read?: (encoding: 'base64') => Promise<string>;
  /** Word's own list numbering; the number itself (「一、」) is not in the text */
  numbering?: { isOrdered?: boolean; level?: string } | null;
}

export async function importDocx(bytes: Uint8Array): Promise<RawDocument> {
  if (bytes.length === 0) throw new ImportError('empty');
  const magic = sniff(bytes);
  if (magic === 'cfb') throw new ImportError(isEncryptedOffice(bytes) ? 'encrypted' : 'old-format');
  if (magic !== 'zip') throw new ImportError('corrupt', 'not a zip');
  const entries = listZipEntries(bytes);
  if (!entries.some((e) => e.name === 'word/document.xml'))
    throw new ImportError('corrupt', 'no word/document.xml');
  checkZipExpansion(bytes, entries);

  let root: MElement | undefined;
  try {
    await mammoth.convertToHtml(
      // mammoth's Node entry reads a `buffer`; a Uint8Array is what it hands on to the unzipper
      { buffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0],
      {
        transformDocument: (doc: MElement) => {
          root = doc;
          return doc;
        },
        // the HTML is not used: skip mammoth's image conversion work
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('corrupt', e instanceof Error ? e.message.slice(0, 120) : undefined);
  }
  if (!root) throw new ImportError('corrupt');
  return readDocument(root, new NumberMatcher(listNumbers(bytes)));
}

/** Word's automatic numbers; a numbering part we cannot read leaves the text as it is. */
function listNumbers(bytes: Uint8Array): ReturnType<typeof readDocxNumbers> {
  try {
    return readDocxNumbers(bytes);
  } catch {
    return [];
  }
}

async function readDocument(root: MElement, numbers: NumberMatcher): Promise<RawDocument> {
  const blocks: RawBlock[] = [];
  const budget = new BuildBudget();
  const assets: Record<string, Asset> = {};
  const pending: Promise<void>[] = [];
  let paragraph = 0;
  let images = 0;
  const nextId = (): string => `b${blocks.length + 1}`;

  const addImage = (img: MElement, at: number): void => {
    budget.block(0);
    const assetId = `img${++images}`;
    const block: ImageBlock = { type: 'image', id: nextId(), assetId, src: { paragraph: at } };
    if (img.altText?.trim()) block.alt = img.altText.trim();
    blocks.push(block);
    const read = img.read;
    if (read) {
      pending.push(
        read('base64').then(
          (data) => {
            assets[assetId] = { mime: img.contentType ?? 'application/octet-stream', data };
          },
          // a picture linked to a file on the author's disk, or one whose data is gone, is skipped
          // and said so; the rest of the report imports
          (err: unknown) => skipPicture(block, err),
        ),
      );
    }
  };

  const visitParagraph = (p: MElement): void => {
    const at = paragraph++;
    const lines: string[] = [''];
    let boldChars = 0;
    let plainChars = 0;
    let bigChars = 0;
    const walk = (el: MElement, bold: boolean, size: number | null): void => {
      switch (el.type) {
        case 'text': {
          const v = el.value ?? '';
          lines[lines.length - 1] += v;
          const visible = v.replace(/\s/g, '').length;
          if (bold) boldChars += visible;
          else plainChars += visible;
          if (size && size >= 15) bigChars += visible;
          return;
        }
        case 'tab':
          lines[lines.length - 1] += ' ';
          return;
        case 'break':
          lines.push('');
          return;
        case 'image':
          addImage(el, at);
          return;
        case 'run':
          for (const c of el.children ?? []) walk(c, !!el.isBold, el.fontSize ?? null);
          return;
        default:
          for (const c of el.children ?? []) walk(c, bold, size);
      }
    };
    for (const c of p.children ?? []) walk(c, false, null);
    const number = numbers.take(lines.join(''));
    // Word's generated number stands before the text as if typed: 「一、」「（二）」「3.」
    if (number && !number.bullet && number.label) lines[0] = withNumber(number, lines[0] ?? '');
    const hints: RawHints = {};
    const level = headingLevel(p);
    if (level) hints.heading = level;
    if (/^title$|^标题$/i.test(p.styleName ?? '')) {
      hints.centered = true;
      hints.bold = true;
    }
    if (p.alignment === 'center' || p.alignment === 'both-center') hints.centered = true;
    if ((number || p.numbering) && !level) Object.assign(hints, listHints(lines.join('').trim(), number, p));
    if (boldChars > 0 && plainChars === 0) hints.bold = true;
    if (bigChars > 0 && bigChars === boldChars + plainChars && hints.centered) hints.bold = true;
    for (const line of lines) {
      const text = normalizeLine(line);
      if (!text) continue;
      budget.block(text.length);
      const block: RawBlock = { type: 'text', id: nextId(), text, src: { paragraph: at } };
      if (Object.keys(hints).length > 0) block.hints = { ...hints };
      blocks.push(block);
    }
  };

  const cellText = (cell: MElement): string => {
    const parts: string[] = [];
    const walk = (el: MElement): void => {
      if (el.type === 'text') parts.push(el.value ?? '');
      else if (el.type === 'paragraph' && parts.length > 0) {
        parts.push('\n');
        (el.children ?? []).forEach(walk);
      } else (el.children ?? []).forEach(walk);
    };
    walk(cell);
    return parts.join('').trim();
  };

  const visit = (el: MElement): void => {
    if (el.type === 'paragraph') visitParagraph(el);
    else if (el.type === 'table') {
      const rows = (el.children ?? [])
        .filter((r) => r.type === 'tableRow')
        .map((r) => (r.children ?? []).filter((c) => c.type === 'tableCell').map(cellText));
      for (const row of rows) budget.text(row.reduce((n, cell) => n + cell.length, 0));
      if (rows.length > 0) budget.block(0);
      if (rows.length > 0)
        blocks.push({ type: 'table', id: nextId(), rows, src: { paragraph: paragraph++ } });
    } else for (const c of el.children ?? []) visit(c);
  };
  visit(root);
  await Promise.all(pending);
  return { format: 'docx', blocks, assets };
}

/** Word's number joined to the paragraph's text the way Word sets it (a tab or space shows as one space). */
function withNumber(number: ParagraphNumber, text: string): string {
  const t = text.replace(/^[\s\u3000]+/, '');
  // 「一、」「（一）」 close themselves; 「1.」 before 「5G」 keeps a space even where Word sets none,
  // or it would read as the number 1.5
  const runsOn = /[\d.．]$/.test(number.label) && /^[\dA-Za-z.]/.test(t);
  const gap = runsOn
    ? ' '
    : number.suffix === 'nothing' || /[、）)．。：:」】]$/.test(number.label)
      ? ''
      : ' ';
  return `${number.label}${gap}${t}`;
}

/**
 * A paragraph in a Word list, with its number now in its text. A numbered sentence, or a
 * bullet, is a list item (a point, its number the marker). A short numbered line is a heading:
 * where its number has the shape of a typed one (「一、」「（一）」「1.」) the analyser reads it as
 * if typed, so generated and typed numbering import alike; an outline's 「1.2」 or a letter
 * 「A.」 sits at its list level.
 */
function listHints(text: string, number: ParagraphNumber | null, p: MElement): RawHints {
  const ordered = number ? !number.bullet : !!p.numbering?.isOrdered;
  const body = number ? text.slice(number.label.length).trim() : text;
  if (!ordered || body.length > 30 || /[。！？!?；;]/.test(body)) return { listItem: true };
  const listLevel = number ? number.level : Number(p.numbering?.level ?? 0);
  const typed = number && !number.outline && HEADING_PATTERNS.some(({ re }) => re.test(text));
  return typed ? {} : { heading: Math.min(9, listLevel + 1) };
}

type ImageBlock = Extract<RawBlock, { type: 'image' }>;

/**
 * A picture whose data cannot be read: linked to a file outside the document (Insert → Picture →
 * Link to file) or missing from it. It stays in the report as a picture without data, with a note.
 */
function skipPicture(block: ImageBlock, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  delete block.assetId;
  const linked = /external/i.test(message);
  const target = /'([^']+)'/.exec(message)?.[1];
  block.unreadable = [
    linked
      ? { how: 'linked', before: `链接的图片 ${target ?? ''}`.trim(), after: '（图片不在文件中，已跳过）' }
      : { how: 'missing', before: block.alt ?? '图片', after: '（图片数据缺失，已跳过）' },
  ];
}

/** Heading N (English Word) and 标题 N (a Chinese Word's display name) styles. */
function headingLevel(p: MElement): number | undefined {
  const m =
    /^(?:heading|标题)\s*([1-9])$/i.exec(p.styleName ?? '') ?? /^heading([1-9])$/i.exec(p.styleId ?? '');
  return m?.[1] ? Number(m[1]) : undefined;
}
