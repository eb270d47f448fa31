import baseCss from '../brief/base.css?raw';
import { fitOneLine } from '../brief/fit';
import { briefFrame, type BriefFrame } from '../brief/layout';
import { typeArea, type FontSpec } from '../brief/schema';
import type { Doc } from '../model';
import { briefForms, type BriefForm } from '../brief/blocks';
import { paginateBrief, placedForms, type BriefPages } from '../brief/paginate';
import type { BriefTemplate } from '../schema';
import { escapeHtml, imageDataUri } from './escape';

/**
 * The page-like HTML preview of a Word brief: one sheet at the template's paper size and margins,
 * in its fonts, with the same masthead, title block, signature and colophon lines the Word file
 * gets (both read templates/brief/layout.ts) and the same body: each block drawn in the form
 * templates/brief/blocks.ts gives it. Every text from the report or the staff is escaped.
 */

const e = escapeHtml;

/** Local fallbacks for the official font names, so the preview looks right without them installed. */
const FALLBACKS: Record<string, readonly string[]> = {
  仿宋_GB2312: [
    'FangSong_GB2312',
    '仿宋',
    'FangSong',
    'STFangsong',
    'Noto Serif CJK SC',
    'Source Han Serif SC',
  ],
  仿宋: ['FangSong', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC'],
  楷体_GB2312: ['KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC', 'Source Han Serif SC'],
  楷体: ['KaiTi', 'STKaiti', 'Noto Serif CJK SC', 'Source Han Serif SC'],
  方正小标宋简体: [
    'FZXiaoBiaoSong-B05S',
    '方正小标宋_GBK',
    '华文中宋',
    'STZhongsong',
    'Noto Serif CJK SC',
    'Source Han Serif SC',
  ],
  宋体: ['SimSun', 'STSong', 'Noto Serif CJK SC', 'Source Han Serif SC'],
  黑体: ['SimHei', 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC'],
};

const CSS_FONT = /^[\p{L}\p{N} _-]+$/u;

/** A CSS font-family list for a Word font: Latin face first, the Chinese face and its fallbacks. */
function fontFamily(font: FontSpec): string {
  const sansLike = font.eastAsia === '黑体';
  const names = [font.latin, font.eastAsia, ...(FALLBACKS[font.eastAsia] ?? [])].filter((n) =>
    CSS_FONT.test(n),
  );
  return [...new Set(names)].map((n) => `"${n}"`).join(', ') + (sansLike ? ', sans-serif' : ', serif');
}

function fontCss(font: FontSpec): string {
  return `font-family: ${fontFamily(font)}; font-size: ${font.sizePt}pt; font-weight: ${font.bold ? 'bold' : 'normal'};${font.color ? ` color: #${font.color};` : ''}`;
}

const pt = (twips: number): string => `${twips / 20}pt`;
const mm = (twips: number): string => `${Math.round((twips / 1440) * 25.4 * 100) / 100}mm`;

/** The CSS for briefs in a template: the shared sheet, the template's measures and fonts, its own CSS. */
export function briefCss(t: BriefTemplate): string {
  const s = `.brief-sheet[data-template='${t.id}']`;
  const { margins } = t.page;
  const f = t.fonts;
  const vars = [
    `--brief-page-width: ${mm(t.page.width)}`,
    `--brief-page-height: ${mm(t.page.height)}`,
    `--brief-margin-top: ${mm(margins.top)}`,
    `--brief-margin-right: ${mm(margins.right)}`,
    `--brief-margin-bottom: ${mm(margins.bottom)}`,
    `--brief-margin-left: ${mm(margins.left)}`,
    `--brief-footer: ${mm(t.page.footer)}`,
    `--brief-line: ${pt(t.lineTwips)}`,
    `--brief-table-line: ${pt(t.tableLineTwips)}`,
    `--brief-title-after: ${pt(t.titleSpaceAfter)}`,
    `--brief-body-size: ${f.body.sizePt}pt`,
    `--brief-indent: ${t.indentChars}em`,
    `--brief-colophon-indent: ${t.colophon.kind === 'none' ? 0 : t.colophon.indentChars}em`,
  ].join('; ');
  const rules = [
    `${s} { ${vars}; ${fontCss(f.body)} }`,
    `${s} .brief-title { ${fontCss(f.title)} line-height: ${pt(t.titleLineTwips)}; }`,
    `${s} .brief-subtitle { ${fontCss(f.subtitle)} }`,
    `${s} .brief-heading[data-level='1'] { ${fontCss(f.h1)} }`,
    `${s} .brief-heading[data-level='2'] { ${fontCss(f.h2)} }`,
    `${s} .brief-heading[data-level='3'] { ${fontCss(f.h3)} }`,
    `${s} .brief-heading[data-level='4'] { ${fontCss(f.h4)} }`,
    `${s} .brief-note { ${fontCss(f.note)} }`,
    `${s} .brief-quote { ${fontCss(f.quote)} }`,
    `${s} .brief-caption { ${fontCss(f.caption)} }`,
    `${s} .brief-table { ${fontCss(f.table)} }`,
    `${s} .brief-page-number { ${fontCss(f.pageNumber)} text-align: ${t.pageNumber.position === 'center' ? 'center' : 'right'}; padding-right: ${t.pageNumber.indentChars}em; }`,
  ];
  const m = t.masthead;
  if (m.kind !== 'none') {
    rules.push(`${s} .brief-masthead-mark { ${fontCss(m.markFont)} }`);
    rules.push(
      `${s} .brief-masthead-rule { border-bottom: ${m.rule.size / 8}pt solid #${m.rule.color}; padding-bottom: ${m.rule.space}pt; margin-bottom: ${pt(m.linesAfterRule * t.lineTwips)}; }`,
    );
  }
  if (m.kind === 'redhead') {
    rules.push(`${s} .brief-masthead-mark { margin-top: ${pt(m.markOffset)}; }`);
    if (m.upward)
      rules.push(
        `${s} .brief-masthead-upward { display: flex; justify-content: space-between; }`,
        `${s} .brief-signer-label { ${fontCss(m.upward.signerLabelFont)} }`,
        `${s} .brief-signer { ${fontCss(m.upward.signerFont)} }`,
      );
    rules.push(
      `${s} .brief-masthead-number { ${fontCss(m.docNumberFont)} margin-top: ${pt(m.linesAfterMark * t.lineTwips)}; }`,
    );
  }
  if (m.kind === 'bulletin') {
    rules.push(`${s} .brief-masthead-issue { ${fontCss(m.issueFont)} }`);
    rules.push(`${s} .brief-masthead-info { ${fontCss(m.infoFont)} }`);
  }
  const c = t.colophon;
  if (c.kind !== 'none')
    rules.push(
      `${s} .brief-colophon { ${fontCss(c.font)} border-top: ${c.thick.size / 8}pt solid #${c.thick.color}; border-bottom: ${c.thick.size / 8}pt solid #${c.thick.color}; }`,
      `${s} .brief-colophon p + p { border-top: ${c.thin.size / 8}pt solid #${c.thin.color}; }`,
    );
  return `${baseCss}\n${rules.join('\n')}\n${t.css}`;
}

/** Character cells as CSS ems, to a hundredth. */
const cellsEm = (cells: number): string => `${Math.round(cells * 100) / 100}em`;
const item = (f: BriefForm): string => (f.itemId ? ` data-item-id="${e(f.itemId)}"` : '');
/** Twips as CSS points. */
const twipsPt = (twips: number): string => `${Math.round((twips / 20) * 100) / 100}pt`;

function tableHtml(f: Extract<BriefForm, { kind: 'table' }>): string {
  const [head, ...rows] = f.rows;
  const total = f.shares.reduce((a, b) => a + b, 0) || 1;
  const cols = f.shares.map((w) => `<col style="width: ${Math.round((w / total) * 10000) / 100}%">`).join('');
  const cell = (c: string, i: number, tag: 'th' | 'td'): string =>
    `<${tag}${tag === 'td' && f.center.includes(i) ? ' class="brief-center"' : tag === 'td' && f.right.includes(i) ? ' class="brief-right"' : ''}>${e(c)}</${tag}>`;
  const body = rows
    .map((r, k) => {
      const source = f.sources?.[k];
      return `<tr${source ? ` title="${e(source)}"` : ''}>${r.map((c, i) => cell(c, i, 'td')).join('')}</tr>`;
    })
    .join('');
  return `<div class="brief-table-block"${item(f)}><p class="brief-center brief-caption">${e(f.caption)}</p><table class="brief-table"><colgroup>${cols}</colgroup>${head ? `<thead><tr>${head.map((c, i) => cell(c, i, 'th')).join('')}</tr></thead>` : ''}<tbody>${body}</tbody></table></div>`;
}

function formHtml(f: BriefForm): string {
  switch (f.kind) {
    case 'heading':
      return `<p class="brief-flow brief-heading" data-level="${f.level}"${item(f)}>${e(f.text)}</p>`;
    case 'paragraph': {
      const cls =
        f.style === 'quote'
          ? 'brief-flow brief-quote'
          : f.runs.some((r) => r.bold)
            ? 'brief-flow brief-point'
            : 'brief-flow';
      return `<p class="${cls}"${item(f)}>${f.runs.map((r) => (r.bold ? `<b>${e(r.text)}</b>` : e(r.text))).join('')}</p>`;
    }
    case 'figure': {
      const p = f.picture;
      const src = p ? imageDataUri(p.image.mime, p.image.data) : null;
      const picture =
        p && src
          ? `<img src="${src}" alt="${e(f.caption)}" style="width: ${twipsPt(p.widthTwips)}; height: ${twipsPt(p.heightTwips)}">`
          : f.missing
            ? `<p class="brief-figure-missing">${e(f.missing)}</p>`
            : '';
      return `<figure class="brief-figure"${item(f)}>${picture}<figcaption class="brief-caption">${e(f.caption)}</figcaption></figure>`;
    }
    case 'table':
      return tableHtml(f);
  }
}

function markHtml(text: string, font: FontSpec, t: BriefTemplate, offset?: number): string {
  const fit = fitOneLine(text, font.sizePt, typeArea(t).width);
  const style = `font-size: ${fit.sizePt}pt;${fit.scale !== 100 ? ` transform: scaleX(${fit.scale / 100});` : ''}`;
  const at = offset === undefined ? '' : ` style="margin-top: ${twipsPt(offset)}"`;
  return `<p class="brief-masthead-mark"${at}><span style="${style}">${e(text)}</span></p>`;
}

function mastheadHtml(frame: BriefFrame, t: BriefTemplate): string {
  const fm = frame.masthead;
  const m = t.masthead;
  if (fm?.kind === 'redhead' && m.kind === 'redhead') {
    const up = fm.signer && m.upward ? m.upward : null;
    const mark = fm.mark ? markHtml(fm.mark, m.markFont, t, up ? up.markOffset : m.markOffset) : '';
    // 上行文: 发文字号 left and 签发人 right, each one character in, on one line
    const number = up
      ? `<p class="brief-masthead-number brief-masthead-upward" style="padding: 0 ${up.indentChars}em${fm.mark ? '' : `; margin-top: ${twipsPt(up.markOffset)}`}"><span>${e(fm.docNumber ?? '')}</span><span><span class="brief-signer-label">${e(up.signerLabel)}</span><span class="brief-signer">${e(fm.signer ?? '')}</span></span></p>`
      : fm.docNumber
        ? `<p class="brief-center brief-masthead-number">${e(fm.docNumber)}</p>`
        : '';
    return `<header class="brief-masthead brief-masthead-rule">${mark}${number}</header>`;
  }
  if (fm?.kind === 'bulletin' && m.kind === 'bulletin') {
    return `<header class="brief-masthead brief-masthead-rule">${markHtml(fm.mark, m.markFont, t)}${fm.issue ? `<p class="brief-center brief-masthead-issue">${e(fm.issue)}</p>` : ''}<p class="brief-masthead-info"><span>${e(fm.left ?? '')}</span><span>${e(fm.right ?? '')}</span></p></header>`;
  }
  return '';
}

/**
 * The 版记/报尾 where the Word file has it: at the foot of its page (the free height above it
 * kept open), on a page of its own when it does not fit under the last text.
 */
function colophonHtml(frame: BriefFrame, pages: BriefPages): string {
  const block = colophonLinesHtml(frame);
  const at = pages.colophon;
  if (!block || !at) return '';
  const pageMark = (page: number, note = ''): string =>
    `<div class="brief-page-break" data-page="${page}" aria-hidden="true">第 ${page} 页${note}</div>`;
  const mark = at.newPage ? `${at.blank ? pageMark(at.page - 1, '（空白页）') : ''}${pageMark(at.page)}` : '';
  return `${mark}<div class="brief-colophon-space" style="height: ${twipsPt(Math.max(0, at.gap))}"></div>${block}`;
}

function colophonLinesHtml(frame: BriefFrame): string {
  const c = frame.colophon;
  if (!c) return '';
  if (c.kind === 'banji') {
    const lines = [
      c.cc ? `<p>${e(c.cc)}</p>` : '',
      c.printedBy || c.printedDate
        ? `<p class="brief-colophon-printed"><span>${e(c.printedBy ?? '')}</span><span>${e(c.printedDate ?? '')}</span></p>`
        : '',
    ].join('');
    return lines ? `<footer class="brief-colophon">${lines}</footer>` : '';
  }
  const lines = [
    ...c.lines.map((l) => `<p>${e(l.label)}${e(l.text)}</p>`),
    c.copies ? `<p style="text-align: right">${e(c.copies)}</p>` : '',
  ].join('');
  return lines ? `<footer class="brief-colophon">${lines}</footer>` : '';
}

/**
 * The body with a mark where each page of the Word file begins (templates/brief/paginate.ts, the
 * count the .docx is laid out by): before the block a page opens with, or, when a paragraph runs
 * over, before that paragraph, marked as split.
 */
function bodyWithBreaks(forms: BriefForm[], pages: BriefPages): string {
  const before = new Map<number, { page: number; split: boolean }>();
  pages.breaks.forEach((b, k) => {
    if (b.form >= 0 && !before.has(b.form)) before.set(b.form, { page: k + 2, split: b.line > 0 });
  });
  return placedForms(forms, pages)
    .map((f, i) => {
      const mark = before.get(i);
      return mark
        ? `<div class="brief-page-break" data-page="${mark.page}"${mark.split ? ' data-split=""' : ''} aria-hidden="true">第 ${mark.page} 页${mark.split ? '（本段跨页）' : ''}</div>${formHtml(f)}`
        : formHtml(f);
    })
    .join('');
}

export interface RenderBriefOptions {
  /**
   * Only the title block and the body, in the template's body format: what goes into an office's
   * own Word template, whose file supplies the letterhead, headers and the rest of the page.
   */
  bodyOnly?: boolean;
}

/** A title's balanced lines, broken where the Word file breaks them. */
const linesHtml = (lines: readonly string[]): string => lines.map((l) => e(l)).join('<br>');

/** The speaker and date lines under the title, each centred in the subtitle's face. */
const bylineHtml = (lines: readonly string[]): string =>
  lines.map((l) => `<p class="brief-center brief-subtitle brief-byline">${e(l)}</p>`).join('');

/** The sheet's markup for a composed brief in a template (pair it with `briefCss`). */
export function renderBrief(doc: Doc, t: BriefTemplate, options: RenderBriefOptions = {}): string {
  const frame = briefFrame(doc.fields, t, doc.byline);
  if (options.bodyOnly) {
    const heading = [
      frame.title ? `<p class="brief-center brief-title">${linesHtml(frame.titleLines)}</p>` : '',
      frame.subtitle ? `<p class="brief-center brief-subtitle">${linesHtml(frame.subtitleLines)}</p>` : '',
      bylineHtml(frame.byline),
    ].join('');
    return [
      `<article class="brief-sheet" data-template="${e(t.id)}" data-body-only="" lang="zh-CN">`,
      heading ? `<div class="brief-title-block">${heading}</div>` : '',
      briefForms(doc, t).map(formHtml).join(''),
      '</article>',
    ].join('');
  }
  const title = [
    frame.title ? `<p class="brief-center brief-title">${linesHtml(frame.titleLines)}</p>` : '',
    frame.subtitle ? `<p class="brief-center brief-subtitle">${linesHtml(frame.subtitleLines)}</p>` : '',
    bylineHtml(frame.byline),
    frame.underTitle ? `<p class="brief-center brief-subtitle">${e(frame.underTitle)}</p>` : '',
  ].join('');
  const s = frame.signature;
  const signature = s
    ? `<div class="brief-signature">${s.unit ? `<p style="padding-right: ${cellsEm(s.unitRightCells)}">${e(s.unit)}</p>` : ''}${s.date ? `<p style="padding-right: ${cellsEm(s.dateRightCells)}">${e(s.date)}</p>` : ''}</div>`
    : '';
  const pn = t.pageNumber;
  const forms = briefForms(doc, t);
  const pages = paginateBrief(doc, t, forms);
  return [
    `<article class="brief-sheet" data-template="${e(t.id)}" data-pages="${pages.count}" lang="zh-CN">`,
    mastheadHtml(frame, t),
    title ? `<div class="brief-title-block">${title}</div>` : '',
    frame.mainTo ? `<p class="brief-main-to">${e(frame.mainTo)}</p>` : '',
    frame.note
      ? `<p class="brief-flow brief-note"><b class="brief-note-prefix">${e(t.notePrefix)}</b>${e(frame.note)}</p>`
      : '',
    bodyWithBreaks(forms, pages),
    signature,
    colophonHtml(frame, pages),
    `<div class="brief-page-number">${e(pn.prefix)}1${e(pn.suffix)}</div>`,
    `<p class="brief-page-count" aria-live="polite">共 ${pages.count} 页</p>`,
    '</article>',
  ].join('');
}

/** A whole HTML page with one brief sheet, for an iframe's srcdoc or a saved preview. */
export function renderBriefDocument(doc: Doc, t: BriefTemplate): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"><title>${e(doc.fields.title || '简报')}</title><style>body { margin: 0; padding: 16px; background: #e5e7eb; }\n${briefCss(t).replace(/<\//g, '<\\/')}</style></head><body>${renderBrief(doc, t)}</body></html>`;
}
