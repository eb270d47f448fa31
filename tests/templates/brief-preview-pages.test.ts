import { beforeAll, describe, expect, it } from 'vitest';
import { composeDoc } from '../../content/compose/doc';
import { importReport } from '../../content/import';
import { emptyBriefing } from '../../content/model/briefing';
import { paginateBrief } from '../../templates/brief/paginate';
import type { Doc } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { renderBrief } from '../../templates/render/brief';
import { readReportBytes } from '../helpers/paths';

const t = builtinRegistry().get('brief', 'gbt9704');

describe('the brief preview and the page count', () => {
  let doc: Doc;
  beforeAll(async () => {
    doc = composeDoc(
      await importReport({ name: 'qinghe.txt', bytes: readReportBytes('qinghe') }),
      emptyBriefing(),
    );
  });

  it('says 「共 N 页」 and marks each page the Word file begins, from the one count', () => {
    const pages = paginateBrief(doc, t);
    const html = renderBrief(doc, t);
    expect(pages.count).toBeGreaterThan(2);
    expect(html).toContain(`data-pages="${pages.count}"`);
    expect(html).toContain(`共 ${pages.count} 页`);
    const marks = [...html.matchAll(/class="brief-page-break" data-page="(\d+)"/g)].map((m) => Number(m[1]));
    const expected = [...new Set(pages.breaks.filter((b) => b.form >= 0).map((b) => b.form))].length;
    expect(marks).toHaveLength(expected);
    expect(marks).toEqual([...marks].sort((a, b) => a - b));
  });
});
