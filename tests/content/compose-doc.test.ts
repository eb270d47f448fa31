import { shownStatText } from '../../templates/model';
import { describe, expect, it } from 'vitest';
import { composeDoc, stripSourceNumber } from '../../content/compose/doc';
import { officialDate } from '../../content/compose/numbering';
import { draftItems } from '../../content/briefing/select';
import type { BriefingItem, ItemRef } from '../../content/model/briefing';
import type { DocBlock } from '../../templates/model';
import { briefBriefing, briefReport } from '../helpers/brief-report';

const report = briefReport();
const item = (ref: ItemRef, extra: Partial<BriefingItem> = {}): BriefingItem => ({
  id: `i-${ref.type}-${ref.id}`,
  ref,
  ...extra,
});
const sec = (id: string, extra: Partial<BriefingItem> = {}): BriefingItem =>
  item({ type: 'section', id }, extra);
const blk = (id: string, extra: Partial<BriefingItem> = {}): BriefingItem =>
  item({ type: 'block', id }, extra);
const stat = (id: string, extra: Partial<BriefingItem> = {}): BriefingItem =>
  item({ type: 'stat', id }, extra);
const headings = (blocks: DocBlock[]): string[] =>
  blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.number}${b.text}`] : []));

describe('composing a Word brief from a briefing', () => {
  it('numbers headings 一、 （一） 1. （1） by level, dropping the numbers the source wrote', () => {
    const doc = composeDoc(
      report,
      briefBriefing('gbt9704', [
        sec('theory'),
        sec('theory-a'),
        sec('theory-a-1'),
        sec('theory-a-1-i'),
        sec('economy'),
      ]),
    );
    expect(headings(doc.blocks)).toEqual([
      '一、抓好理论武装',
      '（一）强化思想武装',
      '1.健全包保机制',
      '（1）梳理实事清单',
      '二、稳住经济运行基本盘',
    ]);
  });

  it('renumbers by the order staff arranged, not the source order', () => {
    const doc = composeDoc(report, briefBriefing('gbt9704', [sec('economy'), sec('theory')]));
    expect(headings(doc.blocks)).toEqual(['一、稳住经济运行基本盘', '二、抓好理论武装']);
  });

  it('numbers picked subsections as the top level when their parent is not picked', () => {
    const doc = composeDoc(
      report,
      briefBriefing('gbt9704', [sec('theory-a'), sec('theory-a-1'), sec('economy')]),
    );
    // theory-a (level 2) and economy (level 1) have no picked parent: both are top level
    expect(headings(doc.blocks)).toEqual([
      '一、强化思想武装',
      '（一）健全包保机制',
      '二、稳住经济运行基本盘',
    ]);
  });

  it('takes a staff-typed title with its own number without doubling it', () => {
    const doc = composeDoc(
      report,
      briefBriefing('gbt9704', [sec('theory', { title: '三、 理论武装再加强' })]),
    );
    expect(headings(doc.blocks)).toEqual(['一、理论武装再加强']);
  });

  it('strips the usual source numbers but keeps titles that merely start with a number word', () => {
    expect(stripSourceNumber('（二）抓项目')).toBe('抓项目');
    expect(stripSourceNumber('3. 稳就业')).toBe('稳就业');
    expect(stripSourceNumber('第五部分 下半年安排')).toBe('下半年安排');
    expect(stripSourceNumber('十大工程全面开工')).toBe('十大工程全面开工');
    expect(stripSourceNumber('2022年工作安排')).toBe('2022年工作安排');
  });

  it('sets points with their lead-in apart and paragraphs as they are', () => {
    const doc = composeDoc(report, briefBriefing('gbt9704', [blk('theory-p1'), blk('economy-p')]));
    expect(doc.blocks[0]).toMatchObject({ kind: 'point', lead: '坚持“第一议题”制度' });
    expect(doc.blocks[1]).toMatchObject({ kind: 'paragraph', text: expect.stringContaining('21.59亿元') });
  });

  it('applies staff overrides and styles: a point set as a paragraph, a paragraph as a quote', () => {
    const doc = composeDoc(
      report,
      briefBriefing('gbt9704', [
        blk('theory-p1', { style: 'paragraph', title: '坚持第一议题' }),
        blk('intro-p', { style: 'quote' }),
      ]),
    );
    expect(doc.blocks[0]).toEqual({
      kind: 'paragraph',
      // the report's marker stays on the point whatever lead staff typed
      text: '一是坚持第一议题。推动党史学习教育常态化长效化。',
      itemId: 'i-block-theory-p1',
    });
    expect(doc.blocks[1]).toMatchObject({ kind: 'quote', text: '上半年，全区上下克难奋进。' });
  });

  it('numbers figures 图N and tables 表N separately, statistics tables counting as tables', () => {
    const doc = composeDoc(
      report,
      briefBriefing('gbt9704', [blk('economy-fig'), blk('economy-tab'), stat('st1'), stat('st2')]),
    );
    expect(doc.blocks.map((b) => `${b.kind}:${'number' in b ? b.number : ''}`)).toEqual([
      'image:1',
      'table:1',
      'stats:2',
    ]);
    const image = doc.blocks[0];
    expect(image?.kind === 'image' && image.image?.mime).toBe('image/png');
  });

  it('makes a statistics table from statistics picked one after another, keeping each source sentence', () => {
    const doc = composeDoc(
      report,
      briefBriefing('gbt9704', [stat('st1'), stat('st2', { title: '固投增速' })]),
    );
    expect(doc.blocks).toHaveLength(1);
    const table = doc.blocks[0];
    expect(table?.kind).toBe('stats');
    if (table?.kind !== 'stats') return;
    expect(table.stats.map((s) => [s.label, `${s.value}${s.unit}`])).toEqual([
      ['引进内资', '21.59亿元'],
      ['固投增速', '2%'],
    ]);
    expect(table.stats[0]?.sentence).toBe('上半年引进内资21.59亿元。');
  });

  it('sets a lone statistic as its sentence, even styled as a table: a one-row table is no table', () => {
    const lone = composeDoc(report, briefBriefing('gbt9704', [stat('st1'), blk('theory-p1')]));
    expect(lone.blocks[0]).toMatchObject({ kind: 'paragraph', text: '上半年引进内资21.59亿元。' });
    const asTable = composeDoc(report, briefBriefing('gbt9704', [stat('st1', { style: 'stats-table' })]));
    expect(asTable.blocks).toEqual([
      expect.objectContaining({ kind: 'paragraph', text: '上半年引进内资21.59亿元。' }),
    ]);
    const two = composeDoc(report, briefBriefing('gbt9704', [stat('st1'), stat('st2')]));
    expect(two.blocks.map((b) => b.kind)).toEqual(['stats']);
  });

  it('does not repeat a lone statistic’s sentence when its paragraph is already in the brief', () => {
    const doc = composeDoc(report, briefBriefing('gbt9704', [blk('economy-p'), stat('st1')]));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('turns a paragraph styled as a statistics table into a table of its numbers, with what each means', () => {
    const doc = composeDoc(report, briefBriefing('gbt9704', [blk('economy-p', { style: 'stats-table' })]));
    expect(doc.blocks).toHaveLength(1);
    const t = doc.blocks[0];
    expect(t?.kind === 'stats' && t.stats.map((s) => s.statId)).toEqual(['st1', 'st2']);
    // the same label, change and basis as a slide shows: 「固投 增长2%」
    expect(t?.kind === 'stats' && t.stats.map((s) => [s.label, shownStatText(s)])).toEqual([
      ['引进内资', '21.59亿元'],
      ['固投', '增长2%'],
    ]);
  });

  it('adds a table of its statistics under a section styled as a statistics table, or the sentence of its only one', () => {
    const doc = composeDoc(report, briefBriefing('gbt9704', [sec('economy', { style: 'stats-table' })]));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'stats']);
    const t = doc.blocks[1];
    expect(t?.kind === 'stats' && t.caption).toBe('稳住经济运行基本盘主要数据');
    expect(t?.kind === 'stats' && t.stats.map((s) => s.statId)).toEqual(['st1', 'st2']);
    const one = composeDoc(report, briefBriefing('gbt9704', [sec('theory', { style: 'stats-table' })]));
    expect(one.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph']);
    expect(one.blocks[1]).toMatchObject({ text: '细化分解557项具体任务。' });
  });

  it('with nothing picked, brings the full text: every section with its paragraphs, points, pictures and tables', () => {
    const doc = composeDoc(report, briefBriefing('gbt9704'));
    expect(headings(doc.blocks)).toEqual([
      // a 前言 stands unnumbered and takes no number from the sequence
      '前言',
      '一、抓好理论武装',
      '（一）强化思想武装',
      '1.健全包保机制',
      '（1）梳理实事清单',
      '二、稳住经济运行基本盘',
    ]);
    const texts = doc.blocks.map((b) => ('lead' in b ? b.lead : 'text' in b ? b.text : b.kind));
    // a section's paragraphs come with its points: the headline paragraph with its main figures too
    expect(texts).toContain('上半年，全区上下克难奋进。');
    expect(texts.some((t) => t.includes('21.59亿元'))).toBe(true);
    expect(texts).toEqual(expect.arrayContaining(['抓项目扩投资', '坚持“第一议题”制度', 'image', 'table']));
  });

  it('the default draft gives each item a unique id', () => {
    const ids = draftItems(report).map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('fills the title and subtitle from the report and writes the date the official way', () => {
    const doc = composeDoc(report, briefBriefing('gbt9704', [], { date: '2022-07-05' }));
    expect(doc.fields.title).toBe('绿园区2022年上半年工作情况');
    expect(doc.fields.subtitle).toBe('——在区委全会上的汇报');
    expect(doc.fields.date).toBe('2022年7月5日');
    expect(doc.templateId).toBe('gbt9704');
  });

  it('drops items whose source is gone instead of failing', () => {
    const doc = composeDoc(report, briefBriefing('gbt9704', [blk('no-such-block'), sec('economy')]));
    expect(headings(doc.blocks)).toEqual(['一、稳住经济运行基本盘']);
  });
});

describe('the 成文日期', () => {
  it.each([
    ['2022年07月05日', '2022年7月5日'],
    ['2022-07-05', '2022年7月5日'],
    ['2022/7/5', '2022年7月5日'],
    ['2022.10.01', '2022年10月1日'],
    [' ２０２２年０７月１５日 ', '2022年7月15日'],
    ['二〇二二年七月十五日', '2022年7月15日'],
    ['二〇二二年十二月三十一日', '2022年12月31日'],
    ['二○二二年十月一日', '2022年10月1日'],
    ['2022年7月5日', '2022年7月5日'],
  ])('writes %s as %s', (input, expected) => {
    expect(officialDate(input)).toBe(expected);
  });

  it('keeps a date it cannot read as typed, and an impossible one too', () => {
    expect(officialDate('七月中旬')).toBe('七月中旬');
    expect(officialDate('2022-13-40')).toBe('2022-13-40');
    expect(officialDate('')).toBe('');
  });
});
