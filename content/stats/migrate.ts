import type { Stat, StatKind } from '../model/report';
import { STAT_KINDS } from '../model/values';
import { foldText } from './fold';
import { labelFault } from './label';
import { unitClassOf } from './numbers';
import { statsInSentence, type SentenceContext } from './sentence';

/**
 * Statistics saved before they had meanings (kinds value / change / threshold, no label rules,
 * no scope) brought to the current model. Each one is read again from its own sentence, with the
 * titles of its section and whether it stood in a caption, and takes what the statistic found
 * there at the same place means; its id, value, unit, text, sentence and place are kept, so the
 * briefing's items still point at it. One the sentence no longer yields keeps its label and gets
 * the kind its unit and old kind say.
 */

type Json = Record<string, unknown>;

interface OldSection {
  id?: unknown;
  title?: unknown;
  blocks?: unknown;
  sections?: unknown;
}

const NEW_KINDS: ReadonlySet<string> = new Set(STAT_KINDS);

/** Section id → the titles down to it; block id → whether it is a figure (a caption). */
function placesOf(sections: unknown): { titles: Map<string, string[]>; figures: Set<string> } {
  const titles = new Map<string, string[]>();
  const figures = new Set<string>();
  const walk = (list: unknown, above: string[]): void => {
    if (!Array.isArray(list)) return;
    for (const s of list as OldSection[]) {
      const here = [...above, typeof s.title === 'string' ? s.title : ''];
      if (typeof s.id === 'string') titles.set(s.id, here);
      if (Array.isArray(s.blocks))
        for (const b of s.blocks as Json[])
          if (b.kind === 'figure' && typeof b.id === 'string') figures.add(b.id);
      walk(s.sections, here);
    }
  };
  walk(sections, []);
  return { titles, figures };
}

/** The kind an old statistic has by its unit when its sentence yields nothing to match. */
function kindByUnit(old: string, unit: string): StatKind {
  const cls = unitClassOf(foldText(unit).replace(/^(万亿|千万|百万|亿|万)/, ''));
  if (old === 'change' || cls === 'points') return 'growth';
  if (cls === 'percent') return 'share';
  if (cls === 'count') return 'count';
  if (cls === 'time') return 'duration';
  return 'amount';
}

/** One report's statistics brought forward; statistics already current are left as they are. */
export function upgradeReportStats(report: Json): Json {
  const stats = report.stats;
  if (!Array.isArray(stats)) return report;
  const { titles, figures } = placesOf(report.sections);
  const upgraded = (stats as Json[]).map((old): Json => {
    if (typeof old.kind === 'string' && NEW_KINDS.has(old.kind) && old.scope) return old;
    const sentence = typeof old.sentence === 'string' ? old.sentence : '';
    const text = typeof old.text === 'string' ? old.text : '';
    const unit = typeof old.unit === 'string' ? old.unit : '';
    const context: SentenceContext = {
      sectionTitles: titles.get(String(old.sectionId)) ?? [],
      caption: figures.has(String(old.blockId)),
    };
    const again = statsInSentence(sentence, context).find((s) => s.text === text && s.value === old.value);
    if (again) {
      const {
        id: _id,
        sectionId: _s,
        blockId: _b,
        value: _v,
        unit: _u,
        text: _t,
        sentence: _se,
        ...meaning
      } = again;
      return { ...old, ...meaning };
    }
    const label = typeof old.label === 'string' ? old.label : '';
    const fault = labelFault(label);
    const upgradedStat: Partial<Stat> = {
      kind: kindByUnit(String(old.kind), unit),
      scope: { kind: context.caption ? 'caption' : 'area' },
      ...(fault ? { unfit: fault } : {}),
    };
    return { ...old, ...upgradedStat };
  });
  return { ...report, stats: upgraded };
}
