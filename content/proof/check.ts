import { officialPunctuation } from '../text/punctuation';
import { protectedRanges } from './chars';
import {
  CONSISTENCY_RULES,
  numbering,
  partSums,
  sameMeasure,
  siblingTitles,
  sourceEdits,
} from './consistency';
import type { UnitContext } from './hits';
import { NUMBER_RULES, numbers, separatorConsistency } from './numbers';
import { PUNCT_RULES, punctuation } from './punct';
import { REPEAT_RULES, repeats } from './repeat';
import type { ProofRules } from './rules';
import { FINDING_KINDS, placeKey, type Finding, type FindingKind, type Hit, type ProofUnit } from './types';
import { fullForms, particles, replacements, sequences } from './words';

/** The checks written in code, by id: an `off` entry may name any of them. */
export const CODE_RULE_IDS: readonly string[] = [
  ...Object.values(PUNCT_RULES),
  ...Object.values(NUMBER_RULES),
  ...Object.values(REPEAT_RULES),
  ...Object.values(CONSISTENCY_RULES),
].map((r) => r.id);

/**
 * When two findings cover the same characters, the more specific one is kept: a word-list entry
 * says more than a general mark rule, and a local rule more than a comparison.
 */
const PRIORITY: Record<FindingKind, number> = {
  wording: 0,
  confusion: 1,
  number: 2,
  punct: 3,
  repeat: 4,
  consistency: 5,
};

const byPriority = (a: Hit, b: Hit): number =>
  PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start;

function keep(hits: Hit[], off: ReadonlySet<string>): Hit[] {
  const live = hits.filter((h) => !off.has(h.ruleId) && h.end > h.start).sort((a, b) => a.start - b.start);
  const kept: Hit[] = [];
  // hits that overlap form small clusters; each is settled on its own, so a long line stays linear
  for (let i = 0; i < live.length;) {
    let end = live[i]!.end;
    let j = i + 1;
    while (j < live.length && live[j]!.start < end) end = Math.max(end, live[j++]!.end);
    const cluster = live.slice(i, j).sort(byPriority);
    const chosen: Hit[] = [];
    for (const h of cluster) if (!chosen.some((k) => h.start < k.end && k.start < h.end)) chosen.push(h);
    kept.push(...chosen.sort((a, b) => a.start - b.start));
    i = j;
  }
  return kept;
}

function place(unit: ProofUnit, h: Hit): Finding {
  let { start, end } = h;
  let text = unit.text.slice(start, end);
  let suggestion = h.suggestion;
  let source = unit.text;
  // a line with markup removed: name the characters as the line has them
  if (unit.raw) {
    const map = unit.raw.map;
    const rawStart = map[start] ?? start;
    const rawEnd = (map[end - 1] ?? end - 1) + 1;
    const rawText = unit.raw.text.slice(rawStart, rawEnd);
    if (rawText !== text) suggestion = null;
    start = rawStart;
    end = rawEnd;
    text = rawText;
    source = unit.raw.text;
  }
  const before = source.slice(Math.max(0, start - 3), start);
  const after = source.slice(end, end + 3);
  return {
    key: [h.ruleId, placeKey(unit.at), text, before, after].join('|'),
    kind: h.kind,
    at: unit.at,
    start,
    end,
    text,
    context: { before: source.slice(Math.max(0, start - 8), start), after: source.slice(end, end + 8) },
    suggestion,
    rule: h.rule,
    ruleId: h.ruleId,
    why: h.why,
    whyEn: h.whyEn,
  };
}

/**
 * Check units of text (in document order) against the rules. Pure and bounded: every rule is a
 * pass over the text (the word lists are looked up by the character in hand), so a brief of a
 * report's size checks in milliseconds.
 */
export function proofread(units: readonly ProofUnit[], rules: ProofRules): Finding[] {
  const perUnit: Hit[][] = units.map(() => []);
  units.forEach((unit, index) => {
    if (!unit.text.trim()) return;
    const ctx: UnitContext = { unit, index, units, protect: protectedRanges(unit.text) };
    perUnit[index]!.push(
      ...punctuation(ctx),
      ...numbers(ctx),
      ...repeats(ctx, rules.allowedRepeats),
      ...particles(ctx, rules.particles),
      ...replacements(ctx, rules.replace),
      ...sequences(ctx, rules.sequences),
      ...sourceEdits(unit),
    );
  });
  for (const { index, hit } of [
    ...fullForms(units, rules.fullForms),
    ...separatorConsistency(units),
    ...sameMeasure(units),
    ...partSums(units),
    ...numbering(units),
    ...siblingTitles(units),
  ])
    perUnit[index]!.push(hit);
  return units.flatMap((unit, index) => {
    const hits = unit.composed ? composedAway(unit.text, perUnit[index]!) : perUnit[index]!;
    return keep(hits, rules.off).map((h) => place(unit, h));
  });
}

/** Leave out the half-width marks compose will set full-width anyway (the output has the suggestion). */
function composedAway(text: string, hits: Hit[]): Hit[] {
  if (!hits.some((h) => h.ruleId === PUNCT_RULES.halfwidth.id)) return hits;
  const out = officialPunctuation(text);
  return hits.filter(
    (h) => h.ruleId !== PUNCT_RULES.halfwidth.id || out.slice(h.start, h.end) !== h.suggestion,
  );
}

/** Findings counted by kind, every kind present (zero when none). */
export function countByKind(findings: readonly Finding[]): Record<FindingKind, number> {
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  for (const f of findings) counts[f.kind]++;
  return counts;
}
