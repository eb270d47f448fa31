import type { ShownStat } from '../../templates/model';
import type { Stat } from '../model/report';
import { foldText } from '../stats/fold';
import { DOWN_WORDS } from '../stats/lexicon';
import { officialPunctuation } from '../text/punctuation';

/**
 * A statistic as it appears on a slide or in a brief, keeping its source sentence: the number as
 * the report wrote it, its unit as written, and around it what the number means — the change
 * (「增长 2%」), the qualifier (「超 1000 万元」, 「6.5% 左右」), the place of a rank (「第 3」) and
 * the mark of a target (「目标」), which is never shown as an achievement.
 */
export function shownStat(stat: Stat, label = stat.label): ShownStat {
  const written = writtenNumber(stat.text, stat.value);
  const upper = stat.upper ? writtenNumber(stat.upper.text, stat.upper.value) : undefined;
  const measure = stat.kind === 'target' ? (stat.measure ?? 'amount') : stat.kind;
  const prefix = [
    measure === 'rank' ? '第' : '',
    measure === 'growth' ? (stat.change ?? '') : '',
    prefixQualifier(stat),
  ]
    .join('')
    .trim();
  const suffix = suffixQualifier(stat);
  return {
    statId: stat.id,
    value: upper ? `${written}～${upper}` : written,
    unit: measure === 'rank' ? '' : shownUnit(stat),
    label: officialPunctuation(scopedLabel(stat, label)),
    sentence: officialPunctuation(stat.sentence),
    ...(prefix ? { prefix } : {}),
    ...(suffix ? { suffix } : {}),
    ...(stat.kind === 'target' ? { tag: '目标' } : {}),
  };
}

/**
 * A statistic as a point of a chart: the label alone and the value signed, so a fall is drawn
 * below the axis (「下降3.2%」 is -3.2); the chart's title says what the values are.
 */
export function chartPoint(stat: Stat, label = stat.label): ShownStat {
  const shown = shownStat(stat, label);
  const down = stat.change !== undefined && DOWN_WORDS.test(foldText(stat.change));
  const value = down && !shown.value.startsWith('-') ? `-${shown.value}` : shown.value;
  return { statId: shown.statId, value, unit: shown.unit, label: shown.label, sentence: shown.sentence };
}

/** The signed number a chart plots for a statistic. */
export function plottedValue(stat: Stat): number {
  const down = stat.change !== undefined && DOWN_WORDS.test(foldText(stat.change));
  return down && stat.value > 0 ? -stat.value : stat.value;
}

/** Qualifiers that stand after the unit; the rest stand before the number. */
const AFTER = /^(及以上|及以下|以上|以下|以内|之内|左右|上下|开外|内)$/;
/** Written between the number and the unit (「300余家」): part of the unit as written, not a prefix. */
const INSIDE = /^(余|多)$/;

function prefixQualifier(stat: Stat): string {
  const q = stat.qualifier ? foldText(stat.qualifier) : '';
  return q && !AFTER.test(q) && !INSIDE.test(q) ? (stat.qualifier ?? '') : '';
}

function suffixQualifier(stat: Stat): string {
  const q = stat.qualifier ? foldText(stat.qualifier) : '';
  return q && AFTER.test(q) ? (stat.qualifier ?? '') : '';
}

/**
 * The number as written, digits folded to ASCII and thousands separators dropped: 「21.59」 stays
 * 「21.59」, 「1,868」 reads 「1868」, 「百」 reads 「100」. Never rounded.
 */
export function writtenNumber(text: string, value: number): string {
  const folded = foldText(text).replace(/(\d)[,，](?=\d{3})/g, '$1');
  const m = /[-+]?\d+(?:\.\d+)?/.exec(folded);
  if (m && Number(m[0]) === value) return m[0].replace(/^\+/, '');
  return String(value);
}

/** The unit as the report wrote it after the number: 「余家」 in 「300余家」, else the statistic's unit. */
function shownUnit(stat: Stat): string {
  const text = stat.upper ? stat.upper.text : stat.text;
  const folded = foldText(text);
  const m = /^[-+]?[\d.,，]+|^[零〇一二两三四五六七八九十百千万亿]+?(?=[余多]?[万亿]?[余多]?\D)/.exec(folded);
  const rest = m ? text.slice(m[0].length) : '';
  // the written tail holds the unit and perhaps 余/多: use it when it ends with the unit
  if (rest && rest.endsWith(stat.unit.slice(-1)) && rest.length <= stat.unit.length + 1) return rest;
  return stat.unit;
}

/** A figure of one enterprise, project or photo names it, so it is never read as the area's. */
function scopedLabel(stat: Stat, label: string): string {
  const name = stat.scope.name;
  if (stat.scope.kind === 'area' || !name || label.includes(name)) return label;
  return `${name}${label}`;
}
