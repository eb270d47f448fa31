import { describe, expect, it } from 'vitest';
import { composeDoc } from '../../content/compose/doc';
import { draftBriefing, setItemTitle, setOutput } from '../../content/briefing/edit';
import { briefingFor, itemsFor } from '../../content/briefing/lists';
import { briefDraftItems, toggleSection } from '../../content/briefing/select';
import { emptyBriefing, type Briefing } from '../../content/model/briefing';
import {
  MIGRATIONS,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  restoreProject,
  serializeProject,
} from '../../content/project';
import { sampleReport } from '../../content/sample';

const report = sampleReport();
const picked = (): Briefing => toggleSection(emptyBriefing(), report, report.sections[1]!.id, true);

/** A format 6 file as that version wrote it: one item list, no second one. */
function formatSix(briefing: Briefing): string {
  const { otherItems: _none, ...one } = briefing;
  return JSON.stringify({
    format: PROJECT_FORMAT,
    version: 6,
    name: '上半年汇报',
    savedAt: '2026-11-02T08:00:00.000Z',
    appVersion: '0.6.0',
    report,
    briefing: one,
    desk: { selectedItemId: null, slide: 2 },
  });
}

describe('two item lists, one per output', () => {
  it('switching output shows the other list and keeps this one with its edits', () => {
    const deck = picked();
    const id = deck.items[0]!.id;
    const edited = setItemTitle(deck, report, id, '今年上半年的主要工作');
    const onBrief = setOutput(edited, 'brief');
    // the brief starts from its own fresh draft, not the slide list
    expect(onBrief.items).toEqual([]);
    expect(itemsFor(onBrief, 'deck')).toBe(edited.items);
    const back = setOutput(onBrief, 'deck');
    expect(back.items.find((i) => i.id === id)?.title).toBe('今年上半年的主要工作');
    expect(itemsFor(back, 'brief')).toEqual([]);
  });

  it('a draft replaces only its own output’s list', () => {
    const deck = setItemTitle(picked(), report, picked().items[0]!.id, '改过的标题');
    const brief = draftBriefing(report, deck, 'brief');
    expect(brief.output).toBe('brief');
    // the brief's draft is the full text of what it includes (briefDraftItems), not the deck's
    expect(brief.items.map((i) => i.id)).toEqual(briefDraftItems(report).map((i) => i.id));
    // the slide list, with its edit, is untouched by the brief's draft
    expect(itemsFor(brief, 'deck')).toEqual(deck.items);
    // and the deck's draft keeps the brief's list
    const edited = setItemTitle(brief, report, brief.items[0]!.id, '简报里改的');
    const redrafted = draftBriefing(report, setOutput(edited, 'deck'), 'deck');
    expect(itemsFor(redrafted, 'brief')).toEqual(edited.items);
    expect(redrafted.items.some((i) => i.title === '改过的标题')).toBe(false);
  });

  it('an exporter composes from the list of its own output whichever one is shown', () => {
    const deck = picked();
    const onBrief = setItemTitle(
      draftBriefing(report, deck, 'brief'),
      report,
      briefDraftItems(report)[0]!.id,
      '简报专用标题',
    );
    const shownDeck = setOutput(onBrief, 'deck');
    const doc = composeDoc(report, briefingFor(shownDeck, 'brief'));
    expect(JSON.stringify(doc)).toContain('简报专用标题');
    expect(JSON.stringify(composeDoc(report, shownDeck))).not.toContain('简报专用标题');
  });

  it('both lists survive a save and an open', () => {
    const both = setOutput(draftBriefing(report, picked(), 'brief'), 'deck');
    const text = serializeProject({ name: 'x', report, briefing: both }, { savedAt: new Date() });
    const { project, migrated } = restoreProject(text);
    expect(migrated).toEqual([]);
    expect(project.briefing.items).toEqual(both.items);
    expect(project.briefing.otherItems).toEqual(both.otherItems);
  });
});

describe('a format 6 project (one item list)', () => {
  it('left on the slides: its list is the slide list and the brief is a fresh draft', () => {
    const deck = setItemTitle(picked(), report, picked().items[0]!.id, '改过的标题');
    const { project, migrated } = restoreProject(formatSix(deck));
    expect(migrated).toEqual([MIGRATIONS[6]!.name]);
    expect(project.version).toBe(PROJECT_VERSION);
    expect(project.briefing.output).toBe('deck');
    expect(itemsFor(project.briefing, 'deck')).toEqual(deck.items);
    expect(itemsFor(project.briefing, 'brief')).toEqual([]);
    expect(project.desk.slide).toBe(2);
  });

  it('left on the Word brief: it opens on a fresh brief draft, its list kept as the slide list', () => {
    const one = { ...picked(), output: 'brief' as const };
    const { project } = restoreProject(formatSix(one));
    expect(project.briefing.output).toBe('brief');
    expect(project.briefing.items).toEqual([]);
    expect(itemsFor(project.briefing, 'deck')).toEqual(one.items);
    // the fresh brief draft is the automatic one compose makes for an empty list
    expect(composeDoc(report, project.briefing)).toEqual(
      composeDoc(report, { ...project.briefing, items: [] }),
    );
    expect(composeDoc(report, briefingFor(project.briefing, 'deck'))).toEqual(composeDoc(report, one));
  });

  it('a damaged format 6 briefing is still refused, not papered over', () => {
    const broken = JSON.parse(formatSix({ ...picked(), output: 'brief' }));
    broken.briefing.items = 'none';
    expect(() => restoreProject(broken)).toThrow(/briefing\.items/);
  });
});
