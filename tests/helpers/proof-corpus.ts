import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_KINDS, type Finding, type FindingKind } from '../../content/proof';
import { ROOT } from './paths';

/**
 * The proofreading corpus: a clean brief (no finding may be reported on it) and the same brief
 * with errors seeded by tests/fixtures/proof/seeds.json. The seeded text and its answer key are
 * made here from the two files, so the key always says exactly where each error stands.
 */

export const PROOF_FIXTURES = join(ROOT, 'tests', 'fixtures', 'proof');

export interface Seed {
  line: number;
  find: string;
  replace: string;
  kind: FindingKind;
  note: string;
  /** the character in `replace` a proofreader points at, when it is not the changed one (an unpaired mark) */
  mark?: string;
}

/** One seeded error as it stands in the seeded text: 1-based line, 0-based column, its characters. */
export interface KeyEntry {
  line: number;
  column: number;
  text: string;
  kind: FindingKind;
  note: string;
}

export const cleanBrief = (): string => readFileSync(join(PROOF_FIXTURES, 'clean-brief.txt'), 'utf8');

export const seeds = (): Seed[] =>
  (JSON.parse(readFileSync(join(PROOF_FIXTURES, 'seeds.json'), 'utf8')) as { seeds: Seed[] }).seeds;

/** The characters a replacement changed: what is left after the common start and end are set aside. */
function changed(find: string, replace: string): { from: number; to: number } {
  let a = 0;
  while (a < find.length && a < replace.length && find[a] === replace[a]) a++;
  let b = 0;
  while (
    b < find.length - a &&
    b < replace.length - a &&
    find[find.length - 1 - b] === replace[replace.length - 1 - b]
  )
    b++;
  let from = a;
  let to = replace.length - b;
  // a deletion leaves nothing to point at: point at the characters on either side
  if (to <= from) {
    from = Math.max(0, from - 1);
    to = Math.min(replace.length, to + 1);
  }
  return { from, to };
}

/** Apply the seeds to the clean brief: the seeded text and its answer key. */
export function seededBrief(clean = cleanBrief(), list = seeds()): { text: string; key: KeyEntry[] } {
  const lines = clean.split('\n');
  const key: KeyEntry[] = [];
  for (const s of list) {
    const line = lines[s.line - 1];
    if (line === undefined) throw new Error(`seed on line ${s.line}: no such line`);
    const at = line.indexOf(s.find);
    if (at < 0 || line.indexOf(s.find, at + 1) >= 0)
      throw new Error(`seed on line ${s.line}: "${s.find}" is not once in the line`);
    lines[s.line - 1] = line.slice(0, at) + s.replace + line.slice(at + s.find.length);
    const delta = s.replace.length - s.find.length;
    const markAt = s.mark === undefined ? -1 : s.replace.indexOf(s.mark);
    const { from, to } =
      markAt >= 0 ? { from: markAt, to: markAt + s.mark!.length } : changed(s.find, s.replace);
    for (const k of key)
      if (k.line === s.line && k.column >= at + s.find.length) k.column += delta;
      else if (k.line === s.line && k.column + k.text.length > at && k.column < at + s.find.length)
        throw new Error(`seed on line ${s.line}: "${s.find}" overlaps an earlier seed`);
    key.push({
      line: s.line,
      column: at + from,
      text: s.replace.slice(from, to),
      kind: s.kind,
      note: s.note,
    });
  }
  const text = lines.join('\n');
  for (const k of key) {
    const got = lines[k.line - 1]!.slice(k.column, k.column + k.text.length);
    if (got !== k.text) throw new Error(`answer key is off on line ${k.line}: "${got}" ≠ "${k.text}"`);
  }
  return { text, key };
}

export interface KindScore {
  findings: number;
  seeded: number;
  found: number;
  /** findings that match a seeded error */
  correct: number;
  precision: number;
  recall: number;
}

export interface Score {
  byKind: Record<FindingKind, KindScore>;
  overall: KindScore;
  /** findings that match no seeded error, and seeded errors no finding matched */
  falsePositives: Finding[];
  missed: KeyEntry[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/**
 * Precision and recall against the answer key: a finding is correct when it is on the seeded
 * error's line, of its kind, and covers at least one of its characters. Each finding and each
 * seeded error counts once.
 */
export function score(findings: readonly Finding[], key: readonly KeyEntry[]): Score {
  const used = new Set<number>();
  const correct = new Set<Finding>();
  for (const f of findings) {
    if (!('line' in f.at)) continue;
    const line = f.at.line;
    const k = key.findIndex(
      (e, i) =>
        !used.has(i) &&
        e.line === line &&
        e.kind === f.kind &&
        f.start < e.column + e.text.length &&
        e.column < f.end,
    );
    if (k >= 0) {
      used.add(k);
      correct.add(f);
    }
  }
  const tally = (kind?: FindingKind): KindScore => {
    const fs = findings.filter((f) => !kind || f.kind === kind);
    const ks = key.filter((k) => !kind || k.kind === kind);
    const ok = fs.filter((f) => correct.has(f)).length;
    const found = key.filter((k, i) => used.has(i) && (!kind || k.kind === kind)).length;
    return {
      findings: fs.length,
      seeded: ks.length,
      found,
      correct: ok,
      precision: ratio(ok, fs.length),
      recall: ratio(found, ks.length),
    };
  };
  return {
    byKind: Object.fromEntries(FINDING_KINDS.map((k) => [k, tally(k)])) as Record<FindingKind, KindScore>,
    overall: tally(),
    falsePositives: findings.filter((f) => !correct.has(f)),
    missed: key.filter((_, i) => !used.has(i)),
  };
}

/** The score as a table, one line per kind, for the test log and `npm run bench`. */
export function scoreTable(s: Score): string {
  const row = (name: string, k: KindScore): string =>
    `${name.padEnd(12)}${String(k.seeded).padStart(8)}${String(k.findings).padStart(10)}${k.precision.toFixed(2).padStart(11)}${k.recall.toFixed(2).padStart(8)}`;
  return [
    `${'kind'.padEnd(12)}${'seeded'.padStart(8)}${'findings'.padStart(10)}${'precision'.padStart(11)}${'recall'.padStart(8)}`,
    ...FINDING_KINDS.map((k) => row(k, s.byKind[k])),
    row('overall', s.overall),
  ].join('\n');
}
