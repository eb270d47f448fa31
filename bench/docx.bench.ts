import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '../content/import';
import type { Report, Section } from '../content/model/report';
import { briefToDocx } from '../main/export/docx';
import { builtinRegistry } from '../templates/registry';
import { REPORT_PATH } from '../tests/helpers/paths';
import { convertToPdf, pdfPageCount } from '../tests/helpers/libreoffice';
import { recordFigure, summarize, timeRuns } from './figures';
import { briefing, largeReport } from './large-brief';

/**
 * Word export speed: a newspaper report of our own to .docx, and a generated 50-page briefing with
 * 20 pictures and 10 tables (the docx library is known to slow down on large documents). The same
 * large content goes through pandoc (markdown → docx) as a reference figure when pandoc is there.
 */

const run = promisify(execFile);
const registry = builtinRegistry();

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

  it('a newspaper report to .docx', async () => {
    const bytes = await readFile(REPORT_PATH);
    const t0 = performance.now();
    const report = await importReport({ name: 'qinghe-midyear-2023.txt', bytes });
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
      name: 'docx: newspaper report briefing → .docx (compose + write)',
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
