import { beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { composeDoc } from '../../content/compose/doc';
import { MAX_OFFICE_TEMPLATE_BYTES, type BriefingItem } from '../../content/model/briefing';
import { BilingualError } from '../../content/util/errors';
import { fillOfficeTemplate, inspectOfficeTemplate } from '../../main/export/office-template';
import { buildOutput } from '../../main/export';
import { builtinRegistry } from '../../templates/registry';
import { briefBriefing, briefReport, FULL_FIELDS } from '../helpers/brief-report';
import { HEADER_TEXT, LETTERHEAD, LOGO, makeOfficeTemplate } from '../helpers/office-docx';
import { attrOf, find, findAll, paragraphs, parseXml, readDocx, unzipDocx } from '../helpers/ooxml';

const registry = builtinRegistry();
const report = briefReport();
const items: BriefingItem[] = [
  { id: 'a', ref: { type: 'section', id: 'economy' } },
  { id: 'b', ref: { type: 'block', id: 'economy-p2' } },
  { id: 'c', ref: { type: 'block', id: 'economy-fig' } },
];

async function rejection(p: Promise<unknown>): Promise<BilingualError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof BilingualError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe("filling an office's own Word template", () => {
  let template: Uint8Array;
  let out: ReturnType<typeof readDocx>;

  beforeAll(async () => {
    template = await makeOfficeTemplate();
    const doc = composeDoc(report, briefBriefing('gbt9704', items, FULL_FIELDS));
    out = readDocx(
      await fillOfficeTemplate(template, '本单位模板.docx', doc, registry.get('brief', 'gbt9704')),
    );
  });

  it('finds the placeholders, including {{title}} split over runs by Word', async () => {
    expect(unzipDocx(template).xml['word/document.xml']).toContain(
      '<w:t xml:space="preserve">{{ti</w:t></w:r><w:proofErr',
    );
    const keys = await inspectOfficeTemplate(template, 't.docx');
    expect(keys.sort()).toEqual(['body', 'date', 'issue_no', 'issuer', 'subtitle', 'title']);
  });

  it('fills every placeholder and leaves none behind, in the body and the header', () => {
    const texts = paragraphs(out.document).map((p) => p.text);
    expect(texts).toContain(FULL_FIELDS.title);
    expect(texts).toContain('第12期');
    expect(texts).toContain('日期：2022年7月5日');
    expect(texts).toContain(FULL_FIELDS.subtitle);
    for (const xml of Object.values(out.xml)) expect(xml).not.toMatch(/\{\{|\}\}/);
    const header = Object.entries(out.xml).find(([name]) => /^word\/header\d+\.xml$/.test(name));
    expect(paragraphs(parseXml(header![1])).map((p) => p.text)).toEqual([
      `${HEADER_TEXT} ${FULL_FIELDS.unit}`,
    ]);
  });

  it('keeps the formatting of the split placeholder’s run', () => {
    const title = paragraphs(out.document).find((p) => p.text === FULL_FIELDS.title)!;
    const filled = title.runs.find((r) => r.text === FULL_FIELDS.title)!;
    expect(find(filled.node, 'w:b')).toBeDefined();
    expect(attrOf(filled.rPr, 'w:sz', 'w:val')).toBe('44');
  });

  it('leaves their letterhead, logo and styles as they made them', async () => {
    const before = readDocx(template);
    const letterhead = (d: ReturnType<typeof readDocx>) =>
      paragraphs(d.document).find((p) => p.text === LETTERHEAD)!;
    const a = letterhead(before);
    const b = letterhead(out);
    expect(attrOf(b.runs[0]?.rPr, 'w:color', 'w:val')).toBe('FF0000');
    expect(attrOf(b.runs[0]?.rPr, 'w:rFonts', 'w:ascii')).toBe('方正小标宋简体');
    expect(JSON.stringify(b.node)).toBe(JSON.stringify(a.node));
    expect(paragraphs(out.document)[0]?.text).toBe(LETTERHEAD);
    const logo = Object.entries(out.files).find(
      ([n, data]) => n.startsWith('word/media/') && data.length === LOGO.length,
    );
    expect(logo?.[1]).toEqual(LOGO);
    expect(findAll(out.styles, 'w:style').some((s) => s.attrs['w:styleId'] === 'OfficeBody')).toBe(true);
  });

  it('puts the brief’s body where {{body}} was, in the official body format', () => {
    const texts = paragraphs(out.document).map((p) => p.text);
    const heading = texts.indexOf('一、稳住经济运行基本盘');
    expect(heading).toBeGreaterThan(texts.indexOf('日期：2022年7月5日'));
    expect(texts.indexOf('附件：无')).toBeGreaterThan(heading);
    expect(texts.slice(heading, heading + 3)).toEqual([
      '一、稳住经济运行基本盘',
      '——抓项目扩投资。新开工项目32个。',
      '',
    ]);
    const point = paragraphs(out.document).find((p) => p.text.startsWith('——抓项目扩投资'))!;
    expect(attrOf(point.runs[0]?.rPr, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attrOf(point.pPr, 'w:ind', 'w:firstLineChars')).toBe('200');
    // the body's picture comes with it
    const drawings = findAll(out.document, 'a:blip');
    expect(drawings.length).toBe(1);
    const rels = findAll(parseXml(out.xml['word/_rels/document.xml.rels']!), 'Relationship');
    const target = rels.find((r) => r.attrs.Id === drawings[0]!.attrs['r:embed'])?.attrs.Target ?? '';
    expect(Object.keys(out.files)).toContain(`word/${target.replace(/^\//, '').replace(/^word\//, '')}`);
    expect(texts).toContain('图1　西新镇裴家村田园综合体');
  });

  it('is what the docx export gives when an office template is chosen', async () => {
    const built = await buildOutput('docx', report, briefBriefing('gbt9704', items, FULL_FIELDS), registry, {
      officeTemplate: { name: 'x.docx', bytes: template },
    });
    expect(built.fileName).toBe(`${FULL_FIELDS.title}.docx`);
    const texts = paragraphs(readDocx(built.bytes).document).map((p) => p.text);
    expect(texts[0]).toBe(LETTERHEAD);
    expect(texts).toContain('一、稳住经济运行基本盘');
  });
});

describe('refusing a template that cannot be filled', () => {
  it('refuses a template without {{body}}, saying so in Chinese and English', async () => {
    const err = await rejection(
      inspectOfficeTemplate(await makeOfficeTemplate({ withoutBody: true }), '旧模板.docx'),
    );
    expect(err.code).toBe('office-template-no-body');
    expect(err.messageZh).toContain('旧模板.docx');
    expect(err.messageZh).toContain('{{body}}');
    expect(err.messageEn).toContain('{{body}}');
  });

  it('refuses bytes that are not a Word document', async () => {
    expect((await rejection(inspectOfficeTemplate(strToU8('just text'), 'a.docx'))).code).toBe(
      'office-template-invalid',
    );
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    expect((await rejection(inspectOfficeTemplate(zip, 'b.docx'))).code).toBe('office-template-invalid');
  });

  it('holds a template to the one size limit the desk and the command line use', async () => {
    const big = new Uint8Array(MAX_OFFICE_TEMPLATE_BYTES + 1);
    big.set(await makeOfficeTemplate());
    const err = await rejection(inspectOfficeTemplate(big, '大模板.docx'));
    expect(err.code).toBe('office-template-too-large');
    expect(err.messageZh).toContain('10 MB');
    expect(err.messageEn).toContain('10 MB');
  });

  it('refuses before composing anything when the export is asked for', async () => {
    const bad = await makeOfficeTemplate({ withoutBody: true });
    const err = await rejection(
      buildOutput('docx', report, briefBriefing('gbt9704'), registry, {
        officeTemplate: { name: 'x.docx', bytes: bad },
      }),
    );
    expect(err.code).toBe('office-template-no-body');
    expect(Object.keys(unzipDocx(bad).files)).toContain('word/document.xml');
  });
});

describe('placeholders are the template’s own, never the report’s', () => {
  it('leaves 「{{title}}」 written in the report text as it is, and the fields as written', async () => {
    const quoting = structuredClone(report);
    const economy = quoting.sections.find((s) => s.id === 'economy')!;
    const para = economy.blocks.find((b) => b.id === 'economy-p');
    if (para?.kind !== 'paragraph') throw new Error('fixture changed');
    para.text = '模板中的{{title}}和{{body}}会被替换，{{{issuer}}}也一样，这句话本身照原样保留。';
    const fields = { ...FULL_FIELDS, subtitle: '副标题里写着{{body}}' };
    const doc = composeDoc(
      quoting,
      briefBriefing('gbt9704', [{ id: 'p', ref: { type: 'block', id: 'economy-p' } }], fields),
    );
    const filled = readDocx(
      await fillOfficeTemplate(await makeOfficeTemplate(), 't.docx', doc, registry.get('brief', 'gbt9704')),
    );
    const texts = paragraphs(filled.document).map((p) => p.text);
    expect(texts).toContain(FULL_FIELDS.title);
    expect(texts.some((t) => t.includes(para.text))).toBe(true);
    expect(texts).toContain('副标题里写着{{body}}');
    // the word joiners that kept the braces apart are gone from the file
    for (const xml of Object.values(filled.xml)) expect(xml).not.toContain('\u2060');
  });
});
