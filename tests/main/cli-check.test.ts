import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setItemText } from '../../content/briefing/edit';
import { toggleSection } from '../../content/briefing/select';
import { importPastedText } from '../../content/import';
import { emptyBriefing, type Briefing } from '../../content/model/briefing';
import { serializeProject } from '../../content/project';
import { runCli } from '../../main/cli';
import { Document, Packer, Paragraph } from 'docx';
import { PROOF_FIXTURES, cleanBrief, seededBrief } from '../helpers/proof-corpus';

async function cli(args: string[], cwd = mkdtempSync(join(tmpdir(), 'cli-check-'))) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr, cwd };
}

/** A Word document with one paragraph per string. */
const buildDocx = async (paragraphs: string[]): Promise<Uint8Array> =>
  new Uint8Array(
    await Packer.toBuffer(
      new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ text })) }] }),
    ),
  );

interface JsonFinding {
  kind: string;
  line: number | string;
  text: string;
  suggestion: string | null;
  rule: string;
}

describe('briefing check', () => {
  it('prints the findings of a report as written, with 1-based lines, and exits 3', async () => {
    const { code, stdout, stderr } = await cli(['check', join(PROOF_FIXTURES, 'seeded-brief.txt'), '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(3);
    const { findings } = JSON.parse(stdout) as { findings: JsonFinding[] };
    const { key } = seededBrief();
    expect(findings.length).toBeGreaterThanOrEqual(key.length - 2);
    const lines = seededBrief().text.split('\n');
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['kind', 'line', 'text', 'suggestion', 'rule']));
      expect(typeof f.line).toBe('number');
      // the offending characters exactly as they stand on that line
      expect(lines[(f.line as number) - 1]).toContain(f.text);
    }
    expect(findings).toContainEqual(
      expect.objectContaining({ kind: 'confusion', line: 14, text: '截止', suggestion: '截至' }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        kind: 'number',
        line: 50,
        text: '5～10%',
        suggestion: '5%～10%',
        rule: 'GB/T 15835-2011 4.1.3',
      }),
    );
  });

  it('exits 0 with nothing to report on a clean report, in words without --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-check-'));
    copyFileSync(join(PROOF_FIXTURES, 'clean-brief.txt'), join(dir, '汇报.txt'));
    const { code, stdout } = await cli(['check', '汇报.txt'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('没有发现问题');
    const json = await cli(['check', '汇报.txt', '--json'], dir);
    expect(JSON.parse(json.stdout)).toEqual({ findings: [] });
  });

  it('checks a GB18030 text file and a Word document as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-check-'));
    const gbk = new Uint8Array([
      0xbd, 0xd8, 0xd6, 0xb9, 0x36, 0xd4, 0xc2, 0xb5, 0xd7, 0x2c, 0xcd, 0xea, 0xb3, 0xc9, 0xa1, 0xa3,
    ]);
    writeFileSync(join(dir, 'gbk.txt'), gbk);
    const txt = await cli(['check', 'gbk.txt', '--json'], dir);
    expect(
      (JSON.parse(txt.stdout) as { findings: JsonFinding[] }).findings.map(
        (f: JsonFinding) => `${f.line}:${f.text}→${f.suggestion}`,
      ),
    ).toEqual(['1:截止→截至', '1:,→，']);
    writeFileSync(
      join(dir, 'r.docx'),
      await buildDocx(['上半年工作总结', '全区完成投资12亿元,同比增长5%。', '推进推进改革。']),
    );
    const docx = await cli(['check', 'r.docx', '--json'], dir);
    expect(docx.code).toBe(3);
    expect(
      (JSON.parse(docx.stdout) as { findings: JsonFinding[] }).findings.map(
        (f: JsonFinding) => `${f.line}:${f.kind}:${f.text}`,
      ),
    ).toEqual(['2:punct:,', '3:repeat:推进推进']);
  });

  it('checks a project’s briefing by item id and leaves out what staff ignored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-check-'));
    const report = importPastedText(cleanBrief());
    let b: Briefing = report.sections.reduce((x, s) => toggleSection(x, report, s.id, true), emptyBriefing());
    const item = b.items.find((i) => i.ref.type === 'block')!;
    b = setItemText(b, report, item.id, '推进改革，，加快发展,稳住经济。');
    writeFileSync(
      join(dir, 'p.briefing'),
      serializeProject({ name: 'p', report, briefing: b }, { savedAt: new Date(0) }),
    );
    const first = await cli(['check', 'p.briefing', '--json'], dir);
    expect(first.code).toBe(3);
    const findings = JSON.parse(first.stdout).findings as Array<JsonFinding & { field: string }>;
    // the half-width comma is not reported: compose sets it full-width in every output
    expect(findings.map((f) => `${f.line}:${f.field}:${f.text}`)).toEqual([`${item.id}:text:，，`]);
    const ignored = { ...b, proof: { ignored: [], ignoredRules: ['punct.doubled'] } };
    writeFileSync(
      join(dir, 'p.briefing'),
      serializeProject({ name: 'p', report, briefing: ignored }, { savedAt: new Date(0) }),
    );
    expect((await cli(['check', 'p.briefing'], dir)).code).toBe(0);
  });

  it('uses an office’s rule folder and names a broken rule file on stderr without stopping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-check-'));
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'r.txt'), '清禾区召开会议。\n');
    writeFileSync(
      join(dir, 'rules', '本单位.json'),
      JSON.stringify({
        format: 'briefing-studio/proof-rules',
        version: 1,
        name: { zh: '本单位' },
        entries: [
          {
            type: 'replace',
            id: 'office.qinghe',
            kind: 'wording',
            find: '清禾区',
            fix: '青禾区',
            source: '区政府办公室',
            why: '本区名称是「青禾区」',
            examples: { wrong: ['清禾区召开会议。'], right: ['青禾区召开会议。'] },
          },
        ],
      }),
    );
    writeFileSync(join(dir, 'rules', '坏的.json'), '{ "format": ');
    const { code, stdout, stderr } = await cli(['check', 'r.txt', '--rules', 'rules', '--json'], dir);
    expect(code).toBe(3);
    expect(JSON.parse(stdout).findings).toEqual([
      expect.objectContaining({
        kind: 'wording',
        line: 1,
        text: '清禾区',
        suggestion: '青禾区',
        rule: '区政府办公室',
      }),
    ]);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('坏的.json');
    expect(stderr).toMatch(/不是有效的 JSON.*not valid JSON/);
  });

  it('fails in one line, in both languages: no file, a missing file, an unknown format, a bad option', async () => {
    const none = await cli(['check']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^briefing: 缺少要校对的文件.*\(missing FILE.*\)\n$/);
    const missing = await cli(['check', 'nothere.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.split('\n')).toHaveLength(2);
    expect(missing.stderr).toContain('找不到');
    const pptx = await cli(['check', 'deck.pptx']);
    expect(pptx.code).toBe(2);
    expect(pptx.stderr).toContain('只支持');
    const bad = await cli(['check', 'r.txt', '--fix']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('未知选项 --fix');
  });

  it('is in the command list and has its own help', async () => {
    expect((await cli(['--help'])).stdout).toContain('briefing check FILE|PROJECT');
    const help = await cli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--json');
    expect(help.stdout).toContain('3');
  });
});
