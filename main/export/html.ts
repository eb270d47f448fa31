import { createHash } from 'node:crypto';
import revealCss from 'reveal-dist/reveal.css?raw';
import revealJs from 'reveal-dist/reveal.js?raw';
import { composeDeck, type ComposeDeckOptions } from '../../content/compose/deck';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import type { TemplateRegistry } from '../../templates/registry';
import type { Deck } from '../../templates/model';
import type { DeckTemplate } from '../../templates/schema';
import { escapeHtml } from '../../templates/render/escape';
import { SLIDE_H, SLIDE_W } from '../../templates/scene/canvas';
import { deckClass, deckCss, renderSlide } from '../../templates/render/slide';

/** Keep inlined script from closing the <script> element early. */
const inlineScript = (js: string): string => js.replace(/<\/(script)/gi, '<\\/$1');
const inlineStyle = (css: string): string => css.replace(/<\/(style)/gi, '<\\/$1');

/**
 * reveal.js as we inline it: its licence banner is kept (MIT asks for the notice) but without the
 * web addresses, so the file holds no external URL at all, not even in a comment.
 */
export const REVEAL_JS = revealJs.replace(/^\/\*![\s\S]*?\*\//, (banner) =>
  banner.replace(/,?\s*https?:\/\/\S+/g, '').replace(/\n\s*\*\s*(?=\n)/g, ''),
);

/**
 * reveal's settings. The same file prints: opened with `?print-pdf`, reveal lays every slide out as
 * page of the slide canvas and fires `pdf-ready`, which the page records on <html> for the printer to see.
 */
function initScript(): string {
  const config = {
    width: SLIDE_W,
    height: SLIDE_H,
    margin: 0,
    minScale: 0.05,
    maxScale: 4,
    hash: true,
    controls: true,
    controlsLayout: 'edges',
    controlsTutorial: false,
    progress: true,
    slideNumber: false,
    transition: 'none',
    backgroundTransition: 'none',
    center: false,
    // nothing may leave the file: no speaker-view popup, no iframes, no preview links
    help: true,
    previewLinks: false,
    pdfMaxPagesPerSlide: 1,
    pdfSeparateFragments: false,
  };
  return `Reveal.on('pdf-ready', function () { document.documentElement.classList.add('bs-pdf-ready'); });
Reveal.initialize(${JSON.stringify(config)});`;
}

/** The HTML deck's own rules on top of reveal's: slides fill reveal's stage, the slide canvas, exactly. */
const STAGE_CSS = `.reveal .slides { text-align: left; }
.reveal .slides > section { padding: 0; width: ${SLIDE_W}px; height: ${SLIDE_H}px; }
.reveal .slides > section > .bs-slide { margin: 0; }
.reveal .slides > section > aside.notes { display: none; }
.reveal .progress { color: var(--bs-c-accent); }
.reveal .controls { color: var(--bs-c-muted); opacity: 0.45; }
html, body { margin: 0; }`;

/**
 * One standalone HTML file for a deck: reveal.js, its CSS, the theme and every image inlined, so
 * it opens from a USB stick with no network. Notes go into reveal's speaker-notes asides. A
 * Content-Security-Policy lets only the two inlined scripts run and nothing load from outside.
 */
export function deckToHtml(deck: Deck, theme: DeckTemplate): string {
  const total = deck.slides.length;
  const sections = deck.slides
    .map((slide, i) => {
      const notes = slide.notes ? `<aside class="notes">${escapeHtml(slide.notes)}</aside>` : '';
      const markup = renderSlide(slide, {
        theme,
        fields: deck.fields,
        index: i + 1,
        total,
        ...(deck.logo ? { logo: deck.logo } : {}),
      });
      return `<section data-layout="${slide.layout}">${markup}${notes}</section>`;
    })
    .join('\n');
  const scripts = [inlineScript(REVEAL_JS), initScript()];
  // only these two scripts may run: report text is escaped, and even if it were not, an injected
  // <script> would not match a hash
  const hashes = scripts
    .map((js) => `'sha256-${createHash('sha256').update(js).digest('base64')}'`)
    .join(' ');
  const csp = [
    "default-src 'none'",
    `script-src ${hashes}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const background = `#${theme.colors[theme.frames.content.background]}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="简报工坊 Briefing Studio">
<title>${escapeHtml(deck.fields.title)}</title>
<style>${inlineStyle(revealCss)}</style>
<style>${inlineStyle(deckCss(theme))}
${STAGE_CSS}
html, body, .reveal { background: ${background}; }
</style>
</head>
<body>
<div class="reveal ${deckClass(theme)}"><div class="slides">
${sections}
</div></div>
<script>${scripts[0]}</script>
<script>${scripts[1]}</script>
</body>
</html>
`;
}

/** The whole HTML deck path: compose the deck in the briefing's theme, render one file. */
export function briefingToHtmlDeck(
  report: Report,
  briefing: Briefing,
  registry: TemplateRegistry,
  options: ComposeDeckOptions = {},
): string {
  const theme = registry.get('deck', briefing.deckTemplate);
  return deckToHtml(composeDeck(report, briefing, theme, options), theme);
}
