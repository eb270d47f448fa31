import { foldText } from '../stats/fold';
import { numberTokens } from '../stats/numbers';
import { sentencesOf } from '../text/safe-cut';

/**
 * The lines a deck shows for a point or a run of paragraphs: whole sentences, never cut, those
 * that carry facts first — numbers, then results, then measures — and rhetoric last, as many as
 * a slide holds comfortably. What is left out stays in the notes and marks the item 已精简.
 */

/**
 * How much a sentence tells: 3 a number, 2 a result, 1 a measure, 0 plain, -1 rhetoric, -2 a
 * formula that only frames the speech (「现将…总结如下」「下面，我再讲三点意见」) and says no fact.
 */
export function factWeight(sentence: string): number {
  // a formula says no fact even with a count in it (「讲三点意见」「抓好以下五项工作」)
  if (FORMULA.test(sentence)) return FORMULA_WEIGHT;
  const folded = foldText(sentence);
  const hasNumber = numberTokens(folded).some(
    (t) => (t.arabic || t.unit !== '' || t.magnitude !== '') && !isYear(folded, t),
  );
  if (hasNumber) return 3;
  if (RALLY.test(sentence)) return -1;
  if (RESULT.test(sentence)) return 2;
  if (RHETORIC.test(sentence)) return -1;
  if (MEASURE.test(sentence)) return 1;
  return 0;
}

/** 「2023年」「2024年」 name a year: a date, not a figure. */
function isYear(folded: string, t: { start: number; numEnd: number; value: number }): boolean {
  return (
    t.numEnd - t.start === 4 &&
    t.value >= 1900 &&
    t.value <= 2100 &&
    /^年(?!均|末|底|度?增|度?下降)/u.test(folded.slice(t.numEnd))
  );
}

/** The weight of a formula: never a line of its own; its words stay in the notes. */
export const FORMULA_WEIGHT = -2;

const RESULT =
  /完成|实现|达到|增长|下降|提高|提升|减少|新增|建成|累计|位列|排名|居全|第一|首位|突破|超过|同比|环比|获评|获批|入选|荣获|投用|竣工|通车|开工|落地|签约/u;
const MEASURE =
  /推进|实施|开展|建立|健全|出台|落实|推行|引进|启动|组织|打造|新建|改造|整治|召开|印发|制定|设立|开通|部署|举办|培育|完善/u;
const RHETORIC =
  /坚持|始终|牢固树立|深入学习|贯彻|精神|奋力|砥砺|谱写|不忘|牢记|使命|初心|担当|决心|信心|勇气|奋斗|新篇章|高度重视|重要指示|时不我待|只争朝夕|征程|重任在肩|唯有|坚强领导|的结果/u;
/** A closing rally: 「奋力完成各项目标任务，为…作出新的更大贡献」 says 完成 but reports nothing. */
const RALLY = /作出(?:新的)?更大(?:的)?贡献|而不懈奋斗|^让我们|新篇章|再创新辉煌|再立新功/u;
/**
 * Sentences that frame a report or speech rather than say anything: the announcement of what
 * follows (「现将…如下」「下面，我再讲三点意见」「重点抓好以下五项工作」), the nod to earlier speakers
 * (「刚才…我都同意」), the promise to take problems seriously, the thanks.
 */
const FORMULA = new RegExp(
  [
    '(?:总结|汇报|报告|通报|说明)如下',
    '见(?:下|附)表',
    '^(?:现将|现就|特将).{0,30}如下',
    '^下面[，,]?(?:我|再|就|讲)',
    '[讲谈提]\\s*[一二三四五六七八九十几两]\\s*(?:点|个方面)(?:意见|看法|要求|体会)',
    '(?:抓好|做好|抓了|做了|突出)以下',
    '以下(?:几|[一二三四五六七八九十])(?:个方面|项|点)',
    '^围绕(?:这一|上述|这个)目标',
    '讲得(?:都)?(?:很好|非常好)',
    '我(?:都|完全)?同意',
    '^对(?:这些|上述|以上)问题',
    '^对此[，,]',
    '表示(?:衷心的|诚挚的)?(?:感谢|敬意)',
    '^谢谢',
    '^(?:各位代表|各位委员|同志们|各位同志)[！!：:，,。]*$',
    '请予审议',
  ].join('|'),
  'u',
);

/**
 * A text without its formulas (「对这些问题，我们将高度重视…」) — and, with `rhetoric`, without its
 * rhetoric where it has other sentences — and whether anything was taken out.
 */
export function withoutFormulas(text: string, rhetoric = false): { text: string; cut: boolean } {
  const sentences = sentencesOf(text).filter((s) => factWeight(s) > FORMULA_WEIGHT);
  const facts = sentences.filter((s) => factWeight(s) >= 0);
  const kept = rhetoric && facts.length > 0 ? facts : sentences;
  const joined = kept.join('');
  return { text: joined, cut: joined.length < text.trim().length };
}

export interface FactLine {
  text: string;
  /** which source text (of those given) the sentence came from */
  from: number;
}

export interface FactPick {
  lines: FactLine[];
  /** for each source text, whether any of its sentences was left out */
  condensed: boolean[];
}

/**
 * The fact lines of one or more texts (a point's body, or the paragraphs of an opening): whole
 * sentences chosen by weight — numbers, then results, then measures, rhetoric only when nothing
 * else gives a second line, a formula never — as many as `fits` allows (at most `max`), and shown
 * in report order whatever order they were chosen in. A closing 「。」 is dropped, nothing else is
 * changed.
 */
export function factLines(
  texts: readonly string[],
  max: number,
  fits: (lines: readonly string[]) => boolean,
): FactPick {
  const all = texts.flatMap((t, from) =>
    sentencesOf(t).map((s, k) => ({
      s: s.replace(/[。]$/u, ''),
      from,
      order: from * 10000 + k,
      weight: factWeight(s),
    })),
  );
  const ranked = [...all].sort((a, b) => b.weight - a.weight || a.order - b.order);
  const inOrder = (list: readonly (typeof all)[number][]): (typeof all)[number][] =>
    [...list].sort((a, b) => a.order - b.order);
  let chosen: typeof all = [];
  for (const c of ranked) {
    if (chosen.length >= max) break;
    if (c.weight <= FORMULA_WEIGHT) continue;
    // rhetoric fills in only when nothing else would give the slide its second line
    if (c.weight < 0 && chosen.length >= 2) continue;
    const next = inOrder([...chosen, c]);
    // the first two always go (the slide's fitting splits what does not fit); after that, only what fits
    if (chosen.length >= 2 && !fits(next.map((n) => n.s))) continue;
    chosen = next;
  }
  const shown = new Set(chosen);
  const condensed = texts.map((_, from) => all.some((c) => c.from === from && !shown.has(c)));
  return { lines: chosen.map((c) => ({ text: c.s, from: c.from })), condensed };
}
