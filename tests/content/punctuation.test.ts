import { describe, expect, it } from 'vitest';
import { officialPunctuation } from '../../content/text/punctuation';

describe('official punctuation for Chinese text', () => {
  it.each([
    ['征途漫漫,唯有奋斗。', '征途漫漫，唯有奋斗。'],
    ['严格落实河(湖)长制、林长制', '严格落实河（湖）长制、林长制'],
    ['主要任务:稳增长;促改革', '主要任务：稳增长；促改革'],
    ['难道不是吗?当然!', '难道不是吗？当然！'],
    ['全区GDP降幅收窄,固投同比增长2%', '全区GDP降幅收窄，固投同比增长2%'],
    ['开展"四个服务"活动', '开展“四个服务”活动'],
  ])('turns half-width marks in Chinese text full-width: %s', (input, expected) => {
    expect(officialPunctuation(input)).toBe(expected);
  });

  it.each([
    ['投资1,000万元', '投资1,000万元'],
    ['会议8:30开始', '会议8:30开始'],
    ['see https://example.com/a?b=1', 'see https://example.com/a?b=1'],
    ['Hello, world (test)!', 'Hello, world (test)!'],
    ['已经是全角，不变（一）', '已经是全角，不变（一）'],
  ])('leaves numbers, Latin text and full-width marks alone: %s', (input, expected) => {
    expect(officialPunctuation(input)).toBe(expected);
  });
});
