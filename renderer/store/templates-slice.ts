import type { StateCreator } from 'zustand';
import { builtinRegistry, type TemplateRegistry } from '../../templates/registry';
import type { Template } from '../../templates/schema';
import type { AppState } from './store';

/**
 * The templates the page draws previews with: the built-in ones (pure data in the bundle) plus
 * the user's own, which main reads from the templates folder and the page validates again.
 */
export interface TemplatesSlice {
  templateRegistry: TemplateRegistry;
  /** the user's templates folder, shown in browser mode where it cannot be opened */
  templatesDir: string;
  setUserTemplates: (templates: readonly Template[], dir: string) => void;
}

export const createTemplatesSlice: StateCreator<AppState, [], [], TemplatesSlice> = (set) => ({
  templateRegistry: builtinRegistry(),
  templatesDir: '',
  setUserTemplates: (templates, dir) =>
    set({ templateRegistry: builtinRegistry().withUser(templates), templatesDir: dir }),
});
