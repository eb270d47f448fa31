import type { StateCreator } from 'zustand';
import { DEFAULT_FIND, replaceAll, replaceOne, type BriefingMatch, type FindOptions } from '../find/search';
import { breakGroup } from './history';
import type { AppState } from './store';

/** Where the find bar looks: the briefing's titles and texts, or the report in the left pane. */
export type FindScope = 'briefing' | 'report';

/** The find bar (查找和替换): what it looks for, where, and which match is in hand. */
export interface FindSlice {
  /** closed, or open to find only, or to find and replace */
  findMode: 'find' | 'replace' | null;
  findScope: FindScope;
  findQuery: string;
  findReplacement: string;
  findOptions: FindOptions;
  /** the match in hand, counted from 0 among the current matches */
  findAt: number;
  openFind: (mode: 'find' | 'replace', scope?: FindScope) => void;
  closeFind: () => void;
  setFindQuery: (query: string) => void;
  setFindReplacement: (replacement: string) => void;
  setFindOptions: (options: Partial<FindOptions>) => void;
  setFindScope: (scope: FindScope) => void;
  setFindAt: (at: number) => void;
  /** replace one match; false when it was no longer there as found */
  replaceMatch: (match: BriefingMatch) => boolean;
  /** 全部替换: every match at once, one undo step; how many were replaced */
  replaceAllMatches: () => number;
}

export const createFindSlice: StateCreator<AppState, [], [], FindSlice> = (set, get) => ({
  findMode: null,
  findScope: 'briefing',
  findQuery: '',
  findReplacement: '',
  findOptions: DEFAULT_FIND,
  findAt: 0,
  // replacing changes report words nobody may change: the report is searched, never replaced
  openFind: (mode, scope) => {
    const findScope = scope ?? get().findScope;
    set({ findMode: findScope === 'report' ? 'find' : mode, findScope });
  },
  closeFind: () => set({ findMode: null }),
  setFindQuery: (findQuery) => set({ findQuery, findAt: 0 }),
  setFindReplacement: (findReplacement) => set({ findReplacement }),
  setFindOptions: (options) => set((s) => ({ findOptions: { ...s.findOptions, ...options }, findAt: 0 })),
  setFindScope: (findScope) =>
    set((s) => ({ findScope, findAt: 0, findMode: findScope === 'report' ? 'find' : s.findMode })),
  setFindAt: (findAt) => set({ findAt }),
  replaceMatch: (match) => {
    const { report, briefing, findQuery, findReplacement, findOptions } = get();
    if (!report) return false;
    const next = replaceOne(report, briefing, match, findQuery, findReplacement, findOptions);
    if (next === briefing) return false;
    // a replacement is its own undo step, never part of typing in the field it changed
    breakGroup();
    set({ briefing: next });
    breakGroup();
    return true;
  },
  replaceAllMatches: () => {
    const { report, briefing, findQuery, findReplacement, findOptions } = get();
    if (!report || !findQuery) return 0;
    const done = replaceAll(report, briefing, findQuery, findReplacement, findOptions);
    if (done.briefing === briefing) return 0;
    breakGroup();
    set({ briefing: done.briefing, findAt: 0 });
    breakGroup();
    return done.count;
  },
});
