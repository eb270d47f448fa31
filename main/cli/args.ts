import { AppError } from '../errors';

/** What a command writes to and where it runs: the real terminal, or a test's buffers. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /**
   * The worker-thread script imports and conversions run in, under the desk's heap, memory and
   * time limits (a crafted file ends with one line naming the limit, never a crash). The bundled
   * command line names its own (bin/task-worker.cjs, the bundle's worker with the code cache);
   * without one (the command line run from its sources, as tests do) jobs run in place, one after
   * another, where the importers' own limits still hold.
   */
  workerScript?: string | URL;
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends AppError {}

/** 'list': a string option that may be given more than once, each value kept in order. */
export type FlagSpec = Record<string, 'boolean' | 'string' | 'list'>;

export interface Parsed {
  positionals: string[];
  flags: Record<string, string | boolean | string[]>;
}

/** Split a command's arguments by its flag table; an unknown option or a missing value is a UsageError. */
export function parseArgs(args: readonly string[], spec: FlagSpec, command: string): Parsed {
  const positionals: string[] = [];
  const flags: Parsed['flags'] = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq >= 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
    const key = name === 'h' ? 'help' : name;
    const kind = spec[key];
    if (!kind)
      throw new UsageError(
        'usage',
        `未知选项 ${arg}（运行 briefing ${command} --help 查看用法）`,
        `unknown option ${arg} (see briefing ${command} --help)`,
      );
    if (kind === 'boolean') {
      flags[key] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '')
      throw new UsageError('usage', `选项 --${key} 需要一个值`, `option --${key} needs a value`);
    const before = flags[key];
    flags[key] = kind === 'list' ? [...(Array.isArray(before) ? before : []), value] : value;
  }
  return { positionals, flags };
}

/** Arguments a command does not take. */
export function unexpected(extra: readonly string[]): UsageError {
  return new UsageError('usage', `多余的参数：${extra.join(' ')}`, `unexpected argument: ${extra.join(' ')}`);
}
