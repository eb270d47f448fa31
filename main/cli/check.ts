import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { ProofMemory } from '../../content/model/briefing';
import type { RawBlock } from '../../content/model/report';
import {
  briefingUnits,
  markdownUnits,
  proofread,
  rulesWith,
  textUnits,
  unignored,
  type Finding,
  type ProofUnit,
} from '../../content/proof';
import { FINDING_KINDS, type FindingKind } from '../../content/proof/types';
import { MAX_SOURCE_BYTES } from '../../content/import';
import { parseArgs, UsageError, type CliIO } from './args';
import { AppError, fileErrorToAppError } from '../errors';
import { readUserRuleFiles } from '../proof-rules-user';

/**
 * `briefing check FILE|PROJECT`: proofread a report as written (its lines) or a project's
 * briefing (its items), print the findings, and exit 3 when there are any, so an office can gate
 * a batch of files on it.
 */

const KIND_ZH: Record<FindingKind, string> = {
  punct: '标点',
  number: '数字',
  consistency: '一致性',
  repeat: '重复',
  confusion: '易错字词',
  wording: '规范表述',
};

interface Checked {
  findings: Finding[];
  /** what each finding's `line` is: a line number, or an item id */
  project: boolean;
}

const CHECKABLE = ['.txt', '.text', '.md', '.markdown', '.docx', '.pdf', '.briefing'];

const unsupported = (name: string): UsageError =>
  new UsageError(
    'usage',
    `不能校对「${name}」：只支持 .txt .md .docx .pdf 报告和 .briefing 项目`,
    `cannot check "${name}": only .txt .md .docx .pdf reports and .briefing projects`,
  );

/** The text blocks of a Word or PDF file, each a unit on its paragraph's number. */
function blockUnits(blocks: readonly RawBlock[]): ProofUnit[] {
  const units: ProofUnit[] = [];
  let ordinal = 0;
  for (const b of blocks) {
    ordinal++;
    const line = b.src?.paragraph !== undefined ? b.src.paragraph + 1 : ordinal;
    if (b.type === 'text')
      units.push({ at: { line }, text: b.text, role: b.hints?.heading ? 'heading' : 'body' });
    else if (b.type === 'table')
      for (const row of b.rows)
        for (const cell of row) units.push({ at: { line }, text: cell, role: 'body' });
  }
  return units;
}

async function unitsOf(
  name: string,
  bytes: Uint8Array,
  worker: URL | string | undefined,
): Promise<{ units: ProofUnit[]; project?: { proof?: ProofMemory } }> {
  const ext = extname(name).toLowerCase();
  switch (ext) {
    case '.txt':
    case '.text':
    case '.md':
    case '.markdown': {
      const { decodeText } = await import('../../content/import/decode');
      const { text } = decodeText(bytes);
      return { units: ext === '.md' || ext === '.markdown' ? markdownUnits(text) : textUnits(text) };
    }
    case '.docx':
    case '.pdf': {
      // a container unpacks to any size: read it in a worker under the desk's limits, like inspect
      // and build do; its raw blocks are what the source says, before any repair
      const { importWithLimits, workerFor } = await import('../tasks/bounded-import');
      const source = { name, bytes };
      return { units: blockUnits((await importWithLimits(source, workerFor(source, worker))).raw) };
    }
    case '.briefing': {
      const { restoreProject } = await import('../../content/project');
      const { project } = restoreProject(new TextDecoder().decode(bytes));
      return {
        units: briefingUnits(project.report, project.briefing),
        project: { ...(project.briefing.proof ? { proof: project.briefing.proof } : {}) },
      };
    }
    default:
      throw unsupported(name);
  }
}

/** Proofread one file with the built-in rules and those given. */
export async function checkFile(
  path: string,
  rules: Awaited<ReturnType<typeof rulesFor>>,
  shownAs = path,
  worker?: URL | string,
): Promise<Checked> {
  if (!CHECKABLE.includes(extname(path).toLowerCase())) throw unsupported(shownAs);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (info.size > MAX_SOURCE_BYTES)
      throw new AppError(
        'too-large',
        `「${shownAs}」超过 200 MB，不是报告或项目文件`,
        `"${shownAs}" is over 200 MB: not a report or project file`,
      );
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileErrorToAppError(err, shownAs);
  }
  const { units, project } = await unitsOf(basename(path), bytes, worker);
  const found = proofread(units, rules);
  return { findings: project ? unignored(found, project.proof) : found, project: project !== undefined };
}

/** The built-in rules plus an office's folder (`--rules`); its problems go to stderr, one line each. */
async function rulesFor(dir: string | undefined, io: CliIO) {
  if (!dir) return rulesWith([]).rules;
  const path = resolve(io.cwd, dir);
  let isFolder = false;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (err) {
    throw fileErrorToAppError(err, dir);
  }
  if (!isFolder)
    throw new UsageError(
      'usage',
      `「${dir}」不是文件夹：--rules 需要放着校对规则文件的文件夹`,
      `"${dir}" is not a folder: --rules takes the folder the rule files are in`,
    );
  const read = await readUserRuleFiles(path);
  const loaded = rulesWith(read.sources);
  for (const p of [
    ...read.problems,
    ...loaded.problems.filter((p) => read.sources.some((s) => s.file === p.file)),
  ])
    io.stderr(`briefing: 已跳过 ${p.messageZh} (skipped: ${p.messageEn})\n`);
  return loaded.rules;
}

/** `briefing check FILE|PROJECT [--json] [--rules DIR]`: proofread, exit code 3 on findings. */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { positionals, flags } = parseArgs(
    args,
    { json: 'boolean', rules: 'string', help: 'boolean' },
    'check',
  );
  const [file, ...extra] = positionals;
  if (!file)
    throw new UsageError(
      'usage',
      '缺少要校对的文件（briefing check FILE）',
      'missing FILE (briefing check FILE)',
    );
  if (extra.length)
    throw new UsageError(
      'usage',
      `多余的参数：${extra.join(' ')}`,
      `unexpected argument: ${extra.join(' ')}`,
    );
  const rules = await rulesFor(typeof flags.rules === 'string' ? flags.rules : undefined, io);
  const { findings, project } = await checkFile(resolve(io.cwd, file), rules, file, io.workerScript);
  if (flags.json) {
    const list = findings.map((f) => ({
      kind: f.kind,
      line: 'line' in f.at ? f.at.line : f.at.item,
      text: f.text,
      suggestion: f.suggestion,
      rule: f.rule,
      ...('line' in f.at ? { column: f.start + 1 } : { field: f.at.field }),
      ruleId: f.ruleId,
      why: f.why,
      whyEn: f.whyEn,
    }));
    io.stdout(`${JSON.stringify({ findings: list }, null, 2)}\n`);
  } else {
    for (const f of findings) {
      const where =
        'line' in f.at ? `第 ${f.at.line} 行` : `${f.at.item}（${f.at.field === 'title' ? '标题' : '正文'}）`;
      const fix = f.suggestion === null ? '' : ` → 「${f.suggestion}」`;
      io.stdout(`${where}  [${KIND_ZH[f.kind]}]  「${f.text}」${fix}  ${f.why}（${f.rule}）\n`);
    }
    const counts = FINDING_KINDS.map((k) => [k, findings.filter((f) => f.kind === k).length] as const)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${KIND_ZH[k]} ${n}`);
    io.stdout(
      findings.length === 0
        ? `没有发现问题。No findings.\n`
        : `共 ${findings.length} 处${project ? '（已忽略的不计）' : ''}：${counts.join('，')}。${findings.length} finding(s).\n`,
    );
  }
  return findings.length > 0 ? 3 : 0;
}
