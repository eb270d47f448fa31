import type { StateCreator } from 'zustand';
import type { Output } from '../../content/model/briefing';
import type { Zoom } from '../status/zoom';
import type { AppState } from './store';

/** How the preview is viewed: its zoom for slides and for the brief, and the scale it came to. */
export interface ViewSlice {
  zoom: Readonly<Record<Output, Zoom>>;
  /** the scale the preview is drawn at now (a fit's result), for the zoom control to show and step from */
  shownScale: number;
  setZoom: (output: Output, zoom: Zoom) => void;
  setShownScale: (scale: number) => void;
  /**
   * The slide items the deck as previewed shows shortened (「已精简」), sorted, a line each: set by
   * the preview from the deck it has composed anyway, read by the briefing list's marks.
   */
  condensedKey: string;
  setCondensedKey: (key: string) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  zoom: { deck: 'width', brief: 'width' },
  shownScale: 1,
  setZoom: (output, zoom) => set((s) => ({ zoom: { ...s.zoom, [output]: zoom } })),
  setShownScale: (shownScale) => set({ shownScale }),
  condensedKey: '',
  // the same marks again change nothing, so the list is not drawn again for them
  setCondensedKey: (condensedKey) => set((s) => (s.condensedKey === condensedKey ? s : { condensedKey })),
});
