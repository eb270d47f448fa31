import type { OutputImage } from '../../templates/model';
import { imageSize } from '../../templates/scene/image';
import type { Logo, LogoMime, OfficeTemplate } from '../model/briefing';
import { MAX_LOGO_BYTES, MAX_OFFICE_TEMPLATE_BYTES } from '../model/values';
import { BilingualError } from '../util/errors';
import { base64ToBytes, bytesToBase64 } from '../util/wire';

/**
 * The files staff attach to a briefing — the organisation's logo and the office's own Word
 * template — checked as they come in and kept as base64, so the project stays one file.
 */

export const ASSET_ERROR_CODES = [
  'logo-type',
  'logo-too-large',
  'logo-damaged',
  'office-template-too-large',
  'office-template-invalid',
] as const;
export type AssetErrorCode = (typeof ASSET_ERROR_CODES)[number];

/** A file that cannot be attached, with what to do about it in both languages. */
export class AssetError extends BilingualError<AssetErrorCode> {
  override readonly name = 'AssetError';
}

const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

function logoMime(bytes: Uint8Array): LogoMime | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/**
 * Take a picked file as the organisation's logo: a PNG or JPEG (told by its bytes, not its name)
 * of at most 2 MB whose size can be read. Anything else — SVG, GIF, a renamed document — is
 * refused with a message saying what to choose instead.
 */
export function readLogo(name: string, bytes: Uint8Array): Logo {
  const mime = logoMime(bytes);
  if (!mime)
    throw new AssetError(
      'logo-type',
      `「${name}」不是 PNG 或 JPEG 图片，不能用作单位标志。请选择 .png 或 .jpg 格式的图片。`,
      `"${name}" is not a PNG or JPEG image and cannot be used as the logo. Choose a .png or .jpg image.`,
    );
  if (bytes.length > MAX_LOGO_BYTES)
    throw new AssetError(
      'logo-too-large',
      `「${name}」有 ${(bytes.length / (1024 * 1024)).toFixed(1)} MB，单位标志不能超过 ${mb(MAX_LOGO_BYTES)}。请缩小图片后重试。`,
      `"${name}" is ${(bytes.length / (1024 * 1024)).toFixed(1)} MB; a logo may be at most ${mb(MAX_LOGO_BYTES)}. Make the image smaller and try again.`,
    );
  const data = bytesToBase64(bytes);
  if (!imageSize(mime, data))
    throw new AssetError(
      'logo-damaged',
      `「${name}」图片已损坏，无法读取尺寸。请重新导出图片后再选择。`,
      `"${name}" is damaged: its size cannot be read. Export the image again and choose it once more.`,
    );
  return { name: name.slice(0, 255), mime, data };
}

/** The logo as the deck composer and renderers take it. */
export const logoImage = (logo: Logo): OutputImage => ({ mime: logo.mime, data: logo.data });

/** The size check for an office template, before its bytes go anywhere. */
export function checkOfficeTemplateSize(name: string, size: number): void {
  if (size > MAX_OFFICE_TEMPLATE_BYTES)
    throw new AssetError(
      'office-template-too-large',
      `「${name}」有 ${(size / (1024 * 1024)).toFixed(1)} MB，本单位模板不能超过 ${mb(MAX_OFFICE_TEMPLATE_BYTES)}。请删去模板中的大图片后重试。`,
      `"${name}" is ${(size / (1024 * 1024)).toFixed(1)} MB; an office template may be at most ${mb(MAX_OFFICE_TEMPLATE_BYTES)}. Remove large pictures from it and try again.`,
    );
}

/**
 * An office template as the briefing keeps it. Only the size and the zip signature are checked
 * here; main checks that it is a Word document with {{body}} (docx's patchDetector) before the
 * page calls this.
 */
export function officeTemplateRecord(name: string, bytes: Uint8Array): OfficeTemplate {
  checkOfficeTemplateSize(name, bytes.length);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04)
    throw new AssetError(
      'office-template-invalid',
      `「${name}」不是有效的 Word 文档（.docx），不能用作模板。请在 Word 或 WPS 中另存为 .docx 后重试。`,
      `"${name}" is not a valid Word document (.docx) and cannot be used as a template. Save it as .docx in Word or WPS and try again.`,
    );
  return { name: name.slice(0, 255), data: bytesToBase64(bytes) };
}

/** The office template's bytes, as the Word writer takes them. */
export const officeTemplateFile = (t: OfficeTemplate): { name: string; bytes: Uint8Array } => ({
  name: t.name,
  bytes: base64ToBytes(t.data),
});
