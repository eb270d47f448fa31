import { type Quoting, basisIn, quotingAt } from './context';
import { isFigure, standsAlone } from './figure';
import { foldText } from './fold';
import { earlierInTurn, meaningOf, parallelSubject } from './kind';
import { labelOf } from './label-of';
import { type NumberToken, numberTokens } from './numbers';
import { pairOf } from './pairs';
import { OPENING_QUALIFIER, stripQualifiers, strongest } from './qualifier';
import { rankMove, rankStat, rankWordStat, rankWords } from './rank';
import {
  type FoundStat,
  type Prev,
  type Quantity,
  type Reading,
  type SentenceContext,
  isTarget,
  periodFor,
  pieceOf,
  readingOf,
  surroundingsOf,
} from './reading';
import { scopeOf } from './scope';
import { countWork } from './work';
export type { FoundStat, SentenceContext } from './reading';

/**
 * Statistics in one sentence: every number read once, paired with the one it forms a range or a
 * change with, and given its meaning from the words around it.
 */

/**
 * Every statistic in one sentence (up to its 。！？), with its meaning read from the words around
 * it. Linear in the sentence: numbers are read in one pass, and each number looks at a bounded
 * window around itself.
 */
export function statsInSentence(sentence: string, context: SentenceContext = {}): FoundStat[] {
  const folded = foldText(sentence);
  const tokens = numberTokens(folded);
  const ranks = rankWords(folded);
  if (tokens.length === 0 && ranks.length === 0) return [];
  const reading = readingOf(sentence, folded, context);
  const quoting = quotingAt(
    folded,
    tokens.map((t) => t.start),
  );
  // a target word inside a quoted name (「“双强计划2.0”」) plans nothing
  const cueQuoting = quotingAt(folded, reading.targets);
  reading.targets = reading.targets.filter((_, i) => cueQuoting[i] === 'none');
  const found: Array<{ at: number; stat: FoundStat }> = [];
  let prev: Prev | undefined;
  let carried = context.subject;
  // the labels of the amounts and counts read so far, for 「分别」 with no subjects of its own
  const recent: string[] = [];
  const consumed = new Set<number>();
  // the next number with a unit after each: where a counted thing's words stop (「两车」 is not one)
  const nextFigure: Array<NumberToken | undefined> = new Array<NumberToken | undefined>(tokens.length);
  for (let k = tokens.length - 1, seen: NumberToken | undefined; k >= 0; k--) {
    nextFigure[k] = seen;
    const t = tokens[k];
    if (t?.unit || t?.magnitudeOnly) seen = t;
  }
  let nextRank = 0;
  const ranksBefore = (at: number): void => {
    for (; nextRank < ranks.length && (ranks[nextRank]?.at ?? 0) < at; nextRank++) {
      const w = ranks[nextRank];
      if (w) found.push({ at: w.at, stat: rankWordStat(reading, w, prev?.label || carried).stat });
    }
  };
  for (let k = 0; k < tokens.length; k++) {
    if (consumed.has(k)) continue;
    const tok = tokens[k];
    if (!tok) continue;
    ranksBefore(tok.start);
    const q = quoting[k] ?? 'none';
    if (q === 'name' || !standsAlone(folded, tok)) continue;
    const next = tokens[k + 1];
    const pair = next ? pairOf(reading, tok, next) : undefined;
    if (pair) consumed.add(k + 1);
    const quantity: Quantity = pair ?? { tok, start: tok.start, end: tok.end, leadEnd: tok.start };
    if (folded[tok.start - 1] === '第') {
      // 「第3」 is an ordinal, unless it is a place in a ranking; of a move (「由第六位上升到第二位」)
      // the later place is the rank and the earlier its from
      const moved = rankMove(reading, tok, next) && next ? next : undefined;
      if (moved) consumed.add(k + 1);
      const rank = moved
        ? rankStat(reading, moved, prev, carried, tok)
        : rankStat(reading, tok, prev, carried);
      if (rank) {
        found.push({ at: tok.start, stat: rank.stat });
        // 「GDP总量位列第3位，增速居第一」: what was ranked is the subject the next rank takes
        if (rank.subject) prev = { end: tok.end, label: rank.subject, kind: 'rank', unit: '' };
      }
      continue;
    }
    // a bare number is a figure only as a ratio's change: 「倍差从2.52缩小到2.06」
    const measured =
      quantity.tok.unit !== '' || quantity.tok.magnitudeOnly === true || quantity.from !== undefined;
    if (!measured || !isFigure(reading, quantity)) continue;
    const stat = readStat(reading, quantity, q, prev, carried, nextFigure[k + (pair ? 1 : 0)], recent);
    found.push({ at: quantity.start, stat });
    prev = {
      end: quantity.end,
      label: stat.unfit ? '' : foldText(stat.label),
      kind: stat.kind,
      unit: quantity.tok.unit,
      ...(stat.basis ? { basis: foldText(stat.basis) } : {}),
    };
    // the subject a later 「增长4.9%」 or 「增速」 takes: an amount's or a count's, not a rate's
    const measure = stat.measure ?? stat.kind;
    if (!stat.unfit && (measure === 'amount' || measure === 'count')) {
      carried = foldText(stat.label);
      recent.push(carried);
    }
  }
  ranksBefore(Infinity);
  return found.map((f) => f.stat);
}

/** Read one quantity's meaning: qualifier, kind, label, period, basis, scope, target. */
function readStat(
  r: Reading,
  q: Quantity,
  quoting: Quoting,
  prev: Prev | undefined,
  carried: string | undefined,
  nextTok: NumberToken | undefined,
  recent: readonly string[],
): FoundStat {
  const { tok } = q;
  const { folded } = r;
  const around = surroundingsOf(r, q, prev, nextTok);
  countWork(around.lead.length + around.follow.length + around.clauseRest.length + around.prevClause.length);
  const parallel =
    parallelSubject(r, q, around.clauseStart) ?? earlierInTurn(r, q, around.clauseStart, recent);
  const { rest, words } = stripQualifiers(around.lead);
  const meaning = meaningOf(parallel?.verbs ?? rest, around.follow, tok.unitClass, Boolean(q.from));
  if (parallel) meaning.subject = parallel.subject;
  // 「增长7.5%左右，力争达到8%」: a rate said again after a growth rate is that growth rate
  if (
    meaning.kind === 'share' &&
    prev?.kind === 'growth' &&
    prev.unit === tok.unit &&
    /^(力争|争取|确保|努力|力求|预计|有望)?(达到|实现|超过|突破|到)?$/.test(rest)
  )
    meaning.kind = 'growth';
  // 「累计为企业减税3.6亿元」: a 累计 that opens the lead still qualifies the number
  const opening = OPENING_QUALIFIER.exec(around.lead)?.[1];
  const qualifier = around.suffix ?? (tok.approx || strongest(words) || opening);
  const scope = scopeOf(r.text, folded, q.start, quoting, r.context.caption === true);
  if (scope.name) {
    // the name is the scope's: the label is what of it is measured (「企业产值」, not the company)
    const name = foldText(scope.name);
    const at = meaning.subject.lastIndexOf(name);
    if (at >= 0) meaning.subject = meaning.subject.slice(at + name.length);
  }
  // 「企业上半年实现产值」 in a caption about one company: the company is the scope, the label its 产值
  if (scope.name)
    meaning.subject = meaning.subject.replace(/^(该|这家|本)?(企业|公司|厂|项目|园区|集团|医院|学校)/, '');
  const label = labelOf(r, { meaning, around, tok, prev, carried });
  const kind = meaning.kind;
  const target = isTarget(r, q, around.follow);
  const period = periodFor(r, q.start);
  // a growth rate with no basis of its own takes the one named before it in the sentence:
  // 「规上工业增加值同比增长9.2%，固定资产投资增长11.5%」
  const basis =
    meaning.basis ??
    (kind === 'growth'
      ? (basisIn(folded.slice(around.clauseStart, q.start)) ??
        // 「增速高于全市0.6个百分点」 measures against the city, not against last year
        (/(高于|低于|快于|慢于|领先|落后)/.test(around.lead) ? undefined : prev?.basis))
      : undefined);
  // a number after 「从」 whose later value could not be read is an earlier value: never a figure alone
  const unpaired = !q.from && /(从|由)$/.test(around.lead) ? '这是变化前的数值' : undefined;
  // 「排名第5位，较上年提升3位」: places moved in a ranking, not a figure of its own
  const moved =
    tok.unit === '位' && /(提升|上升|前移|前进|跃升|攀升|后退|下降|下滑|后移)$/.test(rest)
      ? '这是名次的变化'
      : undefined;
  // 「有3个项目投资完成率不足20%」: the bound that picks out the things counted, not a rate of the area
  const bound =
    tok.unitClass === 'percent' &&
    prev?.kind === 'count' &&
    prev.end >= around.clauseStart &&
    /^(不足|低于|不到|超过|高于|少于|多于|以上|以下)$/.test(foldText(qualifier ?? '') || rest.slice(-2))
      ? '这是所数事物的门槛，不是一个比率'
      : undefined;
  const unfit = label.fault ?? unpaired ?? moved ?? bound;
  const stat: FoundStat = {
    id: '',
    value: tok.value,
    unit: r.unfold(tok.magnitude + tok.unit),
    label: r.unfold(label.text),
    text: r.text.slice(q.start, q.end),
    sentence: pieceOf(r, q.start),
    sectionId: '',
    blockId: '',
    kind: target ? 'target' : kind,
    scope,
  };
  // optional fields set one by one: thousands of statistics, no copies
  if (target) stat.measure = kind;
  if (qualifier) stat.qualifier = r.unfold(qualifier);
  if (meaning.change) stat.change = r.unfold(meaning.change);
  if (period) stat.period = period;
  if (basis) stat.basis = r.unfold(basis);
  if (q.from) stat.from = q.from;
  if (q.upper) stat.upper = q.upper;
  if (unfit) stat.unfit = unfit;
  return stat;
}
