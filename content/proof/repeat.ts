import { hit, type RuleDef, type UnitContext } from './hits';
import type { Hit } from './types';

/**
 * Words written twice (「进一步进一步」「推进推进」) and list items named twice (「环保、环保」).
 * Chinese repeats words on purpose all the time (「研究研究」「一步一步」「认认真真」「天天」),
 * so a single character written twice is never flagged here (function characters have their own
 * word-aware rule), and a two-character word twice is flagged only when it is not on the list
 * of words that are repeated on purpose.
 */

export const REPEAT_RULES = {
  word: {
    id: 'repeat.word',
    kind: 'repeat',
    rule: '编校规范：多字（重复字词）',
    why: '词语重复',
    whyEn: 'A word is written twice',
  },
  list: {
    id: 'repeat.list',
    kind: 'repeat',
    rule: '编校规范：多字（重复字词）',
    why: '并列成分重复',
    whyEn: 'A list item is named twice',
  },
} as const satisfies Record<string, RuleDef>;

const HAN_RUN = /\p{Script=Han}{4,}/gu;
/** 「一步一步」「两天两天」「每天每天」: a numeral and a measure word repeat on purpose */
const COUNTING = /^[一二两三四五六七八九十几每]/;

export function repeats(ctx: UnitContext, allowed: ReadonlySet<string>): Hit[] {
  const { text } = ctx.unit;
  const out: Hit[] = [];
  for (const run of text.matchAll(HAN_RUN)) {
    const s = run[0];
    const covered = new Array<boolean>(s.length).fill(false);
    for (let len = Math.min(8, s.length >> 1); len >= 2; len--) {
      for (let i = 0; i + 2 * len <= s.length; i++) {
        if (covered[i]) continue;
        const word = s.slice(i, i + len);
        if (s.slice(i + len, i + 2 * len) !== word) continue;
        if (allowed.has(word) || allowed.has(word + word)) continue;
        if (len === 2 && COUNTING.test(word)) continue;
        // 「研究研究所」: the second word is the start of a longer one only when the list says so
        const start = run.index + i;
        for (let k = i; k < i + 2 * len; k++) covered[k] = true;
        out.push(hit(REPEAT_RULES.word, start, start + 2 * len, word, { why: `「${word}」重复` }));
      }
    }
  }
  // a list item twice in a row: 「环保、环保、」, or after a verb: 「发放城乡低保金、城乡低保金」
  for (const m of text.matchAll(/(\p{Script=Han}{2,12})、\1(?=$|[、，。；：）”和及等])/gu)) {
    // 「落实、落实、再落实」 repeats on purpose
    const after = text.slice(m.index + m[0].length);
    if (after.startsWith(`、再${m[1]}`) || after.startsWith(`，再${m[1]}`) || after.startsWith(`、${m[1]}`))
      continue;
    const second = m.index + m[1]!.length;
    out.push(hit(REPEAT_RULES.list, second, second + 1 + m[1]!.length, '', { why: `「${m[1]}」重复列出` }));
  }
  return out;
}
