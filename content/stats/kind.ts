import type { StatKind } from '../model/report';
import { basisIn, firstFrom } from './context';
import { countedThing, stripFiller } from './label';
import { BASIS, CHANGE_VERB, LEVEL_REACHED, SHARE_OF, SHARE_OF_PLAN } from './lexicon';
import type { UnitClass } from './numbers';
import type { Quantity, Reading } from './reading';
import { countWork } from './work';

/**
 * What the words before a number say it is: a growth rate and its change, a share of a plan or a
 * whole, a duration, an amount or a count; and whose subject it takes when 「分别」 lists several.
 */
export interface Meaning {
  kind: Exclude<StatKind, 'target'>;
  /** the lead with qualifiers, change words and share words taken off: the subject */
  subject: string;
  change?: string;
  basis?: string;
  /** a label the meaning gives outright: 「全年目标完成率」, 「GDP占比」 */
  label?: string;
}

/** What the words around a number say it is: growth, share, duration, amount, count. */
export function meaningOf(lead: string, follow: string, unitClass: UnitClass, levelOnly: boolean): Meaning {
  let rest = lead
    .replace(/(为|是)?(每(亩|人|户|平方米|吨|年|月|天|个|家|辆|台|套))+$/, '')
    .replace(/(了|(?<![行作认成称视])为|是|约为|在|保持在|稳定在|控制在)$/, '')
    .replace(/(有望|可望|预计|力争|确保|争取)$/, '');
  const basis = basisIn(rest);
  const level = LEVEL_REACHED.exec(rest);
  // 「最低标准每人每月提高至200元」: the rate's 每人每月 is not part of what is measured
  if (level) rest = rest.slice(0, -level[0].length).replace(/(每[人户月年天亩个家辆台套])+$/, '');
  else if (!levelOnly) {
    const change = CHANGE_VERB.exec(rest);
    // 「加快126个重点项目建设」 is no change: speed words change rates only
    const speed = change && /^(加快|放缓|减缓|趋缓)$/.test(change[0]);
    const rate = unitClass === 'percent' || unitClass === 'points';
    if (change && !(change[0] === '增' && /新增$/.test(rest)) && (!speed || rate)) {
      const subject = cutBasis(
        rest
          .slice(0, -change[0].length)
          .replace(/(了|的)$/, '')
          .replace(/(要|将|会)?(再|又|继续|进一步)?$/, ''),
      );
      return { kind: 'growth', subject, change: change[0], ...(basis ? { basis } : {}) };
    }
  }
  if (unitClass === 'points') return { kind: 'growth', subject: cutBasis(rest), ...(basis ? { basis } : {}) };
  if (unitClass === 'percent') return shareMeaning(rest, follow);
  if (unitClass === 'time') return { kind: /天数$/.test(rest) ? 'count' : 'duration', subject: rest };
  if (unitClass === 'count') return { kind: 'count', subject: rest };
  return { kind: 'amount', subject: rest };
}

/** A percentage that is not a change: a share of a plan or a whole, a part's share, or a rate. */
export function shareMeaning(rest: string, follow: string): Meaning {
  // 「制造业税收占比达到38.5%」: the lead names the share itself
  if (/占比$/.test(rest)) return { kind: 'share', subject: rest };
  const plan = SHARE_OF_PLAN.exec(rest);
  if (plan) {
    const whose = plan[3] === '年' ? '年度' : (plan[3] ?? '');
    const subject = rest.slice(0, plan.index);
    // 「到位资金仅占计划的43%」: a part's share of the plan, not the plan's completion
    if (plan[1] === '占' && stripFiller(subject).replace(/(仅|只|约|已)$/, ''))
      return {
        kind: 'share',
        subject: stripFiller(subject).replace(/(仅|只|约|已)$/, ''),
        label: `占${whose}${plan[5] ?? '计划'}比例`,
      };
    return { kind: 'share', subject, label: `${whose}${plan[5] ?? '目标'}完成率` };
  }
  const share = SHARE_OF.exec(rest);
  if (share) {
    return {
      kind: 'share',
      subject: rest.slice(0, share.index),
      label: `占${share[1] ?? ''}${share[3] ?? '比重'}`,
    };
  }
  // 「以6%的用地产出了9.2%的GDP」: the share is the part's
  const of = /^的([\p{Script=Han}A-Za-z]{1,10})/u.exec(follow);
  if (of && !/^(增长|增幅|增速|涨幅|降幅|目标|水平|速度|幅度|比例|比重)/.test(of[1] ?? '')) {
    const thing = countedThing(follow.slice(1));
    if (thing) return { kind: 'share', subject: '', label: `${thing}占比` };
  }
  if (/^的(增长|增幅|增速|涨幅)/.test(follow)) return { kind: 'growth', subject: rest, change: '增长' };
  return { kind: 'share', subject: rest };
}

export function cutBasis(subject: string): string {
  const m = BASIS_AT_END.exec(subject);
  return m ? subject.slice(0, m.index) : subject;
}
export const BASIS_AT_END = new RegExp(`${BASIS.source}$`);

/**
 * 「规上工业增加值、固定资产投资分别增长8%、10%」: the n-th number of the clause belongs to the
 * n-th subject listed before 「分别」. 「城镇和农村居民人均可支配收入」 share their head.
 */
export function parallelSubject(
  r: Reading,
  q: Quantity,
  clauseStart: number,
): { subject: string; verbs: string } | undefined {
  // a list of subjects is short: a long clause is not read back to its start for every number
  if (q.leadEnd - clauseStart > 60) return undefined;
  const clause = r.folded.slice(clauseStart, q.leadEnd);
  countWork(clause.length);
  const at = clause.indexOf('分别');
  if (at < 0) return undefined;
  const subjects = clause
    .slice(0, at)
    .split(/[、和及与]/)
    .map((s) => stripFiller(s));
  // 「城乡居民人均可支配收入分别增长5.1%和7.3%」: 城乡 is 城镇 and 农村
  const [one] = subjects;
  if (subjects.length === 1 && one?.startsWith('城乡'))
    subjects.splice(0, 1, `城镇${one.slice(2)}`, `农村${one.slice(2)}`);
  if (subjects.length < 2) return undefined;
  const last = subjects[subjects.length - 1] ?? '';
  // 「城镇和农村居民人均可支配收入」: a short first subject takes the head of the last one
  const full = subjects.map((s, i) =>
    i < subjects.length - 1 && s.length <= 3 && last.length > s.length + 3 ? `${s}${last.slice(2)}` : s,
  );
  const between = clause.slice(at + 2);
  // which number of the clause this is: count the list marks between 分别 and the number
  const index = (between.match(/[、和]/g) ?? []).length;
  const subject = full[index];
  if (!subject) return undefined;
  const verbs = /^([^0-9、和]*)/.exec(between)?.[1] ?? '';
  return { subject, verbs };
}

/**
 * 「新登记市场主体6280户，其中企业2150户，同比分别增长12.6%和18.4%」: with no subjects listed
 * before 「分别」, the clause's numbers belong in turn to the figures just before it.
 */
export function earlierInTurn(
  r: Reading,
  q: Quantity,
  clauseStart: number,
  recent: readonly string[],
): { subject: string; verbs: string } | undefined {
  if (q.leadEnd - clauseStart > 30 || recent.length < 2) return undefined;
  const clause = r.folded.slice(clauseStart, q.leadEnd);
  const at = clause.indexOf('分别');
  // only a clause with no subject of its own takes those before it
  if (at < 0 || stripFiller(cutBasis(clause.slice(0, at)))) return undefined;
  const index = (clause.slice(at + 2).match(/[、和]/g) ?? []).length;
  const clauseEnd = firstFrom(r.breaks.clause, q.end, r.folded.length);
  const rest = r.folded.slice(q.end, Math.min(clauseEnd, q.end + 30));
  const total = index + 1 + (rest.match(/[、和][^、和]*?[0-9]/g) ?? []).length;
  const subject = recent[recent.length - total + index];
  if (!subject || total > recent.length) return undefined;
  const verbs = /^([^0-9、和]*)/.exec(clause.slice(at + 2))?.[1] ?? '';
  return { subject, verbs: `${clause.slice(0, at)}${verbs}` };
}
