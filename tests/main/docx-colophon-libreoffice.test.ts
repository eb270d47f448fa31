import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDoc } from '../../content/compose/doc';
import { emptyBriefing, emptyFields, type BriefingItem } from '../../content/model/briefing';
import { docToDocx } from '../../main/export/docx';
import { paginateBrief } from '../../templates/brief/paginate';
import { builtinRegistry } from '../../templates/registry';
import { briefReport } from '../helpers/brief-report';
import { convertToPdf, pdfPageCount } from '../helpers/libreoffice';

/**
 * The 版记 and the 报尾 as LibreOffice sets them: the .docx converted to PDF, its last page
 * rasterised at 72 dpi (one pixel a point), and the full-width rules found in the pixels. The last
 * rule must lie on the bottom edge of the type area and span it from margin to margin, both when
 * the block fits under the last text and when it opens a page of its own.
 */

const run = promisify(execFile);
const HAS_SOFFICE = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const NO_SOFFICE = 'needs LibreOffice (soffice) and poppler (pdftoppm), not installed';

const registry = builtinRegistry();
const report = briefReport();
const fields = {
  ...emptyFields(),
  unit: '青禾区人民政府办公室',
  date: '2024年7月10日',
  cc: '区委办公室，区人大常委会办公室',
  printedBy: '青禾区人民政府办公室',
  reportTo: '市委办公室',
  sendTo: '区委各部门',
  issueTo: '各街道、镇',
  copies: '40',
};
const POINT: BriefingItem = { id: 'i-block-theory-p1', ref: { type: 'block', id: 'theory-p1' } };
const points = (n: number): BriefingItem[] =>
  Array.from({ length: n }, (_, i) => ({ ...POINT, id: `${POINT.id}-${i}` }));
const briefOf = (template: string, n: number) =>
  composeDoc(report, { ...emptyBriefing(), briefTemplate: template, fields, items: points(n) });

/** A PGM (P5) image's rows: the grey level of each pixel. */
function readPgm(bytes: Buffer): { width: number; height: number; at: (x: number, y: number) => number } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const [whole, w, h] = header;
  const width = Number(w);
  const data = bytes.subarray(whole.length);
  return { width, height: Number(h), at: (x, y) => data[y * width + x] ?? 255 };
}

/** Rows (in points from the top) crossed by a dark line at least 90% of the type area wide, with its ends. */
function fullRules(pgm: ReturnType<typeof readPgm>, left: number, right: number) {
  const rules: Array<{ y: number; from: number; to: number }> = [];
  for (let y = 0; y < pgm.height; y++) {
    let from = -1;
    let to = -1;
    let dark = 0;
    for (let x = 0; x < pgm.width; x++)
      if (pgm.at(x, y) < 160) {
        dark++;
        if (from < 0) from = x;
        to = x;
      }
    if (dark >= 0.9 * (right - left)) rules.push({ y, from, to });
  }
  return rules;
}

interface Case {
  name: string;
  template: string;
  n: number;
  pages: number;
  newPage: boolean;
}
const cases: Case[] = [];
let dir = '';

beforeAll(async () => {
  if (!HAS_SOFFICE) return;
  dir = mkdtempSync(join(tmpdir(), 'docx-colophon-'));
  const files: string[] = [];
  for (const template of ['gbt9704', 'bulletin']) {
    const t = registry.get('brief', template);
    // a short brief, and the fewest points that push the block onto a page of its own
    // (gbt9704: the fewest that fill an even page, so the 版记 goes after a blank page — GB/T 9704
    // wants it on an even page, and a short brief already sends it to page 2)
    const full = Array.from({ length: 80 }, (_, i) => i + 1).find((k) => {
      const c = paginateBrief(briefOf(template, k), t).colophon;
      return template === 'gbt9704' ? c?.blank : c?.newPage;
    })!;
    for (const n of [2, full]) {
      const doc = briefOf(template, n);
      const p = paginateBrief(doc, t);
      const name = `${template}-${n}`;
      writeFileSync(join(dir, `${name}.docx`), await docToDocx(doc, t));
      files.push(join(dir, `${name}.docx`));
      cases.push({ name, template, n, pages: p.count, newPage: p.colophon?.newPage ?? false });
    }
  }
  await convertToPdf(files, dir, dir);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!HAS_SOFFICE)(
  `the 版记 and 报尾 in LibreOffice (${HAS_SOFFICE ? 'soffice found' : NO_SOFFICE})`,
  () => {
    it('covers a block under the text and a block on a page of its own, for both templates', () => {
      expect(cases.map((c) => c.newPage)).toEqual([true, true, false, true]);
      for (const c of cases.filter((x) => x.template === 'gbt9704')) expect(c.pages % 2, c.name).toBe(0);
    });

    it('sets the last rule on the bottom edge of the type area, spanning it, on the page the preview says', async () => {
      for (const c of cases) {
        const pdf = join(dir, `${c.name}.pdf`);
        const count = await pdfPageCount(pdf);
        expect(count, c.name).toBe(c.pages);
        await run('pdftoppm', [
          '-gray',
          '-r',
          '72',
          '-f',
          String(count),
          '-l',
          String(count),
          pdf,
          join(dir, c.name),
        ]);
        const png = readPgm(readFileSync(join(dir, `${c.name}-${count}.pgm`)));
        const t = registry.get('brief', c.template);
        const left = t.page.margins.left / 20;
        const right = (t.page.width - t.page.margins.right) / 20;
        const bottom = (t.page.height - t.page.margins.bottom) / 20;
        const rules = fullRules(png, left, right);
        expect(rules.length, c.name).toBeGreaterThanOrEqual(3);
        const last = rules[rules.length - 1]!;
        expect(
          Math.abs(last.y - bottom),
          `${c.name}: last rule at ${last.y} pt, type area ends at ${bottom}`,
        ).toBeLessThanOrEqual(2);
        for (const r of rules.slice(-3)) {
          expect(Math.abs(r.from - left), `${c.name} rule at ${r.y} starts at ${r.from}`).toBeLessThanOrEqual(
            2,
          );
          expect(Math.abs(r.to - right), `${c.name} rule at ${r.y} ends at ${r.to}`).toBeLessThanOrEqual(2);
        }
      }
    });
  },
);
