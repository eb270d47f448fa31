import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeDoc, stripSourceNumber } from '../../content/compose/doc';
import { importReport } from '../../content/import';
import { emptyBriefing } from '../../content/model/briefing';
import type { Report, Section } from '../../content/model/report';
import { officialPunctuation } from '../../content/text/punctuation';
import { briefForms } from '../../templates/brief/blocks';
import type { Doc } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { buildPicturedDocx } from '../fixtures/brief/build-pictured';
import { ROOT } from '../helpers/paths';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/brief', name)));
const gbt = builtinRegistry().get('brief', 'gbt9704');

/** Every sentence of a text: split after 。！？；, each kept with its mark. */
const sentences = (text: string): string[] =>
  (officialPunctuation(text).match(/[^。！？；]+[。！？；]?/g) ?? []).map((s) => s.trim()).filter(Boolean);

const allSections = (sections: readonly Section[]): Section[] =>
  sections.flatMap((s) => [s, ...allSections(s.sections)]);

/** The brief as a reader sees it: every form's text in order. */
const briefText = (doc: Doc): string =>
  briefForms(doc, gbt)
    .map((f) =>
      f.kind === 'heading'
        ? f.text
        : f.kind === 'paragraph'
          ? f.runs.map((r) => r.text).join('')
          : f.kind === 'figure'
            ? f.caption
            : [f.caption, ...f.rows.flat()].join('\n'),
    )
    .join('\n');

const reports: Record<string, () => Promise<Report>> = {
  'numbered points': () =>
    importReport({ name: 'points-numbered.txt', bytes: fixture('points-numbered.txt') }),
  speech: () => importReport({ name: 'speech.txt', bytes: fixture('speech.txt') }),
  'table and picture': async () => importReport({ name: 'pictured.docx', bytes: await buildPicturedDocx() }),
};

describe.each(Object.keys(reports))('the full-text brief of the %s report', (name) => {
  let report: Report;
  let doc: Doc;
  let text: string;
  beforeAll(async () => {
    report = await reports[name]!();
    doc = composeDoc(report, { ...emptyBriefing(), briefTemplate: 'gbt9704' });
    text = briefText(doc);
  });

  it('holds every sentence of every paragraph and point, whole', () => {
    let n = 0;
    for (const s of allSections(report.sections))
      for (const b of s.blocks) {
        const whole =
          b.kind === 'paragraph' ? b.text : b.kind === 'point' ? `${b.lead}${b.leadEnd ?? ''}${b.text}` : '';
        for (const sentence of sentences(whole)) {
          n++;
          expect(text, sentence).toContain(sentence);
        }
      }
    expect(n).toBeGreaterThanOrEqual(5);
  });

  it('keeps the report order of its blocks', () => {
    const order = doc.blocks.flatMap((b) => (b.itemId ? [b.itemId] : []));
    const reportOrder = allSections(report.sections).flatMap((s) => [
      `i-section-${s.id}`,
      ...s.blocks.map((b) => `i-block-${b.id}`),
    ]);
    const positions = order.map((id) => reportOrder.indexOf(id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('has no heading the report does not have', () => {
    const titles = new Set(
      allSections(report.sections).map((s) => officialPunctuation(stripSourceNumber(s.title))),
    );
    for (const b of doc.blocks) if (b.kind === 'heading') expect(titles, b.text).toContain(b.text);
    expect(text).not.toMatch(/^(导语|正文)$/m);
  });

  it('numbers each caption once', () => {
    expect(text).not.toMatch(/[图表]\d+[\s　]*[图表]\s*\d/);
  });
});

describe('markers and leads as the report wrote them', () => {
  it('keeps 1. and （1） and 一是 on their points, and a colon that ends a lead', async () => {
    const points = composeDoc(await reports['numbered points']!(), emptyBriefing());
    const lines = briefText(points).split('\n');
    expect(lines).toContain(
      '1.抓产业升级。实施技术改造项目41个，完成技改投资23.8亿元，同比增长15.2%。新认定高新技术企业17家，总数达到156家。',
    );
    expect(lines.some((l) => l.startsWith('（2）教育资源扩容。'))).toBe(true);
    expect(lines.some((l) => l.startsWith('一是经济增长动能仍需增强，'))).toBe(true);
    expect(lines.some((l) => l.startsWith('二是财政收支矛盾突出，'))).toBe(true);
    const speech = briefText(composeDoc(await reports.speech!(), emptyBriefing()));
    expect(speech).toContain('今年全县安全生产工作的目标是：生产安全事故');
    expect(speech).not.toContain('目标是。');
  });

  it('opens a speech with its salutation and its opening paragraph under no heading', async () => {
    const doc = composeDoc(await reports.speech!(), emptyBriefing());
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '同志们：' });
    expect(doc.blocks[1]).toMatchObject({
      kind: 'paragraph',
      text: expect.stringMatching(/^今天，我们召开/),
    });
  });

  it('sets a caption the source numbered as 「图1　…」 and 「表1　…」', async () => {
    const doc = composeDoc(await reports['table and picture']!(), emptyBriefing());
    const captions = briefForms(doc, gbt).flatMap((f) =>
      f.kind === 'figure' || f.kind === 'table' ? [f.caption] : [],
    );
    expect(captions).toEqual(['图1　枫林镇高标准茶园基地', '表1　上半年主要农业指标']);
  });
});
