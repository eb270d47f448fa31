import { POINT_MARKER } from './text-rules';

const MAX_LEAD_CHARS = 28;
const MAX_COMMA_LEAD_CHARS = 24;
/** A sentence that opens on its circumstances (「随着……，」 「根据……，」) states, it does not lead in. */
const CIRCUMSTANCE =
  /^(随着|在|通过|为了|为|由于|经过|按照|根据|依托|围绕|针对|截至|今年以来|近年来|目前|当前|同时|此外|其中|对此|下一步|一季度|上半年|下半年|全年)/;

export interface PointParts {
  marker?: string;
  lead: string;
  /** the punctuation that ended the lead as written: 「。」 「：」 「，」 */
  leadEnd?: string;
  text: string;
}

/**
 * Split a paragraph that opens with a short lead-in sentence into its lead and body:
 * 「全力复工复产。出台……」, 「一是抓项目扩投资。……」, 「——持之以恒保障改善民生。……」.
 * Null when the paragraph has no lead-in.
 */
export function matchPoint(text: string): PointParts | null {
  const marker = POINT_MARKER.exec(text);
  const rest = marker ? text.slice(marker[0].length) : text;
  // a quotation (「“订单排到了下半年。”负责人说」) leads into nothing
  if (/^["“「『]/.test(rest)) return null;
  const m = /^([^。！？!?；;：:]{2,})([。！？!?；;：:])/.exec(rest);
  if (!m || !m[1]) return null;
  const lead = m[1].trim();
  const body = rest.slice(m[0].length).trim();
  if (lead.length > MAX_LEAD_CHARS || body.length === 0) return null;
  // 「各位代表！」 calls on the audience, and 「2023年是……之年。」 states a fact: neither leads in
  if (/^(各位|同志们|朋友们|女士们|先生们)/.test(lead)) return null;
  // 「2023年是……之年。」 and 「全年固定资产投资比上年增长10.3%。其中……」 state a fact, with its
  // figure: an unmarked paragraph's lead-in names the point, it does not measure it
  if (!marker && /\d/.test(lead)) return null;
  const commas = lead.split(/[，,]/);
  if (!marker && commas.length > 1) {
    // 「加强基层党组织建设,全面筑牢战斗堡垒。」 is a two-part lead-in; 「8月12日,全会召开。」 and
    // 「上半年,绿园以……,推动……。」 are ordinary sentences that open with a time or run on
    if (commas.length > 2 || m[2] !== '。' || lead.length > MAX_COMMA_LEAD_CHARS || /\d/.test(lead))
      return null;
    if (commas.some((part) => part.trim().length < 4) || CIRCUMSTANCE.test(lead)) return null;
    // 「过去的一年，是极不平凡的一年」 says what something is
    if (/^是/.test(commas[1]?.trim() ?? '')) return null;
  }
  const markerText = marker?.[1];
  const parts: PointParts = markerText ? { marker: markerText, lead, text: body } : { lead, text: body };
  if (m[2]) parts.leadEnd = m[2];
  return parts;
}

/**
 * A numbered item written as whole sentences, 「1. 臭氧污染问题逐步凸显，上半年……。」 or
 * 「（2）部分断面水质不稳定。」: no short lead-in sentence for `matchPoint`, yet one item of the
 * report's list. It is a point with its marker kept, led like an item of an inline enumeration
 * (its first clause). Null without a marker, or for a dash.
 */
export function markedItem(text: string): PointParts | null {
  const marker = POINT_MARKER.exec(text);
  // a dash also opens a quotation's source (「——摘自……」): not an item
  if (!marker?.[1] || marker[1].startsWith('—')) return null;
  const rest = text.slice(marker[0].length).trim();
  if (rest.length < 2 || /^["“「『]/.test(rest)) return null;
  const item = enumeratedItem(marker[1], rest);
  // a first clause with a figure in it (「城镇新增就业6000人以上，」) states, it does not name the
  // item: a short item is read whole, like its siblings 「地区生产总值增长6%左右；」
  if (item.text && /\d/.test(item.lead) && rest.length <= MAX_WHOLE_ITEM_CHARS) {
    const end = /[。！？!?；;：:…]$/.exec(rest)?.[0];
    return end
      ? { marker: marker[1], lead: rest.slice(0, -end.length), leadEnd: end, text: '' }
      : { marker: marker[1], lead: rest, text: '' };
  }
  return item;
}
/** The longest numbered item read whole as its own lead: one line of a list of targets. */
const MAX_WHOLE_ITEM_CHARS = 48;

/** A paragraph split at its inline enumeration: what leads into it, then one point per item. */
export type EnumerationPart = { kind: 'paragraph'; text: string } | ({ kind: 'point' } & PointParts);

/**
 * The enumerations a paragraph may run through, each a family of markers in order. A marker
 * counts only where it opens a sentence (at the start, or after 。！？；), except the first, which
 * may follow the colon or comma that leads into the list: 「呈现以下特点：一是……。二是……。」.
 * 「抓好三件事：一是……，二是……」 inside one sentence is left alone, and so is 「第一季度」 or
 * 「首先要看到」 in running text.
 */
interface Family {
  re: RegExp;
  rank: (m: RegExpExecArray) => number;
  /** words in order, not numbers: a rank may be skipped (首先 … 最后) */
  ordered?: boolean;
}

const ORDINALS = '一二三四五六七八九十';
/** A marker that can only be an enumeration's second item or later. */
const SECOND_ITEM =
  /[二三四五六七八九十]是|第[二三四五六七八九十]|其[二三四五六七八九十]|其次|再次|然后|最后/;
const OPENS_SENTENCE = '(?<=^|[。！？!?；;：:，,]\\s*)';
/** After the first item, each marker opens a sentence of its own: 「……，二是」 is inside one. */
const AFTER_SENTENCE = /(^|[。！？!?；;])\s*$/;

const ENUMERATIONS: readonly Family[] = [
  // 一是 二是 三是
  {
    re: new RegExp(`${OPENS_SENTENCE}([${ORDINALS}]{1,3})是`, 'g'),
    rank: (m) => chineseOrdinal(m[1] ?? ''),
  },
  // 第一， 第二，
  {
    re: new RegExp(`${OPENS_SENTENCE}第([${ORDINALS}]{1,3})[，,、：:]`, 'g'),
    rank: (m) => chineseOrdinal(m[1] ?? ''),
  },
  // 其一， 其二，
  {
    re: new RegExp(`${OPENS_SENTENCE}其([${ORDINALS}])[，,、：:是]`, 'g'),
    rank: (m) => chineseOrdinal(m[1] ?? ''),
  },
  // 首先， 其次， 再次， 最后，
  {
    re: new RegExp(`${OPENS_SENTENCE}(首先|其次|再次|然后|最后)[，,]`, 'g'),
    rank: (m) => ({ 首先: 1, 其次: 2, 再次: 3, 然后: 3, 最后: 4 })[m[1] as '首先'] ?? 0,
    ordered: true,
  },
];

/** 一 → 1, 十二 → 12; 0 for anything else. */
function chineseOrdinal(text: string): number {
  const digit = (c: string | undefined): number => (c ? '一二三四五六七八九'.indexOf(c) + 1 : 0);
  if (text.length === 1) return text === '十' ? 10 : digit(text);
  if (text.length === 2 && text[0] === '十') return 10 + digit(text[1]);
  if (text.length === 2 && text[1] === '十') return digit(text[0]) * 10;
  if (text.length === 3 && text[1] === '十') return digit(text[0]) * 10 + digit(text[2]);
  return 0;
}

/**
 * The longest run of markers in order: 1, 2, 3 … one by one for numbered markers; 首先, then
 * 其次 / 再次 / 然后, then 最后 for the words. Fewer than two is no enumeration.
 */
function markerRun(text: string, family: Family): RegExpExecArray[] {
  const found = [...text.matchAll(family.re)] as RegExpExecArray[];
  let best: RegExpExecArray[] = [];
  found.forEach((start, k) => {
    if (family.rank(start) !== 1) return;
    const run = [start];
    for (const m of found.slice(k + 1)) {
      const last = family.rank(run[run.length - 1] as RegExpExecArray);
      const rank = family.rank(m);
      if (!AFTER_SENTENCE.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
      if (family.ordered ? rank > last && last < 4 : rank === last + 1) run.push(m);
    }
    if (run.length > best.length) best = run;
  });
  return best.length >= 2 ? best : [];
}

/**
 * Split a paragraph that enumerates inline — 「一是……。二是……。三是……。」, 「第一，……第二，……」,
 * 「首先，……其次，……最后，……」 — into one point per item, each keeping its marker, and the text
 * before the first item (「重点抓好三个方面：」) as a paragraph. Null when the paragraph does not
 * enumerate (one marker alone is an ordinary lead-in, for `matchPoint`).
 */
export function splitEnumeration(text: string): EnumerationPart[] | null {
  // an enumeration has a second item: most paragraphs have none, and are done with one scan
  if (!SECOND_ITEM.test(text)) return null;
  let best: RegExpExecArray[] = [];
  for (const family of ENUMERATIONS) {
    const run = markerRun(text, family);
    if (
      run.length > best.length ||
      (run.length === best.length && (run[0]?.index ?? 0) < (best[0]?.index ?? 0))
    )
      best = run;
  }
  if (best.length < 2) return null;
  const parts: EnumerationPart[] = [];
  const preamble = text.slice(0, best[0]?.index ?? 0).trim();
  if (preamble) parts.push({ kind: 'paragraph', text: preamble });
  // items closed by 「；」 make one sentence, which the last item's full stop ends: what follows it
  // (「对这些问题，我们必须……」) speaks of the whole list, not of its last item
  const inOneSentence = best.slice(1).every((m) => /[；;]\s*$/.test(text.slice(0, m.index)));
  const lastStart = (best[best.length - 1]?.index ?? 0) + (best[best.length - 1]?.[0].length ?? 0);
  const stop = inOneSentence ? /[。！？!?]/.exec(text.slice(lastStart)) : null;
  const lastEnd = stop ? lastStart + stop.index + 1 : text.length;
  best.forEach((m, k) => {
    const start = m.index;
    const end = best[k + 1]?.index ?? lastEnd;
    parts.push({ kind: 'point', ...enumeratedItem(m[0], text.slice(start + m[0].length, end).trim()) });
  });
  const after = text.slice(lastEnd).trim();
  if (after) parts.push({ kind: 'paragraph', text: after });
  return parts;
}

/**
 * One item of an enumeration: its lead is its first clause, up to the punctuation that ends it
 * (kept in `leadEnd`), and the rest is its body. 「一是坚持稳中求进，全力以赴……」 leads with
 * 「坚持稳中求进」.
 */
function enumeratedItem(marker: string, item: string): PointParts {
  const m = /^([^。！？!?；;：:，,]+)([。！？!?；;：:，,])/.exec(item);
  if (!m?.[1]) {
    const end = /[。！？!?；;：:…]$/.exec(item)?.[0];
    return end
      ? { marker, lead: item.slice(0, -end.length), leadEnd: end, text: '' }
      : { marker, lead: item, text: '' };
  }
  return { marker, lead: m[1].trim(), leadEnd: m[2] ?? '', text: item.slice(m[0].length).trim() };
}
