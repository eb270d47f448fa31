import {
  parseProofRuleFile,
  ProofRuleError,
  type ProofEntry,
  type ProofRuleFile,
} from '../../templates/proof/schema';
import { protectedRanges } from './chars';
import { CODE_RULE_IDS } from './check';
import { badContext } from './context';
import { buildRules, entryId, type ProofRules } from './rules';
import type { Hit, ProofUnit } from './types';
import { fullForms, particles, replacements, sequences } from './words';

/**
 * Reading rule files: the built-in ones and an office's own. A file that does not validate, or an
 * entry whose own examples it does not pass, is reported by file and field and left out; the
 * rest are used, so one bad entry never stops a check.
 */

export interface RuleSource {
  /** the file's name as messages give it: 「templates/proof/confusions.json」, 「本单位.json」 */
  file: string;
  data: unknown;
  /**
   * The built-in files: their examples are run by the test suite, so the app does not run them
   * again at each start (an office's files are always tried on their examples).
   */
  trusted?: boolean;
}

export interface RuleProblem {
  file: string;
  /** the field at fault, e.g. `entries.3.examples.right.0`; `(file)` when the file itself is unreadable */
  field: string;
  messageZh: string;
  messageEn: string;
}

export interface RuleFileSummary {
  file: string;
  name: string;
  /** entries used (after those with problems were left out) */
  entries: number;
}

export interface LoadedRules {
  rules: ReturnType<typeof buildRules>;
  problems: RuleProblem[];
  files: RuleFileSummary[];
}

const problemOf = (file: string, field: string, zh: string, en: string): RuleProblem => ({
  file,
  field,
  messageZh: `校对规则 ${file} 无效：字段「${field}」${zh}`,
  messageEn: `proofreading rules ${file} are invalid: field "${field}" ${en}`,
});

const CONTEXT_FIELDS = ['prev', 'next', 'notPrev', 'notNext'] as const;

/** Only the word-list matchers, to try an entry on its own examples. */
function entryHits(rules: ProofRules, example: string): Hit[] {
  const units: ProofUnit[] = example
    .split('\n')
    .map((text, k) => ({ at: { line: k + 1 }, text, role: 'body' }));
  const hits: Hit[] = fullForms(units, rules.fullForms).map((p) => p.hit);
  units.forEach((unit, index) => {
    const ctx = { unit, index, units, protect: protectedRanges(unit.text) };
    hits.push(
      ...replacements(ctx, rules.replace),
      ...particles(ctx, rules.particles),
      ...sequences(ctx, rules.sequences),
    );
  });
  return hits;
}

/** What is wrong with one entry, or null. */
function entryProblem(
  entry: ProofEntry,
  known: ReadonlySet<string>,
  trusted: boolean,
): { field: string; zh: string; en: string } | null {
  if (entry.type === 'off') {
    return known.has(entry.rule)
      ? null
      : { field: 'rule', zh: `没有叫「${entry.rule}」的规则`, en: `names no rule: "${entry.rule}"` };
  }
  for (const f of CONTEXT_FIELDS) {
    const list = (entry as Partial<Record<(typeof CONTEXT_FIELDS)[number], string[]>>)[f];
    const bad = list?.findIndex(badContext) ?? -1;
    if (bad >= 0)
      return {
        field: `${f}.${bad}`,
        zh: `「${list![bad]}」不是可用的标记，只能用 {数字} {汉字} {标点} 或普通文字`,
        en: `"${list![bad]}" is not a token; use {数字} {汉字} {标点} or plain text`,
      };
  }
  if (entry.type === 'repeat-allowed' || trusted) return null;
  const rules = buildRules([entry]);
  const wrongAt = entry.examples.wrong.findIndex(
    (ex) => !entryHits(rules, ex).some((h) => h.ruleId === entry.id),
  );
  if (wrongAt >= 0)
    return {
      field: `examples.wrong.${wrongAt}`,
      zh: '的示例里没有查出这条规则要查的错误，请检查规则或示例',
      en: 'is an example the entry does not flag; check the entry or the example',
    };
  const rightAt = entry.examples.right.findIndex((ex) =>
    entryHits(rules, ex).some((h) => h.ruleId === entry.id),
  );
  if (rightAt >= 0)
    return {
      field: `examples.right.${rightAt}`,
      zh: '是正确的示例，这条规则却在上面报错，请收紧规则的上下文',
      en: 'is a correct example the entry flags; narrow its context',
    };
  return null;
}

/**
 * Load rule files in order (the built-in ones first). An entry id may appear once across all
 * files: an office changes a built-in entry by switching it off (`{ "type": "off", "rule": id }`)
 * and adding its own under a new id.
 */
export function loadRules(sources: readonly RuleSource[]): LoadedRules {
  const problems: RuleProblem[] = [];
  const parsed: Array<{ file: string; data: ProofRuleFile; trusted: boolean }> = [];
  for (const s of sources) {
    try {
      parsed.push({ file: s.file, data: parseProofRuleFile(s.data, s.file), trusted: s.trusted === true });
    } catch (err) {
      if (!(err instanceof ProofRuleError)) throw err;
      problems.push({ file: s.file, field: err.field, messageZh: err.messageZh, messageEn: err.messageEn });
    }
  }
  const known = new Set<string>(CODE_RULE_IDS);
  for (const p of parsed) for (const e of p.data.entries) if (entryId(e)) known.add(entryId(e)!);
  const taken = new Map<string, string>();
  const used: ProofEntry[] = [];
  const files: RuleFileSummary[] = [];
  for (const { file, data, trusted } of parsed) {
    let count = 0;
    data.entries.forEach((entry, k) => {
      const id = entryId(entry);
      if (id && (taken.has(id) || CODE_RULE_IDS.includes(id))) {
        const by = taken.get(id) ?? '内置检查';
        problems.push(
          problemOf(
            file,
            `entries.${k}.id`,
            `的值「${id}」已被 ${by} 使用，请换一个（要替换内置规则，先用 "type": "off" 关闭它）`,
            `"${id}" is already used by ${by === '内置检查' ? 'a built-in check' : by}; choose another (switch a built-in entry off with "type": "off" first)`,
          ),
        );
        return;
      }
      const problem = entryProblem(entry, known, trusted);
      if (problem) {
        problems.push(problemOf(file, `entries.${k}.${problem.field}`, problem.zh, problem.en));
        return;
      }
      if (id) taken.set(id, file);
      used.push(entry);
      count++;
    });
    files.push({ file, name: data.name.zh, entries: count });
  }
  return { rules: buildRules(used), problems, files };
}
