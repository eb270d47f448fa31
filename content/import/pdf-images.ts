import type { Asset } from '../model/report';
import { bytesToBase64 } from '../util/wire';
import type { PdfImage, PdfPage } from './pdf-layout';
import { encodePng } from './png';

/**
 * The pictures drawn on a PDF page, as pdf.js decodes them: where each is drawn (from the
 * operator list's transforms) and its pixels, made into a PNG. Decorations (rules, bullets, tiny
 * marks) are skipped, and so are pictures too large to keep.
 */

/** The operator codes read here (pdf.js's OPS). */
export interface PdfOps {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
}

/** Decoded pixels as pdf.js gives them: kind 1 is 1-bit grey, 2 RGB, 3 RGBA. */
export interface PdfImageData {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** The part of a pdf.js page read here. */
export interface PdfPageLike {
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  objs: { get(id: string, callback: (data: unknown) => void): void };
  commonObjs: { get(id: string, callback: (data: unknown) => void): void };
}

/** Drawn smaller than this (in points) a picture is a mark or a rule, not a figure. */
const MIN_DRAWN = 36;
/** Decoded larger than this (in pixels) a picture is not kept; its figure still is. */
export const MAX_PDF_PICTURE_PIXELS = 16_000_000;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];

function objectOf(page: PdfPageLike, id: string): Promise<unknown> {
  const store = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    try {
      store.get(id, resolve);
    } catch {
      resolve(null);
    }
  });
}

/** Pixels as a PNG, or null when pdf.js gave none we can read. */
function toPng(img: PdfImageData): Uint8Array | null {
  const { width, height, kind, data } = img;
  if (!data || width <= 0 || height <= 0 || width * height > MAX_PDF_PICTURE_PIXELS) return null;
  if (kind === 2 && data.length >= width * height * 3)
    return encodePng(width, height, 3, new Uint8Array(data.buffer, data.byteOffset, width * height * 3));
  if (kind === 3 && data.length >= width * height * 4)
    return encodePng(width, height, 4, new Uint8Array(data.buffer, data.byteOffset, width * height * 4));
  if (kind === 1) {
    // one bit a pixel, rows padded to a byte, 1 white
    const stride = Math.ceil(width / 8);
    if (data.length < stride * height) return null;
    const grey = new Uint8Array(width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        grey[y * width + x] = ((data[y * stride + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1 ? 255 : 0;
    return encodePng(width, height, 1, grey);
  }
  return null;
}

/**
 * The pictures of one page, in drawing order, each with its asset when its pixels could be read.
 * `nextAssetId` names a new asset.
 */
export async function pageImages(
  page: PdfPageLike,
  ops: PdfOps,
  assets: Record<string, Asset>,
  nextAssetId: () => string,
): Promise<PdfImage[]> {
  const list = await page.getOperatorList();
  const out: PdfImage[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] ?? [];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(ctm, args.slice(0, 6) as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args[0];
      if (Array.isArray(m) && m.length >= 6) ctm = multiply(ctm, m.slice(0, 6) as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.paintImageXObject || fn === ops.paintInlineImageXObject) {
      // the picture fills the unit square under the current transform
      const xs = [ctm[4], ctm[4] + ctm[0], ctm[4] + ctm[2], ctm[4] + ctm[0] + ctm[2]];
      const ys = [ctm[5], ctm[5] + ctm[1], ctm[5] + ctm[3], ctm[5] + ctm[1] + ctm[3]];
      const box = {
        x: Math.min(...xs),
        y: Math.min(...ys),
        width: Math.max(...xs) - Math.min(...xs),
        height: Math.max(...ys) - Math.min(...ys),
      };
      if (box.width < MIN_DRAWN || box.height < MIN_DRAWN) continue;
      const data =
        fn === ops.paintInlineImageXObject
          ? (args[0] as PdfImageData | undefined)
          : ((await objectOf(page, String(args[0]))) as PdfImageData | null);
      const png = data ? toPng(data) : null;
      const image: PdfImage = { ...box };
      if (png) {
        const id = nextAssetId();
        assets[id] = { mime: 'image/png', data: bytesToBase64(png) };
        image.assetId = id;
      }
      out.push(image);
    }
  }
  return out;
}

/** A picture at the same place on most pages (a letterhead's emblem) is the page's, not the report's. */
export function dropRepeatedImages(pages: PdfPage[], assets: Record<string, Asset>): PdfPage[] {
  if (pages.length < 2) return pages;
  const place = (i: PdfImage): string =>
    [i.x, i.y, i.width, i.height].map((v) => Math.round(v / 4)).join(',');
  const count = new Map<string, number>();
  for (const p of pages)
    for (const k of new Set((p.images ?? []).map(place))) count.set(k, (count.get(k) ?? 0) + 1);
  const repeated = (i: PdfImage): boolean =>
    (count.get(place(i)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((p) => {
    for (const i of p.images ?? []) if (repeated(i) && i.assetId) delete assets[i.assetId];
    return { ...p, images: (p.images ?? []).filter((i) => !repeated(i)) };
  });
}
