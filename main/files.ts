import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileErrorToAppError } from './errors';

/**
 * Write a file atomically: the bytes go to a temporary file beside the target, are flushed to
 * disk, and only then renamed over the target. A failed write (disk full, file locked by Word)
 * leaves the old file as it was and no half-written file behind.
 *
 * A temporary file is named `.NAME.<pid>.<hex>.tmp` after the target and the process writing it.
 * One whose process ends mid-write is removed on the way out wherever that can be caught (a
 * normal exit, Ctrl+C, a kill); one left by a process killed outright is swept at the next write
 * into that folder, once its process is gone.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  writing.add(temp);
  watchExit();
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
  } finally {
    writing.delete(temp);
  }
  // the folder was writable a moment ago: a good time to clear what killed writes left in it
  await sweepStaleTemps(dirname(target)).catch(() => undefined);
}

/** Temporary files this process is writing now. */
const writing = new Set<string>();

/** Ours: `.NAME.<pid>.<12 hex>.tmp`, or `.NAME.<12 hex>.tmp` as earlier versions named them. */
const TEMP_NAME = /^\..+?\.(?:(\d+)\.)?[0-9a-f]{12}\.tmp$/;
/** A temp of an earlier version (no pid) is stale past this age: no write takes that long. */
const STALE_MS = 10 * 60 * 1000;

function removeWriting(): void {
  for (const temp of writing) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or removed
    }
  }
  writing.clear();
}

let watching = false;
/**
 * Remove half-written temporaries when the process ends: on exit, and on the signals that end it.
 * A signal handler is added only where nothing else handles that signal, and passes the signal on
 * afterwards, so the process still ends as it would have (browser mode handles its own signals
 * and exits; the exit handler cleans up then).
 */
function watchExit(): void {
  if (watching) return;
  watching = true;
  process.once('exit', removeWriting);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      removeWriting();
      process.removeListener(signal, onSignal);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is just not ours to signal
    return (err as { code?: string }).code === 'EPERM';
  }
}

/**
 * Remove temporaries of our naming in `dir` whose writer is gone: a process that no longer runs,
 * or (for the older naming, which has no pid) one older than any write takes. Files of any other
 * name are never touched.
 */
export async function sweepStaleTemps(dir: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir)) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    if (writing.has(path)) continue;
    const pid = m[1] ? Number(m[1]) : undefined;
    if (pid !== undefined && pid !== process.pid && processAlive(pid)) continue;
    if (pid === undefined) {
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || now - info.mtimeMs < STALE_MS) continue;
    }
    await unlink(path).then(
      () => removed.push(path),
      () => undefined,
    );
  }
  return removed;
}
