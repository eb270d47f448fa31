import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules, markdownUnits, proofread, textUnits } from '../../../content/proof';
import { DISTRICT_REPORT_PATH } from '../../helpers/paths';
import {
  PROOF_FIXTURES,
  cleanBrief,
  score,
  scoreTable,
  seededBrief,
  seeds,
  type Seed,
} from '../../helpers/proof-corpus';

const rules = builtinRules().rules;
const read = (name: string): string => readFileSync(join(PROOF_FIXTURES, name), 'utf8');

describe('the proofreading corpus', () => {
  it('reports nothing on the clean brief and on clean texts of other kinds', () => {
    expect(proofread(textUnits(cleanBrief()), rules)).toEqual([]);
    expect(proofread(textUnits(read('clean-speech.txt')), rules)).toEqual([]);
    expect(proofread(markdownUnits(read('clean-notice.md')), rules)).toEqual([]);
    expect(proofread(textUnits(read('clean-gov-report.txt')), rules)).toEqual([]);
  });

  it('has at least 80 seeded errors, of every kind, and the committed seeded brief is the one the seeds make', () => {
    const list = seeds();
    expect(list.length).toBeGreaterThanOrEqual(80);
    const kinds = new Set(list.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['confusion', 'consistency', 'number', 'punct', 'repeat', 'wording']);
    const { text, key } = seededBrief();
    expect(read('seeded-brief.txt')).toBe(text);
    expect(JSON.parse(read('seeded-key.json'))).toEqual(key);
  });

  it('finds the seeded errors with precision ≥ 0.9 and recall ≥ 0.8 overall (printed per kind)', () => {
    const { text, key } = seededBrief();
    const s = score(proofread(textUnits(text), rules), key);
    console.log(`\n校对 corpus (${key.length} seeded errors)\n${scoreTable(s)}`);
    for (const f of s.falsePositives)
      console.log(
        `  not seeded: line ${'line' in f.at ? f.at.line : f.at.item} ${f.kind} 「${f.text}」 ${f.why}`,
      );
    for (const k of s.missed) console.log(`  missed: line ${k.line} ${k.kind} 「${k.text}」 (${k.note})`);
    expect(s.overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.overall.recall).toBeGreaterThanOrEqual(0.8);
  });
});

describe('a second seeded text, written after the rules', () => {
  it('is checked as well: a government work report with errors that are partly outside the word lists', () => {
    const list = (JSON.parse(read('seeds-gov.json')) as { seeds: Seed[] }).seeds;
    const { text, key } = seededBrief(read('clean-gov-report.txt'), list);
    const s = score(proofread(textUnits(text), rules), key);
    console.log(`\n校对 second text (${key.length} seeded errors)\n${scoreTable(s)}`);
    for (const k of s.missed) console.log(`  missed: line ${k.line} ${k.kind} 「${k.text}」 (${k.note})`);
    expect(s.overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.overall.recall).toBeGreaterThanOrEqual(0.8);
  });
});

describe.skipIf(!existsSync(DISTRICT_REPORT_PATH))(
  'the shared district report (skipped without ../shared)',
  () => {
    it('reports only the source’s own errors: half-width marks, a broken quotation and a doubled word', () => {
      const found = proofread(textUnits(readFileSync(DISTRICT_REPORT_PATH, 'utf8')), rules);
      const kinds = new Set(found.map((f) => f.ruleId));
      // every finding was read by a person: the newspaper text uses half-width , ; ( ) throughout,
      // one quotation lost its closing mark at a page break (“云 … 课堂), and 「实践实践」 is doubled
      expect([...kinds].sort()).toEqual(['punct.halfwidth', 'punct.quotes', 'repeat.word']);
      expect(found.filter((f) => f.ruleId === 'punct.quotes').map((f) => f.text)).toEqual(['“']);
      expect(found.filter((f) => f.ruleId === 'repeat.word').map((f) => f.text)).toEqual(['实践实践']);
      for (const f of found.filter((x) => x.ruleId === 'punct.halfwidth'))
        expect(['，', '；', '（湖）', '（村）', '（所、站）']).toContain(f.suggestion);
    });
  },
);
