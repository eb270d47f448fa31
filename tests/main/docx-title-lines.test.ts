import { describe, expect, it } from 'vitest';
import { composeDoc } from '../../content/compose/doc';
import { importReport } from '../../content/import';
import { emptyBriefing } from '../../content/model/briefing';
import { docToDocx } from '../../main/export/docx';
import { briefFrame } from '../../templates/brief/layout';
import { builtinRegistry } from '../../templates/registry';
import { renderBrief } from '../../templates/render/brief';
import { findAll, paragraphs, readDocx, textOf } from '../helpers/ooxml';

/** A title or subtitle over one line is broken into balanced lines, the same in the .docx and the preview. */

const registry = builtinRegistry();
const TITLE = '松岭镇2025年前三季度经济运行、重点项目建设和民生实事推进情况的报告';
const SUBTITLE = '——2025年10月12日在松岭镇第十八届人民代表大会第四次会议上';

describe('the lines of a long title', () => {
  for (const id of ['plain', 'gbt9704'])
    it(`are balanced in the ${id} brief: no last line of two characters, broken alike in the .docx and the preview`, async () => {
      const t = registry.get('brief', id);
      const report = await importReport({
        name: 'a.txt',
        bytes: new TextEncoder().encode(
          `${TITLE}\n\n${SUBTITLE}\n\n一、总体情况\n\n全镇完成产值48.6亿元。\n`,
        ),
      });
      const doc = composeDoc(report, { ...emptyBriefing(), briefTemplate: id });
      const frame = briefFrame(doc.fields, t, doc.byline);
      expect(frame.titleLines.length).toBeGreaterThan(1);
      if (id === 'gbt9704') expect(frame.subtitleLines.length).toBeGreaterThan(1);
      for (const lines of [frame.titleLines, frame.subtitleLines]) {
        const sizes = lines.map((l) => [...l].length);
        // balanced: the lines differ by a few characters at most, none is a stub
        expect(Math.max(...sizes) - Math.min(...sizes), lines.join('|')).toBeLessThanOrEqual(4);
      }
      expect(frame.titleLines.join('')).toBe(TITLE);
      const ps = paragraphs(readDocx(await docToDocx(doc, t)).document);
      const title = ps.find((p) => p.text === TITLE)!;
      // each break of the frame is a w:br between the title's runs
      expect(findAll(title.node, 'w:br')).toHaveLength(frame.titleLines.length - 1);
      expect(title.runs.map((r) => textOf(r.node))).toEqual(frame.titleLines);
      expect(renderBrief(doc, t)).toContain(frame.titleLines.join('<br>'));
    });
});
