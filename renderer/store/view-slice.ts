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
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  zoom: { deck: 'width', brief: 'width' },
  shownScale: 1,
  setZoom: (output, zoom) => set((s) => ({ zoom: { ...s.zoom, [output]: zoom } })),
  setShownScale: (shownScale) => set({ shownScale }),
});
