import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { composeDeck } from '../../content/compose/deck';
import { buildOutput } from '../../main/export';
import { deckToPptx } from '../../main/export/pptx';
import type { Deck } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { displayTitle } from '../../templates/scene/geometry';
import { LOGO_PNG } from '../fixtures/deck/png';
import { allLayouts, hostile } from '../fixtures/deck/reports';
import { bulletsOf, figuresOf, tableRowsOf } from '../helpers/slides';

const registry = builtinRegistry();

interface Parts {
  deck: Deck;
  files: Record<string, string>;
  slide: (n: number) => string;
}

async function build(fixture = allLayouts(), themeId = 'gov-red', logo = false): Promise<Parts> {
  const theme = registry.get('deck', themeId);
  const deck = composeDeck(
    fixture.report,
    { ...fixture.briefing, deckTemplate: themeId },
    theme,
    logo ? { logo: { mime: 'image/png', data: LOGO_PNG } } : {},
  );
  const bytes = await deckToPptx(deck, theme);
  const raw = unzipSync(bytes);
  const files: Record<string, string> = {};
  for (const [name, data] of Object.entries(raw))
    if (/\.(xml|rels)$/.test(name)) files[name] = strFromU8(data);
  return { deck, files, slide: (n) => files[`ppt/slides/slide${n}.xml`] ?? '' };
}

/** The text runs of an XML part, unescaped, in order. */
const runs = (xml: string): string[] =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );

describe('the PowerPoint deck', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has one slide per deck slide, at 16:9', async () => {
    const { deck, files } = await build();
    const slides = Object.keys(files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides).toHaveLength(deck.slides.length);
    // 13.333 in × 7.5 in in EMU
    expect(files['ppt/presentation.xml']).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
  });

  it('sets a table’s number columns to the right in its cells, as the scene does', async () => {
    const { deck, slide } = await build();
    const at = deck.slides.findIndex((s) => s.layout === 'table');
    expect(at).toBeGreaterThan(-1);
    const cells = [...slide(at + 1).matchAll(/<a:tc>([\s\S]*?)<\/a:tc>/g)].map((m) => m[1] ?? '');
    const rows = tableRowsOf(deck.slides[at]);
    const cols = rows[0]?.length ?? 0;
    expect(cells).toHaveLength(rows.length * cols);
    cells.forEach((cell, i) => {
      const text = runs(cell).join('');
      const algn = /<a:pPr[^>]*algn="(\w+)"/.exec(cell)?.[1];
      // 总投资（亿元） holds numbers: right; the project names: left
      if (i % cols === 1) expect(algn, text).toBe('r');
      if (i % cols === 0) expect(algn, text).toBe('l');
    });
  });

  it('sets every text in native, editable text boxes: titles, bullets, figures, table cells', async () => {
    const { deck, slide } = await build();
    deck.slides.forEach((s, i) => {
      const text = runs(slide(i + 1)).join('');
      if (s.layout !== 'quote')
        expect(text, s.id).toContain(displayTitle(s, registry.get('deck', 'gov-red')));
      for (const b of bulletsOf(s)) expect(runs(slide(i + 1))).toContain(b);
      for (const f of figuresOf(s))
        expect(runs(slide(i + 1))).toEqual(expect.arrayContaining([f.value, f.unit, f.label]));
      for (const row of tableRowsOf(s)) for (const cell of row) expect(runs(slide(i + 1))).toContain(cell);
      if (s.layout === 'quote') expect(text).toContain(s.quote.text);
    });
    // pictures only where a picture belongs: the image slide
    deck.slides.forEach((s, i) => expect(slide(i + 1).includes('<p:pic>'), s.id).toBe(s.layout === 'image'));
  });

  it('names the Chinese font (a:ea) next to the Latin one everywhere, in slides, charts and the theme', async () => {
    const { files, slide } = await build();
    const all = Object.values(files).join('\n');
    expect(all).not.toContain('BSFONT');
    expect(slide(1)).toContain('<a:latin typeface="Microsoft YaHei"');
    expect(slide(1)).toContain('<a:ea typeface="微软雅黑"');
    const quote =
      Object.entries(files).find(
        ([n, x]) => /slides\/slide\d+\.xml$/.test(n) && x.includes('发展是第一要务'),
      )?.[1] ?? '';
    expect(quote).toContain('<a:ea typeface="仿宋"');
    const charts = Object.entries(files).filter(([n]) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.length).toBeGreaterThan(0);
    for (const [, xml] of charts) expect(xml).toContain('<a:ea typeface="微软雅黑"/>');
    const theme = files['ppt/theme/theme1.xml'] ?? '';
    expect(/<a:majorFont>[\s\S]*?<a:ea typeface="([^"]*)"/.exec(theme)?.[1]).toBe('微软雅黑');
    expect(/<a:minorFont>[\s\S]*?<a:ea typeface="([^"]*)"/.exec(theme)?.[1]).toBe('微软雅黑');
    expect(/<a:majorFont>[\s\S]*?<a:font script="Hans" typeface="([^"]*)"/.exec(theme)?.[1]).toBe('微软雅黑');
  });

  it('draws charts as native charts holding the chosen statistics', async () => {
    const { deck, files } = await build();
    const chartSlides = deck.slides.filter((s) => s.layout === 'chart');
    const charts = Object.keys(files)
      .filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
      .sort();
    expect(charts).toHaveLength(chartSlides.length);
    const xml = charts.map((c) => files[c] ?? '');
    expect(xml.some((x) => x.includes('<c:lineChart>'))).toBe(true);
    expect(xml.some((x) => x.includes('<c:barChart>'))).toBe(true);
    const values = (x: string): string[] =>
      [...(/<c:val>[\s\S]*?<\/c:val>/.exec(x)?.[0] ?? '').matchAll(/<c:v>([^<]*)<\/c:v>/g)].map(
        (m) => m[1] ?? '',
      );
    const line = xml.find((x) => x.includes('<c:lineChart>')) ?? '';
    expect(values(line).map(Number)).toEqual([-12.5, -8.1, -3.2, 0.8, 1.6, 2]);
    const bar = xml.find((x) => x.includes('<c:barChart>')) ?? '';
    expect(values(bar).map(Number)).toEqual([21.59, 5, 1.2, 0.17]);
    // each chart slide points at its chart part, and the data travels as an embedded workbook for editing
    const rels = Object.entries(files).filter(
      ([n, x]) => /slides\/_rels\/slide\d+\.xml\.rels$/.test(n) && x.includes('/chart'),
    );
    expect(rels).toHaveLength(chartSlides.length);
    expect(
      Object.keys(
        unzipSync(
          await deckToPptx(
            composeDeck(allLayouts().report, allLayouts().briefing, registry.get('deck', 'gov-red')),
            registry.get('deck', 'gov-red'),
          ),
        ),
      ).some((n) => n.endsWith('.xlsx')),
    ).toBe(true);
  });

  it('carries speaker notes: point bodies and the sentence behind every number', async () => {
    const { deck, files } = await build();
    const notes = Object.keys(files).filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
    expect(notes.length).toBe(deck.slides.length);
    const figures = deck.slides.findIndex((s) => s.layout === 'figures');
    const noteText = runs(files[`ppt/notesSlides/notesSlide${figures + 1}.xml`] ?? '').join('\n');
    for (const f of figuresOf(deck.slides[figures])) expect(noteText).toContain(f.sentence);
    const bullets = deck.slides.findIndex((s) => s.layout === 'bullets');
    expect(runs(files[`ppt/notesSlides/notesSlide${bullets + 1}.xml`] ?? '').join('\n')).toContain(
      '企业复工跑出加速度的具体做法和成效',
    );
  });

  it('wears the theme: red and gold backgrounds and bands for gov-red, blue for gov-blue, bullets in the accent colour', async () => {
    const red = await build();
    expect(red.slide(1)).toContain('<a:srgbClr val="B8140F"/>');
    expect(red.slide(1)).toContain('<a:srgbClr val="E3B349"/>');
    const bullets = red.deck.slides.findIndex((s) => s.layout === 'bullets');
    expect(red.slide(bullets + 1)).toContain('<a:buClr><a:srgbClr val="E3B349"/></a:buClr>');
    const blue = await build(allLayouts(), 'gov-blue');
    expect(blue.slide(1)).toContain('<a:srgbClr val="0D4A8F"/>');
    expect(blue.slide(1)).not.toContain('B8140F');
  });

  it('numbers content slides with a slide-number field, and puts the organisation logo in, unaltered', async () => {
    const { deck, slide, files } = await build(allLayouts(), 'gov-red', true);
    const content = deck.slides.findIndex((s) => s.layout === 'bullets');
    expect(slide(content + 1)).toContain('type="slidenum"');
    expect(slide(1)).toContain('<p:pic>');
    const media = Object.keys(unzipSync(await deckToPptx(deck, registry.get('deck', 'gov-red')))).filter(
      (n) => n.startsWith('ppt/media/'),
    );
    expect(media.length).toBeGreaterThan(0);
    expect(files['[Content_Types].xml']).toContain('png');
  });

  it('keeps markup and script from the report as plain text, never as markup or a link', async () => {
    const { deck, files } = await build(hostile());
    const all = Object.values(files).join('\n');
    expect(all).not.toMatch(/<script|<img src=x|hlinkClick/);
    expect(all).toContain('&lt;script&gt;window.__pwned = 1');
    const texts = Object.entries(files)
      .filter(([n]) => /slides\/slide\d+\.xml$/.test(n))
      .flatMap(([, x]) => runs(x));
    expect(texts.join('')).toContain('<a href="javascript:window.__pwned=3">点我</a>');
    // the document properties too (the organisation goes in as the company)
    expect(files['docProps/app.xml']).toContain(
      '<Company>单位&quot;&gt;&lt;svg onload=&quot;window.__pwned = 4&quot;&gt;</Company>',
    );
    expect(files['docProps/core.xml']).toContain('<dc:title>报告&lt;script&gt;');
    expect(deck.slides.length).toBeGreaterThan(5);
  });

  it('drops characters XML cannot hold instead of writing a file PowerPoint refuses', async () => {
    const fx = allLayouts();
    const first = fx.report.sections[0];
    if (first) first.title = '稳住\u0000经济\u0007运行\uFFFF基本盘';
    const { files } = await build(fx);
    expect(Object.values(files).join('')).toContain('稳住经济运行基本盘');
    // eslint-disable-next-line no-control-regex
    expect(Object.values(files).join('')).not.toMatch(/[\u0000-\u0008\uFFFF]/);
  });

  it('is built in Node alone: no DOM, no network', async () => {
    const calls: string[] = [];
    vi.spyOn(http, 'request').mockImplementation(() => {
      calls.push('http.request');
      throw new Error('no network');
    });
    vi.spyOn(https, 'request').mockImplementation(() => {
      calls.push('https.request');
      throw new Error('no network');
    });
    vi.spyOn(https, 'get').mockImplementation(() => {
      calls.push('https.get');
      throw new Error('no network');
    });
    vi.spyOn(net, 'connect').mockImplementation(() => {
      calls.push('net.connect');
      throw new Error('no network');
    });
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const fx = allLayouts();
    const out = await buildOutput('pptx', fx.report, fx.briefing, registry);
    expect(out.fileName).toBe('绿园区2022年上半年工作总结.pptx');
    expect(out.bytes.length).toBeGreaterThan(10_000);
    expect(calls).toEqual([]);
  });
});
