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
  /** the speaker notes, for the presenter's view */
  notes: string;
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
 * A slide's markup is made when first asked for: the draft of a very long report has thousands
 * of slides, of which the page shows a few.
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
    const markup = (slide: Slide, i: number): string => {
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
      return html;
    };
    return deck.slides.map((slide, i) => {
      let html: string | undefined;
      return {
        id: slide.id,
        layout: slide.layout,
        title: slide.title,
        itemIds: slide.itemIds,
        notes: slide.notes,
        get html() {
          html ??= markup(slide, i);
          return html;
        },
      };
    });
  }
}

/**
 * The slide to show for a briefing item: the first slide made from it, never the agenda (目录),
 * which lists every chapter and so carries every heading. A heading with no slide of its own (its
 * title is the kicker of the slides under it) shows the first slide of what follows it in the list
 * (`after`, the item ids after it in order). -1 when no slide carries it.
 */
export function slideForItem(
  slides: readonly RenderedSlide[],
  itemId: string,
  after: readonly string[] = [],
): number {
  for (const id of [itemId, ...after]) {
    const at = slides.findIndex((s) => s.layout !== 'agenda' && s.itemIds.includes(id));
    if (at >= 0) return at;
  }
  return slides.findIndex((s) => s.itemIds.includes(itemId));
}

/** Whether the slide at `index` is one made from the item (a thumbnail staff clicked). */
export function slideCarries(slides: readonly RenderedSlide[], index: number, itemId: string): boolean {
  return slides[index]?.itemIds.includes(itemId) === true;
}

/**
 * The most thumbnails in the page at once. A briefing's deck is well under this; the automatic
 * draft of a very long report (tens of thousands of slides) shows the stretch around the slide in
 * view, which moves with it.
 */
export const MAX_THUMBS = 240;

/** The slides whose thumbnails are shown: all of them, or a window around the current one. */
export function thumbWindow(
  total: number,
  current: number,
  max = MAX_THUMBS,
): { start: number; end: number } {
  if (total <= max) return { start: 0, end: total };
  const start = Math.max(0, Math.min(total - max, current - Math.floor(max / 2)));
  return { start, end: start + max };
}

/**
 * The slide a key moves to in the preview (the slide or the thumbnail strip having focus), as in
 * PowerPoint's and WPS's slide panes: ←/↑/PgUp back, →/↓/PgDn on, Home and End the first and last.
 * null for any other key, or when the key would not move.
 */
export function slideKeyTarget(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  let to: number;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      to = index - 1;
      break;
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      to = index + 1;
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = count - 1;
      break;
    default:
      return null;
  }
  to = Math.min(count - 1, Math.max(0, to));
  return to === index ? null : to;
}
