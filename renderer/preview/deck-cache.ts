import { composeDeck } from '../../content/compose/deck';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import type { Deck } from '../../templates/model';
import type { DeckTemplate } from '../../templates/schema';

interface Entry {
  report: Report;
  briefing: Briefing;
  theme: DeckTemplate;
  deck: Deck;
}

/** The last few decks composed, so the preview, the list's 「已精简」 marks and the counts compose once per edit. */
const recent: Entry[] = [];
const KEEP = 3;

/** `composeDeck` remembered by its (report, briefing, theme) objects. */
export function composeDeckCached(report: Report, briefing: Briefing, theme: DeckTemplate): Deck {
  const hit = recent.find((e) => e.report === report && e.briefing === briefing && e.theme === theme);
  if (hit) return hit.deck;
  const deck = composeDeck(report, briefing, theme);
  recent.unshift({ report, briefing, theme, deck });
  recent.length = Math.min(recent.length, KEEP);
  return deck;
}
