import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileErrorToAppError } from './errors';

/**
 * Write a file atomically: the bytes go to a temporary file beside the target, are flushed to
 * disk, and only then renamed over the target. A failed write (disk full, file locked by Word)
 * leaves the old file as it was and no half-written file behind.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw fileErrorToAppError(err, basename(target));
  }
}
