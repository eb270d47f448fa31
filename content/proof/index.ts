import { BUILTIN_PROOF_SOURCES } from '../../templates/proof';
import { loadRules, type LoadedRules, type RuleSource } from './load';

export { applyFix, briefingUnits, ignoreFinding, ignoreRule, unignored } from './briefing';
export { CODE_RULE_IDS, countByKind, proofread } from './check';
export { loadRules, type LoadedRules, type RuleProblem, type RuleSource } from './load';
export type { ProofRules } from './rules';
export { FINDING_KINDS, placeKey } from './types';
export type { Finding, FindingKind, ItemField, ProofPlace, ProofUnit } from './types';
export { markdownUnits, textUnits } from './units';

let builtin: LoadedRules | undefined;

/** The built-in rules, loaded (and their examples run) once per process. */
export function builtinRules(): LoadedRules {
  builtin ??= loadRules(BUILTIN_PROOF_SOURCES);
  return builtin;
}

/** The built-in rules with an office's rule files after them. */
export function rulesWith(user: readonly RuleSource[]): LoadedRules {
  return user.length === 0 ? builtinRules() : loadRules([...BUILTIN_PROOF_SOURCES, ...user]);
}
