import { describe, expect, it } from 'vitest';
import { setItemText, setItemTitle } from '../../../content/briefing/edit';
import { toggleSection } from '../../../content/briefing/select';
import { importPastedText } from '../../../content/import';
import { emptyBriefing, type Briefing } from '../../../content/model/briefing';
import {
  applyFix,
  briefingUnits,
  builtinRules,
  ignoreFinding,
  ignoreRule,
  markdownUnits,
  proofread,
  unignored,
} from '../../../content/proof';
import { PROJECT_FORMAT, restoreProject, serializeProject } from '../../../content/project';
import { cleanBrief } from '../../helpers/proof-corpus';

const report = importPastedText(cleanBrief());
const all: Briefing = report.sections.reduce((b, s) => toggleSection(b, report, s.id, true), emptyBriefing());
const rules = builtinRules().rules;
const check = (b: Briefing) => proofread(briefingUnits(report, b), rules);
const itemWith = (b: Briefing, words: string) =>
  b.items.find((i) => briefingUnits(report, { ...b, items: [i] }).some((u) => u.text.includes(words)))!;

describe('checking a briefing', () => {
  it('reads every item’s fields in briefing order and finds nothing in the clean brief', () => {
    const units = briefingUnits(report, all);
    expect(units.length).toBeGreaterThan(30);
    expect(units.every((u) => 'item' in u.at)).toBe(true);
    expect(check(all)).toEqual([]);
  });

  it('names the item and field of a finding, and 改正 fixes it as an edit of that field', () => {
    const item = itemWith(all, '引进内资43.6亿元');
    const text = briefingUnits(report, { ...all, items: [item] }).find(
      (u) => 'field' in u.at && u.at.field === 'text',
    )!.text;
    const edited = setItemText(
      all,
      report,
      item.id,
      text.replace('截至', '截止').replace('引进内资43.6', '引进内资46.3'),
    );
    const found = check(edited);
    expect(found.map((f) => `${JSON.stringify(f.at)} ${f.kind} ${f.text}→${f.suggestion}`)).toEqual([
      `{"item":"${item.id}","field":"text"} consistency 46.3亿元→43.6亿元`,
    ]);
    // 改正 puts the report's number back: the item shows the report's own words again
    const fixed = applyFix(report, edited, found[0]!);
    expect(fixed.items.find((i) => i.id === item.id)!.text).toBeUndefined();
    expect(check(fixed)).toEqual([]);
  });

  it('checks a retitled point lead against its siblings and a heading typed with its own number', () => {
    const lead = itemWith(all, '项目建设提速增效');
    const retitled = setItemTitle(all, report, lead.id, '项目建设提速增效。');
    expect(check(retitled).map((f) => `${f.ruleId}:${f.text}`)).toEqual(['punct.heading-end:。']);
    const heading = all.items.find((i) => i.ref.type === 'section' && i.ref.id.includes('b6'))!;
    const numbered = setItemTitle(all, report, heading.id, '（一）经济运行稳中向好');
    expect(check(numbered).map((f) => `${f.ruleId}:${f.text}→${f.suggestion}`)).toEqual([
      'consistency.siblings:（一）→',
    ]);
    expect(
      applyFix(report, numbered, check(numbered)[0]!).items.find((i) => i.id === heading.id)!.title,
    ).toBeUndefined();
  });

  it('does not apply a fix to words that have changed since the check', () => {
    const item = itemWith(all, '截至6月底');
    const text = briefingUnits(report, { ...all, items: [item] }).find(
      (u) => 'field' in u.at && u.at.field === 'text',
    )!.text;
    const wrong = setItemText(all, report, item.id, text.replace('截至', '截止'));
    const finding = check(wrong)[0]!;
    const later = setItemText(wrong, report, item.id, `前言。${text.replace('截至', '截止')}`);
    expect(applyFix(report, later, finding)).toBe(later);
  });

  it('remembers ignored findings and rules in the briefing, through a saved project', () => {
    const item = itemWith(all, '截至6月底');
    const text = briefingUnits(report, { ...all, items: [item] }).find(
      (u) => 'field' in u.at && u.at.field === 'text',
    )!.text;
    const wrong = setItemText(all, report, item.id, `${text.replace('截至', '截止')}推进改革，，加快发展。`);
    const found = check(wrong);
    expect(found.map((f) => f.ruleId).sort()).toEqual(['confusion.jiezhi', 'punct.doubled']);
    const ignored = ignoreRule(
      ignoreFinding(
        wrong,
        found.find((f) => f.ruleId === 'confusion.jiezhi')!,
      ),
      'punct.doubled',
    );
    expect(unignored(check(ignored), ignored.proof)).toEqual([]);
    const saved = serializeProject({ name: '校对', report, briefing: ignored }, { savedAt: new Date(0) });
    const { project } = restoreProject(saved);
    expect(project.briefing.proof).toEqual(ignored.proof);
    expect(unignored(check(project.briefing), project.briefing.proof)).toEqual([]);
  });

  it('opens an older project file with nothing ignored', () => {
    const v3 = {
      format: PROJECT_FORMAT,
      version: 3,
      name: 'x',
      savedAt: new Date(0).toISOString(),
      report,
      briefing: all,
    };
    const { project, migrated } = restoreProject(v3);
    expect(migrated).toContain('v5→v6: ignored proofreading findings in the briefing (none yet)');
    expect(project.briefing.proof).toBeUndefined();
    expect(unignored(check(project.briefing), project.briefing.proof)).toEqual([]);
  });
});

describe('checking a markdown report', () => {
  it('reads the words, not the markup, and names the characters as the line has them', () => {
    const md = '# 一、总体情况\n\n- **截止**6月底,完成[投资](http://a.cn/x,y)。\n\n```\nlet a = 1,b;\n```\n';
    const found = proofread(markdownUnits(md), rules);
    expect(
      found.map((f) => `${'line' in f.at ? f.at.line : ''}:${f.start}:${f.text}→${f.suggestion}`),
    ).toEqual(['3:4:截止→截至', '3:11:,→，']);
  });
});

describe('what compose sets right itself', () => {
  it('does not report half-width marks in a briefing that every output sets full-width, but does in a report as written', () => {
    const item = itemWith(all, '截至6月底');
    const b = setItemText(all, report, item.id, '推进改革,加快发展;稳住经济.');
    expect(check(b).map((f) => `${f.ruleId}:${f.text}`)).toEqual(['punct.halfwidth:.']);
    expect(proofread(markdownUnits('推进改革,加快发展;稳住经济.'), rules).map((f) => f.text)).toEqual([
      ',',
      ';',
      '.',
    ]);
  });
});
