import { createHash } from 'node:crypto';
import revealCss from 'reveal-dist/reveal.css?raw';
import revealJs from 'reveal-dist/reveal.js?raw';
import { composeDeck } from '../../content/compose/deck';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import type { TemplateRegistry } from '../../templates/registry';
import type { Deck } from '../../templates/model';
import type { DeckTemplate } from '../../templates/schema';
import { escapeHtml } from '../../templates/render/escape';
import { deckCss, renderSlide } from '../../templates/render/slide';

/** Keep inlined script from closing the <script> element early. */
const inlineScript = (js: string): string => js.replace(/<\/(script)/gi, '<\\/$1');
const inlineStyle = (css: string): string => css.replace(/<\/(style)/gi, '<\\/$1');

const INIT_SCRIPT =
  "Reveal.initialize({ width: 1280, height: 720, margin: 0, hash: true, slideNumber: 'c/t', controls: true, progress: true, transition: 'none', center: false });";

/**
 * One standalone HTML file for a deck: reveal.js, its CSS, the theme and every image inlined, so
 * it opens from a USB stick with no network. Notes go into reveal's speaker-notes asides.
 */
export function deckToHtml(deck: Deck, theme: DeckTemplate): string {
  const total = deck.slides.length;
  const sections = deck.slides
    .map((slide, i) => {
      const notes = slide.notes ? `<aside class="notes">${escapeHtml(slide.notes)}</aside>` : '';
      return `<section data-layout="${slide.layout}">${renderSlide(slide, { theme, fields: deck.fields, index: i + 1, total })}${notes}</section>`;
    })
    .join('\n');
  const scripts = [inlineScript(revealJs), INIT_SCRIPT];
  // only these two scripts may run: report text is escaped, and even if it were not, an injected
  // <script> would not match a hash
  const hashes = scripts
    .map((js) => `'sha256-${createHash('sha256').update(js).digest('base64')}'`)
    .join(' ');
  const csp = `default-src 'none'; script-src ${hashes}; style-src 'unsafe-inline'; img-src data:; font-src data:`;
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
.reveal .slides section { padding: 0; }
.reveal .slides section > .bs-slide { margin: 0; }
html, body { background: #${theme.colors.background}; }
</style>
</head>
<body>
<div class="reveal bs-deck bs-theme-${theme.id}"><div class="slides">
${sections}
</div></div>
<script>${scripts[0]}</script>
<script>${scripts[1]}</script>
</body>
</html>
`;
}

/** The whole HTML deck path: compose the deck in the briefing's theme, render one file. */
export function briefingToHtmlDeck(report: Report, briefing: Briefing, registry: TemplateRegistry): string {
  const theme = registry.get('deck', briefing.deckTemplate);
  return deckToHtml(composeDeck(report, briefing, theme), theme);
}
