import type { StateCreator } from 'zustand';
import type { Template } from '../../templates/schema';
import type { AppState } from './store';

/**
 * The user's own templates, which main reads from the templates folder and the page validates
 * again. Previews draw with these and the built-in ones (renderer/templates.ts).
 */
export interface TemplatesSlice {
  userTemplates: readonly Template[];
  /** the user's templates folder, shown in browser mode where it cannot be opened */
  templatesDir: string;
  setUserTemplates: (templates: readonly Template[], dir: string) => void;
}

export const createTemplatesSlice: StateCreator<AppState, [], [], TemplatesSlice> = (set) => ({
  userTemplates: [],
  templatesDir: '',
  setUserTemplates: (templates, dir) => set({ userTemplates: templates, templatesDir: dir }),
});
