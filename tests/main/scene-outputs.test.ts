import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../content/compose/deck';
import { deckToPptx } from '../../main/export/pptx';
import type { Deck } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { renderSlide } from '../../templates/render/slide';
import { LOGO_PNG } from '../fixtures/deck/png';
import { allLayouts, hostile, longText } from '../fixtures/deck/reports';
import { findAll, parseXml, type XNode } from '../helpers/ooxml';

/**
 * The HTML deck and the .pptx draw the same scene: parse both and compare, slide by slide, every
 * positioned box (left/top/width/height in the HTML, a:off/a:ext in the slide XML) and the text
 * it carries. A display decision made in one writer only would show here as a box or a text the
 * other lacks.
 */

const EMU_PER_PX = 9525;

interface Placed {
  box: [number, number, number, number];
  text: string;
}

const key = (p: Placed): string => `${p.box.join(',')}|${p.text}`;
const round = (v: number): number => Math.round(v);

/** All text under a node, in order. */
function allText(node: XNode): string {
  return node.text + node.children.map(allText).join('');
}

/** The slide markup as XML: the renderer's void elements closed. */
const asXml = (html: string): string => html.replace(/<(img|col)\b([^>]*?)\/?>/g, '<$1$2/>');

/** Every positioned element of a rendered slide, and its chart's texts. */
function htmlBoxes(html: string): { placed: Placed[]; chartTexts: string[] } {
  const slide = parseXml(asXml(html)).children[0];
  if (!slide) throw new Error('no slide');
  const placed: Placed[] = [];
  let chartTexts: string[] = [];
  for (const el of slide.children) {
    const m = /left:([-\d.]+)px;top:([-\d.]+)px;width:([-\d.]+)px;height:([-\d.]+)px/.exec(
      el.attrs.style ?? '',
    );
    if (!m) throw new Error(`an element without a position: <${el.name} class="${el.attrs.class}">`);
    const box = [m[1], m[2], m[3], m[4]].map((v) => round(Number(v))) as Placed['box'];
    if ((el.attrs.class ?? '').split(' ').includes('bs-chart')) {
      chartTexts = findAll(el, 'text').map((t) => t.text);
      placed.push({ box, text: '' });
    } else placed.push({ box, text: allText(el) });
  }
  return { placed, chartTexts };
}

/** Every shape, picture, table and chart frame of a slide part, with its text. */
function pptxBoxes(xml: string): Placed[] {
  const tree = findAll(parseXml(xml), 'p:spTree')[0];
  if (!tree) throw new Error('no shape tree');
  return tree.children
    .filter((n) => ['p:sp', 'p:pic', 'p:graphicFrame'].includes(n.name))
    .map((n) => {
      const off = findAll(n, 'a:off')[0];
      const ext = findAll(n, 'a:ext').find((e) => e.attrs.cx !== undefined);
      const px = (v: string | undefined): number => round(Number(v ?? 0) / EMU_PER_PX);
      return {
        box: [px(off?.attrs.x), px(off?.attrs.y), px(ext?.attrs.cx), px(ext?.attrs.cy)],
        text: findAll(n, 'a:t')
          .map((t) => t.text)
          .join(''),
      };
    });
}

/** The title, axis title and categories a chart part holds. */
function chartPartTexts(xml: string): { title: string; axis: string; categories: string[] } {
  const tree = parseXml(xml);
  const title = findAll(tree, 'c:title');
  const cat = findAll(tree, 'c:cat')[0];
  return {
    title: findAll(title[0] ?? tree, 'a:t')
      .map((t) => t.text)
      .join(''),
    axis: findAll(title[1] ?? tree, 'a:t')
      .map((t) => t.text)
      .join(''),
    categories: cat ? findAll(cat, 'c:v').map((v) => v.text) : [],
  };
}

async function compare(deck: Deck, themeId: string): Promise<number> {
  const theme = builtinRegistry().get('deck', themeId);
  const files = unzipSync(await deckToPptx(deck, theme));
  const part = (name: string): string => strFromU8(files[name] ?? new Uint8Array());
  let compared = 0;
  deck.slides.forEach((slide, i) => {
    const html = renderSlide(slide, {
      theme,
      fields: deck.fields,
      index: i + 1,
      total: deck.slides.length,
      ...(deck.logo ? { logo: deck.logo } : {}),
    });
    const { placed, chartTexts } = htmlBoxes(html);
    const inPptx = pptxBoxes(part(`ppt/slides/slide${i + 1}.xml`));
    const where = `${themeId} slide ${i + 1} (${slide.layout})`;
    expect(inPptx.map(key).sort(), where).toEqual(placed.map(key).sort());
    compared += placed.length;
    if (slide.layout === 'chart') {
      const rels = part(`ppt/slides/_rels/slide${i + 1}.xml.rels`);
      const target = /Target="[^"]*\/charts\/(chart\d+\.xml)"/.exec(rels)?.[1] ?? '';
      const chart = chartPartTexts(part(`ppt/charts/${target}`));
      // the chart's own words, written out in both: its title, its unit, every category
      expect(chart.title, where).toBe(slide.chart.title ?? slide.title);
      expect(chart.axis, where).toBe(`单位：${slide.chart.unit}`);
      expect(chartTexts, where).toContain(chart.title);
      expect(chartTexts, where).toContain(chart.axis);
      expect(chart.categories, where).toEqual(slide.chart.points.map((p) => p.label));
      for (const category of chart.categories) expect(chartTexts.join(''), where).toContain(category);
    }
  });
  return compared;
}

describe('the HTML deck and the .pptx of the same slides', () => {
  for (const themeId of ['gov-red', 'gov-blue', 'plain'])
    it(`carry the same texts in the same boxes, every layout, ${themeId}`, async () => {
      const f = allLayouts();
      const theme = builtinRegistry().get('deck', themeId);
      const deck = composeDeck(f.report, { ...f.briefing, deckTemplate: themeId }, theme, {
        logo: { mime: 'image/png', data: LOGO_PNG },
      });
      expect(new Set(deck.slides.map((s) => s.layout)).size).toBe(10);
      expect(await compare(deck, themeId)).toBeGreaterThan(100);
    });

  it('agree on text that had to be shortened, split or continued, and on text that is markup', async () => {
    for (const f of [longText(), hostile()]) {
      const theme = builtinRegistry().get('deck', 'gov-red');
      const deck = composeDeck(f.report, { ...f.briefing, deckTemplate: 'gov-red' }, theme);
      expect(await compare(deck, 'gov-red')).toBeGreaterThan(50);
    }
  });

  it('would see a box one writer moved', () => {
    const a: Placed = { box: [80, 136, 1120, 504], text: '甲' };
    expect(key({ ...a, box: [81, 136, 1120, 504] })).not.toBe(key(a));
  });
});
