import { BUILTIN_PROOF_SOURCES } from '../../templates/proof';
import { loadRules, type LoadedRules, type RuleSource } from './load';

export { applyFix, briefingUnits, ignoreFinding, ignoreRule, unignored } from './briefing';
export { CODE_RULE_IDS, countByKind, proofread } from './check';
export { loadRules, type LoadedRules, type RuleProblem, type RuleSource } from './load';
export type { ProofRules } from './rules';
export { FINDING_KINDS, placeKey } from './types';
export type { Finding, FindingKind, ItemField, ProofPlace, ProofUnit } from './types';
export { markdownUnits, textUnits } from './units';

const TRUSTED: readonly RuleSource[] = BUILTIN_PROOF_SOURCES.map((s) => ({ ...s, trusted: true }));

let builtin: LoadedRules | undefined;

/**
 * The built-in rules, loaded once per process. Their own examples are not run here: the test
 * suite runs every one of them (tests/content/proof), and a start should not pay for it.
 */
export function builtinRules(): LoadedRules {
  builtin ??= loadRules(TRUSTED);
  return builtin;
}

/** The built-in rules with an office's rule files after them (whose examples are run). */
export function rulesWith(user: readonly RuleSource[]): LoadedRules {
  return user.length === 0 ? builtinRules() : loadRules([...TRUSTED, ...user]);
}
