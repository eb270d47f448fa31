import type { Block, Figure, Section, Stat } from '../model/report';
import { foldText } from './fold';
import { FUTURE_SECTION, PAST_SECTION, TARGET_CUE, TASK_SECTION } from './lexicon';
import type { Future } from './reading';
import { statsInSentence, type FoundStat, type SentenceContext } from './sentence';
import { tableStats } from './table';
import { countWork } from './work';

export { parseChineseNumber } from './numbers';
export { statsInSentence, type FoundStat, type SentenceContext } from './sentence';

/** Split a paragraph into sentences at 。！？ (closing quotes stay with their sentence). One pass. */
export function splitSentences(text: string): string[] {
  countWork(text.length);
  const out: string[] = [];
  // a run without a stop, its stop, the closing quotes after it: each character is read once
  for (const m of text.matchAll(SENTENCE)) {
    const s = m[0].trim();
    if (s) out.push(s);
  }
  return out;
}
const SENTENCE = /[^。！？!?\n]+[。！？!?\n]?["”’」』）)]*|[。！？!?\n]["”’」』）)]*/g;

/** What a figure gives the statistics pass: its caption, and a table's rows. */
export type FigureText = Pick<Figure, 'caption' | 'rows'>;

/**
 * Pull every statistic out of the sections' text: value, unit and text as written, what it
 * measures (label, kind, qualifier, period, basis), whose figure it is, and the sentence and
 * section it came from. Photo captions give statistics scoped to the caption; tables of indicators
 * give one statistic per cell. Linear in the text: each sentence is read in one pass and each
 * number looks at a bounded window around it.
 */
export function extractStats(
  sections: readonly Section[],
  figures: ReadonlyMap<string, FigureText | string> = new Map(),
  onProgress?: (fraction: number) => void,
  report: { title?: string } = {},
): Stat[] {
  const stats: Stat[] = [];
  // progress by blocks done: on a large report this pass is most of the analysis
  const count = (list: readonly Section[]): number =>
    list.reduce((n, s) => n + s.blocks.length + count(s.sections), 0);
  const total = onProgress ? count(sections) : 0;
  let done = 0;
  const walk = (section: Section, titles: readonly string[], future: Future): void => {
    const here = [...titles, section.title];
    const sectionFuture = futureOf(section.title) ?? future;
    let listFuture = false;
    for (const block of section.blocks) {
      if (onProgress && ++done % PROGRESS_EVERY === 0) onProgress(done / total);
      let n = 0;
      const push = (found: FoundStat): void => {
        n++;
        // the found object becomes the statistic: no copy of each one on a report of thousands
        found.id = `${block.id}.st${n}`;
        found.sectionId = section.id;
        found.blockId = block.id;
        stats.push(found);
      };
      const figure =
        block.kind === 'figure' || block.kind === 'table' ? figures.get(block.figureId) : undefined;
      const fig: FigureText | undefined = typeof figure === 'string' ? { caption: figure } : figure;
      // (a point that asks, 「三要狠抓森林防火」, still states facts: 「森林覆盖率67.3%」; its plans
      // carry their own words, 「确保」「力争」「要再下降」)
      const context: SentenceContext = { sectionTitles: here, future: listFuture || sectionFuture };
      if (fig) {
        const caption = { ...context, caption: block.kind === 'figure' };
        for (const sentence of splitSentences(fig.caption)) statsInSentence(sentence, caption).forEach(push);
        if (block.kind === 'table' && fig.rows) tableStats(fig.caption, fig.rows, here).forEach(push);
        continue;
      }
      // a point's lead-in and its body read on: the subject of one serves the other
      let subject: string | undefined;
      for (const text of blockTexts(block)) {
        for (const sentence of splitSentences(text)) {
          const found = statsInSentence(sentence, { ...context, ...(subject ? { subject } : {}) });
          found.forEach(push);
          const last = [...found].reverse().find((f) => !f.unfit && f.kind !== 'growth' && f.kind !== 'rank');
          subject = last ? foldText(last.label) : subject;
        }
      }
      // 「今年主要预期目标是：」 ends a paragraph: the list after it states targets
      const last = blockTexts(block).at(-1)?.trim() ?? '';
      if (/[：:]$/.test(last) && LIST_OF_TARGETS.test(foldText(last))) listFuture = true;
    }
    section.sections.forEach((s) => walk(s, here, sectionFuture));
  };
  // the report's title names the period of a half-year summary: 「青禾区2023年上半年…」
  const top = report.title ? [report.title] : [];
  sections.forEach((s) => walk(s, top, false));
  onProgress?.(1);
  return stats;
}

/** A paragraph that opens a list of targets: 「今年主要预期目标是：」. */
const LIST_OF_TARGETS = new RegExp(TARGET_CUE.source);

/** Blocks between progress reports: often enough for a smooth bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 512;

/** Whether a section title says its numbers are planned (下半年工作安排) or done (上半年工作回顾). */
function futureOf(title: string): Future | undefined {
  const t = foldText(title);
  if (PAST_SECTION.test(t)) return false;
  if (FUTURE_SECTION.test(t)) return true;
  if (TASK_SECTION.test(t)) return 'tasks';
  return undefined;
}

function blockTexts(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [block.text];
    case 'point':
      return [block.lead, block.text];
    case 'figure':
    case 'table':
      return [];
  }
}
