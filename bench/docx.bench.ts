import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '../content/import';
import { emptyBriefing, type Briefing } from '../content/model/briefing';
import {
  REPORT_FORMAT,
  REPORT_VERSION,
  ReportSchema,
  type Block,
  type Report,
  type Section,
} from '../content/model/report';
import { briefToDocx } from '../main/export/docx';
import { builtinRegistry } from '../templates/registry';
import { DISTRICT_REPORT_PATH } from '../tests/helpers/paths';
import { makePng } from '../tests/helpers/brief-report';
import { convertToPdf, pdfPageCount } from '../tests/helpers/libreoffice';
import { recordFigure, summarize, timeRuns } from './figures';

/**
 * Word export speed: the shared district report to .docx, and a generated 50-page briefing with
 * 20 pictures and 10 tables (the docx library is known to slow down on large documents). The same
 * large content goes through pandoc (markdown → docx) as a reference figure when pandoc is there.
 */

const run = promisify(execFile);
const registry = builtinRegistry();

/** A photo-sized PNG (640 × 480) with noise, so it compresses like a picture, not like a flat colour. */
function photoPng(seed: number): Uint8Array {
  let s = seed * 2654435761;
  return makePng(640, 480, (x, y): [number, number, number] => {
    s = (s * 1103515245 + 12345) >>> 0;
    const n = (s >>> 24) & 31;
    return [Math.floor((x * 224) / 640) + n, Math.floor((y * 224) / 480) + n, 128 + n];
  });
}

const TEXT =
  '全区上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，推动高质量发展取得新成效。上半年引进内资21.59亿元，固定资产投资同比增长2%，增速位列五城区首位。';

/**
 * A report that fills about 50 pages in gbt9704: 10 sections, each with 3 subsections of 5 points
 * and 2 paragraphs, 2 pictures and 1 table (8 rows) per section.
 */
function largeReport(): Report {
  const assets: Report['assets'] = {};
  const figures: Report['figures'] = [];
  const sections: Section[] = [];
  for (let s = 0; s < 10; s++) {
    const subs: Section[] = [];
    for (let u = 0; u < 3; u++) {
      const blocks: Block[] = [];
      for (let p = 0; p < 5; p++)
        blocks.push({ kind: 'point', id: `p${s}-${u}-${p}`, lead: `抓好第${p + 1}项重点工作`, text: TEXT });
      for (let p = 0; p < 2; p++)
        blocks.push({ kind: 'paragraph', id: `q${s}-${u}-${p}`, text: TEXT + TEXT });
      subs.push({ id: `s${s}-${u}`, level: 2, title: `第${u + 1}方面工作`, blocks, sections: [] });
    }
    const blocks: Block[] = [];
    for (let i = 0; i < 2; i++) {
      const n = s * 2 + i;
      assets[`a${n}`] = { mime: 'image/png', data: Buffer.from(photoPng(n + 1)).toString('base64') };
      figures.push({
        id: `f${n}`,
        kind: 'image',
        caption: `现场照片${n + 1}`,
        sectionId: `s${s}`,
        blockId: `fb${n}`,
        assetId: `a${n}`,
      });
      blocks.push({ kind: 'figure', id: `fb${n}`, figureId: `f${n}` });
    }
    figures.push({
      id: `t${s}`,
      kind: 'table',
      caption: `第${s + 1}部分主要指标`,
      sectionId: `s${s}`,
      blockId: `tb${s}`,
      rows: [
        ['指标', '上半年', '同比', '备注'],
        ...Array.from({ length: 8 }, (_, r) => [
          `指标${r + 1}`,
          `${(r + 1) * 12.5}亿元`,
          `${r - 3}%`,
          '按计划推进',
        ]),
      ],
    });
    blocks.push({ kind: 'table', id: `tb${s}`, figureId: `t${s}` });
    sections.push({ id: `s${s}`, level: 1, title: `第${s + 1}部分工作`, blocks, sections: subs });
  }
  return ReportSchema.parse({
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    title: '绿园区2022年上半年工作总结（基准测试）',
    dateline: [],
    source: { name: 'bench.txt', format: 'txt' },
    raw: [],
    assets,
    decisions: { repairs: {}, roles: {} },
    sections,
    stats: [],
    figures,
    repairs: [],
  });
}

function briefing(template: string): Briefing {
  const b = emptyBriefing();
  return {
    ...b,
    output: 'brief',
    briefTemplate: template,
    fields: {
      ...b.fields,
      unit: '绿园区人民政府办公室',
      date: '2022-07-15',
      docNumber: '绿府办〔2022〕12号',
    },
  };
}

/** The same large content as markdown with picture files, for pandoc. */
async function asMarkdown(report: Report, dir: string): Promise<string> {
  const out: string[] = [`# ${report.title}`, ''];
  for (const figure of report.figures)
    if (figure.assetId)
      await writeFile(
        join(dir, `${figure.id}.png`),
        Buffer.from(report.assets[figure.assetId]!.data, 'base64'),
      );
  const walk = (s: Section, depth: number): void => {
    out.push(`${'#'.repeat(depth + 1)} ${s.title}`, '');
    for (const b of s.blocks) {
      if (b.kind === 'point') out.push(`**${b.lead}。**${b.text}`, '');
      else if (b.kind === 'paragraph') out.push(b.text, '');
      else {
        const f = report.figures.find((x) => x.id === b.figureId)!;
        if (f.kind === 'image') out.push(`![${f.caption}](${f.id}.png)`, '');
        else {
          const [head, ...rows] = f.rows ?? [];
          out.push(
            `| ${head!.join(' | ')} |`,
            `|${head!.map(() => '---').join('|')}|`,
            ...rows.map((r) => `| ${r.join(' | ')} |`),
            '',
            `表：${f.caption}`,
            '',
          );
        }
      }
    }
    s.sections.forEach((c) => walk(c, depth + 1));
  };
  report.sections.forEach((s) => walk(s, 1));
  return out.join('\n');
}

/** Pages LibreOffice makes of it, to show the document is as long as the figure says; null without soffice. */
async function pdfPages(docx: Uint8Array, dir: string): Promise<number | null> {
  try {
    const file = join(dir, 'large.docx');
    await writeFile(file, docx);
    await convertToPdf([file], dir, dir);
    return await pdfPageCount(join(dir, 'large.pdf'));
  } catch {
    return null;
  }
}

describe('Word export speed', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docx-bench-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the shared district report to .docx', async () => {
    const bytes = await readFile(DISTRICT_REPORT_PATH);
    const t0 = performance.now();
    const report = await importReport({ name: 'district-midyear-2022.txt', bytes });
    const importMs = performance.now() - t0;
    const b = briefing('gbt9704');
    let size = 0;
    const times = await timeRuns(
      async () => {
        size = (await briefToDocx(report, b, registry)).length;
      },
      20,
      3,
    );
    const { median, p95 } = summarize(times);
    expect(size).toBeGreaterThan(5000);
    recordFigure({
      name: 'docx: shared fixture briefing → .docx (compose + write)',
      value: median,
      unit: 'ms',
      target: 150,
      note: `p95 ${p95.toFixed(1)} ms; import once ${importMs.toFixed(1)} ms; ${(size / 1024).toFixed(0)} KB`,
    });
  });

  it('a 50-page briefing with 20 pictures and 10 tables to .docx', async () => {
    const report = largeReport();
    const b = briefing('gbt9704');
    let out: Uint8Array = new Uint8Array();
    const times = await timeRuns(
      async () => {
        out = await briefToDocx(report, b, registry);
      },
      5,
      1,
    );
    const { median, p95 } = summarize(times);
    const pages = await pdfPages(out, dir);
    recordFigure({
      name: 'docx: 50-page briefing, 20 pictures, 10 tables → .docx',
      value: median,
      unit: 'ms',
      target: 3000,
      note: `p95 ${p95.toFixed(0)} ms; ${(out.length / 1048576).toFixed(1)} MB; ${pages ?? '?'} pages in LibreOffice`,
    });
    expect(out.length).toBeGreaterThan(1_000_000);

    if (existsSync('/usr/bin/pandoc')) {
      const md = join(dir, 'large.md');
      await writeFile(md, await asMarkdown(report, dir));
      const pandocTimes = await timeRuns(
        () => run('pandoc', [md, '-o', join(dir, 'pandoc.docx')], { cwd: dir }),
        3,
        1,
      );
      recordFigure({
        name: 'docx: same content via pandoc (markdown → docx, reference)',
        value: summarize(pandocTimes).median,
        unit: 'ms',
        note: 'includes starting the pandoc process',
      });
    }
  });
});
