import { describe, expect, it } from 'vitest';
import { docToDocx } from '../../main/export/docx';
import { briefForm, briefForms } from '../../templates/brief/blocks';
import { typeArea } from '../../templates/brief/schema';
import { emptyFields, type Doc, type DocBlock } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { renderBrief } from '../../templates/render/brief';
import { makePng } from '../helpers/brief-report';
import { paragraphs, readDocx } from '../helpers/ooxml';

const registry = builtinRegistry();
const gbt = registry.get('brief', 'gbt9704');
const pngOf = (w: number, h: number): string => Buffer.from(makePng(w, h)).toString('base64');

const BLOCKS: DocBlock[] = [
  { kind: 'heading', level: 1, number: '一、', text: '经济运行总体平稳', itemId: 'h1' },
  { kind: 'point', lead: '工业生产稳步回升', text: '规上工业增加值\n同比增长5.2%。' },
  { kind: 'paragraph', text: '全区上下坚持稳中求进。' },
  { kind: 'quote', text: '发展是第一要务。' },
  {
    kind: 'image',
    number: 1,
    caption: '临川县产业园一角',
    image: { mime: 'image/png', data: pngOf(400, 300) },
  },
  {
    kind: 'table',
    number: 1,
    caption: '重点项目进展',
    rows: [
      ['项目', '进度'],
      ['云溪大桥', '主体完工'],
    ],
  },
  {
    kind: 'stats',
    number: 2,
    caption: '主要数据',
    stats: [
      {
        statId: 'a',
        value: '6.5',
        unit: '%',
        label: '地区生产总值',
        sentence: '地区生产总值增长6.5%左右。',
        prefix: '增长',
        suffix: '左右',
        tag: '目标',
      },
      {
        statId: 'b',
        value: '1000',
        unit: '万元',
        label: '税收收入',
        sentence: '税收收入超1000万元。',
        prefix: '超',
      },
    ],
  },
];

describe('the brief’s block forms: decided once, drawn by the preview and the .docx', () => {
  it('builds the 序号/指标/数值 table with each number as compose wrote it and a target marked', () => {
    const form = briefForm(BLOCKS[6]!, gbt);
    if (form.kind !== 'table') throw new Error('a statistics block is a table');
    expect(form.caption).toBe('表2　主要数据');
    expect(form.rows).toEqual([
      ['序号', '指标', '数值'],
      ['1', '地区生产总值（目标）', '增长6.5%左右'],
      ['2', '税收收入', '超1000万元'],
    ]);
    expect(form.center).toEqual([0, 2]);
    expect(form.sources).toEqual(['地区生产总值增长6.5%左右。', '税收收入超1000万元。']);
  });

  it('numbers headings and captions, sets a point’s lead-in apart, and keeps no line break inside a paragraph', () => {
    const [heading, point, , , figure, table] = briefForms(
      { templateId: 'gbt9704', fields: emptyFields(), blocks: BLOCKS },
      gbt,
    );
    expect(heading).toMatchObject({ kind: 'heading', level: 1, text: '一、经济运行总体平稳', itemId: 'h1' });
    expect(point).toEqual({
      kind: 'paragraph',
      style: 'body',
      runs: [
        { text: '工业生产稳步回升。', bold: true },
        { text: '规上工业增加值同比增长5.2%。', bold: false },
      ],
    });
    expect(figure).toMatchObject({ kind: 'figure', caption: '图1　临川县产业园一角', missing: null });
    expect(table).toMatchObject({ caption: '表1　重点项目进展', shares: [1, 1] });
  });

  it('sizes a picture as made at 96 dpi, never wider than the type area nor taller than half of it', () => {
    const small = briefForm(
      { kind: 'image', number: 1, caption: '', image: { mime: 'image/png', data: pngOf(200, 100) } },
      gbt,
    );
    expect(small.kind === 'figure' && small.picture).toMatchObject({ widthTwips: 3000, heightTwips: 1500 });
    const tall = briefForm(
      { kind: 'image', number: 1, caption: '', image: { mime: 'image/png', data: pngOf(300, 3000) } },
      gbt,
    );
    if (tall.kind !== 'figure' || !tall.picture) throw new Error('a PNG is placed');
    expect(tall.picture.heightTwips).toBeLessThanOrEqual(typeArea(gbt).height / 2);
    expect(tall.picture.widthTwips / tall.picture.heightTwips).toBeCloseTo(0.1, 2);
  });

  it('gives the preview and the Word file the same texts in the same order', async () => {
    const doc: Doc = { templateId: 'gbt9704', fields: emptyFields(), blocks: BLOCKS };
    const word = paragraphs(readDocx(await docToDocx(doc, gbt)).document)
      .map((p) => p.text)
      .filter(Boolean);
    const html = renderBrief(doc, gbt, { bodyOnly: true });
    const preview = [...html.matchAll(/<(p|th|td|figcaption)\b[^>]*>([\s\S]*?)<\/\1>/g)]
      .map((m) =>
        (m[2] ?? '')
          .replace(/<[^>]*>/g, '')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&'),
      )
      .filter(Boolean);
    expect(preview).toEqual(word);
    expect(word).toContain('增长6.5%左右');
  });
});
