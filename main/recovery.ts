import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { restoreProject, serializeProject, type Project, type ProjectContent } from '../content/project';
import { writeFileAtomic } from './files';

/**
 * The recovery file: the desk's document as it was at the last autosave (every 30 s while there
 * are unsaved changes, and before every export). A clean save or close removes it, so finding
 * one at start means the last session ended without saving: the page offers to recover it.
 */

const RECOVERY_FORMAT = 'briefing-studio/recovery';

const RecoveryRecordSchema = z.object({
  format: z.literal(RECOVERY_FORMAT),
  savedAt: z.string(),
  /** the project file the work belongs to, if it had been saved before */
  path: z.string().nullable(),
  project: z.unknown(),
});

export type RecoveryState =
  { found: false } | { found: true; savedAt: string; path: string | null; project: Project };

export const recoveryFile = (dataDir: string): string => join(dataDir, 'recovery', 'recovery.json');

/** The recovery file's bytes for the desk's document: pure work, done where the request is read. */
export function recoveryRecord(
  content: ProjectContent,
  path: string | null,
  appVersion: string,
  now = new Date(),
): { bytes: Uint8Array; savedAt: string } {
  const savedAt = now.toISOString();
  const record = `{"format":"${RECOVERY_FORMAT}","savedAt":"${savedAt}","path":${JSON.stringify(path)},"project":${serializeProject(content, { savedAt: now, appVersion })}}`;
  return { bytes: new TextEncoder().encode(record), savedAt };
}

/** Put a recovery record (recoveryRecord) in place of the last one. */
export async function writeRecoveryRecord(
  dataDir: string,
  record: { bytes: Uint8Array; savedAt: string },
): Promise<{ savedAt: string }> {
  await mkdir(join(dataDir, 'recovery'), { recursive: true });
  await writeFileAtomic(recoveryFile(dataDir), record.bytes);
  return { savedAt: record.savedAt };
}

export async function writeRecovery(
  dataDir: string,
  content: ProjectContent,
  path: string | null,
  appVersion: string,
  now = new Date(),
): Promise<{ savedAt: string }> {
  return writeRecoveryRecord(dataDir, recoveryRecord(content, path, appVersion, now));
}

/** The recovery file's work, or not found. A damaged file counts as none: there is nothing to offer. */
export async function readRecovery(dataDir: string): Promise<RecoveryState> {
  let text: string;
  try {
    text = await readFile(recoveryFile(dataDir), 'utf8');
  } catch {
    return { found: false };
  }
  try {
    const record = RecoveryRecordSchema.parse(JSON.parse(text));
    const { project } = restoreProject(record.project);
    return { found: true, savedAt: record.savedAt, path: record.path, project };
  } catch {
    return { found: false };
  }
}

export async function clearRecovery(dataDir: string): Promise<void> {
  await rm(recoveryFile(dataDir), { force: true });
}
