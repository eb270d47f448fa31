import { foldText } from '../stats/fold';
import { numberTokens } from '../stats/numbers';
import { sentencesOf } from '../text/safe-cut';

/**
 * The lines a deck shows for a point or a run of paragraphs: whole sentences, never cut, those
 * that carry facts first — numbers, then results, then measures — and rhetoric last, as many as
 * a slide holds comfortably. What is left out stays in the notes and marks the item 已精简.
 */

/** How much a sentence tells: 3 a number, 2 a result, 1 a measure, 0 plain, -1 rhetoric. */
export function factWeight(sentence: string): number {
  const hasNumber = numberTokens(foldText(sentence)).some(
    (t) => t.arabic || t.unit !== '' || t.magnitude !== '',
  );
  if (hasNumber) return 3;
  if (RESULT.test(sentence)) return 2;
  if (RHETORIC.test(sentence)) return -1;
  if (MEASURE.test(sentence)) return 1;
  return 0;
}

const RESULT =
  /完成|实现|达到|增长|下降|提高|提升|减少|新增|建成|累计|位列|排名|居全|第一|首位|突破|超过|同比|环比|获评|获批|入选|荣获|投用|竣工|通车|开工|落地|签约/u;
const MEASURE =
  /推进|实施|开展|建立|健全|出台|落实|推行|引进|启动|组织|打造|新建|改造|整治|召开|印发|制定|设立|开通|部署|举办|培育|完善/u;
const RHETORIC =
  /坚持|始终|牢固树立|深入学习|贯彻|精神|奋力|砥砺|谱写|不忘|牢记|使命|初心|担当|决心|信心|勇气|奋斗|新篇章|高度重视|重要指示|时不我待|只争朝夕|征程|重任在肩|唯有/u;

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
 * The fact lines of one or more texts (a point's body, or the paragraphs of an opening): at most
 * `max` whole sentences, within about `budget` characters once two are taken, ordered by weight
 * (report order within a weight). A closing 「。」 is dropped, nothing else is changed.
 */
export function factLines(texts: readonly string[], max: number, budget: number): FactPick {
  const all = texts.flatMap((t, from) =>
    sentencesOf(t).map((s, k) => ({ s, from, order: from * 10000 + k, weight: factWeight(s) })),
  );
  const ranked = [...all].sort((a, b) => b.weight - a.weight || a.order - b.order);
  const chosen: typeof all = [];
  let used = 0;
  for (const c of ranked) {
    if (chosen.length >= max) break;
    if (chosen.length >= 2 && used + c.s.length > budget) continue;
    // rhetoric fills in only when nothing else would give the slide its second line
    if (c.weight < 0 && chosen.length >= 2) continue;
    chosen.push(c);
    used += c.s.length;
  }
  const shown = new Set(chosen);
  const condensed = texts.map((_, from) => all.some((c) => c.from === from && !shown.has(c)));
  return {
    lines: chosen.map((c) => ({ text: c.s.replace(/[。]$/u, ''), from: c.from })),
    condensed,
  };
}
