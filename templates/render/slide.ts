import { COLOR_ROLES, type Box, type DeckTemplate, type Shape, type TextBox } from '../deck/schema';
import type { BriefFields, OutputImage, Slide } from '../model';
import baseCss from '../deck/base.css?raw';
import { escapeHtml, imageDataUri } from './escape';
import { chartSvg } from './chart';
import { gridColor, tableRuleColor } from './colors';
import {
  agendaRows,
  BULLET_GAP_EM,
  BULLET_INDENT_EM,
  captionedArea,
  figureCells,
  fitLine,
  frameOf,
  displayTitle,
  metaLines,
  quoteParts,
  TABLE_PAD_X_EM,
  TABLE_PAD_Y_EM,
  tableColumnWidths,
  tableRowHeights,
  UNIT_SCALE,
  unitBox,
  wrapCaption,
  shownCaption,
} from './geometry';

export interface SlideContext {
  theme: DeckTemplate;
  fields: BriefFields;
  /** 1-based slide number */
  index: number;
  total: number;
  /** the organisation's logo, when the deck has one and the theme a slot for it */
  logo?: OutputImage;
}

const CSS_FONT = /^[\p{L}\p{N} _-]+$/u;

/** A CSS font-family list from a theme's stack; names are checked, so no CSS can be injected. */
function fontStack(names: readonly string[]): string {
  return names
    .filter((n) => CSS_FONT.test(n))
    .map((n) => (/^(serif|sans-serif|monospace)$/.test(n) ? n : `"${n}"`))
    .join(', ');
}

/**
 * Theme CSS may only style: anything that would load a resource (@import, url() other than an
 * inline data: image) is removed, so a deck never reaches for the network.
 */
export function sanitizeThemeCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@import[^;]*;?/gi, '')
    .replace(/url\(\s*(?!['"]?data:image\/)[^)]*\)/gi, 'none')
    .replace(/<\/(style)/gi, '<\\/$1');
}

/** The class names a container of this theme's slides carries (the preview and the HTML deck). */
export function deckClass(theme: DeckTemplate): string {
  return `bs-deck bs-theme-${theme.id}`;
}

/** The CSS for a deck in a theme: shared structure, the theme's colours and font stacks, its own rules. */
export function deckCss(theme: DeckTemplate): string {
  const colors = COLOR_ROLES.map((role) => `--bs-c-${role}: #${theme.colors[role]};`).join(' ');
  const vars = `.bs-theme-${theme.id} { ${colors} --bs-c-rule: #${tableRuleColor(theme)}; --bs-c-grid: #${gridColor(theme)}; --bs-font-heading: ${fontStack(theme.fonts.heading)}; --bs-font-body: ${fontStack(theme.fonts.body)}; --bs-font-quote: ${fontStack(theme.fonts.quote)}; }`;
  return `${baseCss}\n${vars}\n${sanitizeThemeCss(theme.css)}`;
}

const e = escapeHtml;
const px = (v: number): string => `${Math.round(v * 10) / 10}px`;
const pos = (b: Box): string => `left:${px(b.x)};top:${px(b.y)};width:${px(b.w)};height:${px(b.h)}`;

function shapeHtml(s: Shape): string {
  const round = s.kind === 'ellipse' ? ';border-radius:50%' : '';
  const opacity = s.opacity < 1 ? `;opacity:${s.opacity}` : '';
  return `<div class="bs-shape" style="${pos(s)};background:var(--bs-c-${s.fill})${round}${opacity}"></div>`;
}

/** A positioned text box; `inner` is markup already escaped. */
function textBox(cls: string, box: TextBox, size: number, inner: string): string {
  const weight = box.bold ? ';font-weight:700' : '';
  return `<div class="bs-box bs-text ${cls} bs-v-${box.valign} bs-a-${box.align} bs-f-${box.font}" style="${pos(box)};color:var(--bs-c-${box.color});font-size:${px(size)};line-height:${box.lineHeight}${weight}">${inner}</div>`;
}

function logoHtml(logo: OutputImage | undefined, box: Box, theme: DeckTemplate): string {
  if (!logo || !theme.capabilities.logo) return '';
  const uri = imageDataUri(logo.mime, logo.data);
  return uri ? `<img class="bs-logo" src="${uri}" alt="" style="${pos(box)}">` : '';
}

function frameHtml(slide: Slide, theme: DeckTemplate): string {
  const frame = theme.frames[frameOf(slide.layout)];
  return frame.shapes.map(shapeHtml).join('');
}

function lines(texts: readonly string[]): string {
  return texts.map((t) => `<div>${e(t)}</div>`).join('');
}

function coverHtml(slide: Slide, ctx: SlideContext): string {
  const f = ctx.theme.frames.cover;
  const titleSize = slide.fit?.title ?? f.title.size.max;
  const subSize = slide.fit?.body ?? f.subtitle.size.max;
  const metaSize = f.meta.size.max;
  return [
    logoHtml(ctx.logo, f.logo, ctx.theme),
    textBox('bs-title', f.title, titleSize, e(slide.title)),
    slide.subtitle ? textBox('bs-subtitle', f.subtitle, subSize, e(slide.subtitle)) : '',
    textBox('bs-meta', f.meta, metaSize, lines(metaLines(ctx.fields, ctx.theme, f.meta, metaSize))),
  ].join('');
}

function numberHtml(number: string, box: TextBox): string {
  const line = fitLine(number, box);
  return textBox('bs-number', box, line.size, e(line.text));
}

function dividerHtml(slide: Slide, ctx: SlideContext): string {
  const f = ctx.theme.frames.divider;
  return [
    slide.number ? numberHtml(slide.number, f.number) : '',
    textBox('bs-title', f.title, slide.fit?.title ?? f.title.size.max, e(slide.title)),
  ].join('');
}

function closingHtml(slide: Slide, ctx: SlideContext): string {
  const f = ctx.theme.frames.closing;
  const metaSize = f.meta.size.max;
  return [
    textBox('bs-title', f.title, slide.fit?.title ?? f.title.size.max, e(slide.title)),
    textBox('bs-meta', f.meta, metaSize, lines(metaLines(ctx.fields, ctx.theme, f.meta, metaSize))),
  ].join('');
}

function bulletsHtml(slide: Slide, theme: DeckTemplate): string {
  const body = theme.frames.content.body;
  const t = theme.type.bullets;
  const size = slide.fit?.body ?? t.size.max;
  const items = (slide.bullets ?? [])
    .map(
      (b) => `<li style="padding-left:${BULLET_INDENT_EM}em;margin-bottom:${BULLET_GAP_EM}em">${e(b)}</li>`,
    )
    .join('');
  return `<ul class="bs-box bs-bullets" style="${pos(body)};font-size:${px(size)};line-height:${t.lineHeight};--bs-lh:${t.lineHeight}">${items}</ul>`;
}

function agendaHtml(slide: Slide, theme: DeckTemplate): string {
  const t = theme.type.agenda;
  const size = slide.fit?.body ?? t.size.max;
  const entries = slide.agenda ?? [];
  const start = slide.start ?? 1;
  return agendaRows(theme, entries, size)
    .map((row, i) => {
      const n = String(start + i).padStart(2, '0');
      return `<div class="bs-box bs-agenda-badge" style="${pos(row.badge)};font-size:${px(size * 0.8)}">${n}</div><div class="bs-box bs-text bs-agenda-entry bs-v-middle" style="${pos(row.text)};font-size:${px(size)};line-height:${t.lineHeight}">${e(entries[i] ?? '')}</div>`;
    })
    .join('');
}

function figuresHtml(slide: Slide, theme: DeckTemplate): string {
  const figures = slide.figures ?? [];
  const valueSize = slide.fit?.value ?? theme.type.figureValue.size.max;
  const labelSize = slide.fit?.label ?? theme.type.figureLabel.size.max;
  return figureCells(theme, figures.length, valueSize)
    .map((cell, i) => {
      const s = figures[i];
      if (!s) return '';
      return [
        `<div class="bs-box bs-figure-card" style="${pos(cell.card)}"></div>`,
        `<div class="bs-box bs-figure-bar" style="${pos(cell.bar)}"></div>`,
        `<div class="bs-box bs-text bs-figure-value bs-a-center bs-v-bottom" style="${pos(cell.value)};font-size:${px(valueSize)};line-height:1.2"><div><span>${e(s.value)}</span><span class="bs-figure-unit" style="font-size:${UNIT_SCALE}em">${e(s.unit)}</span></div></div>`,
        `<div class="bs-box bs-text bs-figure-label bs-a-center" style="${pos(cell.label)};font-size:${px(labelSize)};line-height:${theme.type.figureLabel.lineHeight}">${e(s.label)}</div>`,
      ].join('');
    })
    .join('');
}

function captionHtml(box: Box | null, text: string, size: number, theme: DeckTemplate): string {
  if (!box) return '';
  return `<div class="bs-box bs-text bs-caption bs-a-center" style="${pos(box)};font-size:${px(size)};line-height:${theme.type.caption.lineHeight}">${e(text)}</div>`;
}

function imageHtml(slide: Slide, theme: DeckTemplate): string {
  const caption = slide.image?.caption ?? '';
  const size = slide.fit?.caption ?? theme.type.caption.size.max;
  const captionLines = wrapCaption(caption, theme, size);
  const { area, caption: capBox } = captionedArea(theme, captionLines.length, size);
  const uri = slide.image ? imageDataUri(slide.image.mime, slide.image.data) : null;
  const img = uri
    ? `<img class="bs-box bs-image" src="${uri}" alt="${e(caption)}" style="${pos(area)}">`
    : '';
  return img + captionHtml(capBox, shownCaption(caption, theme, size), size, theme);
}

function chartHtml(slide: Slide, theme: DeckTemplate): string {
  if (!slide.chart) return '';
  const size = slide.fit?.caption ?? theme.type.caption.size.max;
  const unit = slide.chart.unit ? `单位：${slide.chart.unit}` : '';
  const { area, caption } = captionedArea(theme, unit ? 1 : 0, size, 'above');
  const unitHtml = caption
    ? `<div class="bs-box bs-text bs-caption bs-a-right" style="${pos(caption)};font-size:${px(size)};line-height:${theme.type.caption.lineHeight}">${e(unit)}</div>`
    : '';
  const labelSize = slide.fit?.label ?? theme.type.chartLabel.size.max;
  return unitHtml + chartSvg({ type: slide.chart.type, points: slide.chart.points, labelSize }, area);
}

function tableHtml(slide: Slide, theme: DeckTemplate): string {
  const rows = slide.table?.rows ?? [];
  const t = theme.type.table;
  const size = slide.fit?.body ?? t.size.max;
  const capSize = slide.fit?.caption ?? theme.type.caption.size.max;
  const caption = slide.table?.caption && slide.table.caption !== slide.title ? slide.table.caption : '';
  const { area, caption: capBox } = captionedArea(
    theme,
    caption ? wrapCaption(caption, theme, capSize).length : 0,
    capSize,
  );
  const colW = tableColumnWidths(rows, area.w);
  const rowH = tableRowHeights(rows, colW, size, t.lineHeight);
  const cols = colW.map((w) => `<col style="width:${px(w)}">`).join('');
  const pad = `padding:${TABLE_PAD_Y_EM}em ${TABLE_PAD_X_EM}em`;
  const body = rows
    .map((r, i) => {
      const tag = i === 0 ? 'th' : 'td';
      const cells = colW.map((_, c) => `<${tag} style="${pad}">${e(r[c] ?? '')}</${tag}>`).join('');
      return `<tr class="${i === 0 ? 'bs-th' : i % 2 === 0 ? 'bs-tr-alt' : 'bs-tr'}" style="height:${px(rowH[i] ?? 0)}">${cells}</tr>`;
    })
    .join('');
  const tableBox = {
    ...area,
    h: Math.min(
      area.h,
      rowH.reduce((a, b) => a + b, 0),
    ),
  };
  return `<table class="bs-box bs-table" style="${pos(tableBox)};font-size:${px(size)};line-height:${t.lineHeight}"><colgroup>${cols}</colgroup><tbody>${body}</tbody></table>${captionHtml(capBox, shownCaption(caption, theme, capSize), capSize, theme)}`;
}

function quoteHtml(slide: Slide, theme: DeckTemplate): string {
  const t = theme.type.quote;
  const size = slide.fit?.body ?? t.size.max;
  const capSize = theme.type.caption.size.max;
  const source = slide.quote?.source ?? '';
  const parts = quoteParts(theme, Boolean(source), capSize);
  const text = slide.quote?.text ?? '';
  return [
    `<div class="bs-box bs-quote-panel" style="${pos(parts.panel)}"></div>`,
    `<div class="bs-box bs-quote-bar" style="${pos(parts.bar)}"></div>`,
    `<div class="bs-box bs-text bs-quote bs-v-middle" style="${pos(parts.text)};font-size:${px(size)};line-height:${t.lineHeight}">${e(text)}</div>`,
    parts.source
      ? `<div class="bs-box bs-text bs-caption bs-a-right" style="${pos(parts.source)};font-size:${px(capSize)}">——${e(source)}</div>`
      : '',
  ].join('');
}

function unitHtml(text: string, box: TextBox): string {
  const line = fitLine(text, box);
  return textBox('bs-unit', box, line.size, e(line.text));
}

function contentHtml(slide: Slide, ctx: SlideContext): string {
  const { theme } = ctx;
  const f = theme.frames.content;
  const title = textBox(
    'bs-title',
    f.title,
    slide.fit?.title ?? f.title.size.max,
    e(displayTitle(slide, theme)),
  );
  const hasLogo = Boolean(ctx.logo && theme.capabilities.logo);
  const unit = unitBox(theme, hasLogo);
  const foot = [
    logoHtml(ctx.logo, f.logo, theme),
    ctx.fields.unit ? unitHtml(ctx.fields.unit, unit) : '',
    textBox('bs-page', f.page, f.page.size.max, String(ctx.index)),
  ].join('');
  return `${title}${contentBody(slide, theme)}${foot}`;
}

function contentBody(slide: Slide, theme: DeckTemplate): string {
  switch (slide.layout) {
    case 'agenda':
      return agendaHtml(slide, theme);
    case 'bullets':
      return bulletsHtml(slide, theme);
    case 'figures':
      return figuresHtml(slide, theme);
    case 'image':
      return imageHtml(slide, theme);
    case 'chart':
      return chartHtml(slide, theme);
    case 'table':
      return tableHtml(slide, theme);
    case 'quote':
      return quoteHtml(slide, theme);
    case 'cover':
    case 'divider':
    case 'closing':
      return '';
  }
}

function slideInner(slide: Slide, ctx: SlideContext): string {
  switch (frameOf(slide.layout)) {
    case 'cover':
      return coverHtml(slide, ctx);
    case 'divider':
      return dividerHtml(slide, ctx);
    case 'closing':
      return closingHtml(slide, ctx);
    case 'content':
      return contentHtml(slide, ctx);
  }
}

/**
 * One slide as HTML markup. The live preview and the exported deck both call this, so what
 * staff see is what they export. Every text goes through escapeHtml; positions come from the
 * theme's geometry, sizes from compose's fitting.
 */
export function renderSlide(slide: Slide, ctx: SlideContext): string {
  const frame = ctx.theme.frames[frameOf(slide.layout)];
  return `<div class="bs-slide bs-slide-${slide.layout} bs-frame-${frameOf(slide.layout)}" data-slide-id="${e(slide.id)}" style="background:var(--bs-c-${frame.background})">${frameHtml(slide, ctx.theme)}${slideInner(slide, ctx)}</div>`;
}
