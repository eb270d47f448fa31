import type { Doc, DocBlock, OutputImage, ShownStat } from '../model';
import { base64ImageInfo, type ImageKind } from '../scene/image';
import { captionText, leadInText, textCells } from './format';
import { typeArea, type BriefTemplate } from './schema';

/**
 * The brief's body as it is set: each block of a composed Doc in its final form — its text with
 * its number, its caption 「图1　…」「表2　…」, a statistics table's 序号/指标/数值 rows, a
 * picture's size on the page. The preview (templates/render/brief.ts) and the Word writer
 * (main/export/docx.ts) only draw these, so the two cannot say different things.
 */

/** A run of a paragraph: the lead-in of a point is bold. */
export interface BriefRun {
  text: string;
  bold: boolean;
}

/** A picture placed on the page: its size in twips (1/20 pt), within the type area. */
export interface BriefPicture {
  image: OutputImage;
  kind: PlaceableKind;
  widthTwips: number;
  heightTwips: number;
}

export type BriefForm =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string; itemId?: string }
  | { kind: 'paragraph'; style: 'body' | 'quote'; runs: BriefRun[]; itemId?: string }
  | {
      kind: 'figure';
      picture: BriefPicture | null;
      /** said in the picture's place when there is one that cannot be placed */
      missing: string | null;
      caption: string;
      itemId?: string;
    }
  | {
      kind: 'table';
      caption: string;
      /** the first row is the header */
      rows: string[][];
      /** each column's share of the width */
      shares: number[];
      /** columns set centred (the header always is) */
      center: number[];
      /** columns of numbers, set right so their digits line up */
      right: number[];
      /** each body row's source sentence, for a tooltip in the preview */
      sources?: string[];
      itemId?: string;
    };

/** Picture kinds every Word reader shows (Word 2010 on, WPS, LibreOffice). */
const PLACEABLE = ['png', 'jpeg', 'gif', 'bmp'] as const;
export type PlaceableKind = (typeof PLACEABLE)[number];
const placeable = (kind: ImageKind): kind is PlaceableKind => (PLACEABLE as readonly string[]).includes(kind);

/** Twips per pixel at 96 dpi. */
const TWIPS_PER_PX = 15;

/** Line breaks inside a block's text: a paragraph is one line of flow, so they are dropped. */
const flow = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, '');

const item = (b: DocBlock): { itemId?: string } => (b.itemId ? { itemId: b.itemId } : {});

/**
 * A picture on the page: as large as it was made (at 96 dpi), but never wider than the type
 * area nor taller than half of it, so a picture and its caption share a page. Rounded down, so
 * it never spills past the type area by a pixel.
 */
function pictureOf(
  image: OutputImage,
  t: BriefTemplate,
): { picture: BriefPicture | null; missing: string | null } {
  const info = base64ImageInfo(image.mime, image.data);
  if (!info) return { picture: null, missing: '（此处的图片无法读取，请在原文中查看后另行插入。）' };
  if (!placeable(info.kind))
    return {
      picture: null,
      missing: `（此处的图片为 ${info.kind.toUpperCase()} 格式，Word 文档不能显示，请转为 PNG 或 JPEG 后另行插入。）`,
    };
  const area = typeArea(t);
  const k = Math.min(
    1,
    area.width / (info.width * TWIPS_PER_PX),
    (area.height * 0.5) / (info.height * TWIPS_PER_PX),
  );
  const px = (n: number): number => Math.max(1, Math.floor(n * k));
  return {
    picture: {
      image,
      kind: info.kind,
      widthTwips: px(info.width) * TWIPS_PER_PX,
      heightTwips: px(info.height) * TWIPS_PER_PX,
    },
    missing: null,
  };
}

/** A cell that is a number as a table prints one: 「21.59」「-3.2」「6.5%」「1,200」「0.8个百分点」, or a dash for none. */
const NUMBER_CELL = /^(?:[+\-−]?\d[\d,，]*(?:\.\d+)?\s*(?:%|‰|个百分点)?|[-—–－/／]+)$/;

/** Columns whose body cells are all numbers (a dash for none allowed, at least one number). */
export function numberColumns(rows: string[][]): number[] {
  const body = rows.slice(1);
  const cols = rows[0]?.length ?? 0;
  const out: number[] = [];
  for (let c = 0; c < cols; c++) {
    const cells = body.map((r) => (r[c] ?? '').trim()).filter(Boolean);
    if (cells.some((x) => /\d/.test(x)) && cells.every((x) => NUMBER_CELL.test(x))) out.push(c);
  }
  return out;
}

/** Twips a table cell adds to its text: the writer's left and right cell margins and the rules. */
export const TABLE_CELL_PADDING = 200;

/**
 * Column widths from their content (shares of the type area): each column as wide as its longest
 * cell when they all fit, the spare width shared out by those widths. When they do not fit, the
 * first column (the row's names) keeps its whole width as long as that is at most two fifths of the
 * table, number columns keep theirs, and the text columns share what is left by their lengths, so
 * the long texts wrap and the names and numbers do not.
 */
export function columnShares(rows: string[][], t: BriefTemplate): number[] {
  const cols = rows[0]?.length ?? 0;
  if (cols === 0) return [];
  const em = t.fonts.table.sizePt * 20;
  const width = typeArea(t).width;
  const natural = Array.from(
    { length: cols },
    (_, c) => Math.max(2, ...rows.map((r) => textCells(r[c] ?? ''))) * em + TABLE_CELL_PADDING,
  );
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= width) return natural;
  const numbers = new Set(numberColumns(rows));
  const fixed = natural.map((w, c) =>
    (c === 0 && w <= width * 0.4) || (numbers.has(c) && w <= width * 0.25) ? w : 0,
  );
  const left = width - fixed.reduce((a, b) => a + b, 0);
  const flexible = natural.map((w, c) => (fixed[c] ? 0 : w));
  const flexTotal = flexible.reduce((a, b) => a + b, 0);
  // a narrow column never drops under four characters
  const floor = 4 * em + TABLE_CELL_PADDING;
  if (flexTotal === 0 || left < floor * flexible.filter(Boolean).length) return natural;
  return natural.map((_, c) => fixed[c] || Math.max(floor, (left * flexible[c]!) / flexTotal));
}

/** A statistic's value cell: `prefix value unit suffix`, as compose wrote them. */
export function statValueText(s: ShownStat): string {
  return `${s.prefix ?? ''}${s.value}${s.unit}${s.suffix ?? ''}`;
}

/** A statistic's label cell, with its tag when it is not a result: 「地区生产总值（目标）」. */
export function statLabelText(s: ShownStat): string {
  const tag = s.tag?.trim();
  return tag ? `${s.label}（${tag}）` : s.label;
}

/** The form of one block of a brief in a template. */
export function briefForm(block: DocBlock, t: BriefTemplate): BriefForm {
  switch (block.kind) {
    case 'heading':
      return {
        kind: 'heading',
        level: Math.min(4, Math.max(1, block.level)) as 1 | 2 | 3 | 4,
        text: flow(`${block.number}${block.text}`),
        ...item(block),
      };
    case 'point':
      return {
        kind: 'paragraph',
        style: 'body',
        runs: [
          {
            text: flow(`${block.marker ?? ''}${leadInText(block.lead, block.text.trim() !== '')}`),
            bold: true,
          },
          ...(block.text.trim() ? [{ text: flow(block.text), bold: false }] : []),
        ],
        ...item(block),
      };
    case 'paragraph':
      return {
        kind: 'paragraph',
        style: 'body',
        runs: [{ text: flow(block.text), bold: false }],
        ...item(block),
      };
    case 'quote':
      return {
        kind: 'paragraph',
        style: 'quote',
        runs: [{ text: flow(block.text), bold: false }],
        ...item(block),
      };
    case 'image':
      return {
        kind: 'figure',
        ...(block.image ? pictureOf(block.image, t) : { picture: null, missing: null }),
        caption: flow(captionText('image', block.number, block.caption)),
        ...item(block),
      };
    case 'table': {
      const cols = Math.max(1, ...block.rows.map((r) => r.length));
      const rows = block.rows.map((r) => Array.from({ length: cols }, (_, c) => flow(r[c] ?? '')));
      return {
        kind: 'table',
        caption: flow(captionText('table', block.number, block.caption)),
        rows,
        shares: columnShares(rows, t),
        center: [],
        right: numberColumns(rows),
        ...item(block),
      };
    }
    case 'stats':
      return {
        kind: 'table',
        caption: flow(captionText('table', block.number, block.caption)),
        rows: [
          ['序号', '指标', '数值'],
          ...block.stats.map((s, i) => [String(i + 1), flow(statLabelText(s)), flow(statValueText(s))]),
        ],
        shares: [1, 5, 3],
        center: [0, 2],
        right: [],
        sources: block.stats.map((s) => s.sentence),
        ...item(block),
      };
  }
}

/** Every block of a brief in its final form. */
export function briefForms(doc: Doc, t: BriefTemplate): BriefForm[] {
  return doc.blocks.map((b) => briefForm(b, t));
}
