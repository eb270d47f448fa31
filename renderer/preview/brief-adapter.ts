import type { Doc, DocBlock, ShownStat } from '../../templates/model';
import type { BriefTemplate } from '../../templates/schema';
import type { FontSpec } from '../../templates/brief/schema';
import { escapeHtml as e, imageDataUri } from '../../templates/render/escape';

/**
 * The brief preview behind one function, so the page-accurate renderer from the templates work
 * (templates/render/brief.ts) can replace this body when it lands. Until then: a simple A4 page
 * in the template's fonts, margins and line pitch, with its masthead and distribution lines when
 * the template has them. Every text goes through escapeHtml; images only as checked data: URIs.
 */
export interface BriefPreview {
  /** markup for the page(s) */
  html: string;
  /** CSS for that markup, scoped under `.bp-tpl-<id>` */
  css: string;
}

const PX_PER_TWIP = 96 / 1440;
const PX_PER_PT = 96 / 72;
const CSS_FONT = /^[\p{L}\p{N} _-]+$/u;

function font(spec: FontSpec, fallback: 'serif' | 'sans-serif'): string {
  const names = [spec.eastAsia, spec.latin].filter((n) => CSS_FONT.test(n)).map((n) => `"${n}"`);
  const cjk =
    fallback === 'serif'
      ? '"Noto Serif CJK SC", "Source Han Serif SC"'
      : '"Noto Sans CJK SC", "Source Han Sans SC"';
  return `${names.join(', ')}, ${cjk}, ${fallback}`;
}

const sansFaces = /黑体|Hei|YaHei|Sans|Arial/i;
const fallbackFor = (spec: FontSpec): 'serif' | 'sans-serif' =>
  sansFaces.test(spec.eastAsia) ? 'sans-serif' : 'serif';

function fontCss(selector: string, spec: FontSpec): string {
  return `${selector} { font-family: ${font(spec, fallbackFor(spec))}; font-size: ${(spec.sizePt * PX_PER_PT).toFixed(1)}px; font-weight: ${spec.bold ? 700 : 400};${spec.color ? ` color: #${spec.color};` : ''} }`;
}

function statsTable(stats: readonly ShownStat[]): string {
  const rows = stats
    .map((s) => `<tr><td>${e(s.label)}</td><td class="bp-num">${e(s.value)}${e(s.unit)}</td></tr>`)
    .join('');
  return `<table class="bp-table"><thead><tr><th>指标</th><th>数值</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function blockHtml(block: DocBlock): string {
  const item = block.itemId ? ` data-item-id="${e(block.itemId)}"` : '';
  switch (block.kind) {
    case 'heading':
      return `<p class="bp-h bp-h${Math.min(block.level, 4)}"${item}>${e(block.number)}${e(block.text)}</p>`;
    case 'point':
      return `<p class="bp-p"${item}><span class="bp-lead">${e(block.lead)}。</span>${e(block.text)}</p>`;
    case 'paragraph':
      return `<p class="bp-p"${item}>${e(block.text)}</p>`;
    case 'quote':
      return `<p class="bp-p bp-quote"${item}>${e(block.text)}</p>`;
    case 'image': {
      const uri = block.image ? imageDataUri(block.image.mime, block.image.data) : null;
      return `<figure class="bp-figure"${item}>${uri ? `<img src="${uri}" alt="${e(block.caption)}">` : ''}<figcaption class="bp-caption">图${block.number}　${e(block.caption)}</figcaption></figure>`;
    }
    case 'table': {
      const [head, ...rest] = block.rows;
      const thead = head ? `<thead><tr>${head.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead>` : '';
      const tbody = rest.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('');
      return `<div class="bp-figure"${item}><p class="bp-caption">表${block.number}　${e(block.caption)}</p><table class="bp-table">${thead}<tbody>${tbody}</tbody></table></div>`;
    }
    case 'stats':
      return `<div class="bp-figure"${item}><p class="bp-caption">表${block.number}　${e(block.caption)}</p>${statsTable(block.stats)}</div>`;
  }
}

export function briefPreview(doc: Doc, template: BriefTemplate): BriefPreview {
  const f = doc.fields;
  const caps = template.capabilities;
  const parts: string[] = [];
  if (caps.masthead) {
    parts.push(
      `<div class="bp-masthead">${e(f.unit || '')}工作简报</div>`,
      f.issueNo ? `<div class="bp-issue">第${e(f.issueNo)}期</div>` : '',
      `<div class="bp-meta"><span>${e(f.unit)}</span><span>${e(f.date)}</span></div>`,
      '<div class="bp-rule"></div>',
    );
  }
  parts.push(`<p class="bp-title">${e(f.title)}</p>`);
  if (f.subtitle) parts.push(`<p class="bp-subtitle">${e(f.subtitle)}</p>`);
  if (f.mainTo) parts.push(`<p class="bp-mainto">${e(f.mainTo)}：</p>`);
  if (caps.note && f.note) parts.push(`<p class="bp-p bp-note">按：${e(f.note)}</p>`);
  parts.push(...doc.blocks.map(blockHtml));
  if (!caps.masthead && (f.unit || f.date)) parts.push(`<p class="bp-sign">${e(f.unit)}<br>${e(f.date)}</p>`);
  if (caps.colophon && (f.reportTo || f.sendTo || f.issueTo || f.copies)) {
    const line = (label: string, v: string): string =>
      v ? `<p class="bp-colophon-line">${label}：${e(v)}</p>` : '';
    parts.push(
      `<div class="bp-colophon">${line('报', f.reportTo)}${line('送', f.sendTo)}${line('发', f.issueTo)}${f.copies ? `<p class="bp-copies">（共印${e(f.copies)}份）</p>` : ''}</div>`,
    );
  }
  const html = `<div class="bp-page bp-tpl-${e(template.id)}">${parts.join('')}</div>`;

  const page = template.page;
  const s = `.bp-tpl-${template.id}`;
  const line = ((template.lineTwips / 20) * PX_PER_PT).toFixed(1);
  const indent = `${template.indentChars}em`;
  const css = [
    `${s} { box-sizing: border-box; width: ${Math.round(page.width * PX_PER_TWIP)}px; min-height: ${Math.round(page.height * PX_PER_TWIP)}px; padding: ${Math.round(page.margins.top * PX_PER_TWIP)}px ${Math.round(page.margins.right * PX_PER_TWIP)}px ${Math.round(page.margins.bottom * PX_PER_TWIP)}px ${Math.round(page.margins.left * PX_PER_TWIP)}px; background: #fff; color: #000; line-height: ${line}px; }`,
    `${s} p { margin: 0; }`,
    fontCss(`${s} .bp-p, ${s} .bp-mainto, ${s} .bp-sign, ${s} .bp-colophon`, template.fonts.body),
    `${s} .bp-p { text-indent: ${indent}; text-align: justify; }`,
    fontCss(`${s} .bp-title`, template.fonts.title),
    `${s} .bp-title { text-align: center; margin: 0 0 ${line}px; }`,
    fontCss(`${s} .bp-subtitle`, template.fonts.subtitle),
    `${s} .bp-subtitle { text-align: center; margin-bottom: ${line}px; }`,
    fontCss(`${s} .bp-h1`, template.fonts.h1),
    fontCss(`${s} .bp-h2`, template.fonts.h2),
    fontCss(`${s} .bp-h3`, template.fonts.h3),
    fontCss(`${s} .bp-h4`, template.fonts.h4),
    `${s} .bp-h { text-indent: ${indent}; }`,
    `${s} .bp-lead { font-weight: 700; }`,
    `${s} .bp-quote { font-style: normal; opacity: 0.85; }`,
    fontCss(`${s} .bp-caption`, template.fonts.caption),
    `${s} .bp-caption { text-align: center; }`,
    `${s} .bp-figure { margin: 8px 0; text-align: center; }`,
    `${s} .bp-figure img { max-width: 100%; }`,
    `${s} .bp-table { border-collapse: collapse; margin: 0 auto; font-size: 0.85em; line-height: 1.5; }`,
    `${s} .bp-table td, ${s} .bp-table th { border: 1px solid #000; padding: 2px 8px; }`,
    `${s} .bp-num { text-align: right; }`,
    `${s} .bp-sign { text-align: right; margin-top: ${line}px; }`,
    `${s} .bp-masthead { color: #c00000; text-align: center; font-family: ${font(template.fonts.title, 'serif')}; font-size: 48px; font-weight: 700; letter-spacing: 4px; line-height: 1.3; }`,
    `${s} .bp-issue { text-align: center; font-family: ${font(template.fonts.body, 'serif')}; }`,
    `${s} .bp-meta { display: flex; justify-content: space-between; font-family: ${font(template.fonts.body, 'serif')}; }`,
    `${s} .bp-rule { border-top: 3px solid #c00000; margin: 4px 0 ${line}px; }`,
    `${s} .bp-colophon { border-top: 1px solid #000; border-bottom: 1px solid #000; margin-top: ${line}px; }`,
    `${s} .bp-copies { text-align: right; }`,
  ].join('\n');
  return { html, css };
}
