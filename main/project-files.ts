import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  ProjectError,
  restoreProject,
  serializeProject,
  type ProjectContent,
  type RestoredProject,
} from '../content/project';
import { AppError, fileErrorToAppError } from './errors';

/** The largest project file we read: reports with many images stay far below this. */
export const MAX_PROJECT_BYTES = 512 * 1024 * 1024;

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

/** Read a project from bytes the page sent (browser mode's file chooser, a dropped file). */
export function openProjectBytes(name: string, bytes: Uint8Array): RestoredProject {
  if (bytes.length > MAX_PROJECT_BYTES) throw tooLarge(name);
  try {
    return restoreProject(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  } catch (err) {
    throw projectErrorToAppError(err, name);
  }
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
