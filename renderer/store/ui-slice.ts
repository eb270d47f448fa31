import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface Notice {
  kind: 'error' | 'info' | 'success';
  zh: string;
  en: string;
  /** a saved file staff may want to open the folder of */
  path?: string;
}

export interface UiSlice {
  busy: string | null;
  notice: Notice | null;
  setBusy: (task: string | null) => void;
  notify: (notice: Notice | null) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  busy: null,
  notice: null,
  setBusy: (busy) => set({ busy }),
  notify: (notice) => set({ notice }),
});
