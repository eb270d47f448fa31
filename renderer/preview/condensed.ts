import { condensedItemIds } from '../../content/compose/deck';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import type { Template } from '../../templates/schema';
import { deckTheme, templateRegistryFor } from '../templates';
import { composeDeckCached } from './deck-cache';

/**
 * The items the deck as previewed shows shortened (「已精简」), as one string (ids, sorted, a line
 * each) that stays equal while the same items stay condensed. Loaded with the preview, not with
 * the desk's first screen: composing a deck needs the templates and their schemas.
 */
export function condensedKey(report: Report, briefing: Briefing, userTemplates: readonly Template[]): string {
  const { theme } = deckTheme(briefing.deckTemplate, templateRegistryFor(userTemplates));
  return [...condensedItemIds(composeDeckCached(report, briefing, theme))].sort().join('\n');
}
