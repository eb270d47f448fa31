import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { RecentEntrySchema, type RecentEntry } from './contract';
import { writeFileAtomic } from './files';

/** Recently opened or saved project files, newest first, kept in the data directory. */

export const MAX_RECENT = 10;

const recentFile = (dataDir: string): string => join(dataDir, 'recent.json');

async function readAll(dataDir: string): Promise<RecentEntry[]> {
  try {
    const parsed = z
      .array(RecentEntrySchema)
      .safeParse(JSON.parse(await readFile(recentFile(dataDir), 'utf8')));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/** The recent list, leaving out files that were moved or deleted since. */
export async function listRecent(dataDir: string): Promise<RecentEntry[]> {
  const all = await readAll(dataDir);
  const present = await Promise.all(all.map((e) => exists(e.path)));
  return all.filter((_, i) => present[i]);
}

/** Put a file at the top of the recent list (once), keeping at most MAX_RECENT. */
export async function addRecent(dataDir: string, entry: RecentEntry): Promise<RecentEntry[]> {
  const list = [entry, ...(await readAll(dataDir)).filter((e) => e.path !== entry.path)].slice(0, MAX_RECENT);
  await mkdir(dataDir, { recursive: true });
  await writeFileAtomic(recentFile(dataDir), new TextEncoder().encode(JSON.stringify(list, null, 2)));
  return list;
}

/** Whether a path is on the recent list: the page may only name files main has seen. */
export async function isRecent(dataDir: string, path: string): Promise<boolean> {
  return (await readAll(dataDir)).some((e) => e.path === path);
}
