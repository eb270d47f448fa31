import type { ShownStat } from '../../templates/model';
import type { Stat } from '../model/report';
import { officialPunctuation } from '../text/punctuation';

/** A statistic as it appears on a slide or in a brief, keeping its source sentence. */
export function shownStat(stat: Stat, label = stat.label): ShownStat {
  return {
    statId: stat.id,
    value: formatValue(stat.value),
    unit: stat.unit,
    label: officialPunctuation(label),
    sentence: officialPunctuation(stat.sentence),
  };
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}
