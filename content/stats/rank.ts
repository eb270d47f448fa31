import { lastBefore } from './context';
import { cutBasis } from './kind';
import { labelFault, shorten, stripFiller } from './label';
import { ANAPHORIC } from './lexicon';
import type { NumberToken } from './numbers';
import {
  type FoundStat,
  LEAD_WINDOW,
  type Prev,
  type Reading,
  isTarget,
  periodFor,
  pieceOf,
} from './reading';
import { scopeOf } from './scope';
import { countWork } from './work';

/** Ranks: 「位列全市第3位」, 「居五城区首位」, labelled by what is ranked and among what. */

/** The words of a rank before its place: 「增速位列五城区」 → verb 位列, among 五城区. */
export const RANK_LEAD = /(位列|位居|排名|排在|名列|居于|居|列|跃居|跻身|升至|保持|排)([^，,；;]{0,8})$/;

/** Between the two places of a move in a ranking: 「由第六位」「上升到」「第二位」. */
const RANK_MOVE = /^[位名]?(上升|提升|前移|跃升|攀升|升|下降|下滑|后移|后退|回落|降)(到|至|为)?第$/;

/** Before the earlier place: 「由第」, 「从全市第」. */
const MOVE_FROM = /(由|从)([^由从，,。；;：:]{0,6})第$/;

/**
 * 「排名由第六位上升到第二位」: the place now, when `tok` is the earlier one and `next` the later.
 * The earlier place is not a figure of its own; the later one is the rank, its `from` the earlier.
 */
export function rankMove(r: Reading, tok: NumberToken, next: NumberToken | undefined): boolean {
  if (!next || r.folded[next.start - 1] !== '第') return false;
  if (!MOVE_FROM.test(r.folded.slice(Math.max(0, tok.start - 10), tok.start))) return false;
  return RANK_MOVE.test(r.folded.slice(tok.numEnd, next.start));
}

/** 「增速位列五城区第2」: a rank, labelled by what is ranked and among what. */
export function rankStat(
  r: Reading,
  tok: NumberToken,
  prev: Prev | undefined,
  carried: string | undefined,
  /** the earlier place of a move (「由第六位上升到第二位」): its words say what is ranked */
  moved?: NumberToken,
): { stat: FoundStat; subject: string } | undefined {
  const head = moved ?? tok;
  const clauseStart = lastBefore(r.breaks.clause, head.start) + 1;
  const lead = r.folded.slice(Math.max(clauseStart, head.start - LEAD_WINDOW), head.start - 1);
  // of a move, what is ranked stands before 由 (「增速由全市第5位」, 「排名由第六位」)
  const from = moved ? MOVE_FROM.exec(`${lead}第`) : null;
  const m = from
    ? { index: RANK_LEAD.exec(lead.slice(0, from.index))?.index ?? from.index, 2: from[2] }
    : RANK_LEAD.exec(lead);
  if (!m) return undefined;
  const unitAfter = /^(位|名)/.exec(r.folded.slice(tok.numEnd, tok.numEnd + 1))?.[0] ?? '';
  const found = rankFound(r, {
    value: tok.value,
    text: r.text.slice(tok.start - 1, tok.numEnd + unitAfter.length),
    subjectText: lead.slice(0, m.index),
    group: m[2] ?? '',
    at: tok.start,
    // what is ranked is the figure just read, its growth when a growth rate came last
    // (「地区生产总值增长6.8%，居全市第2位」), else the indicator carried from before
    carried: (() => {
      const own = stripFiller(lead.slice(0, m.index).replace(/(?:在|于)[^在于]{1,12}?(?:中|之中|当中)$/, ''));
      const base = prev?.label || carried;
      return base ? `${base}${prev?.kind === 'growth' && !own ? '增速' : ''}` : undefined;
    })(),
  });
  if (moved) {
    const movedUnit = /^(位|名)/.exec(r.folded.slice(moved.numEnd, moved.numEnd + 1))?.[0] ?? '';
    found.stat.from = {
      value: moved.value,
      text: r.text.slice(moved.start - 1, moved.numEnd + movedUnit.length),
    };
  }
  return found;
}

/** A place's own name for itself: 「我区排名」 says nothing of what the ranking is. */
const SELF = /^(我|本|全)(省|市|区|县|镇|乡|街道|州|旗|盟)$/;

/** 「在全市营商环境评价中，我区排名……」: the ranking named earlier in the sentence. */
function rankingNamed(folded: string, before: number): string {
  const text = folded.slice(Math.max(0, before - 60), before);
  let name = '';
  for (const m of text.matchAll(
    /在([^在，,。；;：:]{2,16}?(?:评价|评比|评估|考核|考评|测评|排名|排行|榜单|监测))(?:中|里|上|当中)/g,
  ))
    name = m[1] ?? '';
  return name.replace(/(排名|排行)$/, '');
}

export interface RankWord {
  at: number;
  end: number;
  subject: string;
  group: string;
}

/** 「位列五城区首位」, 「居全市榜首」: a first place said in words. */
export function rankWords(folded: string): RankWord[] {
  countWork(folded.length);
  const out: RankWord[] = [];
  if (!/首位|榜首/.test(folded)) return out;
  for (const m of folded.matchAll(
    /(位列|位居|排名|排在|名列|居于|居|列|跃居|保持)([^，,。；;：:]{0,8}?)(首位|榜首)/g,
  )) {
    const at = (m.index ?? 0) + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    const clause = folded.slice(Math.max(0, (m.index ?? 0) - LEAD_WINDOW), m.index ?? 0);
    const cut = Math.max(
      clause.lastIndexOf('，'),
      clause.lastIndexOf(','),
      clause.lastIndexOf('；'),
      clause.lastIndexOf('。'),
    );
    out.push({ at, end: at + (m[3]?.length ?? 0), subject: clause.slice(cut + 1), group: m[2] ?? '' });
  }
  return out;
}

export function rankWordStat(
  r: Reading,
  w: RankWord,
  carried: string | undefined,
): { stat: FoundStat; subject: string } {
  return rankFound(r, {
    value: 1,
    text: r.text.slice(w.at, w.end),
    subjectText: w.subject,
    group: w.group,
    at: w.at,
    carried,
  });
}

export function rankFound(
  r: Reading,
  o: {
    value: number;
    text: string;
    subjectText: string;
    group: string;
    at: number;
    carried: string | undefined;
  },
): { stat: FoundStat; subject: string } {
  // 「在全市9个区县中排名」: the field ranked among is the group, not what is ranked
  const among = /(?:在|于)([^在于]{1,12}?)(?:中|之中|当中)$/.exec(o.subjectText);
  const subjectText = among ? o.subjectText.slice(0, among.index) : o.subjectText;
  const field = among?.[1]?.replace(/[0-9零〇一二两三四五六七八九十]+个/, '') ?? '';
  let subject = stripFiller(cutBasis(subjectText.replace(/(在|于)$/, '')));
  if (SELF.test(subject)) subject = '';
  if (!subject) subject = rankingNamed(r.folded, o.at);
  if (ANAPHORIC.test(subject) || !subject) subject = `${o.carried ?? ''}${subject}`;
  const group = `${field}${o.group.replace(/^在/, '').replace(/(中|内|之中)$/, '')}`;
  const label = shorten(`${subject}${group}排名`);
  const fault = labelFault(label) ?? (subject ? undefined : '没有说明排名的是什么');
  const period = periodFor(r, o.at);
  const target = isTarget(r, { start: o.at }, '');
  const stat: FoundStat = {
    id: '',
    value: o.value,
    unit: '',
    label: r.unfold(label),
    text: o.text,
    sentence: pieceOf(r, o.at),
    sectionId: '',
    blockId: '',
    kind: target ? 'target' : 'rank',
    scope: scopeOf(r.text, r.folded, o.at, 'none', r.context.caption === true),
  };
  if (target) stat.measure = 'rank';
  if (period) stat.period = period;
  if (fault) stat.unfit = fault;
  return { stat, subject: fault ? '' : subject.replace(/(增速|增幅)$/, '') };
}
