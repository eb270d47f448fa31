import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeDoc } from '../../content/compose/doc';
import { importReport } from '../../content/import';
import { emptyBriefing, emptyFields } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { docToDocx } from '../../main/export/docx';
import { paginateBrief } from '../../templates/brief/paginate';
import { builtinRegistry } from '../../templates/registry';
import { renderBrief } from '../../templates/render/brief';
import { attrOf, find, paragraphs, readDocx } from '../helpers/ooxml';
import { ROOT } from '../helpers/paths';

/**
 * The speaker and the date of a speech, under its title as a 讲话稿 prints them: decided once at
 * compose (`Doc.byline`), drawn alike by the .docx, the preview and the page count.
 */

const registry = builtinRegistry();
const BYLINE = ['云溪市人民政府副市长　沈嘉禾', '（2025年2月20日）'];
let report: Report;
beforeAll(async () => {
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/brief/speech-markers.txt')));
  report = await importReport({ name: 'speech-markers.txt', bytes });
});

describe('the byline of a speech', () => {
  it('is the speaker, then the date in parentheses; a speaker staff typed comes first; none without a speaker', async () => {
    expect(composeDoc(report, emptyBriefing()).byline).toEqual(BYLINE);
    const typed = { ...emptyBriefing(), fields: { ...emptyFields(), presenter: '市农业农村局局长 罗青' } };
    expect(composeDoc(report, typed).byline).toEqual(['市农业农村局局长　罗青', '（2025年2月20日）']);
    const plain = await importReport({
      name: 'a.txt',
      bytes: new TextEncoder().encode('松岭镇工作简报\n\n一、概况\n\n全镇完成产值48.6亿元。\n'),
    });
    expect(composeDoc(plain, emptyBriefing()).byline).toBeUndefined();
  });

  for (const id of ['plain', 'bulletin', 'gbt9704'])
    it(`stands under the title in the ${id} .docx, centred, in the subtitle's face, before the salutation`, async () => {
      const t = registry.get('brief', id);
      const doc = composeDoc(report, { ...emptyBriefing(), briefTemplate: id });
      const ps = paragraphs(readDocx(await docToDocx(doc, t)).document);
      const title = ps.findIndex((p) => p.text === '在全市农业农村工作会议上的讲话');
      expect(title).toBeGreaterThanOrEqual(0);
      const [speaker, date, next] = ps.slice(title + 1, title + 4);
      expect([speaker?.text, date?.text]).toEqual(BYLINE);
      expect(next?.text).toBe('同志们：');
      for (const p of [speaker, date]) {
        // w:pPr holds w:jc; the run's face is the template's subtitle font
        expect(attrOf(p?.pPr, 'w:jc', 'w:val')).toBe('center');
        expect(attrOf(find(p!.runs[0]!.node, 'w:rFonts'), 'w:rFonts', 'w:eastAsia')).toBe(
          t.fonts.subtitle.eastAsia,
        );
      }
      // the preview draws the same lines, and the page count counts them
      const html = renderBrief(doc, t);
      for (const l of BYLINE) expect(html).toContain(`brief-byline">${l}</p>`);
      const bare = { ...doc, blocks: doc.blocks };
      delete bare.byline;
      const withLines = paginateBrief({ ...doc, blocks: [...doc.blocks, ...doc.blocks, ...doc.blocks] }, t);
      const without = paginateBrief({ ...bare, blocks: [...doc.blocks, ...doc.blocks, ...doc.blocks] }, t);
      expect(
        withLines.count * 1e6 - withLines.lastPageFree,
        'the byline takes room on the page',
      ).toBeGreaterThan(without.count * 1e6 - without.lastPageFree);
    });
});
