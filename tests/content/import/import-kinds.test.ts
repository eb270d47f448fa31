import { describe, expect, it } from 'vitest';
import { importReport, reanalyze } from '../../../content/import';
import { ReportSchema, type Report } from '../../../content/model/report';
import {
  REMOVALS,
  allSections,
  headingScores,
  headingsOf,
  paragraphsOf,
  readKey,
  readKind,
  squeeze,
} from './kinds';

/**
 * One realistic report of each kind that arrives damaged, imported from its bytes and checked
 * against the answer key its author wrote (tests/fixtures/import-kinds/README.md says how each was
 * made): front matter in the report's fields, every heading at its level, every paragraph whole
 * (no line left broken, nothing glued on), no page furniture or web leftover kept, and every
 * removal listed as a repair.
 */
const KINDS = [
  [
    'pdf-copy-county-summary',
    'a county summary copied out of its PDF: lines wrapped inside numbers and words, 「— 1 —」 and the title between pages',
  ],
  [
    'pdf-copy-city-report',
    'a report to the city government copied with pdftotext: indents kept, 「第 1 页 共 3 页」, the unit as running header and as signature',
  ],
  [
    'wechat-article',
    'a WeChat article copied from the browser: banner, bylines, picture placeholders, 01/02/03 sections, 往期推荐',
  ],
  [
    'government-work-report',
    'a 政府工作报告 saved as text: subtitle over two lines, speaker, salutation, inline enumerations',
  ],
  [
    'speech-no-headings',
    'a speech without a single heading: speaker, date and salutation, 第一/首先 enumerations',
  ],
  [
    'pdf-copy-speech',
    'a speech copied out of its PDF: subtitle and chapter headings wrapped, an enumeration across lines ending in 「；」',
  ],
  [
    'gov-website-article',
    'a news item copied from a government website: breadcrumb, publication line, reporter, print and next-article links',
  ],
] as const;

const FIELDS = ['title', 'subtitle', 'issuer', 'date', 'speaker', 'salutation', 'closing'] as const;

describe.each(KINDS)('%s (%s)', (name) => {
  const key = readKey(`${name}.key.txt`);
  const load = (): Promise<Report> => importReport({ name: `${name}.txt`, bytes: readKind(`${name}.txt`) });

  it('is a valid report whose front matter is in its fields, not in its sections', async () => {
    const report = await load();
    expect(ReportSchema.parse(report)).toEqual(report);
    for (const field of FIELDS) expect(report[field], field).toBe(key.fields[field]);
    const body = allSections(report.sections).flatMap((s) => [
      s.title,
      ...paragraphsOf({ ...report, sections: [s] }),
    ]);
    for (const field of ['speaker', 'salutation'] as const) {
      const value = key.fields[field];
      if (value)
        expect(
          body.some((t) => squeeze(t).includes(squeeze(value))),
          field,
        ).toBe(false);
    }
  });

  it('finds every heading at its level, and nothing else', async () => {
    const report = await load();
    const scores = headingScores(headingsOf(report), key.headings);
    expect(scores).toEqual({ precision: 1, recall: 1, levels: 1 });
    expect(headingsOf(report).map((h) => `${h.level}:${squeeze(h.text)}`)).toEqual(
      key.headings.map((h) => `${h.level}:${squeeze(h.text)}`),
    );
  });

  it('reads every paragraph whole, in order, with no furniture or leftover kept and no line left broken', async () => {
    const report = await load();
    expect(paragraphsOf(report).map(squeeze)).toEqual(key.paragraphs.map(squeeze));
    expect(report.figures.map((f) => f.caption)).toEqual(key.captions);
  });

  it('loses nothing silently: every source line is in the report or in a removal staff can undo', async () => {
    const report = await load();
    const removed = new Set(report.repairs.filter((r) => REMOVALS.has(r.kind)).flatMap((r) => r.blockIds));
    const kept = squeeze(
      [
        ...FIELDS.map((f) => report[f] ?? ''),
        // the subtitle's dash is how the source set it apart
        `——${report.subtitle ?? ''}`,
        ...report.dateline,
        ...allSections(report.sections).map((s) => `${s.number ?? ''}${s.title}`),
        ...paragraphsOf(report),
        ...report.figures.map((f) => f.caption),
      ].join('\n'),
    );
    const lost = report.raw.filter(
      (b) => b.type === 'text' && !removed.has(b.id) && !kept.includes(squeeze(b.text)),
    );
    expect(lost).toEqual([]);
    for (const r of report.repairs) expect(r.applied).toBe(true);
  });

  it('puts every removed line back when its repair is undone', async () => {
    const report = await load();
    const removal = report.repairs.find((r) => REMOVALS.has(r.kind));
    if (!removal) return expect(key.fields.title).toBeDefined();
    const undone = reanalyze(report, { ...report.decisions, repairs: { [removal.id]: false } });
    // back in the text, or standing at its top as the title or the front matter
    const text = [
      ...FIELDS.map((f) => undone[f] ?? ''),
      ...undone.dateline,
      ...paragraphsOf(undone),
      ...allSections(undone.sections).map((s) => s.title),
    ].join('\n');
    const line = report.raw.find((b) => b.id === removal.blockIds[0]);
    expect(line?.type === 'text' && squeeze(text).includes(squeeze(line.text))).toBe(true);
    expect(reanalyze(undone, report.decisions)).toEqual(report);
  });
});
