import type {
  FullFormEntry,
  NumeralTermsEntry,
  ProofEntry,
  SequenceEntry,
} from '../../templates/proof/schema';
import { chineseValue } from './chars';
import {
  compileParticle,
  fromReplaceEntry,
  indexReplacements,
  type CompiledParticle,
  type Replacement,
  type ReplacementIndex,
} from './words';

/** The rules a check runs with: the word lists made ready for matching, and the rules switched off. */
export interface ProofRules {
  replace: ReplacementIndex;
  fullForms: readonly FullFormEntry[];
  sequences: readonly SequenceEntry[];
  particles: ReadonlyMap<string, CompiledParticle>;
  allowedRepeats: ReadonlySet<string>;
  /** rule ids switched off by an `off` entry */
  off: ReadonlySet<string>;
}

const NUMERAL_RUN = /[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九两]/g;

/**
 * The ways a fixed expression gets written with Arabic numerals: every non-empty choice of its
 * numerals turned into digits (「十四五」 → 「14五」「十四5」), and 两 as 二 (「二个维护」). A variant
 * with no Chinese character left is dropped: 「145」 is a number, not a typo.
 */
export function numeralVariants(term: string): string[] {
  const runs = [...term.matchAll(NUMERAL_RUN)];
  const out = new Set<string>();
  for (let mask = 1; mask < 1 << runs.length; mask++) {
    let s = '';
    let at = 0;
    runs.forEach((r, k) => {
      s += term.slice(at, r.index);
      s += mask & (1 << k) ? String(chineseValue(r[0]) ?? r[0]) : r[0];
      at = r.index + r[0].length;
    });
    s += term.slice(at);
    if (/\p{Script=Han}/u.test(s)) out.add(s);
  }
  if (term.includes('两')) out.add(term.replace(/两/g, '二'));
  out.delete(term);
  return [...out];
}

function numeralReplacements(e: NumeralTermsEntry): Replacement[] {
  return e.terms.flatMap((term) =>
    numeralVariants(term).map((find) => ({
      id: e.id,
      kind: 'number' as const,
      find,
      fix: term,
      notNext: e.notNext,
      source: e.source,
      why: e.why,
      whyEn: e.whyEn,
    })),
  );
}

/** Make entries (already validated) ready to match. Later entries with the same id are ignored. */
export function buildRules(entries: readonly ProofEntry[]): ProofRules {
  const replace: Replacement[] = [];
  const fullForms: FullFormEntry[] = [];
  const sequences: SequenceEntry[] = [];
  const particles = new Map<string, CompiledParticle>();
  const allowed = new Set<string>();
  const off = new Set<string>();
  for (const e of entries) {
    switch (e.type) {
      case 'replace':
        replace.push(fromReplaceEntry(e));
        break;
      case 'numeral-terms':
        replace.push(...numeralReplacements(e));
        break;
      case 'full-form':
        fullForms.push(e);
        break;
      case 'sequence':
        sequences.push(e);
        break;
      case 'particle':
        particles.set(e.char, compileParticle(e));
        break;
      case 'repeat-allowed':
        for (const w of e.words) allowed.add(w);
        break;
      case 'off':
        off.add(e.rule);
        break;
    }
  }
  return {
    replace: indexReplacements(replace),
    fullForms,
    sequences,
    particles,
    allowedRepeats: allowed,
    off,
  };
}

/** The id an entry is known by (an `off` entry has none of its own). */
export const entryId = (e: ProofEntry): string | null => (e.type === 'off' ? null : e.id);
