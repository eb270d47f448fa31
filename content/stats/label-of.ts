import { type Meaning, shareMeaning } from './kind';
import {
  countNoun,
  countedThing,
  headNounOf,
  isVerbOnly,
  labelFault,
  shorten,
  stripFiller,
  titleAsLabel,
} from './label';
import { ANAPHORIC, LEAD_LINKS, PERIOD } from './lexicon';
import type { NumberToken } from './numbers';
import type { Prev, Reading, Surroundings } from './reading';

/**
 * Choosing a statistic's label: the candidates the words around it offer, in order of trust
 * (what the meaning names outright, the subject, the thing counted, the subject carried from
 * the figure before, the section title), the first that stands alone wins.
 */
export interface LabelInput {
  meaning: Meaning;
  around: Surroundings;
  tok: NumberToken;
  prev: Prev | undefined;
  carried: string | undefined;
}

/** A verb that opens a count's label: 「新认定国家高新技术企业」 → 「国家高新技术企业」 for its 总数. */
export const LEADING_VERB = /^(新认定|新增|新建|新登记|新引进|引进|新培育|培育|认定|建成|新开工)/;

/** Verbs of giving whose object names what the money is for: 「对新认定的高新技术企业给予」. */
export const GIVING = /(对|给|向|为)(.{2,14}?)(给予|奖励|补助|补贴|安排|发放|拨付|支持|兑现)$/;

/** A lead ending on a verb whose object is counted after the number: 「走访」 5家「企业」. */
const TAKES_OBJECT = /\p{Script=Han}{2,}(联系|帮扶|走访|结对|慰问|对接|包联|服务|挂钩)$/u;

/** The label and, when none stands alone, why the statistic is unfit for a card. */
export function labelOf(r: Reading, input: LabelInput): { text: string; fault?: string } {
  const { meaning, around, tok, prev } = input;
  // a period inside the subject is the statistic's period, not part of what it measures
  const subject = stripFiller(meaning.subject.replace(LEAD_LINKS, '').replace(PERIOD, ''));
  const thing = countedThing(around.follow);
  const candidates: string[] = [];
  const push = (c: string | undefined): void => {
    if (c) candidates.push(c);
  };
  if (meaning.kind === 'duration') push(durationLabel(meaning.subject, around.clauseRest));
  if (meaning.label) {
    const whose = subject && !labelFault(subject) && subject.length <= 10 ? subject : '';
    const carriedWhose = !subject && meaning.label.startsWith('占') ? (input.carried ?? '') : '';
    push(`${whose || carriedWhose}${meaning.label}`);
  }
  // 「增速位列…」, 「降幅收窄…」, 「总数达到312家」: the subject is the last figure's (its thing, not its verb)
  if (ANAPHORIC.test(subject) || /^(增速|增幅|降幅|涨幅|总量|占比|比重)./.test(subject)) {
    const whose = prev?.label || input.carried || '';
    push(
      `${/^(总数|数量|总量|规模|总额)/.test(subject) ? whose.replace(LEADING_VERB, '') : whose}${subject}`,
    );
  }
  // 「1280批次3600人次」: the same thing counted in another unit
  if (around.lead === '' && prev?.label && prev.end === around.leadStart) push(prev.label);
  // 「高于全市平均水平1.5个百分点」 after a growth rate: how far that rate stands above
  if (/^(高于|低于|快于|慢于|领先|超出|超过)/.test(subject) && (prev?.label || input.carried))
    push(`${prev?.label || input.carried || ''}增速${subject.replace(/平均水平$/, '平均')}`);
  // 「列入省市重点项目的共42个，完成投资37.5亿元」: the investment of the projects just counted
  if (/^(累计)?完成(固定资产)?投资$/.test(subject) && prev?.label && /项目/.test(prev.label))
    push(`${prev.label.replace(/^(列入|新开工|新建|实施|推进|建设|安排)/, '').replace(/、/g, '')}${subject}`);
  // 「投入资金860万元建设……预警系统」: money named by what it builds
  const purpose = /^(投入|安排|拨付|下达|筹集|争取)?(资金|财政资金|专项资金)$/.test(subject)
    ? /^(建设|用于|实施|改造|新建)([^，,。；;、]{2,14})/.exec(around.follow)?.[2]
    : undefined;
  if (purpose) push(`${purpose}投入`);
  // 「确保预警信息发布到村到户到人，覆盖率达到95%以上」: a bare rate is of the thing named before
  if (
    /^(覆盖率|处置率|达标率|合格率|完成率|满意度|知晓率|普及率|参保率|入园率|办结率|到位率)$/.test(subject)
  ) {
    const before = stripFiller(
      countedThing(around.prevClause.replace(/^(确保|力争|争取|推动|实现)/, '')).replace(
        /(发布|推送|传达|送达|覆盖|落实|办理|处置|到).*$/,
        '',
      ),
    );
    if (before && before.length <= 8) push(`${before}${subject}`);
  }
  // 「人均地区生产总值10.8万元，按年平均汇率折算约1.56万美元」: the same figure in another unit
  if (/^按.{0,12}(折算|计算|换算|测算)$/.test(subject) && prev?.label) push(prev.label);
  const giving = GIVING.exec(meaning.subject);
  if (giving) {
    const object = (giving[2] ?? '').replace(/的$/, '').replace(/^.*的/, '');
    push(thing ? `${object}${thing}` : `${object}${giving[3] ?? ''}`);
  }
  // 「其中企业1837户」 under 「新登记市场主体5621户」: the part takes the whole's verb
  if (/^其中/.test(around.lead) && subject.length <= 4) {
    const verb = /^(新登记|新增|新建|新引进|引进|新认定|认定|培育|完成|实现)/.exec(prev?.label ?? '')?.[0];
    if (verb && !/^(完成|实现)$/.test(verb)) push(`${verb}${subject}`);
  }
  if (isVerbOnly(subject)) {
    const plain = /^(实现|完成|达到|有|累计完成|累计实现)$/.test(subject);
    if (thing) push(plain ? thing : `${subject}${thing}`);
    const head = headNounOf(prev?.label ?? '');
    if (head) push(`${subject}${head}`);
  } else if (
    prev?.label &&
    subject.startsWith(prev.label) &&
    /^(发放|给予|兑现|拨付|提供|减免|补贴|奖励)/.test(subject.slice(prev.label.length))
  ) {
    // 「为1.6万名困难群众发放救助资金9200万元」: the words after a count's thing are this figure's
    push(subject.slice(prev.label.length));
  } else if (thing && tok.unitClass === 'count' && TAKES_OBJECT.test(subject)) {
    // 「每位区领导联系5家企业」: a verb with its object after the number reads whole
    push(`${subject}${stripFiller(thing)}`);
    push(subject);
  } else if (thing && tok.unitClass === 'count' && subject.length <= 6) {
    // 「细化分解557项具体任务」, 「吉林大学2项科技成果转化」: what is counted follows the number
    push(stripFiller(thing));
    push(subject);
  } else push(subject);
  const counted = tok.unitClass === 'count' || tok.unitClass === 'physical' || tok.unitClass === 'money';
  if (thing && (counted || !subject)) push(stripFiller(thing));
  // a growth rate or share with no subject of its own is the last figure's: 「…235亿元，增长4.9%」;
  // an amount too when it is of the same unit: 「达到48.6亿斤，连续七年稳定在45亿斤以上」
  const implied = meaning.kind === 'growth' || meaning.kind === 'share' || meaning.kind === 'rank';
  // counts of one measure word are often of different things: only amounts carry over
  const sameUnit =
    prev !== undefined && prev.unit === tok.unit && prev.label !== '' && tok.unitClass !== 'count';
  if (!subject || /^连续[0-9零〇一二两三四五六七八九十]+年$/.test(subject)) {
    // the figure just before in the sentence first: 「投入强度达到2.6%，比上年提高0.3个百分点」
    // (a rate's change is the rate's; a growth after 「完成年度预算的53.1%」 is still the amount's;
    // 「增长7.6%，比一季度加快1.2个百分点」 is the growth rate's own change)
    if (implied && prev?.label && prev.kind === 'share' && !/完成率$/.test(prev.label)) push(prev.label);
    if (meaning.kind === 'growth' && tok.unitClass === 'points' && prev?.kind === 'growth' && prev.label)
      push(`${prev.label}增速`);
    // 「增长7.5%左右，力争达到8%」: the same rate again; 「增长6.5%，达到1234.5亿元」: the grown amount
    if (meaning.kind === 'growth' && prev?.kind === 'growth' && prev.unit === tok.unit) push(prev.label);
    if (implied) push(input.carried);
    else if (sameUnit) push(prev?.label);
    else if (prev?.kind === 'growth' && tok.unitClass !== 'count') push(prev.label);
    // 「…占规上工业增加值的比重接近四成，达到39.6%」: the share the clause before names
    if (meaning.kind === 'share' && around.prevClause) {
      const clause = around.prevClause
        .replace(/(接近|将近|近|约|超过|超|逾)?[一二三四五六七八九十两半]成(多|以上|左右)?$/, '')
        .replace(/(为|是|达|达到)$/, '');
      const share = shareMeaning(clause, '');
      if (share.label?.startsWith('占')) push(`${stripFiller(share.subject)}${share.label}`);
    }
    // the clause before, when it names the subject and holds no number: 「贫困户全部脱贫，共计128户」
    if (around.prevClause) push(stripFiller(countedThing(around.prevClause)));
  }
  const titles = r.context.sectionTitles ?? [];
  const title = titleAsLabel(titles[titles.length - 1] ?? '');
  if (title && (meaning.kind === 'growth' || !subject)) push(title);

  // 「每季度至少开展1次明查暗访」: how often is part of what is counted
  const every = /每(季度|月|周|年|半年|天|日|旬)/.exec(around.lead)?.[0];
  let firstFault: string | undefined;
  for (const c of candidates) {
    let text = shorten(countNoun(c.trim().replace(/的$/, ''), tok.unit));
    if (every && !text.startsWith(every) && tok.unitClass === 'count') text = `${every}${text}`;
    const fault = labelFault(text);
    if (!fault) return { text };
    firstFault ??= fault;
  }
  const fallback = shorten((candidates[0] ?? subject).trim());
  return { text: fallback, fault: firstFault ?? labelFault(fallback) ?? '没有说明这个数字是什么' };
}

/**
 * What a duration measured: 「仅用5天实现规上企业复工复产」 → 「规上企业复工复产用时」;
 * 「从签约到开工仅用了68天」 → 「从签约到开工用时」; 「审批时限压缩至3个工作日」 → 「审批时限」.
 */
export function durationLabel(subject: string, clauseRest: string): string | undefined {
  const used = /(仅用了|只用了|用了|仅用|只用|花了|历时|耗时|用)$/.exec(subject);
  if (!used) return undefined;
  const plain = clauseRest
    .replace(/^(时间)?(就|便|即|即可|可)?(实现了|完成了|实现|完成|让|使)?(了)?/, '')
    .replace(/[0-9.,]+(万|亿)?(余|多)?[个户家项名人次座所条件批]?/g, '');
  const after = stripFiller(countedThing(plain));
  if (after) return `${shorten(after).slice(0, 14)}用时`;
  const before = stripFiller(subject.slice(0, used.index).replace(/(仅|只|就)$/, ''));
  return before ? `${before}用时` : undefined;
}
