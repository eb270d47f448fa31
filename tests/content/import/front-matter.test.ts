import { describe, expect, it } from 'vitest';
import { deckFields } from '../../../content/compose/deck';
import { importPastedText } from '../../../content/import';
import { emptyBriefing } from '../../../content/model/briefing';
import { headingsOf, paragraphsOf } from './kinds';

const OPENING = '现在，我代表区人民政府，向大会报告工作，请予审议。';
const BODY = '过去一年，全区地区生产总值增长4.8%，一般公共预算收入增长6.5%。';

describe('the front matter of a speech or a work report', () => {
  it('reads title, subtitle, speaker and salutation into the report’s fields, never into its sections', () => {
    const r = importPastedText(
      [
        '政府工作报告',
        '——2023年1月12日在青禾区第三届人民代表大会第三次会议上',
        '青禾区人民政府区长　陈某某',
        '各位代表：',
        OPENING,
        '一、2022年工作回顾',
        BODY,
      ].join('\n'),
    );
    expect(r).toMatchObject({
      title: '政府工作报告',
      subtitle: '2023年1月12日在青禾区第三届人民代表大会第三次会议上',
      speaker: '青禾区人民政府区长　陈某某',
      salutation: '各位代表：',
      date: '2023年1月12日',
    });
    // the real chapters keep their numbers: the speaker and salutation do not push them down
    expect(headingsOf(r)).toEqual([{ level: 1, text: '一、2022年工作回顾' }]);
    expect(paragraphsOf(r)).toEqual([OPENING, BODY]);
  });

  it.each([
    ['市长 王某某', '同志们：'],
    ['区委书记林某某', '同志们、朋友们：'],
    ['报告人：青禾区发展和改革局局长　周某某', '主任、各位副主任、秘书长、各位委员：'],
  ])('knows the speaker 「%s」 and the salutation 「%s」', (speaker, salutation) => {
    const r = importPastedText(
      ['在全区经济工作会议上的讲话', speaker, '（2023年2月10日）', salutation, OPENING].join('\n'),
    );
    expect(r).toMatchObject({ speaker, salutation, date: '2023年2月10日' });
    expect(headingsOf(r)).toEqual([]);
  });

  it('takes a speaker named alone under the 「——在……上的讲话」 line', () => {
    const r = importPastedText(
      ['凝心聚力 实干争先', '——在中共青禾区委三届五次全会上的讲话', '林某某', '同志们：', OPENING].join('\n'),
    );
    expect(r).toMatchObject({
      subtitle: '在中共青禾区委三届五次全会上的讲话',
      speaker: '林某某',
      salutation: '同志们：',
    });
  });

  it('reads a salutation to the standing committee that opens a report, and a title set on two lines', () => {
    const r = importPastedText(
      [
        '青禾区人民政府',
        '关于2023年上半年法治政府建设情况的报告',
        '区人大常委会：',
        OPENING,
        '一、主要做法',
        BODY,
      ].join('\n'),
    );
    expect(r.title).toBe('青禾区人民政府关于2023年上半年法治政府建设情况的报告');
    expect(r.salutation).toBe('区人大常委会：');
    expect(headingsOf(r).map((h) => h.text)).toEqual(['一、主要做法']);
  });

  it('reads the issuing unit and date under the title, and the signature at the end', () => {
    const top = importPastedText(
      ['青禾区2023年上半年工作总结', '青禾区人民政府办公室', '2023年7月15日', '一、主要工作', BODY].join(
        '\n',
      ),
    );
    expect(top).toMatchObject({ issuer: '青禾区人民政府办公室', date: '2023年7月15日' });
    const end = importPastedText(
      ['青禾区2023年上半年工作总结', '一、主要工作', BODY, '青禾区人民政府', '2023年7月15日'].join('\n'),
    );
    expect(end).toMatchObject({ issuer: '青禾区人民政府', date: '2023年7月15日' });
    expect(paragraphsOf(end)).toEqual([BODY]);
  });

  it('reads a subtitle naming the occasion at the very top, with no title over it', () => {
    const r = importPastedText(['——在全区经济工作会议上的讲话', '同志们：', OPENING].join('\n'));
    expect(r).toMatchObject({ subtitle: '在全区经济工作会议上的讲话', salutation: '同志们：' });
    // a point opening the text is no subtitle
    const point = importPastedText(
      ['——持之以恒保障改善民生。围绕群众急难愁盼，办好民生实事。', BODY].join('\n'),
    );
    expect(point.subtitle).toBeUndefined();
  });

  it('reads the signature above a 公文’s note, and leaves the note in the text', () => {
    const r = importPastedText(
      [
        '青禾区2023年上半年工作总结',
        '一、主要工作',
        BODY,
        '青禾区人民政府',
        '2023年7月15日',
        '（此件公开发布）',
      ].join('\n'),
    );
    expect(r).toMatchObject({ issuer: '青禾区人民政府', date: '2023年7月15日' });
    expect(paragraphsOf(r)).toEqual([BODY, '（此件公开发布）']);
  });

  it('leaves a report without a salutation or a speaker without those fields', () => {
    const r = importPastedText(['青禾区2023年上半年工作总结', '一、主要工作', BODY].join('\n'));
    expect(r.speaker).toBeUndefined();
    expect(r.salutation).toBeUndefined();
    // a colon-ended line deep in the text leads into a list; it is no salutation
    const list = importPastedText(
      ['工作总结', BODY, BODY.replace('4.8%', '5.1%'), '重点抓好以下工作：', BODY.replace('4.8%', '5%')].join(
        '\n',
      ),
    );
    expect(list.salutation).toBeUndefined();
  });
});

describe('a report with no headings at all', () => {
  it('reads as one body of paragraphs and points after its salutation, and its last line is no heading', () => {
    const r = importPastedText(
      ['同志们：', OPENING, '优化营商环境，事关发展全局。全区新设市场主体1.86万户。', BODY, '谢谢大家'].join(
        '\n',
      ),
    );
    expect(r.salutation).toBe('同志们：');
    expect(r.title).toBe('粘贴的文字');
    // one body of text under no heading: its opening, with no title made up for it
    expect(r.sections.map((s) => [s.title, s.opening])).toEqual([['', true]]);
    expect(headingsOf(r)).toEqual([]);
    expect(paragraphsOf(r)).toEqual([
      OPENING,
      '优化营商环境，事关发展全局。全区新设市场主体1.86万户。',
      BODY,
    ]);
    // the closing thanks are kept apart, as the salutation is
    expect(r.closing).toBe('谢谢大家');
  });
});

describe('the deck’s cover and signature from the front matter', () => {
  const r = importPastedText(
    [
      '在全区经济工作会议上的讲话',
      '区委书记　林某某',
      '（2023年2月10日）',
      '同志们：',
      OPENING,
      '中共青禾区委办公室',
      '2023年2月12日',
    ].join('\n'),
  );

  it('fills unit, date and presenter from the issuer, date and speaker', () => {
    expect(r.issuer).toBe('中共青禾区委办公室');
    expect(deckFields(r, emptyBriefing().fields)).toMatchObject({
      title: '在全区经济工作会议上的讲话',
      unit: '中共青禾区委办公室',
      date: '2023年2月10日',
      presenter: '区委书记　林某某',
    });
  });

  it('keeps what staff wrote over what the report says', () => {
    const fields = { ...emptyBriefing().fields, unit: '区委办', date: '二月', presenter: '林书记' };
    expect(deckFields(r, fields)).toMatchObject({ unit: '区委办', date: '二月', presenter: '林书记' });
  });
});

describe('bylines and signatures stand on their own lines', () => {
  it('never reads the speaker into the subtitle above it', () => {
    const r = importPastedText(
      [
        '政府工作报告',
        '——2024年1月16日在临川县第十八届人民代表大会第三次会议上',
        '临川县县长  周明远',
        '',
        '各位代表：',
        '现在，我代表县人民政府，向大会报告工作，请予审议。',
        '一、过去一年的工作',
        '全县地区生产总值增长6.1%。',
      ].join('\n'),
    );
    expect(r.subtitle).toBe('2024年1月16日在临川县第十八届人民代表大会第三次会议上');
    expect(r.speaker).toBe('临川县县长  周明远');
    expect(r.date).toBe('2024年1月16日');
    expect(r.salutation).toBe('各位代表：');
  });

  it('reads a traditional-character speaker and a 民國 date', () => {
    const r = importPastedText(
      [
        '雲溪縣政府施政報告',
        '',
        '縣長　陳建華',
        '',
        '中華民國113年10月8日',
        '',
        '壹、財政',
        '本縣稅收成長5%。',
      ].join('\n'),
    );
    expect(r.speaker).toBe('縣長　陳建華');
    expect(r.date).toBe('中華民國113年10月8日');
  });

  it('reads a unit and its date written on one line, with or without a space between', () => {
    for (const line of ['青禾区统计局　2024年2月6日', '青禾区统计局2024年2月6日']) {
      const r = importPastedText(
        ['青禾区2023年居民收入情况分析', line, '', '2023年，全区居民收入较快增长。'].join('\n'),
      );
      expect(r.issuer).toBe('青禾区统计局');
      expect(r.date).toBe('2024年2月6日');
      expect(r.sections.flatMap((s) => [s.title])).not.toContain(line);
    }
  });

  it('never joins a signature line into the paragraph after it', () => {
    const r = importPastedText(
      [
        '临川县生态环境局2024年上半年工作总结',
        '临川县生态环境局',
        '2024年7月5日',
        '今年以来，县生态环境局持续改善环境质量',
      ].join('\n'),
    );
    expect(r.issuer).toBe('临川县生态环境局');
    expect(r.date).toBe('2024年7月5日');
    const first = r.sections[0]?.blocks[0];
    expect(first?.kind === 'paragraph' && first.text.startsWith('今年以来')).toBe(true);
  });
});

describe('capital numerals rank above 一、', () => {
  it('nests 一、 under 壹、 as a Taiwanese report numbers its parts', () => {
    const r = importPastedText(
      [
        '施政報告',
        '壹、財政與經濟',
        '一、健全財政',
        '稅收成長5%。',
        '二、產業招商',
        '引進企業12家。',
        '貳、建設與交通',
        '一、道路建設',
        '完成道路8公里。',
      ].join('\n'),
    );
    const outline = r.sections
      .filter((s) => s.blocks.length > 0 || s.sections.length > 0)
      .flatMap((s) => [`${s.level}:${s.title}`, ...s.sections.map((c) => `${c.level}:${c.title}`)]);
    expect(outline).toEqual(
      expect.arrayContaining(['1:財政與經濟', '2:健全財政', '2:產業招商', '1:建設與交通', '2:道路建設']),
    );
  });
});

describe('a web article’s headline', () => {
  it('is the title though it exclaims midway, and is never read into the first paragraph', () => {
    const r = importPastedText(
      [
        '数说云溪丨一季度“成绩单”来了！主要指标稳中有进',
        '',
        '原创 云溪发布 2024年04月22日 18:30 云溪市',
        '',
        '点击上方蓝字 关注我们',
        '',
        '4月20日，云溪市召开一季度经济运行分析会。全市经济运行开局良好。',
      ].join('\n'),
    );
    expect(r.title).toBe('数说云溪丨一季度“成绩单”来了！主要指标稳中有进');
    const first = r.sections[0]?.blocks[0];
    expect(first?.kind === 'paragraph' && first.text.startsWith('4月20日')).toBe(true);
  });

  it('takes no sentence that runs on past its 「！」 for a title', () => {
    const r = importPastedText(
      ['大家好！今天我们在这里召开全区经济工作会议，总结成绩', '', '一、工作回顾', '全区经济增长5%。'].join(
        '\n',
      ),
    );
    expect(r.title).not.toContain('大家好');
  });
});
