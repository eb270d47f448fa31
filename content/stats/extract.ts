import type { Block, Section, Stat, StatKind } from '../model/report';

/** Units and measure words counted as quantities, longest first so 「户次」 wins over 「户」. */
const UNITS = [
  '个百分点',
  '万平方米',
  '平方公里',
  '平方米',
  '立方米',
  '千瓦时',
  '人次',
  '户次',
  '家次',
  '架次',
  '批次',
  '公里',
  '千米',
  '千瓦',
  '公顷',
  '标箱',
  '吨',
  '%',
  '％',
  '个',
  '项',
  '户',
  '家',
  '人',
  '名',
  '位',
  '元',
  '天',
  '亩',
  '处',
  '条',
  '所',
  '张',
  '件',
  '份',
  '座',
  '场',
  '次',
  '辆',
  '台',
  '套',
  '间',
  '栋',
  '批',
  '篇',
  '册',
  '米',
  '倍',
  '块',
  '支',
  '部',
  '起',
  '宗',
  '笔',
  '株',
  '棵',
  '头',
  '只',
].sort((a, b) => b.length - a.length);

/** Units of time: with 「用」 before them they measure how long something took. */
const DURATION_UNITS = new Set(['天']);

const ARABIC = String.raw`[0-9０-９]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9０-９]+(?:[.．][0-9０-９]+)?`;
const CHINESE = '[零〇一二两三四五六七八九十百千]+';
const QUANTITY = new RegExp(
  `(${ARABIC}|${CHINESE})(?:余|多)?(万|亿)?(?:余|多)?(${UNITS.map(escapeRe).join('|')})`,
  'g',
);

const CN_VALUES: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SCALES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 「百」→100, 「两」→2, 「三十五」→35, 「一百零八」→108 */
export function parseChineseNumber(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN_VALUES) digit = CN_VALUES[ch] ?? 0;
    else if (ch in CN_SCALES) {
      total += (digit ?? 1) * (CN_SCALES[ch] ?? 1);
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

/** 「21.59」→21.59, 「1,868」→1868, full-width digits too. */
function parseArabic(s: string): number {
  const ascii = s.replace(/[０-９．]/g, (c) =>
    c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
  return Number(ascii.replace(/,/g, ''));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
}

/** Split a paragraph into sentences, keeping the final punctuation. */
export function splitSentences(text: string): string[] {
  return (
    text
      .match(/[^。！？!?；;]+[。！？!?；;]?["”’」』）)]*/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? []
  );
}

const CHANGE_WORDS =
  /(同比|环比|比上年|比去年同期|较上年)?(增长|下降|增加|减少|提高|降低|上升|回落|增速|降幅|收窄|扩大|提升|下滑)(了)?$/;
const THRESHOLD_WORDS = /(超过|超出|超|达到|达|突破|不少于|不低于|不超过|逾|近|高于|低于|多达)$/;
const FILLER_START =
  /^(今年|去年|全年|上半年|下半年|[一二三四]季度|前[一二三四五六七八九十\d]+个?月|\d{1,2}[-—至]\d{1,2}月|全区|全市|全县|全镇|全省|并|和|及|与|共|共计|合计|累计|全年|其中|仅|已|先后|分别|全部|均|还|又|总计|实现|完成|达到|为|是|约|约为|有|共有)/;
const LABEL_VERBS =
  /(发放|兑现|减免|引进|新增|完成|开展|建成|投放|拉动|带动|排查整改|解决|培育|开发|签约|洽谈|服务|投入|拨付|争取|落实|招引|吸纳|帮扶|救助|培训|改造|整治|清理|处置|接待|受理|办理|化解|创建|打造|实施|推进|走访|慰问|发展|吸引|实现)/g;
const MAX_LABEL_CHARS = 16;

/**
 * Pull every quantity out of the sections' text with its value, unit, what it measures, and the
 * sentence and section it came from. Years, dates, ordinals and the numbers in slogans are not
 * quantities. Linear in the text: one regular-expression pass per sentence.
 */
export function extractStats(
  sections: readonly Section[],
  captions: ReadonlyMap<string, string> = new Map(),
  onProgress?: (fraction: number) => void,
): Stat[] {
  const stats: Stat[] = [];
  // progress by blocks done: on a large report this pass is most of the analysis
  const count = (list: readonly Section[]): number =>
    list.reduce((n, s) => n + s.blocks.length + count(s.sections), 0);
  const total = onProgress ? count(sections) : 0;
  let done = 0;
  const walk = (section: Section): void => {
    for (const block of section.blocks) {
      if (onProgress && ++done % PROGRESS_EVERY === 0) onProgress(done / total);
      let n = 0;
      for (const text of blockTexts(block, captions)) {
        for (const sentence of splitSentences(text)) {
          for (const stat of statsInSentence(sentence)) {
            n++;
            stats.push({ ...stat, id: `${block.id}.st${n}`, sectionId: section.id, blockId: block.id });
          }
        }
      }
    }
    section.sections.forEach(walk);
  };
  sections.forEach(walk);
  onProgress?.(1);
  return stats;
}

/** Blocks between progress reports: often enough for a smooth bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 512;

function blockTexts(block: Block, captions: ReadonlyMap<string, string>): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [block.text];
    case 'point':
      return [block.lead, block.text];
    case 'figure':
    case 'table': {
      // a photo caption can carry a figure too: 「实现企业产值3亿元」
      const caption = captions.get(block.figureId);
      return caption ? [caption] : [];
    }
  }
}

type FoundStat = Omit<Stat, 'id' | 'sectionId' | 'blockId'>;

/** Inside quotes or a book title: 「“四个意识”」, 「《……》」 — a name, not a count. */
function insideQuotes(before: string): boolean {
  let depth = 0;
  for (const ch of before) {
    if (ch === '“' || ch === '「' || ch === '《' || ch === '『') depth++;
    else if ((ch === '”' || ch === '」' || ch === '》' || ch === '』') && depth > 0) depth--;
  }
  const straight = (before.match(/"/g) ?? []).length;
  return depth > 0 || straight % 2 === 1;
}

/** Every quantity in one sentence. */
/** A sentence with no digit and no Chinese numeral has no quantity: most sentences skip the full match. */
const MAY_COUNT = /[0-9０-９零〇一二两三四五六七八九十百千]/;

export function statsInSentence(sentence: string): FoundStat[] {
  const found: FoundStat[] = [];
  if (!MAY_COUNT.test(sentence)) return found;
  let clauseFloor = 0;
  for (const m of sentence.matchAll(QUANTITY)) {
    const [whole, num = '', mag = '', unit = ''] = m;
    const start = m.index ?? 0;
    const end = start + whole.length;
    const before = sentence.slice(0, start);
    const after = sentence.slice(end);
    const arabic = /^[0-9０-９]/.test(num);
    if (!isQuantity(num, arabic, before, after)) continue;
    const value = arabic ? parseArabic(num) : parseChineseNumber(num);
    if (value === null || !Number.isFinite(value)) continue;
    if (!arabic && value <= 1) continue;

    const clauseStart = Math.max(clauseFloor, lastClauseBreak(before));
    clauseFloor = end;
    const lead = sentence.slice(clauseStart, start);
    const follow = /^[^，,；;：:。！？!?、]*/.exec(after)?.[0] ?? '';
    const kind: StatKind =
      CHANGE_WORDS.test(lead) || unit === '个百分点'
        ? 'change'
        : THRESHOLD_WORDS.test(lead) || /^以上/.test(after)
          ? 'threshold'
          : 'value';
    found.push({
      value,
      unit: mag + unit,
      label: labelFor(lead, follow, /^[，,]([^，,；;：:。！？!?]*)/.exec(after)?.[1] ?? '', unit),
      text: whole,
      sentence,
      kind,
    });
  }
  return found;
}

/** Years, dates, ordinals, session numbers and slogan numbers are not quantities. */
function isQuantity(num: string, arabic: boolean, before: string, after: string): boolean {
  if (/[第届]$/.test(before) || /^[届]/.test(after)) return false;
  if (insideQuotes(before)) return false;
  if (/[A-Za-z.．]$/.test(before) || (arabic && /[0-9]$/.test(before))) return false;
  if (!arabic) {
    // 「“稳产扩能……”四个行动」, 「三张政治答卷」: a numbered name right after a quoted one
    if (/[”」》』"]$/.test(before)) return false;
    // 「二次供水」, 「二手」: 二 alone is an ordinal; counting uses 两
    if (num === '二') return false;
    // 「千方百计」, 「百折不挠」 have no unit, but 「一次性」 and 「十项全能」-style compounds do
    if (/^[性化级]/.test(after)) return false;
  }
  return true;
}

const CLAUSE_TAIL = /[，,；;：:。！？!?][^，,；;：:。！？!?]*$/;

function lastClauseBreak(before: string): number {
  const m = CLAUSE_TAIL.exec(before);
  return m ? m.index + 1 : 0;
}

/**
 * What the quantity measures. 「引进内资21.59亿元」: the words before it; 「107户规模以上工业企业
 * 复工复产」: the thing counted after it; 「仅用5天实现……复工复产」: how long that took.
 */
function labelFor(lead: string, follow: string, nextClause: string, unit: string): string {
  const before = lead.replace(/^[、\s]+/, '').trim();
  const afterText = cutPredicate(follow.trim());
  if (DURATION_UNITS.has(unit) && /(用|历时|耗时|用了)$/.test(before)) {
    // 「仅用5天实现……」 or 「仅用5天，……」: what took that long follows
    const what = stripFiller((follow || nextClause).replace(QUANTITY, '').trim());
    return `${what.slice(-MAX_LABEL_CHARS + 2)}用时`;
  }
  const startsThing =
    /^[\p{Script=Han}“"「《]/u.test(afterText) && !/^(的|以上|以下|左右|之|多|余|等|次|以)/.test(afterText);
  if (startsThing && afterText.length >= 2) return afterText.slice(0, MAX_LABEL_CHARS);
  let label = before;
  for (;;) {
    const next = label.replace(CHANGE_WORDS, '').replace(THRESHOLD_WORDS, '').trim();
    if (next === label) break;
    label = next;
  }
  label = stripFiller(label);
  if (label.length > MAX_LABEL_CHARS - 4) {
    // 「为域内小微企业和个人工商户发放房租、水电补贴」: start at the last verb
    let at = -1;
    for (const v of label.matchAll(LABEL_VERBS)) if ((v.index ?? 0) > 0) at = v.index ?? at;
    if (at > 0) label = label.slice(at);
  }
  if (label.length < 2 && afterText.length >= 2) return afterText.slice(0, MAX_LABEL_CHARS);
  return label.slice(-MAX_LABEL_CHARS);
}

function stripFiller(text: string): string {
  let t = text;
  for (;;) {
    const next = t.replace(FILLER_START, '');
    if (next === t || next.length < 2) return t;
    t = next;
  }
}

/** 「青年科技人才被纳入……」 → 「青年科技人才」: the thing, not what happened to it. */
function cutPredicate(text: string): string {
  const at = text.search(/被|的|进入|纳入|获得|得到|入选/);
  return at >= 2 ? text.slice(0, at) : text;
}
