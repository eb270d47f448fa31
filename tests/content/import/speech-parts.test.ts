import { describe, expect, it } from 'vitest';
import { importPastedText, reanalyze } from '../../../content/import';
import { splitEnumeration } from '../../../content/analyze/points';
import { allSections, paragraphsOf } from './kinds';

const SPEECH = [
  '真抓实干　再创佳绩',
  '——在青禾区2027年工作务虚会上的讲话',
  '同志们：',
  '一、认清形势',
  '我们也要看到，发展中还有一些短板。一是创新能力不强，研发投入强度仅为1.9%；二是城乡差距较大，农村居民收入只有城镇居民的一半左右；三是财政收支紧平衡，刚性支出增长8.2%。针对这些短板，各部门要拿出硬招实招，逐项抓好整改。',
  '二、抓好落实',
  '同志们，目标已经明确，关键在于落实。让我们撸起袖子加油干，奋力开创青禾发展新局面！',
  '谢谢大家！',
].join('\n');

describe('a speech’s enumeration and closing', () => {
  it('ends the last item of a 「；」 list at its full stop: the sentence after it belongs to the section', () => {
    const parts = splitEnumeration(
      '发展中还有一些短板。一是创新能力不强；二是城乡差距较大；三是财政收支紧平衡。针对这些短板，各部门要逐项整改。',
    );
    expect(
      parts?.map((p) =>
        p.kind === 'point' ? `${p.marker}${p.lead}${p.leadEnd ?? ''}${p.text}` : `¶${p.text}`,
      ),
    ).toEqual([
      '¶发展中还有一些短板。',
      '一是创新能力不强；',
      '二是城乡差距较大；',
      '三是财政收支紧平衡。',
      '¶针对这些短板，各部门要逐项整改。',
    ]);
    const blocks = allSections(importPastedText(SPEECH).sections).flatMap((s) => s.blocks);
    expect(blocks).toContainEqual(
      expect.objectContaining({
        kind: 'paragraph',
        text: '针对这些短板，各部门要拿出硬招实招，逐项抓好整改。',
      }),
    );
    const third = blocks.find((b) => b.kind === 'point' && b.marker === '三是');
    expect(third).toMatchObject({ lead: '财政收支紧平衡', text: '刚性支出增长8.2%。' });
  });

  it('keeps items closed by full stops whole: each may run on over sentences of its own', () => {
    const parts = splitEnumeration('一是抓项目。全年开工项目86个。二是优服务。审批时限压缩一半。');
    expect(parts?.at(-1)).toMatchObject({ kind: 'point', marker: '二是', text: '审批时限压缩一半。' });
  });

  it('keeps the closing thanks apart, as the salutation is, and nowhere in the text', () => {
    const r = importPastedText(SPEECH);
    expect(r.salutation).toBe('同志们：');
    expect(r.closing).toBe('谢谢大家！');
    expect(paragraphsOf(r)).not.toContain('谢谢大家！');
    expect(paragraphsOf(r).at(-1)).toMatch(/^同志们，目标已经明确/);
    // derived like the rest of the front matter, again after a decision
    expect(reanalyze(r, r.decisions).closing).toBe('谢谢大家！');
  });

  it('leaves thanks inside the text, and a text without them, alone', () => {
    const r = importPastedText(
      ['总结', '一、工作回顾', '谢谢大家！', '全年完成投资12亿元，增长8%。'].join('\n'),
    );
    expect(r.closing).toBeUndefined();
    expect(paragraphsOf(r)).toContain('谢谢大家！');
  });
});
