import { builtinRules, proofread, textUnits, type Finding } from '../../../content/proof';

/** Check a text as a report's lines, with the built-in rules. */
export const check = (text: string): Finding[] => proofread(textUnits(text), builtinRules().rules);

/** What the checker says about a text, short: 「kind:text→suggestion」 per finding. */
export const said = (text: string): string[] =>
  check(text).map((f) => `${f.kind}:${f.text}→${f.suggestion ?? '∅'}`);

/** The rule ids that fire on a text. */
export const rulesOn = (text: string): string[] => check(text).map((f) => f.ruleId);
