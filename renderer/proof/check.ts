import type { UserTemplateProblem } from '../../main/contract';
import {
  applyFix,
  briefingUnits,
  ignoreFinding,
  ignoreRule,
  proofread,
  rulesWith,
  unignored,
  type Finding,
  type LoadedRules,
} from '../../content/proof';
import { getClient } from '../bridge/client';
import { useStore } from '../store/store';

/**
 * The checker on the desk, loaded the first time staff ask for it (校对, or an export that checks
 * first): the word lists and the rule schema stay out of the desk's start.
 */

const state = useStore.getState;

interface Rules {
  loaded: LoadedRules;
  /** files main could not read, and entries the loader refused */
  problems: UserTemplateProblem[];
}

let rules: Rules | null = null;
let rulesKey = '';

/** The built-in rules and the office's folder as it is now (re-read on each 校对). */
async function readRules(): Promise<Rules> {
  let reply: { files: Array<{ file: string; data: unknown }>; problems: UserTemplateProblem[] };
  try {
    reply = await getClient().call('proof:rules', {});
  } catch {
    // the built-in rules still check; a folder main cannot read is no reason not to
    reply = { files: [], problems: [] };
  }
  const key = JSON.stringify(reply.files);
  if (!rules || key !== rulesKey) {
    const loaded = rulesWith(reply.files);
    rules = { loaded, problems: loaded.problems };
    rulesKey = key;
  }
  return { loaded: rules.loaded, problems: [...reply.problems, ...rules.problems] };
}

/** The current briefing's findings staff have not set aside. */
function findingsNow(loaded: LoadedRules): Finding[] {
  const { report, briefing } = state();
  if (!report) return [];
  return unignored(proofread(briefingUnits(report, briefing), loaded.rules), briefing.proof);
}

/** Check the briefing (reading the office's rule folder again) and show the result. */
export async function check(): Promise<Finding[]> {
  state().setProofChecking(true);
  try {
    const { loaded, problems } = await readRules();
    rules = { loaded, problems };
    const findings = findingsNow(loaded);
    state().setProofResult(findings, problems);
    return findings;
  } finally {
    state().setProofChecking(false);
  }
}

/** Check again with the rules already read: after a fix, an ignore, an undo or typing. */
function recheck(): void {
  if (!rules) return;
  state().setProofResult(findingsNow(rules.loaded), rules.problems);
}

let pending: ReturnType<typeof setTimeout> | null = null;
// while the panel is open the list follows the briefing (edits, undo, redo)
useStore.subscribe((s, prev) => {
  if (!s.proofOpen || (s.briefing === prev.briefing && s.report === prev.report)) return;
  if (pending) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = null;
    recheck();
  }, 150);
});

/** 改正: the suggestion replaces the finding's characters in its item (one undo step). */
export function fix(finding: Finding): boolean {
  const { report, briefing } = state();
  if (!report) return false;
  const next = applyFix(report, briefing, finding);
  if (next === briefing) {
    recheck();
    return false;
  }
  state().setProofBriefing(next);
  recheck();
  return true;
}

/** 忽略: this finding is not reported again in this project. */
export function ignore(finding: Finding): void {
  state().setProofBriefing(ignoreFinding(state().briefing, finding));
  recheck();
}

/** 全部忽略此类: no finding of this rule is reported again in this project. */
export function ignoreAll(finding: Finding): void {
  state().setProofBriefing(ignoreRule(state().briefing, finding.ruleId));
  recheck();
}
