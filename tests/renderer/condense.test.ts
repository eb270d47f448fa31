import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderOutput } from '../../main/export';
import { composeDoc } from '../../content/compose/doc';
import { emptyBriefing } from '../../content/model/briefing';
import { restoreProject, serializeProject } from '../../content/project';
import { sampleReport } from '../../content/sample';
import { condenseBrief } from '../../templates/brief/condense';
import { builtinRegistry } from '../../templates/registry';
import { shownBrief } from '../../renderer/preview/brief-cache';
import { loadDocument, undo, useStore } from '../../renderer/store/store';
import { resetStore } from './helpers';

const report = sampleReport();
const s = useStore.getState;
const plain = builtinRegistry().get('brief', 'plain');

beforeEach(() => {
  resetStore();
  loadDocument(report, { ...emptyBriefing(), output: 'brief' });
});

describe('压缩到 N 页 in the desk', () => {
  it('is off by default; on, the preview is the brief condensed as the export condenses it', () => {
    expect(s().briefing.pageBudget).toBeUndefined();
    const whole = shownBrief(report, s().briefing, plain, false);
    expect(whole.condensed).toBeUndefined();
    expect(whole.pages).toBeGreaterThan(2);

    s().setPageBudget(2);
    const shown = shownBrief(report, s().briefing, plain, false);
    const same = condenseBrief(composeDoc(report, s().briefing), plain, 2);
    expect(shown.pages).toBeLessThanOrEqual(2);
    expect(shown.doc).toEqual(same.doc);
    expect(shown.condensed?.leftOut.map((l) => l.key)).toEqual(same.leftOut.map((l) => l.key));
    expect(shown.condensed!.leftOut.length).toBeGreaterThan(0);
  });

  it('puts back one left-out item at a time, each one undo step', () => {
    s().setPageBudget(2);
    const [first] = shownBrief(report, s().briefing, plain, false).condensed!.leftOut;
    s().keepLeftOut(first!.key);
    expect(s().briefing.pageBudget?.keep).toEqual([first!.key]);
    const after = shownBrief(report, s().briefing, plain, false);
    expect(after.condensed!.leftOut.map((l) => l.key)).not.toContain(first!.key);
    // putting back the same one again changes nothing
    const b = s().briefing;
    s().keepLeftOut(first!.key);
    expect(s().briefing).toBe(b);
    undo();
    expect(s().briefing.pageBudget).toEqual({ pages: 2, keep: [] });
    undo();
    expect(s().briefing.pageBudget).toBeUndefined();
  });

  it('is not applied under an office template, whose own file sets the pages', () => {
    s().setPageBudget(1);
    expect(shownBrief(report, s().briefing, plain, true).condensed).toBeUndefined();
  });

  it('is saved in the project and read back', () => {
    s().setPageBudget(3);
    s().keepLeftOut('k1');
    const text = serializeProject({ name: 'p', report, briefing: s().briefing }, { savedAt: new Date() });
    expect(restoreProject(text).project.briefing.pageBudget).toEqual({ pages: 3, keep: ['k1'] });
    s().setPageBudget(null);
    const off = serializeProject({ name: 'p', report, briefing: s().briefing }, { savedAt: new Date() });
    expect(restoreProject(off).project.briefing.pageBudget).toBeUndefined();
  });

  it('is what the export writes: the .docx leaves out what the preview lists, and keeps what was put back', async () => {
    s().setPageBudget(2);
    const [gone, back] = shownBrief(report, s().briefing, plain, false).condensed!.leftOut.filter(
      (l) => l.kind === 'sentence' && l.reason !== '重复',
    );
    s().keepLeftOut(back!.key);
    const out = await renderOutput('docx', report, s().briefing, builtinRegistry());
    if (!('bytes' in out)) throw new Error('a .docx has bytes');
    const xml = strFromU8(unzipSync(out.bytes)['word/document.xml']!).replace(/<[^>]+>/g, '');
    expect(xml).not.toContain(gone!.text);
    expect(xml).toContain(back!.text);
  });
});
