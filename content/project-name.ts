/** A project file's extension; the page names projects from file names without loading the project schema. */
export const PROJECT_EXTENSION = 'briefing';

/** A project's name from a file name: the base name without `.briefing`. */
export function projectNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.briefing$/i, '') || base;
}
