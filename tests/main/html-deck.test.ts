import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../content/compose/deck';
import { buildOutput } from '../../main/export';
import { deckToHtml } from '../../main/export/html';
import { builtinRegistry } from '../../templates/registry';
import { allLayouts, hostile } from '../fixtures/deck/reports';
import { LOGO_PNG } from '../fixtures/deck/png';

const registry = builtinRegistry();

function htmlOf(fixture: ReturnType<typeof allLayouts>, themeId = 'gov-red'): string {
  const theme = registry.get('deck', themeId);
  const deck = composeDeck(fixture.report, { ...fixture.briefing, deckTemplate: themeId }, theme, {
    logo: { mime: 'image/png', data: LOGO_PNG },
  });
  return deckToHtml(deck, theme);
}

/** Every attribute value in the document, from every tag. */
function attributeValues(html: string): string[] {
  const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
  return tags.flatMap((t) =>
    [...t.matchAll(/\s[\w:-]+=("[^"]*"|'[^']*'|[^\s>]+)/g)].map((m) =>
      (m[1] ?? '').replace(/^["']|["']$/g, ''),
    ),
  );
}

const styles = (html: string): string =>
  [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');

describe('the HTML deck', () => {
  const html = htmlOf(allLayouts());

  it('is one file: reveal.js, its CSS and the theme inline, no link, no external script', () => {
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).toContain('Reveal.initialize(');
    expect(styles(html)).toContain('.reveal .slides');
    expect(styles(html)).toContain('.bs-theme-gov-red');
  });

  it('holds no web address at all: not in attributes, not in CSS, not even in reveal’s licence banner', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    for (const v of attributeValues(html)) {
      if (v.startsWith('data:')) continue;
      expect(v, v.slice(0, 80)).not.toMatch(/^\s*\/\/|https?:|ftp:|javascript:/i);
    }
    const css = styles(html);
    for (const m of css.matchAll(/url\(\s*['"]?([^'")]*)/g)) expect(m[1]).toMatch(/^data:/);
    expect(css).not.toMatch(/@import|@font-face/);
    // the MIT notice stays
    expect(html).toContain('Hakim El Hattab');
  });

  it('lets only its own two scripts run and nothing load from outside', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('img-src data:');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(scripts).toHaveLength(2);
    for (const js of scripts)
      expect(csp).toContain(`'sha256-${createHash('sha256').update(js).digest('base64')}'`);
  });

  it('has a section per slide with its layout, the logo and pictures inlined, and notes in speaker asides', () => {
    const theme = registry.get('deck', 'gov-red');
    const deck = composeDeck(allLayouts().report, allLayouts().briefing, theme);
    expect([...html.matchAll(/<section data-layout="(\w+)"/g)].map((m) => m[1])).toEqual(
      deck.slides.map((s) => s.layout),
    );
    expect(html).toContain(`data:image/png;base64,${LOGO_PNG}`);
    expect(html).toMatch(/<aside class="notes">[^<]*促消费政策持续发力/);
  });

  it('is set up for keyboard navigation and for reveal’s print view', () => {
    expect(html).toMatch(/Reveal\.initialize\(\{[^}]*"width":1280,"height":720/);
    expect(html).toContain("Reveal.on('pdf-ready'");
    expect(html).not.toMatch(/"keyboard":false/);
  });

  it('shows markup and script from the report as text: no tag, attribute or link comes from it', () => {
    const bad = htmlOf(hostile());
    expect(bad.match(/<script/g)).toHaveLength(2);
    const markup = bad.replace(/<script>[\s\S]*?<\/script>/g, '');
    expect(markup).not.toMatch(/<img src=x|<a href|<svg onload|<[^>]*\son\w+=/i);
    expect(bad).toContain('&lt;script&gt;window.__pwned = 1; alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(bad).toContain('&lt;a href=&quot;javascript:window.__pwned=3&quot;&gt;点我&lt;/a&gt;');
    // the page title too
    expect(bad).toMatch(/<title>报告&lt;script&gt;/);
  });

  it('is what buildOutput writes for .html, named after the title', async () => {
    const fx = allLayouts();
    const out = await buildOutput('html', fx.report, fx.briefing, registry);
    expect(out.fileName).toBe('绿园区2022年上半年工作总结.html');
    const text = new TextDecoder().decode(out.bytes);
    expect(text.startsWith('<!doctype html>')).toBe(true);
    expect(text).toContain('bs-theme-gov-red');
  });

  it('renders a 60-slide deck in one file with 60 sections', async () => {
    const fx = allLayouts();
    const theme = registry.get('deck', 'plain');
    const deck = composeDeck(fx.report, { ...fx.briefing, deckTemplate: 'plain' }, theme);
    const slides = Array.from({ length: 60 }, (_, i) => ({
      ...deck.slides[i % deck.slides.length],
      id: `slide-${i + 1}`,
    })) as typeof deck.slides;
    expect(deckToHtml({ ...deck, slides }, theme).match(/<section /g)).toHaveLength(60);
  });
});
