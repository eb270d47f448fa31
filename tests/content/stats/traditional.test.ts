import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import type { Section, Stat } from '../../../content/model/report';
import { extractStats, splitSentences } from '../../../content/stats/extract';
import { foldChar, foldText } from '../../../content/stats/fold';
import * as lexicon from '../../../content/stats/lexicon';
import { QINGHE_TEXT, YUNXI_TEXT } from '../../fixtures/stats/reports';

/**
 * Reports from Hong Kong, Macao, Taiwan or old archives give the same statistics as simplified
 * text: the text is converted with OpenCC (a maintained converter, not our own table), its digits
 * and signs made full-width, and what is extracted is compared with the simplified original.
 */

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fullWidth = (s: string): string =>
  s.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A report of one section per paragraph, as the statistics pass sees it. */
function sections(text: string): Section[] {
  return text
    .split('\n')
    .filter((l) => l.trim() && !l.includes('\t'))
    .map((line, i) => ({
      id: `s${i}`,
      title: /^[一二三四五六七八九十]+、/.test(line) ? line : '正文',
      level: 1,
      blocks: [{ kind: 'paragraph' as const, id: `p${i}`, text: line }],
      sections: [],
    }));
}

/** What a statistic says, in simplified characters and ASCII digits, so the two texts compare. */
const plain = (s: string): string => toSimplified(foldText(s));
const meaning = (s: Stat) => ({
  value: s.value,
  upper: s.upper?.value,
  from: s.from?.value,
  unit: plain(s.unit),
  label: plain(s.label),
  kind: s.kind,
  measure: s.measure,
  qualifier: s.qualifier && plain(s.qualifier),
  period: s.period && plain(s.period),
  basis: s.basis && plain(s.basis),
  scope: s.scope.kind,
  unfit: Boolean(s.unfit),
});

describe('traditional characters and full-width digits', () => {
  it.each([
    ['青禾区上半年汇报', QINGHE_TEXT],
    ['云溪市政府工作报告', YUNXI_TEXT],
  ])('give the statistics of %s, converted by OpenCC, that the simplified text gives', (_name, text) => {
    const simplified = extractStats(sections(text));
    const traditionalText = fullWidth(toTraditional(text));
    expect(traditionalText).not.toBe(text);
    const traditional = extractStats(sections(traditionalText));
    expect(traditional.map(meaning)).toEqual(simplified.map(meaning));
    expect(simplified.length).toBeGreaterThan(50);
    // and they keep the report's own characters: 「億元」, not 「亿元」
    expect(traditional.some((s) => s.unit.includes('億'))).toBe(true);
    for (const s of traditional) expect(s.sentence.includes(s.text)).toBe(true);
  });

  it('fold every character the rules match on that OpenCC writes differently in traditional text', () => {
    const words = Object.values(lexicon)
      .filter((v): v is RegExp => v instanceof RegExp)
      .map((re) => re.source)
      .join('');
    const missing = [...new Set(words.match(/\p{Script=Han}/gu) ?? [])].filter((ch) => {
      const trad = toTraditional(ch);
      return trad !== ch && foldChar(trad) !== ch;
    });
    expect(missing).toEqual([]);
  });

  it('split a traditional paragraph into the same sentences', () => {
    const text = '全區地區生產總值增長６．８％。新增城鎮就業５８６０人！';
    expect(splitSentences(text)).toEqual(['全區地區生產總值增長６．８％。', '新增城鎮就業５８６０人！']);
  });
});
