import type { Asset } from '../model/report';
import { imageSize } from '../../templates/scene/image';
import { bytesToBase64 } from '../util/wire';

/**
 * Pictures a source names by path beside itself (a Markdown report's `![图1](images/a.png)`).
 * content/ cannot open files: the host hands the importer a reader for the source's own folder,
 * which confines every read to that folder (main/sibling-files.ts). The rules here are the
 * importer's half: which references are worth asking for at all, how large a picture may be,
 * and which bytes are a picture.
 */

/** Why a picture the source names is not in the report. */
export type PictureMissing =
  'no-folder' | 'remote' | 'outside' | 'not-found' | 'too-large' | 'not-image' | 'too-many';

/** What a sibling reader answers: the file's bytes, or why it will not give them. */
export type SiblingRead =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: 'outside' | 'not-found' | 'too-large' };

/**
 * Reads files next to the source: `path` is relative to the source's folder, '/'-separated,
 * already checked by `relativePicturePath`. The host enforces the confinement again on the real
 * file system (links out of the folder, absolute paths) and refuses files over `maxBytes`
 * without reading them.
 */
export interface SiblingFiles {
  read(path: string, maxBytes: number): Promise<SiblingRead>;
}

/** A picture larger than this is a scan or a poster, not a report's figure. */
export const MAX_PICTURE_BYTES = 10 * 1024 * 1024;
/** All the pictures of one report together. */
export const MAX_PICTURES_TOTAL_BYTES = 100 * 1024 * 1024;
/** How many pictures one report may load. */
export const MAX_PICTURES = 200;

/** The words a figure carries when its picture is not there. */
export const PICTURE_MISSING_TEXT: Record<PictureMissing, string> = {
  'no-folder': '图片未载入：粘贴或拖入的文字没有所在文件夹，请打开原文件',
  remote: '图片未载入：网络图片不会下载',
  outside: '图片未载入：图片不在报告所在文件夹内',
  'not-found': '图片未载入：找不到图片文件',
  'too-large': '图片未载入：图片文件过大',
  'not-image': '图片未载入：文件不是 PNG、JPEG、GIF 或 WebP 图片',
  'too-many': '图片未载入：报告中的图片过多',
};

/**
 * The folder-relative path a picture reference names, '/'-separated with `.` segments removed,
 * or why it names nothing the importer will ask for: a URL (any scheme, or `//host`) is remote;
 * an absolute path, a drive letter or a `..` segment leaves the folder.
 */
export function relativePicturePath(ref: string): { path: string } | { missing: PictureMissing } {
  let s = ref.trim();
  // a scheme has two letters or more: 「d:」 is a Windows drive
  if (/^[a-z][a-z0-9+.-]+:/i.test(s)) return { missing: 'remote' };
  if (s.startsWith('//') || s.startsWith('\\\\')) return { missing: 'remote' };
  // a query or a fragment is not part of a file's name
  s = s.replace(/[?#].*$/, '');
  try {
    s = decodeURIComponent(s);
  } catch {
    // a stray % is part of the name as written
  }
  if (s === '' || s.includes('\0')) return { missing: 'not-found' };
  if (/^[\\/]/.test(s) || /^[a-z]:/i.test(s)) return { missing: 'outside' };
  const parts: string[] = [];
  for (const part of s.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') return { missing: 'outside' };
    parts.push(part);
  }
  return parts.length > 0 ? { path: parts.join('/') } : { missing: 'not-found' };
}

/** The image type told by a file's first bytes, for the four kinds every output shows. */
export function pictureMime(
  bytes: Uint8Array,
): 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | null {
  const at = (i: number, s: string): boolean => [...s].every((c, k) => bytes[i + k] === c.charCodeAt(0));
  if (bytes[0] === 0x89 && at(1, 'PNG\r\n\x1a\n')) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (at(0, 'GIF87a') || at(0, 'GIF89a')) return 'image/gif';
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'image/webp';
  return null;
}

export interface PictureRequest {
  /** the raw image block the picture belongs to */
  blockId: string;
  /** the reference as the source wrote it */
  ref: string;
}

export interface LoadedPictures {
  /** block id → the asset id of its picture */
  assetIds: Map<string, string>;
  assets: Record<string, Asset>;
  /** block id → why its picture is not there */
  missing: Map<string, PictureMissing>;
}

/**
 * Load the pictures a source names, one at a time (a report's pictures together stay under the
 * total cap). Without a reader every picture is missing for want of a folder.
 */
export async function loadPictures(
  requests: readonly PictureRequest[],
  files: SiblingFiles | undefined,
): Promise<LoadedPictures> {
  const out: LoadedPictures = { assetIds: new Map(), assets: {}, missing: new Map() };
  const byPath = new Map<string, string>();
  let total = 0;
  let count = 0;
  for (const { blockId, ref } of requests) {
    const where = relativePicturePath(ref);
    if ('missing' in where) {
      out.missing.set(blockId, where.missing);
      continue;
    }
    if (!files) {
      out.missing.set(blockId, 'no-folder');
      continue;
    }
    // the same picture named twice is one asset
    const known = byPath.get(where.path);
    if (known) {
      out.assetIds.set(blockId, known);
      continue;
    }
    if (count >= MAX_PICTURES) {
      out.missing.set(blockId, 'too-many');
      continue;
    }
    const read = await files.read(where.path, Math.min(MAX_PICTURE_BYTES, MAX_PICTURES_TOTAL_BYTES - total));
    if (!read.ok) {
      out.missing.set(blockId, read.reason);
      continue;
    }
    const mime = pictureMime(read.bytes);
    const data = mime ? bytesToBase64(read.bytes) : '';
    if (!mime || !imageSize(mime, data)) {
      out.missing.set(blockId, 'not-image');
      continue;
    }
    const assetId = `img${++count}`;
    total += read.bytes.length;
    out.assets[assetId] = { mime, data };
    out.assetIds.set(blockId, assetId);
    byPath.set(where.path, assetId);
  }
  return out;
}
