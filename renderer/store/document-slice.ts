import type { StateCreator } from 'zustand';
import * as edit from '../../content/briefing/edit';
import { addRefs, removeRefs, toggleSection } from '../../content/briefing/select';
import type {
  BriefFields,
  BriefStyle,
  Briefing,
  ItemRef,
  Logo,
  OfficeTemplate,
  Output,
  SlideLayout,
} from '../../content/model/briefing';
import { emptyBriefing, emptyFields } from '../../content/model/values';
import type { Report } from '../../content/model/report';
import { inGroup } from './history';
import type { AppState } from './store';

/**
 * The document: the report and the briefing. Only these two are in the undo history; every
 * action here is a pure function from content/ applied to them.
 */
export interface DocumentSlice {
  report: Report | null;
  briefing: Briefing;
  /** replace the whole document (import, open, recover, new) */
  setDocument: (report: Report | null, briefing: Briefing) => void;
  /** a re-derived report (repair accepted/undone, block reclassified) */
  setReport: (report: Report) => void;
  toggleSection: (sectionId: string, on: boolean) => void;
  toggleRef: (ref: ItemRef, on: boolean) => void;
  moveItem: (itemId: string, toIndex: number) => void;
  moveItemBy: (itemId: string, delta: number) => void;
  reorderItem: (activeId: string, overId: string) => void;
  removeItems: (itemIds: readonly string[]) => void;
  setItemTitle: (itemId: string, title: string) => void;
  setItemText: (itemId: string, text: string) => void;
  restoreItem: (itemId: string) => void;
  setItemLayout: (itemId: string, layout: SlideLayout | undefined) => void;
  setItemStyle: (itemId: string, style: BriefStyle | undefined) => void;
  splitItem: (itemId: string, at: number) => void;
  mergeWithNext: (itemId: string) => void;
  setOutput: (output: Output) => void;
  setTemplate: (output: Output, templateId: string) => void;
  /** use the office's own .docx for the brief (already checked by main) */
  setOfficeTemplate: (template: OfficeTemplate) => void;
  /** the organisation's logo for decks, or none */
  setLogo: (logo: Logo | undefined) => void;
  setField: (name: keyof BriefFields, value: string) => void;
  /** 清空: every brief field back to empty, one undo step (they are otherwise kept across imports) */
  clearFields: () => void;
  draft: (output: Output) => void;
  /** 「压缩到 N 页」 for the Word brief, or off (null); what staff put back stays put back */
  setPageBudget: (pages: number | null) => void;
  /** 「恢复」 one thing the condensed brief left out (by its key from condenseBrief) */
  keepLeftOut: (key: string) => void;
}

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set, get) => {
  /** Apply a briefing edit; a no-op edit (same object back) records nothing. */
  const change = (fn: (b: Briefing, r: Report) => Briefing): void => {
    const { report, briefing } = get();
    if (!report) return;
    const next = fn(briefing, report);
    if (next !== briefing) set({ briefing: next });
  };
  return {
    report: null,
    briefing: emptyBriefing(),
    setDocument: (report, briefing) => set({ report, briefing }),
    setReport: (report) => set({ report }),
    toggleSection: (sectionId, on) => change((b, r) => toggleSection(b, r, sectionId, on)),
    toggleRef: (ref, on) =>
      change((b, r) => (on ? addRefs(b, r, [ref], edit.reportIndex(r)) : removeRefs(b, [ref]))),
    moveItem: (itemId, toIndex) => change((b) => edit.moveItem(b, itemId, toIndex)),
    moveItemBy: (itemId, delta) => change((b) => edit.moveItemBy(b, itemId, delta)),
    reorderItem: (activeId, overId) => change((b) => edit.reorderItem(b, activeId, overId)),
    removeItems: (itemIds) => change((b) => edit.removeItems(b, itemIds)),
    setItemTitle: (itemId, title) =>
      inGroup(`title:${itemId}`, () => change((b, r) => edit.setItemTitle(b, r, itemId, title))),
    setItemText: (itemId, text) =>
      inGroup(`text:${itemId}`, () => change((b, r) => edit.setItemText(b, r, itemId, text))),
    restoreItem: (itemId) => change((b) => edit.restoreItem(b, itemId)),
    setItemLayout: (itemId, layout) => change((b) => edit.setItemLayout(b, itemId, layout)),
    setItemStyle: (itemId, style) => change((b) => edit.setItemStyle(b, itemId, style)),
    splitItem: (itemId, at) => change((b, r) => edit.splitItem(b, r, itemId, at)),
    mergeWithNext: (itemId) => change((b, r) => edit.mergeWithNext(b, r, itemId)),
    // output, template and fields are part of the briefing, so they undo like any edit
    setOutput: (output) => set((s) => ({ briefing: edit.setOutput(s.briefing, output) })),
    setTemplate: (output, templateId) =>
      set((s) => ({ briefing: edit.setTemplate(s.briefing, output, templateId) })),
    setOfficeTemplate: (template) => {
      const { briefing } = get();
      const next = edit.setOfficeTemplate(briefing, template);
      if (next !== briefing) set({ briefing: next });
    },
    setLogo: (logo) => {
      const { briefing } = get();
      const next = edit.setLogo(briefing, logo);
      if (next !== briefing) set({ briefing: next });
    },
    setField: (name, value) =>
      inGroup(`field:${name}`, () => {
        const { briefing } = get();
        const next = edit.setFields(briefing, { [name]: value });
        if (next !== briefing) set({ briefing: next });
      }),
    clearFields: () => {
      const { briefing } = get();
      const next = edit.setFields(briefing, emptyFields());
      if (next !== briefing) set({ briefing: next });
    },
    draft: (output) => change((b, r) => edit.draftBriefing(r, b, output)),
    setPageBudget: (pages) => {
      const { briefing } = get();
      if ((briefing.pageBudget?.pages ?? null) === pages) return;
      if (pages === null) {
        const { pageBudget: _off, ...rest } = briefing;
        set({ briefing: rest });
      } else set({ briefing: { ...briefing, pageBudget: { pages, keep: briefing.pageBudget?.keep ?? [] } } });
    },
    keepLeftOut: (key) => {
      const { briefing } = get();
      const budget = briefing.pageBudget;
      if (!budget || budget.keep.includes(key)) return;
      set({ briefing: { ...briefing, pageBudget: { ...budget, keep: [...budget.keep, key] } } });
    },
  };
};
