import type { Doc, DocBlock, ShownStat } from '../../templates/model';
import type { Briefing } from '../model/briefing';
import type { Report, Section, Stat } from '../model/report';
import { resolveItems, type ResolvedItem } from '../briefing/resolve';
import { briefDraftItems } from '../briefing/select';
import { INTRO_SECTION_ID } from '../analyze/ids';
import { SECTION_LABELS } from '../analyze/text-rules';
import { officialPunctuation } from '../text/punctuation';
import { HeadingCounter, officialDate } from './numbering';
import { officialItem } from './official-text';
import { shownStat } from './shown';
import { statIndex, subtreeStats } from './deck-stats';

/**
 * A heading number the source (or staff) wrote in front of a title: 「一、」 「（二）」 「3.」
 * 「（4）」 「第五部分」. Compose numbers headings itself, so these are dropped, not doubled.
 */
const SOURCE_NUMBER =
  /^\s*(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百\d]+\s*[）)]|\d+\s*[.．、](?!\d)|第[一二三四五六七八九十百\d]+(?:部分|章|节|条)\s*[、，,：:\s]?)\s*/;

export function stripSourceNumber(title: string): string {
  const stripped = title.replace(SOURCE_NUMBER, '');
  return stripped.trim() ? stripped.trim() : title.trim();
}

/**
 * Levels as the brief shows them. A picked heading sits one level below the nearest picked
 * heading of a shallower source level, so a brief made of 「（一）」 sections alone numbers them
 * 一、二、, and a skipped level does not leave a gap.
 */
class LevelMapper {
  private readonly stack: number[] = [];

  level(sourceLevel: number): number {
    while (this.stack.length > 0 && (this.stack[this.stack.length - 1] ?? 0) >= sourceLevel) this.stack.pop();
    this.stack.push(sourceLevel);
    return Math.min(this.stack.length, 4);
  }
}

/**
 * A point's marker and lead as the report wrote them: 「1.」 + 「抓产业升级。」, 「一是」 + 「坚持稳中求进，」.
 * A lead staff retyped keeps the marker but ends as they typed it.
 */
function pointLead(r: Extract<ResolvedItem, { kind: 'point' }>): { marker: string; lead: string } {
  const block = r.block.kind === 'point' ? r.block : undefined;
  const marker = block?.marker?.trim() ?? '';
  const end = r.item.title === undefined ? (block?.leadEnd ?? '') : '';
  return { marker, lead: `${r.lead}${officialPunctuation(end)}` };
}

/** A lead run into its body as one paragraph: a full stop only where the lead has no mark of its own. */
const endedLead = (lead: string, body: string): string =>
  !body.trim() || /[。！？；：，、….!?;:,]$/.test(lead) ? lead : `${lead}。`;

/** A section's statistics fit for its 主要数据 table: each with a label that stands alone. */
function sectionStats(report: Report, section: Section): Stat[] {
  return subtreeStats(report, section).filter((s) => !s.unfit);
}

/**
 * Compose a Word brief: the briefing's items, in order, as numbered headings, points with a bold
 * lead-in, paragraphs, figures (图N) and tables (表N), and statistics tables. Headings are
 * renumbered in the official sequence per level (一、 （一） 1. （1）) whatever numbering the
 * source used. A statistics table comes from two or more statistics picked one after another, or
 * from any item styled 'stats-table'. With no items picked, the brief holds the report's full
 * text (`briefDraftItems`). Points keep the report's marker (「1.」 「（1）」 「一是」) and the
 * punctuation their lead ended on; the text before the report's first heading stands as opening
 * paragraphs under no heading. The date is normalised to 「2022年7月5日」.
 */
export function composeDoc(report: Report, briefing: Briefing): Doc {
  const items = briefing.items.length > 0 ? briefing.items : briefDraftItems(report);
  const counter = new HeadingCounter();
  const pickedBlocks = new Set(items.filter((i) => i.ref.type === 'block').map((i) => i.ref.id));
  const levels = new LevelMapper();
  const blocks: DocBlock[] = [];
  let figureNo = 0;
  let tableNo = 0;
  let pending: Array<{ stat: ShownStat; resolved: Extract<ResolvedItem, { kind: 'stat' }> }> = [];

  /** A 主要数据 table; one statistic is not a table, it reads as its own sentence. */
  const statsTable = (stats: ShownStat[], caption: string, itemId?: string): void => {
    const [only] = stats;
    if (stats.length === 1 && only) {
      blocks.push({ kind: 'paragraph', text: only.sentence, ...(itemId ? { itemId } : {}) });
      return;
    }
    tableNo++;
    blocks.push({ kind: 'stats', number: tableNo, caption, stats, ...(itemId ? { itemId } : {}) });
  };

  const flushStats = (): void => {
    const run = pending;
    pending = [];
    if (run.length === 0) return;
    const [only] = run;
    if (run.length === 1 && only) {
      // a lone statistic reads best as the report's own sentence; when that sentence is already in
      // the brief it is not said twice (a one-row table is no table)
      if (!pickedBlocks.has(only.resolved.stat.blockId))
        blocks.push({ kind: 'paragraph', text: only.stat.sentence, itemId: only.resolved.item.id });
      return;
    }
    statsTable(
      run.map((r) => r.stat),
      '主要数据',
      run[0]?.resolved.item.id,
    );
  };

  // a speech's 「同志们：」 was taken into the front matter at import; in a full-text brief it still
  // opens the speech, before the first paragraph, as the speaker said it
  if (briefing.items.length === 0 && report.salutation?.trim())
    blocks.push({ kind: 'paragraph', text: officialPunctuation(report.salutation.trim()) });

  for (const r of resolveItems(report, items).map(officialItem)) {
    if (r.kind !== 'stat') flushStats();
    const itemId = r.item.id;
    const wantsTable = r.item.style === 'stats-table';
    switch (r.kind) {
      case 'heading': {
        // the text before the first heading has no heading in the report: none is invented for
        // it (「导语」, 「正文」) unless staff wrote one
        if (r.section.id === INTRO_SECTION_ID && r.item.title === undefined) break;
        const level = levels.level(r.level);
        const text = stripSourceNumber(r.title);
        // 前言 / 结束语 and the like stand unnumbered and do not take a number from the sequence
        const counted = level === 1 && SECTION_LABELS.test(text) ? '' : counter.next(level);
        // a heading that carries its own marker (「第一，」 「一是」) prints it, and no number besides
        const number = r.marker ?? counted;
        blocks.push({ kind: 'heading', level, number, text, itemId });
        if (wantsTable) {
          const stats = sectionStats(report, r.section).map((s) => shownStat(s));
          if (stats.length > 0) statsTable(stats, `${text}主要数据`, itemId);
        }
        break;
      }
      case 'point':
      case 'paragraph': {
        const stats = wantsTable
          ? r.statIds
              .map((id) => statIndex(report).byId.get(id))
              .filter((s): s is Stat => s !== undefined && !s.unfit)
          : [];
        if (stats.length > 1) {
          statsTable(
            stats.map((s) => shownStat(s)),
            r.kind === 'point' ? r.lead : '主要数据',
            itemId,
          );
        } else if (r.kind === 'point') {
          const { marker, lead } = pointLead(r);
          blocks.push(
            r.item.style === 'paragraph'
              ? {
                  kind: 'paragraph',
                  text: `${marker}${endedLead(lead, r.text)}${r.text}`,
                  itemId,
                }
              : { kind: 'point', lead, text: r.text, ...(marker ? { marker } : {}), itemId },
          );
        } else {
          blocks.push(
            r.item.style === 'quote'
              ? { kind: 'quote', text: r.text, itemId }
              : { kind: 'paragraph', text: r.text, itemId },
          );
        }
        break;
      }
      case 'figure': {
        const { figure } = r;
        if (figure.kind === 'table') {
          const rows = figure.rows ?? [];
          if (rows.length === 0) break;
          tableNo++;
          const caption = r.caption.trim() || namedAbove(blocks.at(-1), '表');
          blocks.push({ kind: 'table', number: tableNo, caption, rows, itemId });
        } else {
          figureNo++;
          const asset = figure.assetId ? report.assets[figure.assetId] : undefined;
          blocks.push({
            kind: 'image',
            number: figureNo,
            caption: r.caption.trim() || namedAbove(blocks.at(-1), '图'),
            ...(asset ? { image: asset } : {}),
            itemId,
          });
        }
        break;
      }
      case 'stat':
        pending.push({ stat: shownStat(r.stat, r.label), resolved: r });
        break;
    }
  }
  flushStats();

  const fields = {
    ...briefing.fields,
    title: officialPunctuation(briefing.fields.title || report.title),
    subtitle: officialPunctuation(briefing.fields.subtitle || (report.subtitle ?? '')),
    date: officialDate(briefing.fields.date),
  };
  const byline = bylineOf(report, briefing.fields.presenter);
  return { templateId: briefing.briefTemplate, fields, blocks, ...(byline.length > 0 ? { byline } : {}) };
}

/**
 * The name a report gives a table or picture that has no caption of its own, in the sentence just
 * before it: 「主要指标完成情况见下表。」 → 「主要指标完成情况」, 「各乡镇产值如下表所示：」 → 「各乡镇产值」.
 * Only a short name that is the sentence's whole subject; otherwise '' (the caption stays 「表1」).
 */
export function namedAbove(before: DocBlock | undefined, kind: '表' | '图'): string {
  if (!before || (before.kind !== 'paragraph' && before.kind !== 'point')) return '';
  const text = before.kind === 'point' ? `${before.lead}${before.text}` : before.text;
  const last =
    text
      .trim()
      .split(/(?<=[。！？；])/)
      .at(-1) ?? '';
  const m = new RegExp(`^(?:具体|详细)?(.{2,30}?)(?:详见|见|如)下${kind}(?:所示)?[。：:；]?$`).exec(
    last.trim(),
  );
  const raw = m?.[1] ?? '';
  // a name, not a clause: 「全镇产值增长5.9%，详见下表」 names nothing
  return raw && !/[，,。；、：:%％\d]/.test(raw) ? raw.replace(/的$/, '') : '';
}

const DATE_LINE = /(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月/;

/**
 * The lines under a speech's or report's title, as one prints them: the speaker, its gap a
 * full-width space (「临川县应急管理局局长　林国栋」), then, when the report has the date on a line of
 * its own under the title (not inside its subtitle), the date in parentheses (「（2024年3月8日）」).
 * The speaker staff typed (汇报人) comes before the one read from the report. Nothing without a speaker.
 */
function bylineOf(report: Report, presenter: string): string[] {
  const speaker = (presenter || report.speaker || '').trim();
  if (!speaker) return [];
  const lines = [officialPunctuation(speaker).replace(/[\s\u3000]+/g, '　')];
  const dated = report.dateline.some((l) => l.trim() !== report.speaker?.trim() && DATE_LINE.test(l));
  const date = report.date?.trim();
  if (dated && date && !speaker.includes(date)) lines.push(`（${officialDate(date)}）`);
  return lines;
}
