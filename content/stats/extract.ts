import type { Block, Section, Stat, StatKind } from '../model/report';

/** Units and measure words we count as quantities, longest first so 万元 wins over 元. */
const UNITS = [
  '人次',
  '户次',
  '万元',
  '亿元',
  '公里',
  '平方米',
  '万平方米',
  '千米',
  '千瓦',
  '万吨',
  '吨',
  '个百分点',
  '%',
  '％',
  '个',
  '项',
  '户',
  '家',
  '人',
  '名',
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
  '期',
  '家次',
  '篇',
  '册',
  '米',
  '公顷',
  '倍',
].sort((a, b) => b.length - a.length);

const NUMBER = String.raw`(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)`;
const QUANTITY = new RegExp(`${NUMBER}(万|亿)?(${UNITS.map(escapeRe).join('|')})`, 'g');

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

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
}

/** Split a paragraph into sentences, keeping the final punctuation. */
export function splitSentences(text: string): string[] {
  return (
    text
      .match(/[^。！？!?；;]+[。！？!?；;]?/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? []
  );
}

const CHANGE = /(增长|下降|增加|减少|提高|降低|上升|回落|增速|降幅|同比|环比|收窄)[了]?$/;
const THRESHOLD = /(超过|超|达到|达|突破|不少于|不低于|以上|逾|近)$/;
const LEAD_VERBS =
  /^(并|和|及|其中|共|累计|全年|新|实现|完成|达到|开展|推动|推进|组织|建成|新增|开发|引进|兑现|发放|洽谈|签约|排查整改|服务企业达?|解决|培育|减免缓缴|定向投放|拉动|带动|加强对?|落地|有序推进|全部|仅用)/;

/**
 * Pull every quantity out of the sections' text with its value, unit, what it measures, and the
 * sentence and section it came from. Years, dates and ordinals are not quantities.
 */
export function extractStats(sections: readonly Section[]): Stat[] {
  const stats: Stat[] = [];
  const walk = (section: Section): void => {
    for (const block of section.blocks) {
      for (const text of blockTexts(block)) {
        for (const sentence of splitSentences(text)) {
          for (const stat of statsInSentence(sentence)) {
            stats.push({
              ...stat,
              id: `${block.id}.st${stats.filter((s) => s.blockId === block.id).length + 1}`,
              sectionId: section.id,
              blockId: block.id,
            });
          }
        }
      }
    }
    section.sections.forEach(walk);
  };
  sections.forEach(walk);
  return stats;
}

function blockTexts(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [block.text];
    case 'point':
      return [block.text];
    case 'figure':
    case 'table':
      return [];
  }
}

type FoundStat = Omit<Stat, 'id' | 'sectionId' | 'blockId'>;

export function statsInSentence(sentence: string): FoundStat[] {
  const found: FoundStat[] = [];
  for (const m of sentence.matchAll(QUANTITY)) {
    const [whole, num = '', mag = '', unit = ''] = m;
    const start = m.index ?? 0;
    const before = sentence.slice(0, start);
    const after = sentence.slice(start + whole.length);
    if (/第$/.test(before) || /^[届年月日号期]/.test(after)) continue;
    if (/^\d{4}$/.test(num) && /^年/.test(after)) continue;
    const value = /^\d/.test(num) ? Number(num) : parseChineseNumber(num);
    if (value === null || Number.isNaN(value)) continue;
    // 「四个行动」 and 「两个维护」 are names, not counts: Chinese numerals count only with a clear verb
    if (!/^\d/.test(num) && !/(实现|新增|建立|培育|达到|共|累计)[^，,。]*$/.test(before.slice(-8))) continue;
    const kind: StatKind = CHANGE.test(before) ? 'change' : THRESHOLD.test(before) ? 'threshold' : 'value';
    found.push({ value, unit: mag + unit, label: labelFor(before, after), text: whole, sentence, kind });
  }
  return found;
}

function labelFor(before: string, after: string): string {
  const clause = before.split(/[，,、：:；;]/).pop() ?? '';
  let label = clause.replace(CHANGE, '').replace(THRESHOLD, '').replace(LEAD_VERBS, '').trim();
  if (label.length < 2) {
    // 「50个重点项目全部复工」: the thing counted follows the number
    label = (after.split(/[，,、。；;]/)[0] ?? '').trim();
  }
  return label.slice(-16);
}
