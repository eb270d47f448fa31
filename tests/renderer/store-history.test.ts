import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyBriefing } from '../../content/model/briefing';
import { sampleReport } from '../../content/sample';
import { TYPING_GROUP_MS, breakGroup } from '../../renderer/store/history';
import { isDirty } from '../../renderer/store/project-slice';
import { history, loadDocument, redo, undo, useStore } from '../../renderer/store/store';
import { resetStore } from './helpers';

const report = sampleReport();
const economy = report.sections.find((s) => s.title === '稳住经济运行基本盘')!;
const s = useStore.getState;

beforeEach(() => {
  resetStore();
  loadDocument(report, emptyBriefing());
  s().markSaved();
});
afterEach(() => vi.useRealTimers());

describe('undo and redo over the document', () => {
  it('undoes and redoes ticking a section', () => {
    s().toggleSection(economy.id, true);
    const picked = s().briefing.items.length;
    expect(picked).toBeGreaterThan(3);
    undo();
    expect(s().briefing.items).toHaveLength(0);
    redo();
    expect(s().briefing.items).toHaveLength(picked);
  });

  it('takes back a whole retitle typed letter by letter in one step', () => {
    s().toggleSection(economy.id, true);
    const id = s().briefing.items[0]!.id;
    for (const title of ['稳', '稳经', '稳经济', '稳经济大', '稳经济大盘']) s().setItemTitle(id, title);
    expect(s().briefing.items[0]!.title).toBe('稳经济大盘');
    undo();
    expect(s().briefing.items[0]!.title).toBeUndefined();
    expect(s().briefing.items).toHaveLength(
      economy.blocks.length + 1 + countSections(economy.sections) + blocksIn(economy.sections),
    );
    redo();
    expect(s().briefing.items[0]!.title).toBe('稳经济大盘');
  });

  it('starts a new step after a pause, after leaving the field, and in another field', () => {
    vi.useFakeTimers();
    s().toggleSection(economy.id, true);
    // two section headings: both have a title to edit
    const [a, b] = s().briefing.items.filter((i) => i.ref.type === 'section');
    s().setItemTitle(a!.id, '一');
    vi.advanceTimersByTime(TYPING_GROUP_MS + 10);
    s().setItemTitle(a!.id, '一二');
    breakGroup();
    s().setItemTitle(a!.id, '一二三');
    s().setItemTitle(b!.id, '乙');
    const titleOf = (id: string) => s().briefing.items.find((i) => i.id === id)!.title;
    undo();
    expect(titleOf(b!.id)).toBeUndefined();
    expect(titleOf(a!.id)).toBe('一二三');
    undo();
    expect(titleOf(a!.id)).toBe('一二');
    undo();
    expect(titleOf(a!.id)).toBe('一');
  });

  it('does not record selection, notices or dialogs as changes', () => {
    const before = history.getState().pastStates.length;
    s().selectItem('x');
    s().notify({ kind: 'info', zh: '提示', en: 'note' });
    s().openDialog('about');
    s().setCurrentSlide(3);
    expect(history.getState().pastStates.length).toBe(before);
  });

  it('records template and brief fields as undoable edits; switching output is not a step', () => {
    s().setOutput('brief');
    s().setTemplate('brief', 'bulletin');
    s().setField('unit', '区政府办公室');
    undo();
    expect(s().briefing.fields.unit).toBe('');
    undo();
    expect(s().briefing.briefTemplate).toBe('plain');
    expect(history.getState().pastStates).toHaveLength(0);
    undo();
    expect(s().briefing.output).toBe('brief');
  });

  it('keeps the report intact through edits and restores an item with 恢复原文', () => {
    const before = JSON.stringify(report);
    s().toggleSection(economy.id, true);
    const id = s().briefing.items[0]!.id;
    s().setItemTitle(id, '新标题');
    s().restoreItem(id);
    expect(s().briefing.items[0]!.title).toBeUndefined();
    expect(JSON.stringify(s().report)).toBe(before);
  });

  it('opening a document starts a fresh history', () => {
    s().toggleSection(economy.id, true);
    loadDocument(report, emptyBriefing());
    expect(history.getState().pastStates).toHaveLength(0);
  });
});

describe('unsaved changes', () => {
  it('are none after a save, some after an edit, and none again when undone back', () => {
    expect(isDirty(s())).toBe(false);
    s().toggleSection(economy.id, true);
    expect(isDirty(s())).toBe(true);
    undo();
    expect(isDirty(s())).toBe(false);
  });

  it('are always there for a document never saved', () => {
    s().markUnsaved();
    expect(isDirty(s())).toBe(true);
  });
});

function countSections(list: typeof economy.sections): number {
  return list.reduce((n, c) => n + 1 + countSections(c.sections), 0);
}
function blocksIn(list: typeof economy.sections): number {
  return list.reduce((n, c) => n + c.blocks.length + blocksIn(c.sections), 0);
}

describe('a separate undo history for each list', () => {
  const other = report.sections.find((x) => x !== economy && x.blocks.length > 0)!;
  const refs = () => s().briefing.items.map((i) => `${i.ref.type}:${i.ref.id}`);

  it('undo after switching output takes back this list’s edits, never the other list’s', () => {
    s().toggleSection(economy.id, true);
    const slides = refs();
    s().setOutput('brief');
    expect(s().briefing.items).toHaveLength(0);
    // the brief list starts with no history of its own: undo does nothing to the slides
    expect(history.getState().pastStates).toHaveLength(0);
    undo();
    expect(s().briefing.output).toBe('brief');
    s().toggleSection(other.id, true);
    const brief = refs();
    expect(brief.length).toBeGreaterThan(0);

    // back on the slides: one undo takes back the slide tick, and the brief list is untouched
    s().setOutput('deck');
    expect(refs()).toEqual(slides);
    undo();
    expect(s().briefing.items).toHaveLength(0);
    expect(s().briefing.otherItems?.map((i) => `${i.ref.type}:${i.ref.id}`)).toEqual(brief);
    redo();
    expect(refs()).toEqual(slides);

    // and on the brief: its own undo, the slides untouched
    s().setOutput('brief');
    undo();
    expect(s().briefing.items).toHaveLength(0);
    expect(s().briefing.otherItems?.map((i) => `${i.ref.type}:${i.ref.id}`)).toEqual(slides);
  });

  it('a draft is one undo step in its own list', () => {
    s().toggleSection(economy.id, true);
    const slides = refs();
    s().setOutput('brief');
    s().draft('brief');
    expect(s().briefing.items.length).toBeGreaterThan(slides.length);
    s().setOutput('deck');
    s().draft('deck');
    undo();
    expect(refs()).toEqual(slides);
    s().setOutput('brief');
    expect(s().briefing.items.length).toBeGreaterThan(slides.length);
    undo();
    expect(s().briefing.items).toHaveLength(0);
  });

  it('keeps later brief fields when an older list step comes back after a switch', () => {
    s().toggleSection(economy.id, true);
    s().setOutput('brief');
    s().setField('unit', '临川县人民政府办公室');
    s().setOutput('deck');
    undo();
    expect(s().briefing.items).toHaveLength(0);
    expect(s().briefing.fields.unit).toBe('临川县人民政府办公室');
  });

  it('opening a document forgets both lists’ histories', () => {
    s().toggleSection(economy.id, true);
    s().setOutput('brief');
    loadDocument(report, emptyBriefing());
    s().setOutput('brief');
    expect(history.getState().pastStates).toHaveLength(0);
    s().setOutput('deck');
    expect(history.getState().pastStates).toHaveLength(0);
  });
});
