import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftBriefing } from '../../content/briefing/edit';
import { composeDeck } from '../../content/compose/deck';
import { importReport } from '../../content/import';
import { emptyBriefing, type Briefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { briefToDocx } from '../../main/export/docx';
import { briefToOfficeDocx } from '../../main/export/office-template';
import { deckToPptx } from '../../main/export/pptx';
import { repairPptxParts } from '../../main/export/pptx-package';
import { builtinRegistry } from '../../templates/registry';
import { LOGO_PNG } from '../fixtures/deck/png';
import { allLayouts } from '../fixtures/deck/reports';
import { briefBriefing, briefReport } from '../helpers/brief-report';
import { findAll, parseXml } from '../helpers/ooxml';
import { duplicateAttributes, orderProblems, packageProblems } from '../helpers/ooxml-schema';
import { makeOfficeTemplate } from '../helpers/office-docx';
import { REPORTS_DIR } from '../helpers/paths';

/**
 * The .pptx and .docx packages we write hold to the OOXML schema where Word, PowerPoint and WPS
 * check it (LibreOffice forgives what they repair): element order and single elements against
 * ECMA-376's sequences (tests/helpers/ooxml-schema.ts), a content type for every part and none for
 * a missing one, every relationship pointing at a part, no zip directory entries, every shape with
 * a text body. Run over decks and briefs of every test report in every built-in theme and template,
 * and over the deck and brief fixtures that carry pictures, tables and charts.
 */

const registry = builtinRegistry();

interface Package {
  name: string;
  files: Record<string, Uint8Array>;
  xml: Record<string, string>;
}

function open(name: string, bytes: Uint8Array): Package {
  const files = unzipSync(bytes);
  const xml: Record<string, string> = {};
  for (const [path, data] of Object.entries(files))
    if (/\.(xml|rels)$/.test(path)) xml[path] = strFromU8(data);
  return { name, files, xml };
}

const reports: { name: string; report: Report }[] = [];
const decks: Package[] = [];
const briefs: Package[] = [];

beforeAll(async () => {
  for (const file of readdirSync(REPORTS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort())
    reports.push({
      name: file,
      report: await importReport({
        name: file,
        bytes: new Uint8Array(readFileSync(join(REPORTS_DIR, file))),
      }),
    });
  const layouts = allLayouts();
  const deckInputs: { name: string; report: Report; briefing: Briefing }[] = [
    ...reports.map((r) => ({
      name: r.name,
      report: r.report,
      briefing: draftBriefing(r.report, emptyBriefing(), 'deck'),
    })),
    { name: 'all-layouts', ...layouts },
  ];
  for (const input of deckInputs)
    for (const themeId of registry.ids('deck')) {
      const theme = registry.get('deck', themeId);
      const deck = composeDeck(input.report, { ...input.briefing, deckTemplate: themeId }, theme, {
        logo: { mime: 'image/png', data: LOGO_PNG },
      });
      decks.push(open(`${input.name} in ${themeId}`, await deckToPptx(deck, theme)));
    }
  const office = await makeOfficeTemplate();
  const briefInputs: { name: string; report: Report; briefing: (t: string) => Briefing }[] = [
    ...reports.map((r) => ({
      name: r.name,
      report: r.report,
      briefing: (t: string) => ({ ...draftBriefing(r.report, emptyBriefing(), 'brief'), briefTemplate: t }),
    })),
    { name: 'brief-report', report: briefReport(), briefing: (t: string) => briefBriefing(t) },
  ];
  for (const input of briefInputs) {
    for (const templateId of registry.ids('brief'))
      briefs.push(
        open(
          `${input.name} in ${templateId}`,
          await briefToDocx(input.report, input.briefing(templateId), registry),
        ),
      );
    briefs.push(
      open(
        `${input.name} in an office template`,
        await briefToOfficeDocx(input.report, input.briefing('gbt9704'), registry, {
          name: '模板.docx',
          bytes: office,
        }),
      ),
    );
  }
}, 240_000);

/** Every problem of every XML part of the packages, named by package and part. */
function problemsOf(packages: Package[], vocabulary: 'pptx' | 'docx', parts: RegExp): string[] {
  const out: string[] = [];
  for (const pkg of packages)
    for (const [path, text] of Object.entries(pkg.xml)) {
      if (!parts.test(path)) continue;
      for (const p of [...orderProblems(text, vocabulary), ...duplicateAttributes(text)])
        out.push(`${pkg.name} ${path}${p}`);
    }
  return [...new Set(out)];
}

describe('the schema-order check itself', () => {
  it('finds a second a:pPr after a run, a missing effect list, a list out of order and an unknown parent', () => {
    expect(
      orderProblems('<a:p><a:pPr/><a:r><a:t>1</a:t></a:r><a:pPr/><a:r><a:t>万</a:t></a:r></a:p>', 'pptx'),
    ).toEqual(['/a:p: <a:pPr> out of order']);
    expect(orderProblems('<a:p><a:pPr/><a:pPr/></a:p>', 'pptx')).toEqual(['/a:p: a second <a:pPr>']);
    expect(
      orderProblems('<p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></p:bgPr>', 'pptx'),
    ).toEqual(['/p:bgPr: no <a:effectLst|a:effectDag>']);
    expect(
      orderProblems(
        '<p:presentation><p:sldIdLst/><p:notesMasterIdLst/><p:notesSz cx="1" cy="1"/></p:presentation>',
        'pptx',
      ),
    ).toEqual(['/p:presentation: <p:notesMasterIdLst> out of order']);
    expect(orderProblems('<w:rPr><w:sz w:val="32"/><w:rFonts w:eastAsia="仿宋"/></w:rPr>', 'docx')).toEqual([
      '/w:rPr: <w:rFonts> out of order',
    ]);
    expect(orderProblems('<x:unknown><x:child/></x:unknown>', 'docx')).toEqual([
      '/x:unknown: no schema order for <x:unknown>',
    ]);
    expect(duplicateAttributes('<a:rPr lang="zh-CN" b="1" lang="en-US"/>')).toEqual([
      '<a:rPr> has lang twice',
    ]);
  });

  it('finds content types for missing parts, parts without one, dangling relationships and directories', () => {
    const xml = {
      '[Content_Types].xml':
        '<Types><Default Extension="rels" ContentType="r"/><Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="m"/></Types>',
      '_rels/.rels': '<Relationships><Relationship Id="rId1" Target="ppt/presentation.xml"/></Relationships>',
    };
    const files = {
      ...Object.fromEntries(Object.keys(xml).map((k) => [k, new Uint8Array()])),
      'ppt/': new Uint8Array(),
    };
    expect(packageProblems(files, xml)).toEqual([
      'directory entry ppt/',
      'content type for a missing part ppt/slideMasters/slideMaster2.xml',
      '_rels/.rels: rId1 points at a missing part ppt/presentation.xml',
    ]);
  });
});

describe('the PowerPoint package', () => {
  it('covers every test report and every built-in theme, with charts, pictures and tables', () => {
    expect(reports.length).toBeGreaterThanOrEqual(4);
    expect(decks).toHaveLength((reports.length + 1) * registry.ids('deck').length);
    const all = decks.flatMap((d) => Object.values(d.xml)).join('');
    for (const kind of ['<c:barChart>', '<c:lineChart>', '<p:pic>', '<a:tbl>', '<p:notes '])
      expect(all, kind).toContain(kind.replace(' ', ''));
  });

  it('writes every part in the schema order, each single element once, no attribute twice', () => {
    expect(problemsOf(decks, 'pptx', /\.(xml|rels)$/).slice(0, 20)).toEqual([]);
  });

  it('declares a content type for exactly the parts present, and every relationship finds its part', () => {
    for (const d of decks) expect(packageProblems(d.files, d.xml), d.name).toEqual([]);
    // one slide master, declared once
    for (const d of decks)
      expect(d.xml['[Content_Types].xml']!.match(/slideMaster\d+\.xml/g), d.name).toEqual([
        'slideMaster1.xml',
      ]);
  });

  it('gives every shape a text body, every solid background an effect list, one a:pPr per paragraph', () => {
    for (const d of decks)
      for (const [path, text] of Object.entries(d.xml)) {
        if (!/^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/.test(path))
          continue;
        const root = parseXml(text);
        for (const sp of findAll(root, 'p:sp'))
          expect(
            sp.children.some((c) => c.name === 'p:txBody'),
            `${d.name} ${path}`,
          ).toBe(true);
        for (const bg of findAll(root, 'p:bgPr'))
          expect(
            bg.children.some((c) => c.name === 'a:effectLst'),
            `${d.name} ${path}`,
          ).toBe(true);
        for (const p of findAll(root, 'a:p')) {
          const props = p.children.filter((c) => c.name === 'a:pPr');
          expect(props.length, `${d.name} ${path}`).toBeLessThanOrEqual(1);
          if (props.length) expect(p.children[0]!.name).toBe('a:pPr');
        }
        // shape ids are unique on a slide: PowerPoint renumbers (repairs) duplicates
        const ids = findAll(root, 'p:cNvPr').map((n) => n.attrs.id);
        expect(new Set(ids).size, `${d.name} ${path}`).toBe(ids.length);
      }
  });

  it('keeps the 数说 number, its unit and qualifier in one paragraph with its properties first', () => {
    // the mixed-size paragraph is the one pptxgenjs wrote a pPr for per run
    const mixed = decks.flatMap((d) =>
      Object.entries(d.xml)
        .filter(([p]) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
        .flatMap(([, text]) => findAll(parseXml(text), 'a:p'))
        .filter((p) => new Set(findAll(p, 'a:rPr').map((r) => r.attrs.sz)).size > 1),
    );
    expect(mixed.length).toBeGreaterThan(0);
    for (const p of mixed) {
      expect(p.children.filter((c) => c.name === 'a:pPr')).toHaveLength(1);
      expect(p.children[0]!.name).toBe('a:pPr');
    }
  });

  it('leaves the notes master without the placeholders PowerPoint strips, on a theme of its own, and places the notes', () => {
    for (const d of decks) {
      const master = parseXml(d.xml['ppt/notesMasters/notesMaster1.xml']!);
      expect(findAll(master, 'p:sp'), d.name).toHaveLength(0);
      const rels = d.xml['ppt/notesMasters/_rels/notesMaster1.xml.rels']!;
      expect(rels).toContain('../theme/theme2.xml');
      expect(d.files['ppt/theme/theme2.xml']).toBeDefined();
      const notes = Object.entries(d.xml).filter(([p]) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(p));
      expect(notes.length).toBeGreaterThan(0);
      for (const [path, text] of notes)
        for (const sp of findAll(parseXml(text), 'p:sp'))
          expect(findAll(sp, 'a:off'), `${d.name} ${path}`).toHaveLength(1);
    }
  });

  it('counts in docProps/app.xml what the package holds', () => {
    for (const d of decks) {
      const app = parseXml(d.xml['docProps/app.xml']!);
      const slides = Object.keys(d.files).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p)).length;
      const notes = Object.keys(d.files).filter((p) =>
        /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(p),
      ).length;
      expect(Number(findAll(app, 'Slides')[0]?.text), d.name).toBe(slides);
      expect(Number(findAll(app, 'Notes')[0]?.text), d.name).toBe(notes);
      const pairs = findAll(findAll(app, 'HeadingPairs')[0]!, 'vt:i4').reduce(
        (n, i) => n + Number(i.text),
        0,
      );
      const titles = findAll(app, 'TitlesOfParts')[0]!;
      expect(findAll(titles, 'vt:lpstr'), d.name).toHaveLength(pairs);
      expect(Number(findAll(titles, 'vt:vector')[0]!.attrs.size)).toBe(pairs);
    }
  });

  it('writes the chart workbooks as clean packages too', () => {
    let workbooks = 0;
    for (const d of decks)
      for (const [path, data] of Object.entries(d.files)) {
        if (!path.endsWith('.xlsx')) continue;
        workbooks++;
        const inner = open(path, data);
        expect(packageProblems(inner.files, inner.xml), `${d.name} ${path}`).toEqual([]);
      }
    expect(workbooks).toBeGreaterThan(0);
  });

  it('repairs only what is broken: a second pass changes nothing', () => {
    const d = decks[decks.length - 1]!;
    const parts = new Map<string, string | Uint8Array>(
      Object.entries(d.files).map(([p, data]) => [p, p in d.xml ? d.xml[p]! : data]),
    );
    const again = repairPptxParts(parts);
    for (const [path, text] of Object.entries(d.xml)) expect(again.get(path), path).toBe(text);
    expect([...again.keys()].sort()).toEqual(Object.keys(d.files).sort());
  });
});

describe('the Word package', () => {
  it('covers every test report in every built-in template and an office template, with pictures and tables', () => {
    expect(briefs).toHaveLength((reports.length + 1) * (registry.ids('brief').length + 1));
    const all = briefs.flatMap((d) => Object.values(d.xml)).join('');
    for (const kind of ['<w:tbl>', '<pic:pic', '<w:sectPr', '<w:footerReference'])
      expect(all, kind).toContain(kind);
  });

  it('writes every part in the schema order: w:pPr, w:rPr, w:sectPr, tables and styles', () => {
    expect(problemsOf(briefs, 'docx', /\.(xml|rels)$/).slice(0, 20)).toEqual([]);
  });

  it('declares a content type for exactly the parts present, and every relationship finds its part', () => {
    for (const d of briefs) expect(packageProblems(d.files, d.xml), d.name).toEqual([]);
  });
});
