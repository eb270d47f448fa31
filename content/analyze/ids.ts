import type { Report, Section } from '../model/report';

/**
 * Every id the analysis derives, built here from a raw block id and nowhere else. Ids are opaque:
 * code outside this file never takes one apart; it asks `rawIdOf` which raw block a derived id
 * came from, and that answer is found by building ids from the raw blocks, not by splitting.
 */

/** The section opened by a heading block. */
export const sectionId = (rawId: string): string => `s-${rawId}`;

/** The section holding what comes before the first heading. */
export const INTRO_SECTION_ID = 's-intro';

/** The figure made of an image, a table or a caption block. */
export const figureId = (rawId: string): string => `f-${rawId}`;

/**
 * The nth block (1-based) one raw block was split into, as when 「一是……。二是……。」 becomes two
 * points. The first part keeps the raw id, so a block that is not split keeps the id it always had.
 */
export const partId = (rawId: string, part: number): string => (part <= 1 ? rawId : `${rawId}~${part}`);

/** The id of a repair, from its kind and the raw blocks it involves (first and last). */
export function repairId(kind: string, rawIds: readonly string[]): string {
  const first = rawIds[0] ?? '';
  const last = rawIds[rawIds.length - 1] ?? '';
  return rawIds.length <= 2 ? `r-${kind}-${rawIds.join('-')}` : `r-${kind}-${first}-${last}`;
}

/**
 * Which raw text block a section or block of the report came from, or null (the intro section,
 * a statistic, anything not made from one raw text block). Used to reclassify a block.
 */
export function rawIdOf(
  report: Pick<Report, 'raw' | 'sections'>,
  ref: { type: string; id: string },
): string | null {
  if (ref.type !== 'section' && ref.type !== 'block') return null;
  return rawIdIndex(report).get(`${ref.type}\u0000${ref.id}`) ?? null;
}

const indexes = new WeakMap<object, Map<string, string>>();

function rawIdIndex(report: Pick<Report, 'raw' | 'sections'>): Map<string, string> {
  const cached = indexes.get(report.sections);
  if (cached) return cached;
  const blockIds = new Set<string>();
  const sectionIds = new Set<string>();
  const walk = (s: Section): void => {
    sectionIds.add(s.id);
    for (const b of s.blocks) blockIds.add(b.id);
    s.sections.forEach(walk);
  };
  report.sections.forEach(walk);
  const index = new Map<string, string>();
  for (const b of report.raw) {
    if (b.type !== 'text') continue;
    if (sectionIds.has(sectionId(b.id))) index.set(`section\u0000${sectionId(b.id)}`, b.id);
    for (let part = 1; blockIds.has(partId(b.id, part)); part++)
      index.set(`block\u0000${partId(b.id, part)}`, b.id);
  }
  indexes.set(report.sections, index);
  return index;
}
