import type { FindingKind, Hit, ProofUnit } from './types';

/** What every finding of one rule shares: its id, kind, source and reason. */
export interface RuleDef {
  id: string;
  kind: FindingKind;
  rule: string;
  why: string;
  whyEn: string;
}

/** A finding of `def` over text[start, end). */
export function hit(
  def: RuleDef,
  start: number,
  end: number,
  suggestion: string | null,
  words?: Partial<Pick<RuleDef, 'why' | 'whyEn' | 'rule'>>,
): Hit {
  return {
    start,
    end,
    suggestion,
    kind: def.kind,
    ruleId: def.id,
    rule: words?.rule ?? def.rule,
    why: words?.why ?? def.why,
    whyEn: words?.whyEn ?? def.whyEn,
  };
}

/** Rules that read one unit at a time; `units` and `index` give them the document around it. */
export interface UnitContext {
  unit: ProofUnit;
  index: number;
  units: readonly ProofUnit[];
  /** ranges of the unit's text that are not prose (web and e-mail addresses) */
  protect: ReadonlyArray<[number, number]>;
}
