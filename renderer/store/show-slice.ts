import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** 放映: the slideshow over the desk, the slide shown, and whether the screen is blacked out (B). */
export interface ShowSlice {
  /** null when not showing; `at` may be one past the last slide: the 「放映结束」 screen */
  show: { at: number; black: boolean; startedAt: number } | null;
  startShow: (at: number) => void;
  /** go to a slide, clamped to the deck and its end screen; lifting the black screen */
  showSlide: (at: number, total: number) => void;
  toggleBlack: () => void;
  endShow: () => void;
}

export const createShowSlice: StateCreator<AppState, [], [], ShowSlice> = (set) => ({
  show: null,
  startShow: (at) => set({ show: { at: Math.max(0, at), black: false, startedAt: Date.now() } }),
  showSlide: (at, total) =>
    set((s) => (s.show ? { show: { ...s.show, at: Math.max(0, Math.min(total, at)), black: false } } : {})),
  toggleBlack: () => set((s) => (s.show ? { show: { ...s.show, black: !s.show.black } } : {})),
  // the desk comes back on the slide the show ended on
  endShow: () => set((s) => (s.show ? { show: null, currentSlide: s.show.at } : {})),
});
