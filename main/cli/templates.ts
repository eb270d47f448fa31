import { parseArgs, unexpected, type CliIO } from './args';
import { templatesFor } from './options';

/** `briefing templates [--json] [--templates DIR]`: the templates a build can use. */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { positionals, flags } = parseArgs(
    args,
    { json: 'boolean', templates: 'string', help: 'boolean' },
    'templates',
  );
  if (positionals.length) throw unexpected(positionals);
  const list = (await templatesFor(flags, io)).registry.list();
  if (flags.json) io.stdout(`${JSON.stringify(list, null, 2)}\n`);
  else
    for (const t of list)
      io.stdout(
        `${t.kind === 'brief' ? 'Word 简报' : '幻灯片  '}  ${t.id.padEnd(10)} ${t.name.zh} / ${t.name.en}${t.builtin ? '' : '（自定义 custom）'}\n`,
      );
  return 0;
}
