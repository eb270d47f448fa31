import type { StateCreator } from 'zustand';
import type { ExportFormat, UserTemplateProblem } from '../../main/contract';
import type { Briefing } from '../../content/model/briefing';
import type { Finding } from '../../content/proof/types';
import type { AppState } from './store';

/** Where the desk remembers whether to check before every export (a person's habit, not a project's). */
export const PROOF_AUTO_KEY = 'briefing-proof-auto';

const savedAuto = (): boolean => {
  try {
    return globalThis.localStorage?.getItem(PROOF_AUTO_KEY) !== 'off';
  } catch {
    return true;
  }
};

/**
 * 校对 on the desk: the panel, the last check's findings (those staff have not set aside), the
 * export waiting on a check that found something, and the before-export switch. Fixes and
 * ignores change the briefing (so they are undone, saved and marked unsaved like any edit).
 */
export interface ProofSlice {
  proofOpen: boolean;
  /** findings in document order; null before the first check */
  proofFindings: readonly Finding[] | null;
  /** rule files that could not be used, each with its file and field */
  proofProblems: readonly UserTemplateProblem[];
  proofChecking: boolean;
  /** the export held back because the check before it found something */
  proofExport: ExportFormat | null;
  /** the key of the finding staff went to last */
  proofActive: string | null;
  /** check before every export */
  proofAuto: boolean;
  setProofOpen: (open: boolean) => void;
  setProofResult: (findings: readonly Finding[], problems: readonly UserTemplateProblem[]) => void;
  setProofChecking: (checking: boolean) => void;
  setProofExport: (format: ExportFormat | null) => void;
  setProofActive: (key: string | null) => void;
  setProofAuto: (on: boolean) => void;
  /** a briefing made by a proofreading action (改正, 忽略): one undo step, nothing when unchanged */
  setProofBriefing: (briefing: Briefing) => void;
}

export const createProofSlice: StateCreator<AppState, [], [], ProofSlice> = (set, get) => ({
  proofOpen: false,
  proofFindings: null,
  proofProblems: [],
  proofChecking: false,
  proofExport: null,
  proofActive: null,
  proofAuto: savedAuto(),
  setProofOpen: (proofOpen) =>
    set(proofOpen ? { proofOpen } : { proofOpen, proofExport: null, proofActive: null }),
  setProofResult: (findings, problems) => set({ proofFindings: findings, proofProblems: problems }),
  setProofChecking: (proofChecking) => set({ proofChecking }),
  setProofExport: (proofExport) => set({ proofExport }),
  setProofActive: (proofActive) => set({ proofActive }),
  setProofAuto: (proofAuto) => {
    try {
      globalThis.localStorage?.setItem(PROOF_AUTO_KEY, proofAuto ? 'on' : 'off');
    } catch {
      // a browser that keeps nothing still switches for this session
    }
    set({ proofAuto });
  },
  setProofBriefing: (briefing) => {
    if (briefing !== get().briefing && get().report) set({ briefing });
  },
});
