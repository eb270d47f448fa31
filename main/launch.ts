import { isAbsolute, resolve } from 'node:path';
import { PROJECT_EXTENSION } from '../content/project';

/**
 * Project files the system asked the app to open: a double-clicked `.briefing` arrives as an
 * argument on the command line, of the first instance or of a second one that hands it over.
 * Switches (Chromium's and ours) and anything that is not a project are ignored.
 */
export function projectFilesIn(argv: readonly string[], workingDirectory: string): string[] {
  const suffix = `.${PROJECT_EXTENSION.toLowerCase()}`;
  return argv
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(suffix))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(workingDirectory, arg)));
}

/**
 * The files waiting to be opened, oldest first. Main adds to it; the page takes one at a time
 * (through `project:open` with the `launch` source) when it is ready for a document.
 */
export class LaunchQueue {
  private readonly waiting: string[] = [];

  add(paths: readonly string[]): boolean {
    for (const p of paths) if (!this.waiting.includes(p)) this.waiting.push(p);
    return paths.length > 0;
  }

  /** The next file to open, or null when none is waiting. */
  take(): string | null {
    return this.waiting.shift() ?? null;
  }
}
