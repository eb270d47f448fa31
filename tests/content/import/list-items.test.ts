import { describe, expect, it } from 'vitest';
import { importPastedText } from '../../../content/import';
import { matchPoint } from '../../../content/analyze/points';
import type { Block } from '../../../content/model/report';
import { allSections, headingsOf } from './kinds';

const blocksOf = (text: string): Block[] =>
  allSections(importPastedText(text).sections).flatMap((s) => s.blocks);
const points = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.kind === 'point' ? [{ marker: b.marker, lead: b.lead, text: b.text }] : []));

/** A list of targets under the sentence that introduces it, numbered with full-width or half-width stops. */
const targets = (stop: string): string =>
  [
    '云溪县人民政府工作报告',
    '二、2027年的主要目标',
    '2027年全县经济社会发展的主要预期目标是：',
    `1${stop}全县生产总值增长6.5%左右；`,
    `2${stop}一般公共预算收入增长5%；`,
    `3${stop}城镇新增就业4200人以上，城镇调查失业率控制在5.5%以内；`,
    `4${stop}粮食总产量稳定在3.1亿斤以上。`,
    '三、重点工作',
    '（一）抓项目扩投资。全年安排重点项目126个。',
  ].join('\n');

describe('a numbered list of targets', () => {
  it.each(['．', '.', '、'])('reads 「1%s」 items whole, never cutting one at its comma', (stop) => {
    const blocks = blocksOf(targets(stop));
    expect(points(blocks).slice(0, 4)).toEqual([
      { marker: `1${stop}`, lead: '全县生产总值增长6.5%左右', text: '' },
      { marker: `2${stop}`, lead: '一般公共预算收入增长5%', text: '' },
      { marker: `3${stop}`, lead: '城镇新增就业4200人以上，城镇调查失业率控制在5.5%以内', text: '' },
      { marker: `4${stop}`, lead: '粮食总产量稳定在3.1亿斤以上', text: '' },
    ]);
  });

  it('keeps the sentence that introduces the list as a paragraph, not a heading', () => {
    const r = importPastedText(targets('．'));
    expect(headingsOf(r).map((h) => h.text)).toEqual(['二、2027年的主要目标', '三、重点工作']);
    expect(blocksOf(targets('．'))).toContainEqual(
      expect.objectContaining({ kind: 'paragraph', text: '2027年全县经济社会发展的主要预期目标是：' }),
    );
  });

  it('still heads a list with a short label ending in a colon', () => {
    const r = importPastedText(
      [
        '总结',
        '一、主要做法',
        '主要做法：',
        '1．强化调度。每周召开一次调度会。',
        '2．压实责任。层层签订责任书。',
      ].join('\n'),
    );
    expect(headingsOf(r).map((h) => h.text)).toContain('主要做法');
  });

  it('keeps a numbered item’s real lead-in, a name with no figure in it', () => {
    const blocks = blocksOf(
      [
        '总结',
        '一、存在问题',
        '1. 工业投资后劲不足，上半年新开工项目同比减少6个。',
        '2. 部分断面水质不稳定。',
      ].join('\n'),
    );
    expect(points(blocks)[0]).toEqual({
      marker: '1.',
      lead: '工业投资后劲不足',
      text: '上半年新开工项目同比减少6个。',
    });
  });
});

describe('a lead-in is a short name, not the first clause of a statement', () => {
  it('reads a numbered target that runs on past its comma whole, its subject kept', () => {
    const blocks = blocksOf(
      [
        '总结',
        '四、下半年打算',
        '1. 确保全年完成水利投资36亿元以上，力争达到40亿元。',
        '2. 新建改建乡村道路128公里以上，确保完成年度任务。',
      ].join('\n'),
    );
    expect(points(blocks).map((p) => `${p.lead}|${p.text}`)).toEqual([
      '确保全年完成水利投资36亿元以上，力争达到40亿元|',
      '新建改建乡村道路128公里以上，确保完成年度任务|',
    ]);
  });

  it('keeps an unnumbered paragraph that opens on a figure as a paragraph', () => {
    const text =
      '全年社会消费品零售总额比上年增长7.2%。其中，限额以上单位零售额增长9.6%，网上零售额增长18.4%。';
    expect(matchPoint(text)).toBeNull();
    const blocks = blocksOf(['云溪县2026年国民经济和社会发展统计公报', '四、国内贸易', text].join('\n'));
    expect(blocks).toContainEqual(expect.objectContaining({ kind: 'paragraph', text }));
  });

  it('still reads a short named lead-in on an unnumbered paragraph', () => {
    expect(matchPoint('全力抓好项目建设。全年新开工项目86个，完成投资152亿元。')).toMatchObject({
      lead: '全力抓好项目建设',
      text: '全年新开工项目86个，完成投资152亿元。',
    });
  });
});
