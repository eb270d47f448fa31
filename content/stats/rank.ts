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

/** 「增速位列五城区第2」: a rank, labelled by what is ranked and among what. */
export function rankStat(
  r: Reading,
  tok: NumberToken,
  prev: Prev | undefined,
  carried: string | undefined,
): { stat: FoundStat; subject: string } | undefined {
  const clauseStart = lastBefore(r.breaks.clause, tok.start) + 1;
  const lead = r.folded.slice(Math.max(clauseStart, tok.start - LEAD_WINDOW), tok.start - 1);
  const m = RANK_LEAD.exec(lead);
  if (!m) return undefined;
  const unitAfter = /^(位|名)/.exec(r.folded.slice(tok.numEnd, tok.numEnd + 1))?.[0] ?? '';
  return rankFound(r, {
    value: tok.value,
    text: r.text.slice(tok.start - 1, tok.numEnd + unitAfter.length),
    subjectText: lead.slice(0, m.index),
    group: m[2] ?? '',
    at: tok.start,
    // what is ranked is the indicator read before, its growth when a growth rate came last
    // (「地区生产总值增长6.8%，居全市第2位」)
    carried: carried
      ? `${carried}${prev?.kind === 'growth' && !stripFiller(lead.slice(0, m.index)) ? '增速' : ''}`
      : prev?.label,
  });
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
  let subject = stripFiller(cutBasis(o.subjectText.replace(/(在|于)$/, '')));
  if (ANAPHORIC.test(subject) || !subject) subject = `${o.carried ?? ''}${subject}`;
  const group = o.group.replace(/^在/, '').replace(/(中|内|之中)$/, '');
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
