import type { DeckTemplate } from '../schema';
import type { BriefFields, ShownStat, Slide } from '../model';
import baseCss from '../deck/base.css?raw';
import { escapeHtml, imageDataUri } from './escape';

export interface SlideContext {
  theme: DeckTemplate;
  fields: BriefFields;
  /** 1-based slide number */
  index: number;
  total: number;
}

const CSS_FONT = /^[\p{L}\p{N} _-]+$/u;

/** A CSS font-family list from a theme's stack; names are checked, so no CSS can be injected. */
function fontStack(names: readonly string[]): string {
  return names
    .filter((n) => CSS_FONT.test(n))
    .map((n) => (/^(serif|sans-serif|monospace)$/.test(n) ? n : `"${n}"`))
    .join(', ');
}

/** The CSS for a deck in a theme: shared structure, the theme's own rules, its font stacks. */
export function deckCss(theme: DeckTemplate): string {
  const vars = `.bs-theme-${theme.id} { --bs-font-heading: ${fontStack(theme.fonts.heading)}; --bs-font-body: ${fontStack(theme.fonts.body)}; --bs-muted: #${theme.colors.muted}; --bs-accent: #${theme.colors.accent}; --bs-primary: #${theme.colors.primary}; --bs-text: #${theme.colors.text}; --bs-bg: #${theme.colors.background}; }`;
  return `${baseCss}\n${vars}\n${theme.css}`;
}

const e = escapeHtml;

function statHtml(s: ShownStat): string {
  return `<div class="bs-figure"><div><span class="bs-figure-value">${e(s.value)}</span><span class="bs-figure-unit">${e(s.unit)}</span></div><div class="bs-figure-label">${e(s.label)}</div></div>`;
}

function chartSvg(points: readonly ShownStat[], unit: string): string {
  const w = 1100;
  const h = 440;
  const max = Math.max(...points.map((p) => Number(p.value) || 0), 1);
  const bw = w / Math.max(points.length, 1);
  const bars = points
    .map((p, i) => {
      const v = Number(p.value) || 0;
      const bh = Math.round((v / max) * (h - 80));
      const x = Math.round(i * bw + bw * 0.2);
      const y = h - 40 - bh;
      return `<rect class="bs-chart-bar" x="${x}" y="${y}" width="${Math.round(bw * 0.6)}" height="${bh}"></rect><text class="bs-chart-label" x="${x}" y="${y - 8}">${e(p.value)}${e(unit)}</text><text class="bs-chart-label" x="${x}" y="${h - 12}">${e(p.label)}</text>`;
    })
    .join('');
  return `<svg class="bs-chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img">${bars}</svg>`;
}

function bodyHtml(slide: Slide, ctx: SlideContext): string {
  switch (slide.layout) {
    case 'cover': {
      const meta = [ctx.fields.unit, ctx.fields.presenter, ctx.fields.date].filter(Boolean).map(e).join('　');
      return `<h1>${e(slide.title)}</h1>${slide.subtitle ? `<div class="bs-sub">${e(slide.subtitle)}</div>` : ''}<div class="bs-meta">${meta}</div>`;
    }
    case 'agenda':
      return `<h2>${e(slide.title)}</h2><div class="bs-slide-body"><ol>${(slide.agenda ?? []).map((a) => `<li>${e(a)}</li>`).join('')}</ol></div>`;
    case 'divider':
      return `${slide.number ? `<div class="bs-number">${e(slide.number)}</div>` : ''}<h1>${e(slide.title)}</h1>`;
    case 'bullets':
      return `<h2>${e(slide.title)}${slide.continued ? '（续）' : ''}</h2><div class="bs-slide-body"><ul>${(slide.bullets ?? []).map((b) => `<li>${e(b)}</li>`).join('')}</ul></div>`;
    case 'figures':
      return `<h2>${e(slide.title)}</h2><div class="bs-slide-body bs-figures">${(slide.figures ?? []).map(statHtml).join('')}</div>`;
    case 'image': {
      const uri = slide.image ? imageDataUri(slide.image.mime, slide.image.data) : null;
      const caption = slide.image?.caption ?? '';
      return `<h2>${e(slide.title)}</h2><div class="bs-slide-body">${uri ? `<img src="${uri}" alt="${e(caption)}">` : ''}<div class="bs-caption">${e(caption)}</div></div>`;
    }
    case 'chart':
      return `<h2>${e(slide.title)}</h2><div class="bs-slide-body">${slide.chart ? chartSvg(slide.chart.points, slide.chart.unit) : ''}</div>`;
    case 'table': {
      const rows = slide.table?.rows ?? [];
      const [head, ...rest] = rows;
      const headHtml = head ? `<thead><tr>${head.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead>` : '';
      const bodyRows = rest.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('');
      return `<h2>${e(slide.title)}</h2><div class="bs-slide-body"><table>${headHtml}<tbody>${bodyRows}</tbody></table><div class="bs-caption">${e(slide.table?.caption ?? '')}</div></div>`;
    }
    case 'quote':
      return `<div class="bs-slide-body"><div class="bs-quote">${e(slide.quote?.text ?? slide.title)}</div>${slide.quote?.source ? `<div class="bs-caption">${e(slide.quote.source)}</div>` : ''}</div>`;
    case 'closing':
      return `<h1>${e(slide.title)}</h1>`;
  }
}

/**
 * One slide as HTML markup. The live preview and the exported deck both call this, so what
 * staff see is what they export. Every text goes through escapeHtml.
 */
export function renderSlide(slide: Slide, ctx: SlideContext): string {
  const foot =
    slide.layout === 'cover'
      ? ''
      : `<footer class="bs-slide-foot"><span>${e(ctx.fields.unit)}</span><span class="bs-page">${ctx.index}</span></footer>`;
  return `<div class="bs-slide bs-slide-${slide.layout}" data-slide-id="${e(slide.id)}">${bodyHtml(slide, ctx)}${foot}</div>`;
}
