import { builtinRegistry, type TemplateRegistry } from '../templates/registry';
import type { BriefTemplate, DeckTemplate, Template } from '../templates/schema';
import { useStore } from './store/store';

let made: { user: readonly Template[]; registry: TemplateRegistry } | undefined;

/**
 * The registry previews draw with: the built-in templates plus the user's, made again only when
 * the user's change. It lives with the preview, not in the store, so the template code loads
 * with the preview rather than before the desk can show.
 */
export function templateRegistryFor(user: readonly Template[]): TemplateRegistry {
  if (made?.user !== user) made = { user, registry: builtinRegistry().withUser(user) };
  return made.registry;
}

export function useTemplateRegistry(): TemplateRegistry {
  return templateRegistryFor(useStore((s) => s.userTemplates));
}

/**
 * The template to draw a preview with, from the page's registry: the built-in templates and the
 * user's own that main sent and the page validated (renderer/actions/templates.ts). An id the page
 * does not know (a user template that failed here) is previewed in the default one, and says so.
 */
export function deckTheme(
  id: string,
  registry: TemplateRegistry = builtinRegistry(),
): { theme: DeckTemplate; exact: boolean } {
  if (registry.has('deck', id)) return { theme: registry.get('deck', id), exact: true };
  return {
    theme: registry.get('deck', registry.ids('deck').includes('plain') ? 'plain' : registry.ids('deck')[0]!),
    exact: false,
  };
}

export function briefTemplate(
  id: string,
  registry: TemplateRegistry = builtinRegistry(),
): { template: BriefTemplate; exact: boolean } {
  if (registry.has('brief', id)) return { template: registry.get('brief', id), exact: true };
  return {
    template: registry.get(
      'brief',
      registry.ids('brief').includes('plain') ? 'plain' : registry.ids('brief')[0]!,
    ),
    exact: false,
  };
}
