import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../content/model/report';
import { decodeWireBytes } from '../../content/util/wire';
import { runJob, type Job, type JobKind, type JobResult } from './jobs';
import { defaultWorkerLimits, WorkerPool } from './runner';

/**
 * One job for the command line, under the same limits as the desk's: in a worker thread of its
 * own, with the hosts' heap, memory and time limits, so that no file takes the command line past
 * them (a crafted file ends with one line saying which limit it met, never a crash of the whole
 * process). Without the built worker script (the command line run from its sources, as tests do),
 * the job runs in this thread, where the importers' own limits still hold.
 */
export async function runBounded<K extends JobKind>(
  job: Extract<Job, { kind: K }>,
  worker: URL | string | undefined,
): Promise<JobResult<K>> {
  if (!worker || !existsSync(typeof worker === 'string' ? worker : fileURLToPath(worker))) return runJob(job);
  const pool = new WorkerPool({ script: worker, size: 1, ...defaultWorkerLimits() });
  try {
    return await pool.run(job);
  } finally {
    await pool.close();
  }
}

/**
 * An import for the command line under the desk's limits (runBounded). Given the file's path, a
 * Markdown report's pictures are read from its folder, and only from there.
 */
export async function importWithLimits(
  input: { name: string; bytes: Uint8Array; path?: string },
  worker: URL | string | undefined,
): Promise<Report> {
  const { name, bytes, path } = input;
  const { encoded } = await runBounded({ kind: 'import', name, bytes, ...(path ? { path } : {}) }, worker);
  return decodeWireBytes(encoded) as Report;
}
