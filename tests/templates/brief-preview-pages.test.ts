import { beforeAll, describe, expect, it } from 'vitest';
import { composeDoc } from '../../content/compose/doc';
import { importReport } from '../../content/import';
import { emptyBriefing, emptyFields } from '../../content/model/briefing';
import { paginateBrief } from '../../templates/brief/paginate';
import type { Doc } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { renderBrief } from '../../templates/render/brief';
import { briefReport } from '../helpers/brief-report';
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

describe('the 版记 in the preview', () => {
  const fields = {
    ...emptyFields(),
    unit: '青禾区人民政府办公室',
    date: '2024年7月10日',
    cc: '区委办公室',
    printedBy: '青禾区人民政府办公室',
  };
  const briefOf = (n: number): Doc =>
    composeDoc(briefReport(), {
      ...emptyBriefing(),
      fields,
      items: Array.from({ length: n }, (_, i) => ({
        id: `p${i}`,
        ref: { type: 'block' as const, id: 'theory-p1' },
      })),
    });
  const spaceOf = (html: string): number =>
    Number(/class="brief-colophon-space" style="height: ([\d.]+)pt"/.exec(html)?.[1]);

  it('stands at the foot of the last page: the free height above it kept open, as in the Word file', () => {
    // the fewest points that end the text on page 2 (an even page, as GB/T 9704 wants the 版记's)
    const n = Array.from({ length: 80 }, (_, i) => i + 1).find(
      (k) =>
        paginateBrief(briefOf(k), t).colophon?.page === 2 && !paginateBrief(briefOf(k), t).colophon?.newPage,
    )!;
    const doc = briefOf(n);
    const pages = paginateBrief(doc, t);
    expect(pages.colophon).toMatchObject({ page: 2, newPage: false });
    const html = renderBrief(doc, t);
    // the page's free height, less the block, lies between the last text and the first rule
    expect(spaceOf(html)).toBeCloseTo(pages.colophon!.gap / 20, 1);
    expect(pages.colophon!.gap).toBeGreaterThan(t.lineTwips * 5);
    expect(html.indexOf('brief-colophon-space')).toBeLessThan(html.indexOf('class="brief-colophon"'));
  });

  it('opens a page of its own, marked, when it does not fit under the last text', () => {
    const n = Array.from({ length: 60 }, (_, i) => i + 1).find(
      (k) => paginateBrief(briefOf(k), t).colophon?.newPage,
    )!;
    const doc = briefOf(n);
    const pages = paginateBrief(doc, t);
    const html = renderBrief(doc, t);
    const mark = html.lastIndexOf(`data-page="${pages.count}"`);
    expect(mark).toBeGreaterThan(html.lastIndexOf('brief-signature'));
    expect(mark).toBeLessThan(html.indexOf('brief-colophon-space'));
    // on its own page the block's rule sits on the foot: all the type area above it is free
    expect(spaceOf(html)).toBeCloseTo(
      (t.page.height - t.page.margins.top - t.page.margins.bottom - pages.colophonHeight) / 20,
      0,
    );
  });
});
