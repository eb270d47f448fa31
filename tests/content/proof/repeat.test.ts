import { describe, expect, it } from 'vitest';
import { said } from './helpers';

describe('repeated characters and words', () => {
  it('finds a word or phrase written twice', () => {
    expect(said('进一步进一步深化改革。')).toEqual(['repeat:进一步进一步→进一步']);
    expect(said('统筹推进推进稳增长。')).toEqual(['repeat:推进推进→推进']);
    expect(said('深化文明实践实践活动。')).toEqual(['repeat:实践实践→实践']);
    expect(said('谢谢谢谢。')).toEqual(['repeat:谢谢谢谢→谢谢']);
  });

  it('leaves the repetition Chinese uses on purpose', () => {
    const right = [
      '天天抓、人人管、常常查，一一对应。',
      '要认认真真学习、扎扎实实工作、实实在在办事。',
      '家家户户、方方面面、时时刻刻。',
      '这个问题要研究研究，大家讨论讨论。',
      '一步一步推进，一个一个落实，一天一天好起来。',
      '到现场看看、问问。',
      '波士顿顿顿线顺利交付。',
      '关键在落实、落实、再落实。',
      '工作作风、发展展望、学生生活。',
      '雪白雪白的墙。',
    ];
    for (const text of right) expect(said(text), text).toEqual([]);
  });

  it('finds a doubled function character unless two words meet there', () => {
    expect(said('推动经济的的发展。')).toEqual(['repeat:的的→的']);
    expect(said('完成了了全年任务。')).toEqual(['repeat:了了→了']);
    expect(said('我们将将坚持稳中求进。')).toEqual(['repeat:将将→将']);
    expect(said('让企业和和群众满意。')).toEqual(['repeat:和和→和']);
    const right = [
      '达到目的的手段。',
      '这的的确确是好事。',
      '为了了解情况。',
      '不能不了了之。',
      '但是是否可行还要论证。',
      '坚持实事求是是党的思想路线的核心。',
      '现在在建项目32个。',
      '营造安定祥和和谐的环境。',
      '积极参与与会企业的交流。',
      '必将将改革推向深入。',
      '成就就业梦想。',
      '各地地方政府，地地道道的产品。',
    ];
    for (const text of right) expect(said(text), text).toEqual([]);
  });

  it('finds a list item named twice', () => {
    expect(said('开展环保、环保、安全检查。')).toEqual(['repeat:、环保→']);
    expect(said('发放城乡低保金、城乡低保金、特困供养金。')).toEqual(['repeat:、城乡低保金→']);
    expect(said('统筹环保、安全检查。')).toEqual([]);
  });
});
