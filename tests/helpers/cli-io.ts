import type { CliIO } from '../../main/cli';
import { ROOT } from './paths';

/** The command line's input and output as a test sees them: what it printed, run from the checkout. */
export function fakeIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd: ROOT,
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}
