import { temporal, type ZundoOptions } from 'zundo';
import { create, type StoreApi } from 'zustand';
import type { Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createFindSlice, type FindSlice } from './find-slice';
import { breakGroup, coalescing } from './history';
import { createPrintSlice, type PrintSlice } from './print-slice';
import { createViewSlice, type ViewSlice } from './view-slice';
import { createShowSlice, type ShowSlice } from './show-slice';
import { createProjectSlice, type ProjectSlice } from './project-slice';
import { createProofSlice, type ProofSlice } from './proof-slice';
import { createTemplatesSlice, type TemplatesSlice } from './templates-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = DocumentSlice &
  UiSlice &
  ProjectSlice &
  TemplatesSlice &
  ProofSlice &
  FindSlice &
  ShowSlice &
  ViewSlice &
  PrintSlice;

/** What undo and redo restore: the document, nothing else. */
export interface DocState {
  report: Report | null;
  briefing: Briefing;
}

/** How many steps back staff can go. Steps share unchanged objects, so this costs little memory. */
export const UNDO_LIMIT = 500;

/** The one store, combined from slices (one file each), with the document under undo history. */
export const useStore = create<AppState>()(
  temporal<AppState, [], [], DocState>(
    (...a) => ({
      ...createDocumentSlice(...a),
      ...createUiSlice(...a),
      ...createProjectSlice(...a),
      ...createTemplatesSlice(...a),
      ...createProofSlice(...a),
      ...createFindSlice(...a),
      ...createShowSlice(...a),
      ...createViewSlice(...a),
      ...createPrintSlice(...a),
    }),
    {
      partialize: (s) => ({ report: s.report, briefing: s.briefing }),
      // only a new report or briefing object is a change: selection, notices, dialogs are not
      equality: (a, b) => a.report === b.report && a.briefing === b.briefing,
      limit: UNDO_LIMIT,
      // zundo types handleSet's arguments as the full state; it passes the partialized one
      handleSet: ((handleSet: StoreApi<DocState>['setState']) =>
        coalescing<DocState>(handleSet)) as unknown as NonNullable<
        ZundoOptions<AppState, DocState>['handleSet']
      >,
    },
  ),
);

export const history = useStore.temporal;

export function undo(): void {
  breakGroup();
  history.getState().undo();
}

export function redo(): void {
  breakGroup();
  history.getState().redo();
}

/** Forget the history: a document just opened starts a fresh one. */
export function clearHistory(): void {
  breakGroup();
  history.getState().clear();
}

/** Replace the document without an undo step (open, recover, start). */
export function loadDocument(report: Report | null, briefing: Briefing): void {
  history.getState().pause();
  try {
    useStore.getState().setDocument(report, briefing);
  } finally {
    history.getState().resume();
  }
  clearHistory();
}
