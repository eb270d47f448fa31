import { patchDetector, patchDocument, PatchType, TextRun, type IPatch } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkOfficeTemplateSize } from '../../content/briefing/assets';
import { composeDoc } from '../../content/compose/doc';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { issueNumber } from '../../templates/brief/format';
import { gridCharSpacing } from '../../templates/brief/schema';
import type { Doc } from '../../templates/model';
import type { TemplateRegistry } from '../../templates/registry';
import type { BriefTemplate } from '../../templates/schema';
import { AppError } from '../errors';
import { condenseOrRefuse, docBodyToDocx } from './docx';

/**
 * The office's own template: a .docx they made in Word or WPS, with placeholders where the
 * brief goes. Only the placeholders change; their letterhead, headers, styles and pictures stay
 * exactly as they made them. docx's patchDocument finds a placeholder even when Word has split
 * it over several runs (「{{ti」「tle}}」, with proofing marks or bookmarks between).
 */

/** The placeholders we fill, and the field each one shows. */
export const OFFICE_PLACEHOLDERS = ['title', 'subtitle', 'date', 'issuer', 'issue_no', 'body'] as const;
export type OfficePlaceholder = (typeof OFFICE_PLACEHOLDERS)[number];

/** What each placeholder is filled with, in the words of the 简报信息 dialog. */
export const OFFICE_PLACEHOLDER_FIELDS: Record<OfficePlaceholder, { zh: string; en: string }> = {
  title: { zh: '简报标题', en: 'the title' },
  subtitle: { zh: '副标题', en: 'the subtitle' },
  date: { zh: '日期', en: 'the date' },
  issuer: { zh: '编印单位', en: 'the issuing office' },
  issue_no: { zh: '期号（第N期）', en: 'the issue number' },
  body: { zh: '正文', en: 'the text of the brief' },
};

const isKnown = (key: string): key is OfficePlaceholder =>
  (OFFICE_PLACEHOLDERS as readonly string[]).includes(key);

/** A template's placeholders sorted out: those filled, those it lacks, and those nothing fills. */
export interface PlaceholderReport {
  used: OfficePlaceholder[];
  absent: OfficePlaceholder[];
  /** {{…}} the app does not fill: left in the exported file as written */
  unknown: string[];
}

export function sortPlaceholders(keys: readonly string[]): PlaceholderReport {
  const found = new Set(keys);
  return {
    used: OFFICE_PLACEHOLDERS.filter((k) => found.has(k)),
    absent: OFFICE_PLACEHOLDERS.filter((k) => !found.has(k)),
    unknown: [...found].filter((k) => !isKnown(k)),
  };
}

/**
 * What a template without {{body}} seems to have meant instead: 「{{正文}}」, 「{{Body}}」, one
 * pair of braces, full-width braces. Read from the document's text, as Word shows it.
 */
function bodyNearMiss(documentXml: string, keys: readonly string[]): string | null {
  const key = keys.find((k) => /^(body|正文|内容|text)$/i.test(k));
  if (key) return `{{${key}}}`;
  const text = documentXml.replace(/<[^>]+>/g, '');
  return /[{｛]{1,2}\s*(?:body|正文)\s*[}｝]{1,2}/i.exec(text)?.[0] ?? null;
}

/** The refusal of a template with no {{body}}: what is missing, what was found, what to do. */
function noBody(name: string, keys: readonly string[], nearMiss: string | null): AppError {
  const found = keys.map((k) => `{{${k}}}`).join('、');
  const foundEn = keys.map((k) => `{{${k}}}`).join(', ');
  const zhFound = found ? `模板里找到的占位符：${found}。` : '模板里没有找到任何 {{…}} 占位符。';
  const enFound = foundEn ? `Placeholders found: ${foundEn}.` : 'No {{…}} placeholder was found in it.';
  const zhHint = nearMiss ? `其中「${nearMiss}」应写成 {{body}}（两对半角花括号，英文 body）。` : '';
  const enHint = nearMiss ? ` "${nearMiss}" should be written {{body}} (two pairs of ASCII braces).` : '';
  return new AppError(
    'office-template-no-body',
    `模板「${name}」缺少 {{body}} 占位符（正文的位置），不知道正文该放在哪里。${zhFound}${zhHint}请在 Word 中正文的位置单独一行输入 {{body}}，保存后重试。`,
    `The template "${name}" lacks the {{body}} placeholder (where the text goes), so there is nowhere to put the text. ${enFound}${enHint} In Word, type {{body}} on a line of its own where the text belongs, save, and try again.`,
  );
}

/**
 * Check that `bytes` are a Word document of at most MAX_OFFICE_TEMPLATE_BYTES holding {{body}};
 * return the placeholders it has. Throws an error saying what is wrong and what to do, in
 * Chinese and English.
 */
export async function inspectOfficeTemplate(bytes: Uint8Array, name: string): Promise<string[]> {
  const invalid = (): AppError =>
    new AppError(
      'office-template-invalid',
      `「${name}」不是有效的 Word 文档（.docx），不能用作模板。请在 Word 或 WPS 中另存为 .docx 后重试。`,
      `"${name}" is not a valid Word document (.docx) and cannot be used as a template. Save it as .docx in Word or WPS and try again.`,
    );
  // one limit for a template wherever it comes from (the desk, a project file, the command line)
  checkOfficeTemplateSize(name, bytes.length);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw invalid();
  let keys: readonly string[];
  let documentXml: Uint8Array;
  try {
    // only the main part is needed to tell a Word document from any other zip
    const parts = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
    const main = parts['word/document.xml'];
    if (!main) throw invalid();
    documentXml = main;
    keys = [...new Set(await patchDetector({ data: bytes, trimPlaceholders: true }))];
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid();
  }
  if (!keys.includes('body'))
    throw noBody(name, keys, bodyNearMiss(new TextDecoder().decode(documentXml), keys));
  return [...keys];
}

const inline = (text: string): IPatch => ({
  type: PatchType.PARAGRAPH,
  children: [new TextRun(text)],
});

/**
 * Fill an office's template with a composed brief: the fields into their placeholders, the body
 * (headings, points, figures, tables) in place of {{body}}, set in the body format of `bodyStyle`.
 * Pure: bytes in, bytes out.
 */
export async function fillOfficeTemplate(
  template: Uint8Array,
  name: string,
  doc: Doc,
  bodyStyle: BriefTemplate,
): Promise<Uint8Array> {
  await inspectOfficeTemplate(template, name);
  // the office's placeholders are theirs alone: a 「{{title}}」 written in the report or in a
  // field is text, so every brace pair poured in is kept apart until the patching is done
  const guarded = guardBraces(doc);
  const f = guarded.fields;
  const values: Record<Exclude<OfficePlaceholder, 'body'>, string> = {
    title: f.title,
    subtitle: f.subtitle,
    date: f.date,
    issuer: f.unit,
    issue_no: issueNumber(f.issueNo),
  };
  const patches: Record<string, IPatch> = {
    body: { type: PatchType.DOCUMENT, children: docBodyToDocx(guarded, bodyStyle) },
  };
  // an empty field still replaces its placeholder, so no 「{{subtitle}}」 is left in the file
  for (const [key, value] of Object.entries(values)) patches[key] = inline(value);
  const filled = await patchDocument({
    outputType: 'uint8array',
    data: template,
    patches,
    keepOriginalStyles: true,
    trimPlaceholders: true,
    properties: { title: doc.fields.title },
  });
  return unguardBraces(filled);
}

/** Between two braces of text poured in: no placeholder can match across it (a word joiner, U+2060). */
const GUARD = '\u2060';
const GUARDED = /([{}])\u2060(?=[{}])/g;

/** Every string in the composed brief with a GUARD between adjacent braces (「{{」 → 「{⁠{」). */
function guardBraces<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/([{}])(?=[{}])/g, `$1${GUARD}`) as T;
  if (Array.isArray(value)) return value.map(guardBraces) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, guardBraces(v)])) as T;
  return value;
}

/** The filled file with the guards taken out again: the text reads exactly as the report has it. */
function unguardBraces(docx: Uint8Array): Uint8Array {
  const parts = unzipSync(docx);
  let changed = false;
  for (const [path, bytes] of Object.entries(parts)) {
    if (!/^word\/.*\.xml$/.test(path)) continue;
    const xml = strFromU8(bytes);
    if (!xml.includes(GUARD)) continue;
    parts[path] = strToU8(xml.replace(GUARDED, '$1'));
    changed = true;
  }
  return changed ? zipSync(parts) : docx;
}

/**
 * The pages an office template gives the brief, as a brief template the paginator reads: its own
 * paper and margins (the last w:sectPr of its body), the body format of `bodyStyle`, and no
 * masthead, signature or 版记 of ours (the office's file has its own). Characters per line follow
 * the character width the body is written with, so the count never runs short of the lines Word
 * sets. `headroom`: the template's own paragraphs in the body, a line each, taken from page one.
 */
export function officePageTemplate(
  template: Uint8Array,
  bodyStyle: BriefTemplate,
): { template: BriefTemplate; headroom: number } {
  const xml = strFromU8(
    unzipSync(template, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'] ??
      new Uint8Array(),
  );
  const num = (re: RegExp, fallback: number): number => {
    const m = [...xml.matchAll(re)].pop();
    const v = m ? Number(m[1]) : NaN;
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  const p = bodyStyle.page;
  const page = {
    ...p,
    width: num(/<w:pgSz\b[^>]*\bw:w="(\d+)"/g, p.width),
    height: num(/<w:pgSz\b[^>]*\bw:h="(\d+)"/g, p.height),
    margins: {
      top: num(/<w:pgMar\b[^>]*\bw:top="(\d+)"/g, p.margins.top),
      bottom: num(/<w:pgMar\b[^>]*\bw:bottom="(\d+)"/g, p.margins.bottom),
      left: num(/<w:pgMar\b[^>]*\bw:left="(\d+)"/g, p.margins.left),
      right: num(/<w:pgMar\b[^>]*\bw:right="(\d+)"/g, p.margins.right),
    },
  };
  const width = page.width - page.margins.left - page.margins.right;
  // the body's runs keep the character spacing of the body style's own grid
  const cell = bodyStyle.fonts.body.sizePt * 20 + gridCharSpacing(bodyStyle, bodyStyle.fonts.body.sizePt);
  const grid = p.grid ? { ...p.grid, charsPerLine: Math.max(1, Math.floor(width / cell)) } : undefined;
  const paragraphs = (xml.match(/<w:p[ >]/g) ?? []).length;
  return {
    template: {
      ...bodyStyle,
      page: { ...page, ...(grid ? { grid } : {}) },
      masthead: { kind: 'none' },
      colophon: { kind: 'none' },
      dateline: 'none',
    },
    headroom: Math.max(0, paragraphs - 1) * bodyStyle.lineTwips,
  };
}

/**
 * The whole path for an office template: compose the brief, condense it to a page budget when one
 * is given (counted on the template's own pages), and pour it in.
 */
export async function briefToOfficeDocx(
  report: Report,
  briefing: Briefing,
  registry: TemplateRegistry,
  template: { name: string; bytes: Uint8Array },
  options: { pages?: number; keep?: ReadonlySet<string> } = {},
): Promise<Uint8Array> {
  const bodyStyle = registry.get('brief', briefing.briefTemplate);
  let doc = composeDoc(report, briefing);
  if (options.pages) {
    await inspectOfficeTemplate(template.bytes, template.name);
    const pages = officePageTemplate(template.bytes, bodyStyle);
    doc = condenseOrRefuse(doc, pages.template, options.pages, {
      headroom: pages.headroom,
      ...(options.keep ? { keep: options.keep } : {}),
    });
  }
  return fillOfficeTemplate(template.bytes, template.name, doc, bodyStyle);
}
