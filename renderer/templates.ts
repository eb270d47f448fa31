import { builtinRegistry } from '../templates/registry';
import type { BriefTemplate, DeckTemplate } from '../templates/schema';

/**
 * The templates the page can draw a preview with: the built-in ones, which are pure data shipped
 * in the bundle. A user template main knows but the page does not is previewed in the default
 * one (its export still uses it).
 */
export function deckTheme(id: string): { theme: DeckTemplate; exact: boolean } {
  const registry = builtinRegistry();
  if (registry.has('deck', id)) return { theme: registry.get('deck', id), exact: true };
  return {
    theme: registry.get('deck', registry.ids('deck').includes('plain') ? 'plain' : registry.ids('deck')[0]!),
    exact: false,
  };
}

export function briefTemplate(id: string): { template: BriefTemplate; exact: boolean } {
  const registry = builtinRegistry();
  if (registry.has('brief', id)) return { template: registry.get('brief', id), exact: true };
  return {
    template: registry.get(
      'brief',
      registry.ids('brief').includes('plain') ? 'plain' : registry.ids('brief')[0]!,
    ),
    exact: false,
  };
}
