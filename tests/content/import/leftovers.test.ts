import { describe, expect, it } from 'vitest';
import { leftoverKind } from '../../../content/analyze/leftovers';
import { importPastedText } from '../../../content/import';
import { headingsOf, paragraphsOf } from './kinds';

const PARA = '一季度，全区规模以上工业增加值同比增长8.4%，高于全市平均水平1.7个百分点。';
const PARA2 = '全区社会消费品零售总额达到52.4亿元，同比增长9.1%。';

describe('web leftovers and bylines', () => {
  it.each([
    ['原创 青禾发布 2023年05月08日 09:12', 'web-leftover'],
    ['青禾发布 2023-05-08 09:12 发表于浙江', 'web-leftover'],
    ['点击上方蓝字 关注我们', 'web-leftover'],
    ['点击上方“青禾发布”关注我们', 'web-leftover'],
    ['长按识别二维码关注', 'web-leftover'],
    ['来源：青禾区统计局', 'byline'],
    ['来 源：青禾区人民政府网', 'byline'],
    ['编辑：林晓', 'byline'],
    ['责任编辑：周宁', 'byline'],
    ['审核：陈立', 'byline'],
    ['编辑：林晓　审核：陈立', 'byline'],
    ['（作者：青禾区发展和改革局　周宁）', 'byline'],
    ['【责任编辑：王芳】', 'byline'],
    ['记者 林晓 通讯员 王芳', 'byline'],
    ['本报记者　陈晨', 'byline'],
    ['文 | 林晓', 'byline'],
    ['图/陈晨', 'byline'],
    ['（完）', 'web-leftover'],
    ['—END—', 'web-leftover'],
    ['海量资讯、精准解读，尽在青禾新闻APP', 'web-leftover'],
    ['下载青禾新闻客户端，阅读更多精彩内容', 'web-leftover'],
    ['图片', 'web-leftover'],
    ['[图片]', 'web-leftover'],
    ['点击阅读原文', 'web-leftover'],
    ['阅读 3.4万', 'web-leftover'],
    ['阅读 10万+', 'web-leftover'],
    ['分享 收藏 点赞 在看', 'web-leftover'],
    ['首页 > 新闻中心 > 工作动态', 'web-leftover'],
    ['发布时间：2023-05-08　来源：青禾区发改局　浏览次数：1234', 'web-leftover'],
    ['【字体：大 中 小】', 'web-leftover'],
    ['打印本页 关闭窗口', 'web-leftover'],
    ['上一篇：青禾区召开防汛工作会议', 'web-leftover'],
    ['版权所有：青禾区人民政府办公室', 'web-leftover'],
  ])('knows 「%s」 for a %s', (line, kind) => {
    expect(leftoverKind(line)).toBe(kind);
    const r = importPastedText(['一季度经济运行良好', PARA, line, PARA2].join('\n'));
    expect(r.repairs.map((x) => `${x.kind}:${x.before}`)).toEqual([`${kind}:${line}`]);
    expect(paragraphsOf(r)).toEqual([PARA, PARA2]);
    expect(headingsOf(r)).toEqual([]);
  });

  it.each([
    '记者从区统计局获悉，一季度全区经济运行实现良好开局。',
    '群众可扫描二维码在线预约，也可到窗口现场办理。',
    '下载“浙里办”APP即可办理，全程不见面。',
    '时间：5月10日上午9:00',
    '数据来源：区统计局',
    '区融媒体中心记者深入一线采访报道。',
    '欢迎广大市民积极参与，共建美丽青禾。',
  ])('leaves 「%s」, the report’s own words, in the report', (line) => {
    expect(leftoverKind(line)).toBeNull();
    const r = importPastedText(['一季度经济运行良好', PARA, line, PARA2].join('\n'));
    expect(r.repairs).toEqual([]);
  });

  it('drops 往期推荐 with the list of articles after it, as one repair, and stops at the report’s own text', () => {
    const r = importPastedText(
      [
        '一季度经济运行良好',
        PARA,
        '往期推荐',
        '青禾区召开2023年一季度经济形势分析会',
        '一图读懂｜2023年青禾区政府工作报告',
        '青禾这个村，入选省级未来乡村！',
        '图片',
        '点击阅读原文',
      ].join('\n'),
    );
    expect(r.repairs.map((x) => [x.kind, x.blockIds.length])).toEqual([
      ['web-leftover', 4],
      ['web-leftover', 1],
      ['web-leftover', 1],
    ]);
    expect(paragraphsOf(r)).toEqual([PARA]);
    const stop = importPastedText(['标题', '推荐阅读', '某某文章标题', `${PARA}${PARA2}`].join('\n'));
    expect(paragraphsOf(stop)).toEqual([`${PARA}${PARA2}`]);
  });

  it('takes a pasted article’s headline for its title and drops the account name, publication line and byline above the text', () => {
    const r = importPastedText(
      [
        '青禾区：一季度经济运行稳中向好，多项指标好于预期！',
        '原创 青禾发布 青禾发布 2023-05-08 09:12 发表于浙江',
        '青禾发布',
        '文 | 林晓',
        PARA,
        PARA2,
        '编辑：林晓',
      ].join('\n'),
    );
    expect(r.title).toBe('青禾区：一季度经济运行稳中向好，多项指标好于预期！');
    // dated by the publication line it dropped
    expect(r.date).toBe('2023-05-08');
    expect(r.repairs.map((x) => x.kind)).toEqual(['web-leftover', 'web-leftover', 'byline', 'byline']);
    expect(headingsOf(r)).toEqual([]);
    expect(paragraphsOf(r)).toEqual([PARA, PARA2]);
  });
});

describe('section numbers 01 02', () => {
  it('takes 「01」 on its own line, with the title under it, for a top-level heading', () => {
    const r = importPastedText(
      ['青禾区经济观察', '01', '工业经济稳中有进', PARA, '02', '消费市场加快回暖', PARA2].join('\n'),
    );
    expect(headingsOf(r)).toEqual([
      { level: 1, text: '01工业经济稳中有进' },
      { level: 1, text: '02消费市场加快回暖' },
    ]);
    expect(paragraphsOf(r)).toEqual([PARA, PARA2]);
  });

  it('takes 「01 | 标题」 and 「02丨标题」 for top-level headings', () => {
    const r = importPastedText(
      ['青禾区经济观察', '01 | 工业经济稳中有进', PARA, '02丨消费市场加快回暖', PARA2].join('\n'),
    );
    expect(headingsOf(r)).toEqual([
      { level: 1, text: '01工业经济稳中有进' },
      { level: 1, text: '02消费市场加快回暖' },
    ]);
  });

  it('leaves 「01」 in a table of numbers, and a lone 「01」, alone', () => {
    const table = importPastedText(['主要指标', PARA, '序号', '01', '02', '03', PARA2].join('\n'));
    expect(headingsOf(table).map((h) => h.text)).not.toContain('01');
    expect(table.sections.flatMap((s) => s.sections)).toEqual([]);
    const lone = importPastedText(['主要指标', PARA, '01', PARA2].join('\n'));
    expect(headingsOf(lone)).toEqual([]);
  });
});
