import { create } from 'zustand';
import { createBriefingSlice, type BriefingSlice } from './briefing-slice';
import { createReportSlice, type ReportSlice } from './report-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = ReportSlice & BriefingSlice & UiSlice;

/** The one store, combined from slices (one file each). */
export const useStore = create<AppState>()((...a) => ({
  ...createReportSlice(...a),
  ...createBriefingSlice(...a),
  ...createUiSlice(...a),
}));
