import type { StateCreator } from 'zustand';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import type { AppState } from './store';

/** The open project: its name, its file, and the document as last saved (to tell unsaved changes). */
export interface ProjectSlice {
  projectName: string;
  /** the project file main knows, for 保存 without a dialog; null until saved or opened from disk */
  projectPath: string | null;
  /** the document objects as saved; the document is unchanged while these are the current ones */
  saved: { report: Report | null; briefing: Briefing } | null;
  setProject: (project: { name: string; path: string | null }) => void;
  /** the current document is what is on disk now */
  markSaved: () => void;
  /** the current document has never been saved (import, recover) */
  markUnsaved: () => void;
}

export const createProjectSlice: StateCreator<AppState, [], [], ProjectSlice> = (set) => ({
  projectName: '',
  projectPath: null,
  saved: null,
  setProject: ({ name, path }) => set({ projectName: name, projectPath: path }),
  markSaved: () => set((s) => ({ saved: { report: s.report, briefing: s.briefing } })),
  markUnsaved: () => set({ saved: null }),
});

/** Whether there are changes that are not in the project file. */
export const isDirty = (s: Pick<AppState, 'report' | 'briefing' | 'saved'>): boolean =>
  s.report !== null && (s.saved === null || s.saved.report !== s.report || s.saved.briefing !== s.briefing);
