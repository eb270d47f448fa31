import type { StateCreator } from 'zustand';
import { emptyBriefing, type Briefing, type Output } from '../../content/model/briefing';
import { toggleSection } from '../../content/briefing/select';
import type { AppState } from './store';

export interface BriefingSlice {
  briefing: Briefing;
  /** tick or untick a section and everything under it */
  toggleSection: (sectionId: string, on: boolean) => void;
  setOutput: (output: Output) => void;
  resetBriefing: () => void;
}

export const createBriefingSlice: StateCreator<AppState, [], [], BriefingSlice> = (set, get) => ({
  briefing: emptyBriefing(),
  toggleSection: (sectionId, on) => {
    const { report, briefing } = get();
    if (!report) return;
    set({ briefing: toggleSection(briefing, report, sectionId, on) });
  },
  setOutput: (output) => set((s) => ({ briefing: { ...s.briefing, output } })),
  resetBriefing: () => set({ briefing: emptyBriefing() }),
});
