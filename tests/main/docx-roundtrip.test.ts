import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDoc } from '../../content/compose/doc';
import { officialDate } from '../../content/compose/numbering';
import { docToDocx } from '../../main/export/docx';
import { fillOfficeTemplate } from '../../main/export/office-template';
import { builtinRegistry } from '../../templates/registry';
import { emptyFields, type Doc, type DocBlock } from '../../templates/model';
import { briefBriefing, briefReport, FULL_FIELDS } from '../helpers/brief-report';
import { LETTERHEAD, makeOfficeTemplate } from '../helpers/office-docx';
import { ROOT } from '../helpers/paths';
import { convertToPdf, FONTS_CONF, pdfPageCount } from '../helpers/libreoffice';

/**
 * The real round trip: each template's .docx converted to PDF by LibreOffice headless, then read
 * back with poppler (pdfinfo, pdftotext -bbox-layout, pdftoppm). The official fonts are mapped to
 * Noto CJK by a test-only fontconfig, so this measures our layout: 22 lines of 28 characters, the
 * two-character indent, page numbers on the outer side, the red masthead.
 */

const run = promisify(execFile);
const registry = builtinRegistry();
/** rendered pages to look at (git-ignored) */
const ARTIFACTS = join(ROOT, 'tests', 'artifacts', 'brief');

// pure Chinese text without punctuation or digits, so every full line holds exactly 28 characters
const FILLER =
  '全区上下坚持稳中求进工作总基调完整准确全面贯彻新发展理念加快构建新发展格局推动高质量发展取得新成效';
const filler = (n: number, i: number): string =>
  Array.from({ length: n }, (_, k) => FILLER[(k + i * 7) % FILLER.length]).join('');

/** A long brief: a heading, then paragraphs of 148 characters (6 lines each), page after page. */
function longDoc(templateId: string): Doc {
  const blocks: DocBlock[] = [{ kind: 'heading', level: 1, number: '一、', text: '总体情况' }];
  for (let i = 0; i < 24; i++) blocks.push({ kind: 'paragraph', text: `${filler(147, i)}。` });
  blocks.push({ kind: 'heading', level: 2, number: '（一）', text: '主要做法' });
  blocks.push({ kind: 'point', lead: '抓项目扩投资', text: '新开工项目32个，完成投资48.2亿元。' });
  return {
    templateId,
    fields: { ...emptyFields(), ...FULL_FIELDS, date: officialDate(FULL_FIELDS.date) },
    blocks: composeDocBlocksTail(blocks),
  };
}

/** The picture, table and statistics of the test report, appended so every block kind is converted. */
function composeDocBlocksTail(blocks: DocBlock[]): DocBlock[] {
  const report = briefReport();
  const tail = composeDoc(
    report,
    briefBriefing('gbt9704', [
      { id: 'f', ref: { type: 'block', id: 'economy-fig' } },
      { id: 't', ref: { type: 'block', id: 'economy-tab' } },
      { id: 's1', ref: { type: 'stat', id: 'st1' } },
      { id: 's2', ref: { type: 'stat', id: 'st2' } },
    ]),
  ).blocks;
  return [...blocks, ...tail];
}

interface Line {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

/** Every text line of a PDF with its box, from pdftotext -bbox-layout. */
async function pdfLines(
  pdf: string,
): Promise<{ pages: number; width: number; height: number; lines: Line[] }> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const lines: Line[] = [];
  let page = 0;
  let width = 0;
  let height = 0;
  const num = (s: string, name: string): number => Number(new RegExp(`${name}="([\\d.]+)"`).exec(s)?.[1]);
  for (const m of stdout.matchAll(/<page ([^>]*)>|<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
    if (m[1]) {
      page++;
      width = num(m[1], 'width');
      height = num(m[1], 'height');
      continue;
    }
    const a = m[2] ?? '';
    const text = [...(m[3] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ');
    lines.push({
      page,
      xMin: num(a, 'xMin'),
      xMax: num(a, 'xMax'),
      yMin: num(a, 'yMin'),
      yMax: num(a, 'yMax'),
      text,
    });
  }
  return { pages: page, width, height, lines };
}

/** Share of strongly red pixels in the top third of a page, rendered to PPM by pdftoppm. */
async function redShareOfTop(pdf: string, page: number, dir: string): Promise<number> {
  const base = join(dir, `red-${page}`);
  await run('pdftoppm', ['-r', '40', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  const ppm = await readFile(`${base}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PPM');
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  let red = 0;
  const rows = Math.floor(h / 3);
  for (let i = 0; i < w * rows; i++) {
    const [r, g, b] = [data[i * 3] ?? 0, data[i * 3 + 1] ?? 0, data[i * 3 + 2] ?? 0];
    if (r > 200 && g < 90 && b < 90) red++;
  }
  return red / (w * rows);
}

const PT = 1 / 20;
const NAMES = ['gbt9704', 'bulletin', 'plain', 'office'] as const;
type Name = (typeof NAMES)[number];

describe('the Word briefs through LibreOffice', () => {
  let dir: string;
  const pdf = {} as Record<Name, Awaited<ReturnType<typeof pdfLines>> & { path: string }>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docx-roundtrip-'));
    const docs: Record<Name, Uint8Array> = {
      gbt9704: await docToDocx(longDoc('gbt9704'), registry.get('brief', 'gbt9704')),
      bulletin: await docToDocx(longDoc('bulletin'), registry.get('brief', 'bulletin')),
      plain: await docToDocx(longDoc('plain'), registry.get('brief', 'plain')),
      office: await fillOfficeTemplate(
        await makeOfficeTemplate(),
        'office.docx',
        longDoc('gbt9704'),
        registry.get('brief', 'gbt9704'),
      ),
    };
    for (const name of NAMES) await writeFile(join(dir, `${name}.docx`), docs[name]);
    await convertToPdf(
      NAMES.map((n) => join(dir, `${n}.docx`)),
      dir,
      dir,
    );
    for (const name of NAMES) {
      const path = join(dir, `${name}.pdf`);
      pdf[name] = { ...(await pdfLines(path)), path };
    }
    // pages to look at: tests/artifacts/brief/<template>-N.png
    await rm(ARTIFACTS, { recursive: true, force: true });
    await mkdir(ARTIFACTS, { recursive: true });
    for (const name of NAMES)
      await run('pdftoppm', ['-r', '60', '-png', pdf[name].path, join(ARTIFACTS, name)]);
  }, 240_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('converts every template, with the page count pdfinfo reports', async () => {
    for (const name of NAMES) {
      const pages = await pdfPageCount(pdf[name].path);
      expect(pages, name).toBe(pdf[name].pages);
      expect(pages, name).toBeGreaterThanOrEqual(name === 'plain' ? 3 : 7);
    }
  });

  it('embeds the Noto CJK faces the official fonts map to, serif for 仿宋 and sans for 黑体', async () => {
    const { stdout } = await run('pdffonts', [pdf.gbt9704.path], {
      env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
    });
    expect(stdout).toMatch(/NotoSerifCJK/);
    expect(stdout).toMatch(/NotoSansCJK/);
  });

  it('sets gbt9704 body pages at 22 lines of 28 characters, indented two characters', () => {
    const { lines, height } = pdf.gbt9704;
    const top = 2098 * PT;
    const bottom = height - 1984 * PT;
    const left = 1588 * PT;
    for (const page of [2, 3]) {
      const body = lines.filter((l) => l.page === page && l.yMin >= top - 2 && l.yMax <= bottom + 2);
      expect(body, `page ${page}`).toHaveLength(22);
      // one grid line apart: 579 twips = 28.95 pt
      const gaps = body.slice(1).map((l, i) => l.yMin - body[i]!.yMin);
      for (const g of gaps) expect(g).toBeCloseTo(28.95, 0);
      for (const l of body) {
        const chars = [...l.text.replace(/\s/g, '')].length;
        const indented = l.xMin > left + 20;
        if (indented) expect(l.xMin - left, l.text).toBeCloseTo(2 * 15.75, 0);
        // a line that reaches the right margin is full: 28 characters, 26 after the indent
        if (l.xMax > 515 && !l.text.endsWith('。')) expect(chars, l.text).toBe(indented ? 26 : 28);
      }
    }
  });

  it('numbers pages 「— N —」 in the footer: odd pages right, even pages left, one character in', () => {
    const { lines, width, height } = pdf.gbt9704;
    const left = 1588 * PT;
    const right = width - 1474 * PT;
    for (const page of [1, 2, 3, 4]) {
      const number = lines.find((l) => l.page === page && l.yMin > height - 1984 * PT);
      expect(number?.text.replace(/\s/g, ''), `page ${page}`).toBe(`—${page}—`);
      // 7 mm below the type area
      expect(number!.yMin - (height - 1984 * PT)).toBeGreaterThan(15);
      if (page % 2 === 1) expect(right - number!.xMax).toBeCloseTo(14, 0);
      else expect(number!.xMin - left).toBeCloseTo(14, 0);
    }
  });

  it('heads gbt9704 and the bulletin in red, and centres the title', async () => {
    expect(await redShareOfTop(pdf.gbt9704.path, 1, dir)).toBeGreaterThan(0.005);
    expect(await redShareOfTop(pdf.bulletin.path, 1, dir)).toBeGreaterThan(0.01);
    expect(await redShareOfTop(pdf.plain.path, 1, dir)).toBe(0);
    const { lines, width } = pdf.gbt9704;
    const title = lines.find((l) => l.page === 1 && l.text.replace(/\s/g, '') === FULL_FIELDS.title);
    const centre = (1588 * PT + (width - 1474 * PT)) / 2;
    expect(((title?.xMin ?? 0) + (title?.xMax ?? 0)) / 2).toBeCloseTo(centre, -1);
  });

  it('prints the bulletin masthead, the 按语 and the 报尾 on the last page', () => {
    const { lines, pages } = pdf.bulletin;
    const text = (page: number): string =>
      lines
        .filter((l) => l.page === page)
        .map((l) => l.text.replace(/\s/g, ''))
        .join('\n');
    expect(text(1)).toContain('绿园区人民政府办公室工作简报');
    expect(text(1)).toContain('第12期');
    expect(text(1)).toContain('按：现将区上半年工作情况');
    expect(text(pages)).toContain('报：市委办公厅，市政府办公厅。');
    expect(text(pages)).toContain('（共印50份）');
  });

  it("keeps the office's letterhead and fills its placeholders", () => {
    const all = pdf.office.lines.map((l) => l.text.replace(/\s/g, '')).join('\n');
    expect(all).toContain(LETTERHEAD);
    expect(all).toContain(FULL_FIELDS.title);
    expect(all).toContain('日期：2022年7月5日');
    expect(all).toContain('一、总体情况');
    expect(all).not.toContain('{{');
  });

  it('writes the rendered pages for a person to look at', async () => {
    const files = await readdir(ARTIFACTS);
    for (const name of NAMES)
      expect(files.some((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))).toBe(true);
  });
});
