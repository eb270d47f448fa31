import type { StateCreator } from 'zustand';
import type { DeckPrintOptions } from '../print/layout';
import type { AppState } from './store';

/** 打印 (Ctrl+P): the print dialog's choices, and the job on its way to the printer. */
export interface PrintSlice {
  printDialog: boolean;
  printOptions: DeckPrintOptions;
  /** what the print view lays out while the browser's or the system's print dialog is open */
  printJob: { output: 'deck' | 'brief'; options: DeckPrintOptions } | null;
  setPrintDialog: (open: boolean) => void;
  setPrintOptions: (options: Partial<DeckPrintOptions>) => void;
  setPrintJob: (job: PrintSlice['printJob']) => void;
}

export const createPrintSlice: StateCreator<AppState, [], [], PrintSlice> = (set) => ({
  printDialog: false,
  printOptions: { perPage: 1, notes: false },
  printJob: null,
  setPrintDialog: (printDialog) => set({ printDialog }),
  setPrintOptions: (options) => set((s) => ({ printOptions: { ...s.printOptions, ...options } })),
  setPrintJob: (printJob) => set({ printJob }),
});
