import { PREFIX_QUALIFIERS, qualifierWeight } from './lexicon';

/** The qualifier written with a number: 超 / 以上 / 左右 / 近 / 约 / 达 / 突破 / 累计 … */

/** Peel qualifier words off the end of a lead: 「累计达」 → rest, 「达」 and 「累计」. */
export function stripQualifiers(lead: string): { rest: string; words: string[] } {
  let rest = lead;
  const words: string[] = [];
  for (let i = 0; i < 5; i++) {
    // a currency named before the number stands between it and its qualifier: 「达新台币216亿元」
    const linked = rest.replace(/(新台币|人民币|美元|港币|港元|澳门元|欧元)$/, '').replace(/(了|为|是)$/, '');
    const q = PREFIX_QUALIFIERS.find((w) => linked.endsWith(w) && !fusedQualifier(linked, w));
    if (!q) break;
    words.push(q);
    rest = linked.slice(0, -q.length);
  }
  // 「至少联系5家」: a bound said before the verb still bounds the number
  if (words.length === 0) {
    const gap = /(至少|最多|不少于|不低于|不超过)(\p{Script=Han}{1,2})$/u.exec(rest);
    if (gap?.[1] && gap[2]) {
      words.push(gap[1]);
      rest = rest.slice(0, gap.index) + gap[2];
    }
  }
  return { rest, words };
}

/** A qualifier's character that belongs to the word before it: 「节约」, 「最近」, 「到达」. */
export function fusedQualifier(lead: string, q: string): boolean {
  const before = lead.slice(-q.length - 1, -q.length);
  switch (q) {
    case '约':
      return /[节制签合条预公契大]/.test(before);
    case '近':
      return /[最附接将亲贴临]/.test(before);
    case '达':
      return /[到发表传下直抵送通转]/.test(before);
    case '超':
      return /[赶高]/.test(before);
    default:
      return false;
  }
}

/** The strongest of the qualifiers written before a number. */
export function strongest(words: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const w of words) if (best === undefined || qualifierWeight(w) > qualifierWeight(best)) best = w;
  return best;
}

/** 累计 / 共计 / 共 opening a lead, after words of time and place: 「上半年共接待游客」. */
export const OPENING_QUALIFIER =
  /^(?:今年|去年|全年|上半年|下半年|前三季度|[一二三四]季度|[0-9]{1,2}[—\-－~～至][0-9]{1,2}月|截至[^，,]{1,6}|全区|全市|全县|全镇|全省|我区|我市|我县|目前|已|先后|五年来|过去五年)*(累计|共计|合计|总计|共(?![同享建治青产性识有]))/;
