import { COLOR_ROLES, type Box, type DeckTemplate } from '../deck/schema';
import type { Slide } from '../model';
import baseCss from '../deck/base.css?raw';
import { SLIDE_H, SLIDE_W } from '../scene/canvas';
import { gridColor, tableRuleColor } from '../scene/colors';
import { frameOf } from '../scene/geometry';
import { NUMBER_WITH_UNIT } from '../scene/measure';
import {
  slideScene,
  type SceneChart,
  type SceneContext,
  type SceneImage,
  type SceneItem,
  type SceneRun,
  type SceneShape,
  type SceneTable,
  type SceneText,
} from '../scene/scene';
import { chartSvg } from './chart';
import { escapeHtml, imageDataUri } from './escape';

/** What a slide is drawn with: the theme, the deck's fields, its number, the logo. */
export type SlideContext = SceneContext;

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
  const vars = `.bs-theme-${theme.id} { --bs-w: ${SLIDE_W}px; --bs-h: ${SLIDE_H}px; ${colors} --bs-c-rule: #${tableRuleColor(theme)}; --bs-c-grid: #${gridColor(theme)}; --bs-font-heading: ${fontStack(theme.fonts.heading)}; --bs-font-body: ${fontStack(theme.fonts.body)}; --bs-font-quote: ${fontStack(theme.fonts.quote)}; }`;
  return `${baseCss}\n${vars}\n${sanitizeThemeCss(theme.css)}`;
}

const e = escapeHtml;

/**
 * A text as escaped HTML, each number with its unit in a no-break span so the browser never ends
 * a line between 「2.9」 and 「人」 or 「50」 and 「亿元」.
 */
function t(text: string): string {
  const parts: { text: string; nb: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(NUMBER_WITH_UNIT)) {
    const i = m.index ?? 0;
    // a lone digit needs no span, nor a date (「2022年7月15日」 stays searchable as one text)
    if (m[0].length < 2 || /[年月日号]$/u.test(m[0])) continue;
    if (i > at) parts.push({ text: text.slice(at, i), nb: false });
    parts.push({ text: m[0], nb: true });
    at = i + m[0].length;
  }
  if (parts.length === 0) return e(text);
  if (at < text.length) parts.push({ text: text.slice(at), nb: false });
  // every piece in its own span, so the text never mixes with elements (readers keep its order)
  return parts.map((p) => `<span${p.nb ? ' class="bs-nb"' : ''}>${e(p.text)}</span>`).join('');
}
const px = (v: number): string => `${Math.round(v * 10) / 10}px`;
const pos = (b: Box): string => `left:${px(b.x)};top:${px(b.y)};width:${px(b.w)};height:${px(b.h)}`;

function shapeHtml(s: SceneShape): string {
  const cls = s.role === 'frame' ? 'bs-shape' : `bs-box bs-${s.role}`;
  const round = s.shape === 'ellipse' ? ';border-radius:50%' : '';
  const opacity = s.opacity < 1 ? `;opacity:${s.opacity}` : '';
  return `<div class="${cls}" style="${pos(s.box)};background:var(--bs-c-${s.fill})${round}${opacity}"></div>`;
}

function runHtml(run: SceneRun, base: number): string {
  const size = run.size !== base ? `font-size:${px(run.size)}` : '';
  const gap = run.gap ? `margin-left:${px(run.gap)}` : '';
  const style = [size, gap].filter(Boolean).join(';');
  return `<span${style ? ` style="${style}"` : ''}>${t(run.text)}</span>`;
}

/** A text box's inner markup: one plain text, or a line (div) per paragraph of runs. */
function textInner(text: SceneText): string {
  const [only, ...more] = text.paragraphs;
  // one item in the box's flex column: pieces split for their numbers stay on one line together
  if (only && more.length === 0 && only.length === 1 && only[0]?.size === text.size && !only[0].gap) {
    const inner = t(only[0].text);
    return inner.startsWith('<span') ? `<span>${inner}</span>` : inner;
  }
  return text.paragraphs.map((p) => `<div>${p.map((r) => runHtml(r, text.size)).join('')}</div>`).join('');
}

function textStyle(t: SceneText): string {
  return [
    pos(t.box),
    `color:var(--bs-c-${t.color})`,
    `font-family:var(--bs-font-${t.font})`,
    `font-size:${px(t.size)}`,
    `line-height:${t.lineHeight}`,
    ...(t.bold ? ['font-weight:700'] : []),
    ...(t.fill ? [`background:var(--bs-c-${t.fill})`] : []),
    ...(t.nowrap ? ['white-space:nowrap'] : []),
  ].join(';');
}

function textHtml(tx: SceneText): string {
  if (tx.list) {
    const { indentEm, gapEm, marker } = tx.list;
    const items = tx.paragraphs
      .map(
        (p) =>
          `<li style="padding-left:${indentEm}em;margin-bottom:${gapEm}em">${p.map((r) => (r.size === tx.size ? t(r.text) : runHtml(r, tx.size))).join('')}</li>`,
      )
      .join('');
    return `<ul class="bs-box bs-${tx.role}" style="${textStyle(tx)};--bs-lh:${tx.lineHeight};--bs-marker:var(--bs-c-${marker})">${items}</ul>`;
  }
  return `<div class="bs-box bs-text bs-${tx.role} bs-v-${tx.valign} bs-a-${tx.align}" style="${textStyle(tx)}">${textInner(tx)}</div>`;
}

function imageHtml(img: SceneImage): string {
  const uri = imageDataUri(img.image.mime, img.image.data);
  if (!uri) return '';
  const cls = img.role === 'logo' ? 'bs-logo' : 'bs-box bs-image';
  return `<img class="${cls}" src="${uri}" alt="${e(img.alt)}" style="${pos(img.box)}">`;
}

function tableHtml(t: SceneTable): string {
  const cols = t.columns.map((w) => `<col style="width:${px(w)}">`).join('');
  const pad = `padding:${px(t.padY)} ${px(t.padX)}`;
  const body = t.rows
    .map((r) => {
      const tag = r.header ? 'th' : 'td';
      const style = `background:var(--bs-c-${r.fill});color:var(--bs-c-${r.color});font-family:var(--bs-font-${r.font});font-weight:${r.bold ? 700 : 400};${pad}`;
      const cells = r.cells
        .map((c, i) => `<${tag} style="${style};text-align:${t.align[i] ?? 'center'}">${e(c)}</${tag}>`)
        .join('');
      return `<tr class="${r.header ? 'bs-th' : 'bs-tr'}" style="height:${px(r.height)}">${cells}</tr>`;
    })
    .join('');
  return `<table class="bs-box bs-table" style="${pos(t.box)};font-size:${px(t.size)};line-height:${t.lineHeight};--bs-c-rule:#${t.rule}"><colgroup>${cols}</colgroup><tbody>${body}</tbody></table>`;
}

function chartHtml(chart: SceneChart, theme: DeckTemplate, id: string): string {
  return `<div class="bs-chart" style="${pos(chart.box)}">${chartSvg(chart, theme, id)}</div>`;
}

function itemHtml(item: SceneItem, theme: DeckTemplate, id: string): string {
  switch (item.kind) {
    case 'shape':
      return shapeHtml(item);
    case 'text':
      return textHtml(item);
    case 'image':
      return imageHtml(item);
    case 'table':
      return tableHtml(item);
    case 'chart':
      return chartHtml(item, theme, id);
  }
}

/** A short id from a slide's id, for the ids inside its chart (letters and digits only). */
function chartId(slideId: string): string {
  let h = 0;
  for (const ch of slideId) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) | 0;
  return `bs-c${(h >>> 0).toString(36)}`;
}

/**
 * One slide as HTML markup: its scene (templates/scene) drawn as positioned boxes. The live
 * preview and the exported deck both call this, so what staff see is what they export, and the
 * .pptx draws the same scene. Every text goes through escapeHtml.
 */
export function renderSlide(slide: Slide, ctx: SlideContext): string {
  const scene = slideScene(slide, ctx);
  const id = chartId(slide.id);
  const items = scene.items.map((item) => itemHtml(item, ctx.theme, id)).join('');
  return `<div class="bs-slide bs-slide-${slide.layout} bs-frame-${frameOf(slide.layout)}" data-slide-id="${e(slide.id)}" style="background:var(--bs-c-${scene.background})">${items}</div>`;
}
