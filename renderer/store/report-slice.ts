import type { StateCreator } from 'zustand';
import type { Report } from '../../content/model/report';
import type { AppState } from './store';

export interface ReportSlice {
  report: Report | null;
  setReport: (report: Report) => void;
}

export const createReportSlice: StateCreator<AppState, [], [], ReportSlice> = (set) => ({
  report: null,
  setReport: (report) => set({ report }),
});
