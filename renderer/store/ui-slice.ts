import type { StateCreator } from 'zustand';
import type { ExportFormat, Res, TaskStage } from '../../main/contract';

export type TemplateSummary = Res<'templates:list'>[number];
import type { AppState } from './store';

export type RecoveryOffer = Extract<Res<'recovery:read'>, { found: true }>;

export interface Notice {
  kind: 'error' | 'info' | 'success';
  zh: string;
  en: string;
  /** a saved file staff may want to open the folder of */
  path?: string;
  /** one line each, listed under the message (e.g. every template file that was refused) */
  details?: ReadonlyArray<{ zh: string; en: string }>;
}

export const BUSY_TASKS = ['import', 'open', 'save', 'export', 'reanalyze'] as const;
export type BusyTask = (typeof BUSY_TASKS)[number];

export const OUTLINE_FILTERS = ['all', 'stats', 'figures'] as const;
export type OutlineFilter = (typeof OUTLINE_FILTERS)[number];

export const DIALOGS = ['paste', 'fields', 'recovery', 'unsaved', 'replace', 'redraft', 'about'] as const;
export type DialogName = (typeof DIALOGS)[number];

/** What staff answer when work would be lost: save it first, let it go, or keep the desk as it is. */
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

export const MENUS = ['file', 'export', 'template'] as const;
export type MenuName = (typeof MENUS)[number];

/** Desk state that is not the document: never in the undo history, never marks the project changed. */
/** A long task main runs for the page (an import): its id, to follow and cancel it, and how far it has got. */
export interface RunningTask {
  id: string;
  fraction: number;
  /** the step main says it is on, and the pages it makes (an export) */
  stage?: TaskStage;
  pages?: number;
  /** what is being made, for the bar's words: an export's format */
  format?: ExportFormat;
}

export interface UiSlice {
  busy: BusyTask | null;
  task: RunningTask | null;
  notice: Notice | null;
  /** the briefing item being edited */
  selectedItemId: string | null;
  /** the outline row whose full text is shown (`section:<id>`, `block:<id>`, `stat:<id>`) */
  selectedRow: string | null;
  /** 0-based slide shown large in the deck preview */
  currentSlide: number;
  /** counts the documents the desk has shown (import, open, new): the panes start afresh on a change */
  documentShown: number;
  outlineFilter: OutlineFilter;
  outlineQuery: string;
  /** section ids unfolded in the outline (all start folded: the outline opens as an overview) */
  expanded: Readonly<Record<string, true>>;
  leftTab: 'outline' | 'repairs';
  dialog: DialogName | null;
  /** text waiting in the paste dialog */
  pasteText: string;
  /** the toolbar menu that is open */
  menu: MenuName | null;
  /** the menu item to focus when it opens (`data-menu-item`), else its first */
  menuFocus: string | null;
  /** work found in the recovery file at start, until staff recover or discard it */
  recoveryOffer: RecoveryOffer | null;
  /** what the replace dialog asks (main's own words: which file is already there) */
  question: { zh: string; en: string } | null;
  /** the question the unsaved-changes dialog is asking, answered through answerUnsaved */
  unsavedQuestion: ((choice: UnsavedChoice) => void) | null;
  /** the host the page runs in: the desktop app or a browser */
  host: 'electron' | 'browser';
  appVersion: string;
  /** every template main knows (built-in and the user's), for the picker */
  templates: TemplateSummary[];
  /**
   * The page cannot work at all (opened without its access token): only this is shown, with how
   * to open the right address; nothing behind it to click.
   */
  blocked: Notice | null;
  setBlocked: (notice: Notice | null) => void;
  setBusy: (task: BusyTask | null) => void;
  setTask: (task: RunningTask | null) => void;
  notify: (notice: Notice | null) => void;
  selectItem: (itemId: string | null) => void;
  selectRow: (rowKey: string | null) => void;
  setCurrentSlide: (index: number) => void;
  markDocumentShown: () => void;
  setOutlineFilter: (filter: OutlineFilter) => void;
  setOutlineQuery: (query: string) => void;
  toggleExpanded: (sectionId: string) => void;
  expandAll: (sectionIds: readonly string[]) => void;
  setLeftTab: (tab: 'outline' | 'repairs') => void;
  openDialog: (dialog: DialogName | null) => void;
  setPasteText: (text: string) => void;
  openMenu: (menu: MenuName | null, focus?: string) => void;
  setRecoveryOffer: (offer: RecoveryOffer | null) => void;
  setQuestion: (question: { zh: string; en: string } | null) => void;
  /** open the unsaved-changes dialog; resolves with the button staff press (a question asked before is cancelled) */
  askUnsaved: () => Promise<UnsavedChoice>;
  answerUnsaved: (choice: UnsavedChoice) => void;
  setHostInfo: (info: { host: 'electron' | 'browser'; version: string }) => void;
  setTemplates: (templates: TemplateSummary[]) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  busy: null,
  task: null,
  notice: null,
  selectedItemId: null,
  selectedRow: null,
  currentSlide: 0,
  documentShown: 0,
  outlineFilter: 'all',
  outlineQuery: '',
  expanded: {},
  leftTab: 'outline',
  dialog: null,
  pasteText: '',
  menu: null,
  menuFocus: null,
  recoveryOffer: null,
  question: null,
  unsavedQuestion: null,
  host: 'browser',
  appVersion: '',
  templates: [],
  blocked: null,
  setBlocked: (blocked) => set({ blocked }),
  setBusy: (busy) => set({ busy }),
  setTask: (task) => set({ task }),
  notify: (notice) => set({ notice }),
  selectItem: (selectedItemId) => set({ selectedItemId }),
  selectRow: (selectedRow) => set({ selectedRow }),
  setCurrentSlide: (currentSlide) => set({ currentSlide: Math.max(0, currentSlide) }),
  markDocumentShown: () => set((s) => ({ documentShown: s.documentShown + 1 })),
  setOutlineFilter: (outlineFilter) => set({ outlineFilter }),
  setOutlineQuery: (outlineQuery) => set({ outlineQuery }),
  toggleExpanded: (sectionId) =>
    set((s) => {
      const expanded = { ...s.expanded };
      if (expanded[sectionId]) delete expanded[sectionId];
      else expanded[sectionId] = true;
      return { expanded };
    }),
  expandAll: (sectionIds) =>
    set({ expanded: Object.fromEntries(sectionIds.map((id) => [id, true as const])) }),
  setLeftTab: (leftTab) => set({ leftTab }),
  openDialog: (dialog) => set({ dialog }),
  setPasteText: (pasteText) => set({ pasteText }),
  openMenu: (menu, focus) => set({ menu, menuFocus: focus ?? null }),
  setRecoveryOffer: (recoveryOffer) => set({ recoveryOffer }),
  setQuestion: (question) => set({ question }),
  askUnsaved: () => {
    get().unsavedQuestion?.('cancel');
    return new Promise<UnsavedChoice>((resolve) => set({ dialog: 'unsaved', unsavedQuestion: resolve }));
  },
  answerUnsaved: (choice) => {
    const question = get().unsavedQuestion;
    set({ dialog: null, unsavedQuestion: null });
    question?.(choice);
  },
  setHostInfo: ({ host, version }) => set({ host, appVersion: version }),
  setTemplates: (templates) => set({ templates }),
});
