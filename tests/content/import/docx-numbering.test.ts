import {
  Document,
  HeadingLevel,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  type ILevelsOptions,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../../content/import';
import { formatNumber, numberParagraphs, readDocxNumbers } from '../../../content/import/docx-numbering';
import type { Report, Section } from '../../../content/model/report';

const outline = (sections: readonly Section[]): string[] =>
  sections.flatMap((s) =>
    s.id === 's-intro' ? [] : [`${s.level}:${s.number ?? ''}${s.title}`, ...outline(s.sections)],
  );
const texts = (r: Report): string[] => r.raw.flatMap((b) => (b.type === 'text' ? [b.text] : []));

async function docx(
  levels: ILevelsOptions[],
  paragraphs: Paragraph[],
  styles: ConstructorParameters<typeof Document>[0]['styles'] = {},
): Promise<Uint8Array> {
  const doc = new Document({
    numbering: { config: [{ reference: 'list', levels }] },
    styles,
    sections: [{ children: paragraphs }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const CN_LEVELS: ILevelsOptions[] = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
  { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
];
const at = (text: string, level: number, extra: { instance?: number } = {}): Paragraph =>
  new Paragraph({ text, numbering: { reference: 'list', level, ...extra } });
const labels = async (bytes: Uint8Array): Promise<string[]> =>
  readDocxNumbers(bytes).flatMap((p) => (p.number ? [p.number.label] : []));

describe('number formats as Word writes them', () => {
  it.each([
    ['chineseCounting', [1, 10, 11, 20, 21, 99], ['一', '十', '十一', '二十', '二十一', '九十九']],
    [
      'chineseCountingThousand',
      [100, 101, 110, 1000, 1024],
      ['一百', '一百零一', '一百一十', '一千', '一千零二十四'],
    ],
    ['chineseLegalSimplified', [1, 10, 12], ['壹', '拾', '拾贰']],
    ['ideographTraditional', [1, 4, 10, 11], ['甲', '丁', '癸', '甲']],
    ['decimalEnclosedCircle', [1, 10, 20, 21], ['①', '⑩', '⑳', '21']],
    ['upperLetter', [1, 26, 27, 28], ['A', 'Z', 'AA', 'BB']],
    ['lowerRoman', [4, 9, 14], ['iv', 'ix', 'xiv']],
    ['decimalZero', [3, 12], ['03', '12']],
    ['decimalFullWidth', [12], ['１２']],
    ['decimal', [7], ['7']],
  ])('%s', (format, values, shown) => {
    expect(values.map((v) => formatNumber(v, format))).toEqual(shown);
  });
});

describe('counting as Word counts', () => {
  it('continues a level across paragraphs and restarts the deeper ones under each new parent', async () => {
    const bytes = await docx(CN_LEVELS, [
      at('甲', 0),
      at('甲一', 1),
      at('甲一1', 2),
      at('甲一2', 2),
      at('甲二', 1),
      at('甲二1', 2),
      new Paragraph('不在列表中的段落。'),
      at('乙', 0),
      at('乙一', 1),
    ]);
    expect(await labels(bytes)).toEqual(['一、', '（一）', '1.', '2.', '（二）', '1.', '二、', '（一）']);
  });

  it('starts where w:start says, and a level with lvlRestart 0 goes on under a new parent', async () => {
    const bytes = await docx(
      [
        { level: 0, format: LevelFormat.DECIMAL, text: '第%1部分', start: 3 },
        { level: 1, format: LevelFormat.DECIMAL, text: '%2)' },
      ],
      [at('甲', 0), at('甲1', 1), at('乙', 0), at('乙1', 1)],
    );
    expect(await labels(bytes)).toEqual(['第3部分', '1)', '第4部分', '1)']);
    const xml = (restart: string): string =>
      `<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>${restart}<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const doc = (ilvls: number[]): string =>
      `<w:document><w:body>${ilvls.map((l) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${l}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`).join('')}</w:body></w:document>`;
    const shown = (restart: string): string[] =>
      numberParagraphs(doc([0, 1, 1, 0, 1]), xml(restart), undefined).map((p) => p.number?.label ?? '');
    expect(shown('')).toEqual(['1.', 'a)', 'b)', '2.', 'a)']);
    expect(shown('<w:lvlRestart w:val="0"/>')).toEqual(['1.', 'a)', 'b)', '2.', 'c)']);
  });

  it('restarts a new instance of a list (lvlOverride/startOverride) and continues the old one apart', async () => {
    const bytes = await docx(
      [{ level: 0, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%1' }],
      [at('一', 0), at('二', 0), at('新一', 0, { instance: 2 }), at('新二', 0, { instance: 2 })],
    );
    expect(await labels(bytes)).toEqual(['①', '②', '①', '②']);
  });

  it('writes a legal level’s parents in decimal (isLgl): 1.1 under 一、', async () => {
    const bytes = await docx(
      [
        { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
        { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', isLegalNumberingStyle: true },
      ],
      [at('甲', 0), at('甲一', 1), at('甲二', 1)],
    );
    expect(await labels(bytes)).toEqual(['一、', '1.1', '1.2']);
  });

  it('numbers a paragraph through its style, and through a style based on that one', async () => {
    const bytes = await docx(
      CN_LEVELS,
      [
        new Paragraph({ text: '甲', style: 'chapter' }),
        at('甲一', 1),
        new Paragraph({ text: '乙', style: 'subchapter' }),
      ],
      {
        paragraphStyles: [
          { id: 'chapter', name: '章', paragraph: { numbering: { reference: 'list', level: 0 } } },
          { id: 'subchapter', name: '章（派生）', basedOn: 'chapter' },
        ],
      },
    );
    expect(await labels(bytes)).toEqual(['一、', '（一）', '二、']);
  });

  it('takes a paragraph out of its style’s list with numId 0', () => {
    const numbering =
      '<w:numbering><w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num></w:numbering>';
    const styles =
      '<w:styles><w:style w:type="paragraph" w:styleId="H"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>';
    const doc =
      '<w:document><w:body><w:p><w:pPr><w:pStyle w:val="H"/></w:pPr><w:r><w:t>甲</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="H"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>无号</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="H"/></w:pPr><w:r><w:t>乙</w:t></w:r></w:p></w:body></w:document>';
    expect(numberParagraphs(doc, numbering, styles).map((p) => `${p.number?.label ?? ''}${p.text}`)).toEqual([
      '一、甲',
      '无号',
      '二、乙',
    ]);
  });

  it('ignores the old properties a tracked change records, and the Office 2010 copy of a text box', () => {
    const numbering =
      '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const doc =
      '<w:document><w:body><w:p><w:pPr><w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>原有编号已删</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><mc:AlternateContent><mc:Choice><w:t>重复</w:t></mc:Choice><mc:Fallback><w:t>甲</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p></w:body></w:document>';
    expect(
      numberParagraphs(doc, numbering, undefined).map((p) => `${p.number?.label ?? ''}${p.text}`),
    ).toEqual(['原有编号已删', '1.甲']);
  });
});

describe('Word lists in an imported report', () => {
  it('imports auto-numbered 一、（一）1. exactly as the same headings typed', async () => {
    const titles = ['某区工作总结', '经济运行', '项目建设', '工业', '民生保障'];
    const auto = await docx(CN_LEVELS, [
      new Paragraph(titles[0]!),
      at(titles[1]!, 0),
      at(titles[2]!, 1),
      at(titles[3]!, 2),
      new Paragraph('完成投资12.5亿元。'),
      at(titles[4]!, 0),
      new Paragraph('新增就业岗位1200个。'),
    ]);
    const typed = await docx(CN_LEVELS, [
      new Paragraph(titles[0]!),
      new Paragraph('一、经济运行'),
      new Paragraph('（一）项目建设'),
      new Paragraph('1.工业'),
      new Paragraph('完成投资12.5亿元。'),
      new Paragraph('二、民生保障'),
      new Paragraph('新增就业岗位1200个。'),
    ]);
    const a = await importReport({ name: 'auto.docx', bytes: auto });
    const t = await importReport({ name: 'typed.docx', bytes: typed });
    expect(outline(a.sections)).toEqual(['1:一、经济运行', '2:（一）项目建设', '3:1.工业', '1:二、民生保障']);
    expect(outline(a.sections)).toEqual(outline(t.sections));
    expect(a.stats.map((s) => `${s.value}${s.unit}`)).toEqual(t.stats.map((s) => `${s.value}${s.unit}`));
  });

  it('keeps a number and the text after it apart where they would run together (「1.」 before 「5G」)', async () => {
    const bytes = await docx(
      [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', suffix: LevelSuffix.NOTHING }],
      [at('5G基站建设加快', 0)],
    );
    const r = await importReport({ name: 'a.docx', bytes });
    expect(texts(r)).toContain('1. 5G基站建设加快');
    expect(r.stats.some((s) => s.value === 1.5)).toBe(false);
    const spaced = await docx(
      [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }],
      [at('5G基站建设加快', 0)],
    );
    expect(texts(await importReport({ name: 'b.docx', bytes: spaced }))).toContain('1. 5G基站建设加快');
  });

  it('makes numbered sentences points with their numbers as markers, not headings', async () => {
    const bytes = await docx(
      [{ level: 0, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%1' }],
      [
        new Paragraph('主要做法'),
        at('抓项目扩投资。全年新开工项目38个。', 0),
        at('优服务强保障。办结企业诉求216件。', 0),
      ],
    );
    const r = await importReport({ name: 'a.docx', bytes });
    const points = r.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'point');
    expect(points.map((p) => (p.kind === 'point' ? [p.marker, p.lead] : []))).toEqual([
      ['①', '抓项目扩投资'],
      ['②', '优服务强保障'],
    ]);
    expect(outline(r.sections).some((s) => s.includes('抓项目'))).toBe(false);
  });

  it('reads Heading styles numbered by their list: the number shows, the level is the style’s', async () => {
    const bytes = await docx(CN_LEVELS, [
      new Paragraph({
        text: '总体情况',
        heading: HeadingLevel.HEADING_1,
        numbering: { reference: 'list', level: 0 },
      }),
      new Paragraph({
        text: '工业',
        heading: HeadingLevel.HEADING_2,
        numbering: { reference: 'list', level: 1 },
      }),
      new Paragraph({
        text: '下步打算',
        heading: HeadingLevel.HEADING_1,
        numbering: { reference: 'list', level: 0 },
      }),
    ]);
    const r = await importReport({ name: 'a.docx', bytes });
    expect(outline(r.sections)).toEqual(['1:一、总体情况', '2:（一）工业', '1:二、下步打算']);
  });

  it('leaves bullets unnumbered list items, and paragraphs outside any list without a number', async () => {
    const bytes = await docx(
      [{ level: 0, format: LevelFormat.BULLET, text: '\uf0b7' }],
      [new Paragraph('正文。'), at('第一项内容较长，不是标题。', 0)],
    );
    const r = await importReport({ name: 'a.docx', bytes });
    expect(texts(r)).toContain('第一项内容较长，不是标题。');
    const plain = new Document({ sections: [{ children: [new Paragraph('一、经济运行')] }] });
    expect(
      readDocxNumbers(new Uint8Array(await Packer.toBuffer(plain))).every((p) => p.number === null),
    ).toBe(true);
    expect(readDocxNumbers(bytes).find((p) => p.number)?.number).toMatchObject({ bullet: true, label: '•' });
  });
});
