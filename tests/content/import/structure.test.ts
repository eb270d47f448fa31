import { describe, expect, it } from 'vitest';
import { analyze, matchHeading, matchPoint } from '../../../content/analyze/structure';
import { importPastedText } from '../../../content/import';
import type { RawBlock, Section } from '../../../content/model/report';

const titles = (sections: readonly Section[]): string[] =>
  sections.flatMap((s) => [`${s.level}:${s.number ?? ''}${s.title}`, ...titles(s.sections)]);

describe('headings', () => {
  it.each([
    ['一、稳住经济大盘', 1, '一、', '稳住经济大盘'],
    ['（二）扩大有效投资', 2, '（二）', '扩大有效投资'],
    ['(三)激活消费', 2, '(三)', '激活消费'],
    ['1.项目建设', 3, '1.', '项目建设'],
    ['2、招商引资', 3, '2、', '招商引资'],
    ['(1)重点项目', 4, '(1)', '重点项目'],
    ['第一章 总体要求', 1, '第一章', '总体要求'],
    ['第二部分 主要任务', 1, '第二部分', '主要任务'],
  ])('recognises 「%s」 at level %i', (text, level, number, title) => {
    expect(matchHeading(text)).toMatchObject({ level, number, title, numbered: true });
  });

  it('recognises labels and newspaper-style short lines, commas included', () => {
    expect(matchHeading('写在前面')).toMatchObject({ level: 1, title: '写在前面' });
    expect(matchHeading('结束语')).toMatchObject({ level: 1 });
    expect(matchHeading('发展为要,坚定信心全力以赴抓落实')).toMatchObject({ level: 1 });
  });

  it('does not take the signing office and date at the end of a report for headings', () => {
    const r = importPastedText('总结\n一、工作\n正文一段。\n某区人民政府办公室\n2022年7月20日');
    expect(titles(r.sections)).toEqual(['1:一、工作']);
    expect(matchHeading('发挥区委核心作用')).toMatchObject({ level: 1 });
  });

  it('does not take sentences, numbered paragraphs or numbers for headings', () => {
    expect(matchHeading('征途漫漫,唯有奋斗。')).toBeNull();
    expect(matchHeading('一、稳住经济大盘。上半年全区固投同比增长2%,增速位列首位。')).toBeNull();
    expect(matchHeading('1.2亿元')).toBeNull();
    expect(matchHeading('坚持问题导向，加强统筹调度，')).toBeNull();
  });

  it('builds a tree from numbered headings and attaches labels at the top', () => {
    const r = importPastedText(
      '年中总结\n前言\n开篇的话。\n一、经济\n（一）工业\n1.复工\n(1)企业\n正文。\n（二）投资\n二、民生\n结束语\n结尾的话。',
    );
    expect(titles(r.sections)).toEqual([
      '1:前言',
      '1:一、经济',
      '2:（一）工业',
      '3:1.复工',
      '4:(1)企业',
      '2:（二）投资',
      '1:二、民生',
      '1:结束语',
    ]);
  });

  it('uses explicit heading levels (docx Heading N, markdown #) as given', () => {
    const raw: RawBlock[] = [
      { type: 'text', id: 'b1', text: '总体情况', hints: { heading: 1 } },
      { type: 'text', id: 'b2', text: '工业生产', hints: { heading: 2 } },
      { type: 'text', id: 'b3', text: '正文一段。' },
      { type: 'text', id: 'b4', text: '下步打算', hints: { heading: 1 } },
    ];
    expect(titles(analyze(raw, { repairs: {}, roles: {} }).sections)).toEqual([
      '1:总体情况',
      '2:工业生产',
      '1:下步打算',
    ]);
  });

  it('trusts the bold of a formatted document: bold short lines are headings, plain ones are not', () => {
    const raw: RawBlock[] = [
      { type: 'text', id: 'b1', text: '一、经济运行', hints: { bold: true } },
      { type: 'text', id: 'b2', text: '招商引资成效明显', hints: { bold: true } },
      { type: 'text', id: 'b3', text: '签约项目26个，引进内资8.6亿元。' },
      { type: 'text', id: 'b4', text: '某区人民政府办公室' },
    ];
    const a = analyze(raw, { repairs: {}, roles: {} });
    expect(titles(a.sections)).toEqual(['1:一、经济运行', '2:招商引资成效明显']);
  });
});

describe('title, subtitle and dateline', () => {
  it('reads them from the top of the report', () => {
    const r = importPastedText(
      '某区2022年工作总结\n——稳中求进 奋力争先\n某区人民政府办公室\n2022年7月15日\n一、主要工作\n正文。',
    );
    expect(r.title).toBe('某区2022年工作总结');
    expect(r.subtitle).toBe('稳中求进 奋力争先');
    expect(r.dateline).toEqual(['某区人民政府办公室', '2022年7月15日']);
  });

  it('names a report with no title line after its file', () => {
    const r = importPastedText('一、主要工作\n正文。');
    expect(r.title).toBe('粘贴的文字');
  });
});

describe('points', () => {
  it.each([
    ['全力复工复产。出台复工方案。', undefined, '全力复工复产', '出台复工方案。'],
    ['一是抓项目扩投资。盯紧投资完成率。', '一是', '抓项目扩投资', '盯紧投资完成率。'],
    ['——持之以恒保障改善民生。围绕群众急难愁盼。', '——', '持之以恒保障改善民生', '围绕群众急难愁盼。'],
    ['（一）强化政治引领。坚持第一议题制度。', '（一）', '强化政治引领', '坚持第一议题制度。'],
    [
      '加强基层党组织建设,全面筑牢战斗堡垒。认真落实要求。',
      undefined,
      '加强基层党组织建设,全面筑牢战斗堡垒',
      '认真落实要求。',
    ],
  ])('splits 「%s」 into marker, lead and body', (text, marker, lead, body) => {
    const p = matchPoint(text);
    const leadEnd = '。';
    expect(p).toEqual(marker ? { marker, lead, leadEnd, text: body } : { lead, leadEnd, text: body });
  });

  it.each([
    '征途漫漫,唯有奋斗。',
    '8月12日,中共长春市委六届三次全会召开。盘点上半年工作。',
    '上半年,绿园以全力以赴、背水一战的勇气,推动经济重回正轨。全区GDP降幅加速收窄。',
    '强化思想理论武装,坚持“第一议题”制度,推动党史学习教育常态化长效化,弘扬伟大建党精神。出台方案。',
    '回望奋斗征程,初心如磐;踏上新的赶考之路,重任在肩。',
  ])('leaves 「%s」 a paragraph', (text) => {
    expect(matchPoint(text)).toBeNull();
  });
});

describe('figures', () => {
  it('takes a 「图1」 line after a picture as its caption and a 「表1」 line above a table as the table caption', () => {
    const raw: RawBlock[] = [
      { type: 'text', id: 'b1', text: '一、工作' },
      { type: 'image', id: 'b2', assetId: 'img1', alt: '照片' },
      { type: 'text', id: 'b3', text: '图1 园区建设现场' },
      { type: 'text', id: 'b4', text: '表1 主要指标' },
      {
        type: 'table',
        id: 'b5',
        rows: [
          ['指标', '数值'],
          ['投资', '3亿元'],
        ],
      },
    ];
    const a = analyze(raw, { repairs: {}, roles: {} });
    expect(a.figures).toEqual([
      {
        id: 'f-b2',
        kind: 'image',
        caption: '图1 园区建设现场',
        sectionId: 's-b1',
        blockId: 'b2',
        assetId: 'img1',
      },
      {
        id: 'f-b5',
        kind: 'table',
        caption: '表1 主要指标',
        sectionId: 's-b1',
        blockId: 'b5',
        rows: [
          ['指标', '数值'],
          ['投资', '3亿元'],
        ],
      },
    ]);
    expect(a.sections[0]?.blocks.map((b) => b.kind)).toEqual(['figure', 'table']);
  });

  it('takes a caption-shaped sentence set apart by a wide gap for a photo caption, not a paragraph', () => {
    const r = importPastedText(
      '总结\n\n一、工作\n\n正文一段。\n\n\n\n某社区组织志愿者开展环境整治活动。\n\n正文二段。',
    );
    expect(r.figures.map((f) => f.caption)).toEqual(['某社区组织志愿者开展环境整治活动。']);
    const same = importPastedText(
      '总结\n\n一、工作\n\n正文一段。\n\n某社区组织志愿者开展环境整治活动。\n\n正文二段。',
    );
    expect(same.figures).toEqual([]);
  });

  it('takes a one-sentence scene at a named place for a caption, but not a sentence of the report', () => {
    const r = importPastedText(
      '总结\n一、工作\n正文一段。\n某公司生产车间内，工人正在调试新生产线。\n各项工作正在有序推进。\n正文二段。',
    );
    expect(r.figures.map((f) => f.caption)).toEqual(['某公司生产车间内，工人正在调试新生产线。']);
  });
});

describe('a numbered point whose lead ends with a colon', () => {
  // our own text: 临川县's bureau summary, points 1. and 2., then a point 3. that leads into its target
  const text = [
    '临川县农业农村局上半年工作总结',
    '一、主要工作',
    '（一）稳定粮食生产',
    '1.春播进度快于往年。全县完成春播面积38.6万亩，较去年同期提前五天。',
    '2.高标准农田建设提速。新建高标准农田2.1万亩，完成年度任务的七成。',
    '3.主要目标是：全年粮食播种面积稳定在52万亩以上，总产量保持在23万吨左右。',
    '（二）推进乡村建设',
    '全县新改建农村公路46公里。',
  ].join('\n');

  it('reads 「3.主要目标是：……」 after points 1. and 2. as point 3, its colon and text kept', () => {
    const r = importPastedText(text);
    const grain = r.sections[0]!.sections[0]!;
    expect(titles(r.sections)).toEqual(['1:一、主要工作', '2:（一）稳定粮食生产', '2:（二）推进乡村建设']);
    expect(grain.sections).toEqual([]);
    const points = grain.blocks.filter((b) => b.kind === 'point');
    expect(points.map((p) => p.kind === 'point' && [p.marker, p.lead, p.leadEnd])).toEqual([
      ['1.', '春播进度快于往年', '。'],
      ['2.', '高标准农田建设提速', '。'],
      ['3.', '主要目标是', '：'],
    ]);
    expect(points[2]!.kind === 'point' && points[2]!.text).toBe(
      '全年粮食播种面积稳定在52万亩以上，总产量保持在23万吨左右。',
    );
  });

  it('reads a point 3 standing alone on its line (its text on the next) as point 3 too, nothing lost', () => {
    const r = importPastedText(text.replace('3.主要目标是：全年', '3.主要目标是：\n全年'));
    const grain = r.sections[0]!.sections[0]!;
    expect(grain.sections).toEqual([]);
    const kinds = grain.blocks.map((b) =>
      b.kind === 'point' ? `point ${b.marker}${b.lead}${b.leadEnd ?? ''}` : b.kind,
    );
    expect(kinds).toEqual([
      'point 1.春播进度快于往年。',
      'point 2.高标准农田建设提速。',
      'point 3.主要目标是：',
      'paragraph',
    ]);
    const last = grain.blocks[3]!;
    expect(last.kind === 'paragraph' && last.text).toContain('总产量保持在23万吨左右');
  });

  it('keeps real 1. 2. headings (each with a paragraph under it) as headings', () => {
    const r = importPastedText(
      [
        '云溪市统计局工作总结',
        '一、统计调查',
        '1.农业普查',
        '完成普查登记工作。',
        '2.经济普查',
        '完成清查工作。',
      ].join('\n'),
    );
    expect(titles(r.sections)).toEqual(['1:一、统计调查', '2:1.农业普查', '2:2.经济普查']);
  });

  it('does not take 「1.主要目标是：……」 with its text for a heading, even with no point before it', () => {
    expect(matchHeading('1.主要目标是：全年增长6%左右。')).toBeNull();
    expect(matchHeading('1.主要目标')).toMatchObject({ level: 3, title: '主要目标' });
  });
});
