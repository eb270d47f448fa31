import type { Report } from '../../content/model/report';
import { parseArgs, unexpected, UsageError, type CliIO } from './args';
import { readSourceFile } from './options';

/** `briefing inspect FILE [--json]`: the parsed report, or a one-line summary of it. */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { positionals, flags } = parseArgs(args, { json: 'boolean', help: 'boolean' }, 'inspect');
  const [file, ...extra] = positionals;
  if (!file)
    throw new UsageError(
      'usage',
      '缺少要解析的文件（briefing inspect FILE）',
      'missing FILE (briefing inspect FILE)',
    );
  if (extra.length) throw unexpected(extra);
  const source = await readSourceFile(file, io.cwd);
  const [{ importWithLimits, workerFor }, { unreadableNotes }] = await Promise.all([
    import('../tasks/bounded-import'),
    import('../../content/import/unreadable'),
  ]);
  const report = await importWithLimits(source, workerFor(source, io.workerScript));
  for (const note of unreadableNotes(report)) io.stderr(`briefing: 注意：${note.zh} (note: ${note.en})\n`);
  if (flags.json) {
    const { inspectedStat } = await import('../../content/stats/inspect');
    const { raw: _raw, assets: _assets, decisions: _decisions, stats, sections, ...shown } = report;
    // the report as a reader sees it: its opening words (text before the first heading, under no
    // heading of their own) apart from its sections, each of which has a heading
    const opening = sections.find((s) => s.opening);
    const headed = sections.filter((s) => !s.opening);
    const printed = {
      ...shown,
      ...(opening ? { opening: { id: opening.id, blocks: opening.blocks } } : {}),
      sections: headed,
      stats: stats.map(inspectedStat),
    };
    io.stdout(`${JSON.stringify(printed, null, 2)}\n`);
  } else {
    const count = (s: Report['sections']): number => s.reduce((n, x) => n + 1 + count(x.sections), 0);
    io.stdout(
      `${report.title}\n章节 sections: ${count(report.sections.filter((s) => !s.opening))}　统计 stats: ${report.stats.length}　图表 figures: ${report.figures.length}　修复 repairs: ${report.repairs.length}\n`,
    );
  }
  return 0;
}
