import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { RuleProblem, RuleSource } from '../content/proof/load';
import { jsonWhereZh } from './templates-user';

/**
 * An office's own proofreading rules: JSON rule files in a folder of the user's data directory
 * (`<userData>/proof`), read beside the built-in ones (templates/proof). A file that cannot be
 * read or parsed is one problem naming it; the checker still runs with the rest. What a file
 * says is validated by the same loader as the built-in files (content/proof/load.ts).
 */

export const userProofRulesDir = (dataDir: string): string => join(dataDir, 'proof');

/** Larger than any word list an office keeps; a bigger file is not read into memory. */
const MAX_RULE_FILE_BYTES = 2 * 1024 * 1024;

const problem = (file: string, zh: string, en: string): RuleProblem => ({
  file,
  field: '(file)',
  messageZh: `校对规则 ${file} 无效：${zh}`,
  messageEn: `proofreading rules ${file} are invalid: ${en}`,
});

/** Read every `.json` file in `dir` (a missing folder is no files). */
export async function readUserRuleFiles(
  dir: string,
): Promise<{ sources: RuleSource[]; problems: RuleProblem[] }> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && extname(e.name).toLowerCase() === '.json')
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b));
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') return { sources: [], problems: [] };
    return {
      sources: [],
      problems: [
        problem(
          dir,
          `文件夹无法读取（${code ?? '未知错误'}）`,
          `the folder could not be read (${code ?? 'unknown error'})`,
        ),
      ],
    };
  }
  const sources: RuleSource[] = [];
  const problems: RuleProblem[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      if ((await stat(path)).size > MAX_RULE_FILE_BYTES) {
        problems.push(problem(name, '文件过大，不是校对规则', 'the file is too large to be a rule file'));
        continue;
      }
      const text = await readFile(path, 'utf8');
      sources.push({ file: name, data: JSON.parse(text.replace(/^\uFEFF/, '')) });
    } catch (err) {
      const code = (err as { code?: string }).code;
      problems.push(
        err instanceof SyntaxError
          ? problem(name, `不是有效的 JSON（${jsonWhereZh(err)}）`, `not valid JSON (${err.message})`)
          : problem(
              name,
              `无法读取（${code ?? '未知错误'}）`,
              `could not be read (${code ?? 'unknown error'})`,
            ),
      );
    }
  }
  return { sources, problems };
}
