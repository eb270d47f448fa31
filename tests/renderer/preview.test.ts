import { describe, expect, it } from 'vitest';
import { setItemText, setItemTitle } from '../../content/briefing/edit';
import { toggleSection } from '../../content/briefing/select';
import { composeDeck } from '../../content/compose/deck';
import { composeDoc } from '../../content/compose/doc';
import { emptyBriefing } from '../../content/model/briefing';
import { importPastedText } from '../../content/import';
import { sampleReport } from '../../content/sample';
import { builtinRegistry } from '../../templates/registry';
import { briefPreview } from '../../renderer/preview/brief-adapter';
import {
  MAX_THUMBS,
  SlideRenderer,
  slideForItem,
  slideKeyTarget,
  thumbWindow,
  type RenderedSlide,
} from '../../renderer/preview/slides';

const theme = builtinRegistry().get('deck', 'plain');
const report = sampleReport();

describe('the live deck preview', () => {
  it('renders again only the slide whose content changed', () => {
    let b = emptyBriefing();
    for (const s of report.sections) b = toggleSection(b, report, s.id, true);
    const renderer = new SlideRenderer();
    const before = renderer.render(composeDeck(report, b, theme), theme);
    const heading = b.items.find((i) => i.ref.type === 'section' && i.ref.id === report.sections[3]!.id)!;
    const edited = setItemTitle(b, report, heading.id, '改革创新新篇章');
    const after = renderer.render(composeDeck(report, edited, theme), theme);
    expect(after).toHaveLength(before.length);
    const changed = after.filter((s, i) => s.html !== before[i]!.html);
    // the section's own slides (divider, bullets under its title) and the agenda listing it, nothing else
    expect(changed.map((s) => s.layout)).toContain('divider');
    expect(changed.map((s) => s.layout)).toContain('agenda');
    expect(changed.every((s) => s.html.includes('改革创新新篇章'))).toBe(true);
    expect(changed.length).toBeLessThan(after.length / 3);
    // unchanged slides keep the very same string, so their DOM is left alone
    const same = after.filter((s, i) => s.html === before[i]!.html);
    expect(same.every((s) => before.some((x) => x.html === s.html))).toBe(true);
  });

  it('makes a slide’s markup only when it is asked for, then keeps it', () => {
    let b = emptyBriefing();
    for (const s of report.sections) b = toggleSection(b, report, s.id, true);
    const deck = composeDeck(report, b, theme);
    const slides = new SlideRenderer().render(deck, theme);
    // nothing is rendered until asked for: the markup is a getter, not a string made up front
    expect(Object.keys(Object.getOwnPropertyDescriptor(slides[0], 'html') ?? {})).toContain('get');
    const first = slides[1]!.html;
    expect(first).toContain(escapeForTest(deck.slides[1]!.title));
    expect(slides[1]!.html).toBe(first);
  });

  it('lists every thumbnail of a briefing’s deck, and a moving window of a huge draft', () => {
    expect(thumbWindow(60, 59)).toEqual({ start: 0, end: 60 });
    expect(thumbWindow(MAX_THUMBS, 0)).toEqual({ start: 0, end: MAX_THUMBS });
    expect(thumbWindow(50_000, 0)).toEqual({ start: 0, end: MAX_THUMBS });
    expect(thumbWindow(50_000, 20_000)).toEqual({
      start: 20_000 - MAX_THUMBS / 2,
      end: 20_000 + MAX_THUMBS / 2,
    });
    expect(thumbWindow(50_000, 49_999)).toEqual({ start: 50_000 - MAX_THUMBS, end: 50_000 });
  });

  it('finds the slide made from a briefing item', () => {
    const b = toggleSection(emptyBriefing(), report, report.sections[2]!.id, true);
    const slides = new SlideRenderer().render(composeDeck(report, b, theme), theme);
    const at = slideForItem(slides, b.items[0]!.id);
    expect(slides[at]!.layout).toBe('divider');
  });

  it('shows report text with markup in it as text, in slides and in the brief page', () => {
    const hostile = importPastedText(
      '标题\n\n第一部分\n\n<script>alert(1)</script>。<img src=x onerror=alert(2)> 与 <a href="javascript:alert(3)">链接</a>。',
    );
    let b = emptyBriefing();
    for (const s of hostile.sections) b = toggleSection(b, hostile, s.id, true);
    const item = b.items.find((i) => i.ref.type === 'block')!;
    b = setItemText(b, hostile, item.id, '<b onmouseover=alert(4)>加粗</b>');
    const slides = new SlideRenderer().render(composeDeck(hostile, b, theme), theme);
    const html =
      slides.map((s) => s.html).join('') +
      briefPreview(composeDoc(hostile, b), builtinRegistry().get('brief', 'plain')).html;
    expect(html).not.toMatch(/<script|<img src=x|<a href|<b onmouseover/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;b onmouseover=alert(4)&gt;');
  });
});

describe('the brief page preview', () => {
  const plain = builtinRegistry().get('brief', 'plain');
  const fields = {
    ...emptyBriefing().fields,
    title: '工作简报标题',
    unit: '绿园区政府办公室',
    issueNo: '12',
    date: '2022年7月15日',
    reportTo: '区委、区政府领导',
    copies: '30',
  };

  it('lays out the page in the template’s margins and fonts, with the title and numbered headings', () => {
    const b = { ...toggleSection(emptyBriefing(), report, report.sections[2]!.id, true), fields };
    const preview = briefPreview(composeDoc(report, b), plain);
    expect(preview.html).toContain('工作简报标题');
    expect(preview.html).toContain('一、稳住经济运行基本盘');
    expect(preview.html).toContain(`data-template="plain"`);
    expect(preview.css).toContain(plain.fonts.body.eastAsia);
    // A4 width in the sheet's CSS, from the template's page size
    expect(preview.css).toContain(`${Math.round((plain.page.width / 1440) * 25.4 * 100) / 100}mm`);
  });

  it('draws a masthead and distribution lines only for a template that has them', () => {
    const bulletin = builtinRegistry().get('brief', 'bulletin');
    const doc = composeDoc(report, { ...emptyBriefing(), fields });
    const withMast = briefPreview(doc, bulletin).html;
    expect(withMast).toContain('绿园区政府办公室工作简报');
    expect(withMast).toContain('第12期');
    expect(withMast).toContain('区委、区政府领导');
    expect(withMast).toContain('（共印30份）');
    const without = briefPreview(doc, plain).html;
    expect(without).not.toContain('工作简报</');
    expect(without).not.toContain('（共印');
  });
});

/** A slide title as it appears in markup (the renderer escapes it). */
function escapeForTest(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

describe('which slide the preview shows', () => {
  it('never answers an item with the agenda, and a heading without a slide with what follows it', () => {
    const find = slideForItem;
    const slide = (layout: RenderedSlide['layout'], itemIds: string[]): RenderedSlide => ({
      id: itemIds.join('+') || layout,
      layout,
      title: '',
      html: '',
      notes: '',
      itemIds,
    });
    const slides = [
      slide('cover', []),
      slide('agenda', ['h1', 'h2']),
      slide('bullets', ['p1']),
      slide('divider', ['h2']),
      slide('bullets', ['p2']),
    ];
    expect(find(slides, 'h2')).toBe(3);
    // h1's title is only a kicker: its first point's slide, not the agenda
    expect(find(slides, 'h1', ['p1', 'h2', 'p2'])).toBe(2);
    expect(find(slides, 'p2')).toBe(4);
    expect(find(slides, 'gone')).toBe(-1);

    expect(slideKeyTarget('ArrowRight', 0, 5)).toBe(1);
    expect(slideKeyTarget('PageDown', 3, 5)).toBe(4);
    expect(slideKeyTarget('ArrowLeft', 3, 5)).toBe(2);
    expect(slideKeyTarget('PageUp', 1, 5)).toBe(0);
    expect(slideKeyTarget('End', 1, 5)).toBe(4);
    expect(slideKeyTarget('Home', 4, 5)).toBe(0);
    // at either end, and for other keys, nothing moves
    expect(slideKeyTarget('ArrowRight', 4, 5)).toBeNull();
    expect(slideKeyTarget('Home', 0, 5)).toBeNull();
    expect(slideKeyTarget('a', 2, 5)).toBeNull();
  });
});
