import { temporal, type ZundoOptions } from 'zundo';
import { create, type StoreApi } from 'zustand';
import type { Briefing, Output } from '../../content/model/briefing';
import { setOutput } from '../../content/briefing/edit';
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
      // each output's list has its own undo history: switching is not a step, it swaps histories
      setOutput: (output: Output) => switchList(output),
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

/** Forget the history: a document just opened starts a fresh one (for both lists). */
export function clearHistory(): void {
  breakGroup();
  history.getState().clear();
  for (const output of Object.keys(aside) as Output[]) delete aside[output];
}

/** The undo and redo steps of the list not shown, kept aside until staff switch back to it. */
const aside: Partial<Record<Output, { past: DocState[]; future: DocState[] }>> = {};

/**
 * Show the other output's list with its own undo history (issue 14): the slide list and the Word
 * brief list each undo only their own edits. The steps set aside are brought up to date when they
 * come back — the report, the brief fields and the other list as they are now, the list's own
 * items as they were — so an undo there never reaches into the list edited meanwhile; steps left
 * with nothing of their own to undo are dropped.
 */
function switchList(output: Output): void {
  const { briefing } = useStore.getState();
  if (briefing.output === output) return;
  breakGroup();
  const h = history.getState();
  aside[briefing.output] = { past: h.pastStates as DocState[], future: h.futureStates as DocState[] };
  h.pause();
  try {
    useStore.setState({ briefing: setOutput(briefing, output) });
  } finally {
    h.resume();
  }
  const back = aside[output];
  delete aside[output];
  const now = useStore.getState();
  const current: DocState = { report: now.report, briefing: now.briefing };
  const rebase = (steps: readonly DocState[]): DocState[] => {
    // steps run oldest → newest towards the present (redo steps are stored newest-last too)
    const out: DocState[] = [];
    let next = current.briefing.items;
    for (let i = steps.length - 1; i >= 0; i--) {
      const items = steps[i]!.briefing.items;
      if (items === next) continue;
      out.unshift({ report: current.report, briefing: { ...current.briefing, items } });
      next = items;
    }
    return out;
  };
  history.setState({ pastStates: rebase(back?.past ?? []), futureStates: rebase(back?.future ?? []) });
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
