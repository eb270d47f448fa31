import {
  ANAPHORIC,
  BAD_LABEL_END,
  BAD_LABEL_START,
  DROP_ADVERBS,
  FILLER_START,
  HEAD_NOUN,
  LABEL_VERBS,
  MEANINGLESS_LABEL,
  PREDICATE_START,
  VERB_ONLY,
} from './lexicon';

/**
 * The label of a statistic: the thing measured as a short noun phrase a leader understands alone
 * (「固定资产投资」, 「新增城镇就业」, 「全年目标完成率」). Built from the words before the number,
 * or the thing counted after it, or the clause's subject; checked so that a function word, a
 * fragment of a neighbouring clause or nothing never passes as one.
 */

/** Longest label kept: a card's line, not a sentence. */
export const MAX_LABEL_CHARS = 16;
const MIN_LABEL_CHARS = 2;

/** Strip time, place, conjunctions and plain verbs from the start: 「上半年全区实现」 → 「」. */
export function stripFiller(text: string): string {
  let t = text.trim();
  for (let i = 0; i < 12; i++) {
    // an opening quote stays when it closes inside: 「“两车”配套企业」
    const next = t
      .replace(FILLER_START, '')
      .replace(/^[\s、，,：:]+/, '')
      .replace(/^[（(“"](?![^”"）)]*[”"）)])/, '');
    if (next === t) break;
    // keep a word whole: 「全」 off 「全员」 would leave 「员」
    if (next.length < MIN_LABEL_CHARS && t.length <= 3) break;
    // 「完成投资」 says more than 「投资」: a plain verb stays before a measure of two characters
    if (/^完成/.test(t) && next.length <= 2 && t.length - next.length === 2) break;
    t = next;
  }
  return t;
}

/** The thing after a number up to where its predicate starts: 「重点项目全部复工」 → 「重点项目复工」. */
export function countedThing(follow: string): string {
  let t = follow.replace(/^\s+/, '');
  // an opening quote stays when its closing one follows: 「“两车”配套企业」
  if (/^[“"「（(]/.test(t) && !/[”"」）)]/.test(t.slice(1))) t = t.slice(1);
  if (!/^[\p{Script=Han}A-Za-z“"「《]/u.test(t) || /^(的|以|之|多|余|等|左右|以上|以下)/.test(t)) return '';
  const cut = t.search(PREDICATE_START);
  if (cut === 0) return '';
  if (cut > 0) {
    // 「重点项目全部复工」, 「企业实现扩能超产」: after an adverb or 「实现」 the action says what was
    // counted; after 「被」 「的」 「完成」 (「完成投资」) the rest is another matter
    const adverb = /^(全部|均已|均|都已|都|已经|已|全面|陆续|先后|顺利|如期|提前|实现)/.exec(t.slice(cut));
    if (adverb) {
      const rest = t.slice(cut + adverb[0].length).replace(/^(实现|完成|了)/, '');
      const action = /^[\p{Script=Han}]{2,4}/u.exec(rest.replace(/[，,、；;。].*$/, ''))?.[0] ?? '';
      t = `${t.slice(0, cut)}${action}`;
    } else if (/^(完成率|完成比例|进度)/.test(t.slice(cut))) {
      // 「5个项目投资完成率低于30%」: the words run on into a rate of the thing, not the thing counted
      return '';
    } else t = t.slice(0, cut);
  }
  t = t.replace(DROP_ADVERBS, '').trim();
  // a closing quote whose opening one was cut off goes too
  return /^[“"「]/.test(t) ? t : t.replace(/^([^“"「]*)[”"」]/, '$1');
}

/** 「死亡」9人 → 「死亡人数」, 「发生各类生产安全事故」14起 → 「生产安全事故起数」: what a count counts. */
export function countNoun(label: string, unit: string): string {
  const u = unit.replace(/^(万|千|百)/, '');
  if (/^(人|名)$/.test(u) && /^(死亡|受伤|失踪|遇难|伤亡|死伤|因灾死亡|因灾死亡失踪)$/.test(label))
    return `${label}人数`;
  const happened = /^发生(了)?(各类|各种|一般)?(.{2,12}?)(事故|案件|火灾|灾害)$/.exec(label);
  if (u === '起' && happened) return `${happened[3]}${happened[4]}起数`;
  return label;
}

/** The verb a lead starts with and the noun after it, for 「洽谈项目60个、签约13个」: 「项目」. */
export function headNounOf(label: string): string {
  return HEAD_NOUN.exec(label)?.[0] ?? '';
}

/** Whether a lead is a verb with nothing it acts on: 「新建」, 「签约」, 「累计完成」. */
export function isVerbOnly(text: string): boolean {
  return VERB_ONLY.test(text);
}

/** Shorten a long label to its measure: the part from its last verb of measure, else after 「的」. */
export function shorten(label: string): string {
  let t = label;
  if (t.length > MAX_LABEL_CHARS - 2)
    t = t
      .replace(/规模以上/g, '规上')
      .replace(/平均水平/g, '平均')
      .replace(/社会消费品零售总额/g, '社零额');
  if (t.length <= MAX_LABEL_CHARS) return t;
  const de = t.lastIndexOf('的');
  if (de >= 0 && t.length - de - 1 >= 2 && t.length - de - 1 <= MAX_LABEL_CHARS) return t.slice(de + 1);
  let at = -1;
  let verb = '';
  for (const v of t.matchAll(LABEL_VERBS)) {
    if ((v.index ?? 0) > 0) {
      at = v.index ?? at;
      verb = v[0];
    }
  }
  // 「实现」 「完成」 say nothing of the measure: start after them
  if (at > 0 && /^(实现|完成)$/.test(verb)) at += verb.length;
  if (at > 0 && t.length - at <= MAX_LABEL_CHARS) return t.slice(at);
  return t;
}

/**
 * Why a label does not stand alone, or null when it does: empty, too short or long, a function
 * word or a lone verb, a fragment that starts or ends on a function word, another number inside.
 */
export function labelFault(label: string): string | null {
  const t = label.trim();
  if (t.length < MIN_LABEL_CHARS) return '没有说明这个数字是什么';
  if (t.length > MAX_LABEL_CHARS + 4) return '说明太长，不是一个名目';
  if (MEANINGLESS_LABEL.test(t) || ANAPHORIC.test(t)) return '说明只是一个虚词或泛称';
  if (isVerbOnly(t)) return '说明只有动词，没有对象';
  if (BAD_LABEL_START.test(t) && !/^(以来|其他|对外|比重|为民|到位|到账|在建|在校|在岗|在册|在库)/.test(t))
    return '说明是残句';
  if (BAD_LABEL_END.test(t)) return '说明是残句';
  if (/[，,。；;：:！？!?]/.test(t)) return '说明跨了句子';
  // a number with a unit inside is another figure's words: 「提高到66.4%」
  // (a threshold naming a category stays: 「10亿元以上项目」)
  const bare = t
    .replace(/[0-9.]+[万亿]?[^0-9]{0,3}?(以上|以下)/g, '')
    .replace(/(超过|超|过|逾)[0-9.]+[万亿]?元/g, '')
    .replace(/每[十百千万]+/g, '');
  if (
    /[0-9零〇一二两三四五六七八九十百千][万亿]?(%|个|户|家|人|名|项|元|吨|亩|天|次|倍)/.test(bare) &&
    !/PM2\.5|5G|4G/.test(bare)
  )
    return '说明含有另一个数字';
  // an opening quote may start a label when it closes inside it: 「“两车”配套企业」
  if ((/^[\p{P}\p{S}\s]/u.test(t) && !/^[“「《"]/.test(t)) || /[“「《(（]$/.test(t)) return '说明是残句';
  if (/^[“「《"]/.test(t) && !/[”」》"]/.test(t.slice(1))) return '说明是残句';
  if (/^[^“「《"]*[”」》]/.test(t)) return '说明是残句';
  if (ENDS_ON_BARE_VERB.test(t)) return '说明只有动作，没有说是什么';
  // 「推进进度滞后」: a judgement of something, not the thing measured
  if (/(滞后|缓慢|偏弱|偏低|偏高|偏少|不足|较大|较多|较少|突出|明显|不强|不够|低迷|乏力|不均衡)$/.test(t))
    return '说明是一句评价，不是名目';
  if (!/\p{Script=Han}|[A-Z]{2,}/u.test(t)) return '说明不是文字';
  return null;
}

/** A label that ends on a verb of doing, with nothing done: 「系统谋划实施」. */
const ENDS_ON_BARE_VERB =
  /(实施|推进|开展|谋划|规划|部署|组织|召开|举办|完成|实现|达到|安排|落实|推动|加强|加快|深化|统筹|梳理|细化|分解|建立|出台|制定|印发)$/;

/** A section title that can stand as a label: short, a noun phrase rather than a call to act. */
export function titleAsLabel(title: string): string {
  const t = title
    .replace(/^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])\s*/, '')
    .replace(/[。：:]$/, '')
    .trim();
  if (t.length < 2 || t.length > 10) return '';
  if (
    /^(全力|坚持|加快|推进|持续|深入|强化|扎实|着力|聚焦|狠抓|抓好|做好|坚定|不断|积极|大力|切实|全面|突出|围绕|统筹|提升|优化|深化|推动|落实|打好|守牢|保障|改善|激发|增强|以)/.test(
      t,
    )
  )
    return '';
  return labelFault(t) ? '' : t;
}
