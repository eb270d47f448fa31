import type { Deck, Slide } from '../../templates/model';
import type { DeckTemplate } from '../../templates/schema';
import { renderSlide } from '../../templates/render/slide';

export interface RenderedSlide {
  id: string;
  layout: Slide['layout'];
  title: string;
  /** markup from templates/render/slide.ts, every text escaped there */
  html: string;
  itemIds: string[];
}

/** Long strings (image data) stand in the cache key by a short number, so keys stay cheap. */
const interned = new Map<string, number>();
function keyReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.length > 512) {
    let n = interned.get(value);
    if (n === undefined) {
      n = interned.size;
      interned.set(value, n);
    }
    return `#${n}`;
  }
  return value;
}

/**
 * Renders a deck's slides with the export's own renderer, remembering each slide's markup by its
 * content. Typing in one item recomposes the deck, but only the slides whose content changed are
 * rendered again, and unchanged slides keep the same string, so React leaves their DOM alone.
 */
export class SlideRenderer {
  private cache = new Map<string, string>();
  private readonly max: number;

  constructor(max = 4000) {
    this.max = max;
  }

  render(deck: Deck, theme: DeckTemplate): RenderedSlide[] {
    const total = deck.slides.length;
    const { unit, presenter, date } = deck.fields;
    // the logo stands in the key by a short number (its data is interned like an image's)
    const logo = deck.logo ? JSON.stringify(deck.logo, keyReplacer) : '';
    const frame = `${theme.id}|${theme.version}|${total}|${unit}|${presenter}|${date}|${logo}`;
    if (this.cache.size > this.max) this.cache = new Map();
    return deck.slides.map((slide, i) => {
      const key = `${frame}|${i}|${JSON.stringify(slide, keyReplacer)}`;
      let html = this.cache.get(key);
      if (html === undefined) {
        html = renderSlide(slide, {
          theme,
          fields: deck.fields,
          index: i + 1,
          total,
          ...(deck.logo ? { logo: deck.logo } : {}),
        });
        this.cache.set(key, html);
      }
      return { id: slide.id, layout: slide.layout, title: slide.title, html, itemIds: slide.itemIds };
    });
  }
}

/** The slide to show for a briefing item: the first slide made from it. */
export function slideForItem(slides: readonly RenderedSlide[], itemId: string): number {
  return slides.findIndex((s) => s.itemIds.includes(itemId));
}
