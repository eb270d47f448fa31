import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDoc } from '../../content/compose/doc';
import { importReport } from '../../content/import';
import { emptyBriefing, emptyFields, type Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { briefToDocx } from '../../main/export/docx';
import { condenseBrief } from '../../templates/brief/condense';
import { paginateBrief } from '../../templates/brief/paginate';
import { builtinRegistry } from '../../templates/registry';
import { buildPicturedDocx } from '../fixtures/brief/build-pictured';
import { convertToPdf, pdfPageCount } from '../helpers/libreoffice';
import {
  DISTRICT_REPORT_PATH,
  HAS_SHARED_REPORT,
  readReportBytes,
  ROOT,
  SHARED_REPORT_MISSING,
} from '../helpers/paths';

/**
 * 「压缩到 N 页」 is honest: the .docx condensed to 2 and to 4 pages, opened in LibreOffice, has at
 * most that many pages (counted with pdfinfo), for our own reports and the shared district report.
 */

const HAS_SOFFICE = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();
const NO_SOFFICE = 'needs LibreOffice (soffice), which is not installed';

const registry = builtinRegistry();
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/brief', name)));

const sources: Record<string, () => Promise<Report>> = {
  qinghe: () => importReport({ name: 'qinghe.txt', bytes: readReportBytes('qinghe') }),
  linchuan: () => importReport({ name: 'linchuan.txt', bytes: readReportBytes('linchuan') }),
  points: () => importReport({ name: 'points.txt', bytes: fixture('points-numbered.txt') }),
  speech: () => importReport({ name: 'speech.txt', bytes: fixture('speech.txt') }),
  pictured: async () => importReport({ name: 'pictured.docx', bytes: await buildPicturedDocx() }),
  ...(HAS_SHARED_REPORT
    ? {
        district: () =>
          importReport({ name: 'district.txt', bytes: new Uint8Array(readFileSync(DISTRICT_REPORT_PATH)) }),
      }
    : {}),
};

const fields = {
  ...emptyFields(),
  unit: '青禾区人民政府办公室',
  date: '2024年7月10日',
  cc: '区委办公室，区人大常委会办公室',
  printedBy: '青禾区人民政府办公室',
};
const briefingOf = (template: string): Briefing => ({ ...emptyBriefing(), briefTemplate: template, fields });

interface Case {
  name: string;
  template: string;
  pages: number | null;
  model: number;
  /** the budget was refused: not even the headings with one sentence per section fit it */
  refused?: number;
}
const cases: Case[] = [];
let dir = '';
const counted = new Map<string, number>();

beforeAll(async () => {
  if (!HAS_SOFFICE) return;
  dir = mkdtempSync(join(tmpdir(), 'docx-pages-'));
  const files: string[] = [];
  for (const [name, load] of Object.entries(sources).filter(
    ([n]) => !process.env.ONLY_REPORT || process.env.ONLY_REPORT.split(',').includes(n),
  )) {
    const report = await load();
    for (const template of process.env.ONLY_TEMPLATE
      ? [process.env.ONLY_TEMPLATE]
      : ['gbt9704', 'bulletin']) {
      const b = briefingOf(template);
      const t = registry.get('brief', template);
      for (const pages of [null, 2, 4]) {
        const doc = composeDoc(report, b);
        const c = pages ? condenseBrief(doc, t, pages) : null;
        const model = c ? c.pages : paginateBrief(doc, t).count;
        const file = join(dir, `${name}-${template}-${pages ?? 'full'}.docx`);
        if (c && !c.fits) {
          // the budget is refused with a clear error, and no skeleton of headings is written
          await expect(briefToDocx(report, b, registry, { pages: pages! })).rejects.toThrow(
            /Cannot condense the Word brief/,
          );
          cases.push({ name, template, pages, model, refused: c.floorPages ?? 0 });
          continue;
        }
        writeFileSync(file, await briefToDocx(report, b, registry, pages ? { pages } : {}));
        files.push(file);
        cases.push({ name, template, pages, model });
      }
    }
  }
  await convertToPdf(files, dir, dir);
  for (const c of cases.filter((k) => k.refused === undefined))
    counted.set(
      `${c.name}-${c.template}-${c.pages ?? 'full'}`,
      await pdfPageCount(join(dir, `${c.name}-${c.template}-${c.pages ?? 'full'}.pdf`)),
    );
}, 600_000);

afterAll(() => {
  if (dir && !process.env.KEEP_DOCX_PAGES) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!HAS_SOFFICE)(
  `condensed Word briefs in LibreOffice (${HAS_SOFFICE ? 'soffice found' : NO_SOFFICE})`,
  () => {
    const pagesOf = (c: Case): number => counted.get(`${c.name}-${c.template}-${c.pages ?? 'full'}`) ?? NaN;

    it.each([2, 4])(
      '「压缩到 %i 页」 gives at most that many pages in LibreOffice, for every report and template',
      (n) => {
        const mine = cases.filter((c) => c.pages === n && c.refused === undefined);
        expect(mine.length).toBeGreaterThanOrEqual(n === 4 ? 10 : 6);
        for (const c of mine) expect(pagesOf(c), `${c.name} ${c.template}`).toBeLessThanOrEqual(n);
        // a budget refused is one the headings with a sentence each do not fit
        for (const c of cases.filter((k) => k.pages === n && k.refused !== undefined))
          expect(c.refused, `${c.name} ${c.template}`).toBeGreaterThan(n);
      },
    );

    it("counts the uncondensed brief's pages as LibreOffice sets them, within one page", () => {
      for (const c of cases.filter((k) => k.pages === null))
        expect(
          Math.abs(pagesOf(c) - c.model),
          `${c.name} ${c.template}: model ${c.model}, LibreOffice ${pagesOf(c)}`,
        ).toBeLessThanOrEqual(1);
    });

    it.skipIf(!HAS_SHARED_REPORT)(
      `keeps every top-level heading of the shared district report, each with its text, or refuses the budget (${HAS_SHARED_REPORT ? 'shared report found' : SHARED_REPORT_MISSING})`,
      async () => {
        const report = await sources.district!();
        const doc = composeDoc(report, briefingOf('gbt9704'));
        const t = registry.get('brief', 'gbt9704');
        // its 13 parts with a sentence each and the 版记 take more than two pages: two is refused
        // (no skeleton of headings), and the least budget it names keeps every part
        const two = condenseBrief(doc, t, 2);
        expect(two.fits).toBe(false);
        expect(two.floorPages).toBeGreaterThan(2);
        const four = condenseBrief(doc, t, two.floorPages!);
        const top = (d: typeof doc): string[] =>
          d.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
        expect(four.fits).toBe(true);
        expect(top(four.doc)).toEqual(top(doc));
        four.doc.blocks.forEach((b, i) => {
          if (b.kind === 'heading') expect(four.doc.blocks[i + 1]?.kind, b.text).not.toBe(undefined);
        });
      },
    );
  },
);
