import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  ProjectError,
  restoreProject,
  serializeProject,
  type ProjectContent,
  type RestoredProject,
} from '../content/project';
import { MAX_PROJECT_BYTES } from '../content/model/values';
import { AppError, fileErrorToAppError } from './errors';

export { MAX_PROJECT_BYTES } from '../content/model/values';

/** A project's file bytes, stamped with the save time and the app version. */
export function projectBytes(content: ProjectContent, appVersion: string, now = new Date()): Uint8Array {
  return new TextEncoder().encode(serializeProject(content, { savedAt: now, appVersion }));
}

/** A ProjectError (pure content/) as the AppError main sends to the page. */
export function projectErrorToAppError(err: unknown, fileName: string): AppError {
  if (err instanceof ProjectError) {
    return new AppError(
      `project-${err.code}`,
      `无法打开「${fileName}」：${err.messageZh}`,
      `Cannot open "${fileName}": ${err.messageEn}`,
    );
  }
  if (err instanceof AppError) return err;
  return fileErrorToAppError(err, fileName);
}

/**
 * How deep a project's JSON may nest. A saved project is some 20 levels deep (a report's sections
 * nest at most nine); checking is recursive, so a file nested thousands deep would exhaust the
 * stack: it is refused first, with a message that says what is wrong.
 */
export const MAX_PROJECT_DEPTH = 256;

/** The deepest nesting of `[` and `{` in JSON bytes, strings skipped; stops counting past `max`. */
export function jsonDepth(bytes: Uint8Array, max = MAX_PROJECT_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x5b || b === 0x7b) {
      if (++depth > deepest && (deepest = depth) > max) return deepest;
    } else if (b === 0x5d || b === 0x7d) depth--;
  }
  return deepest;
}

/** Read a project from bytes the page sent (browser mode's file chooser, a dropped file). */
export function openProjectBytes(name: string, bytes: Uint8Array): RestoredProject {
  if (bytes.length > MAX_PROJECT_BYTES) throw tooLarge(name);
  if (jsonDepth(bytes) > MAX_PROJECT_DEPTH) throw tooDeep(name);
  try {
    return restoreProject(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  } catch (err) {
    // a structure too deep for the checks to follow, past what the depth scan saw
    if (err instanceof RangeError) throw tooDeep(name);
    throw projectErrorToAppError(err, name);
  }
}

function tooDeep(name: string): AppError {
  return new AppError(
    'project-too-deep',
    `无法打开「${name}」：文件内容的层次嵌套过深（超过 ${MAX_PROJECT_DEPTH} 层），不是简报工坊保存的项目文件，可能已损坏或是特意构造的。`,
    `Cannot open "${name}": its content nests too deep (over ${MAX_PROJECT_DEPTH} levels) to be a project Briefing Studio saved; it may be damaged or crafted.`,
  );
}

/** Read a project file from disk. */
export async function readProjectFile(path: string): Promise<RestoredProject> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (info.size > MAX_PROJECT_BYTES) throw tooLarge(name);
    return openProjectBytes(name, await readFile(path));
  } catch (err) {
    throw projectErrorToAppError(err, name);
  }
}

function tooLarge(name: string): AppError {
  return new AppError(
    'project-too-large',
    `「${name}」太大，不像简报工坊的项目文件。请确认选择的是 .briefing 文件。`,
    `"${name}" is too large to be a Briefing Studio project. Check that you chose a .briefing file.`,
  );
}
