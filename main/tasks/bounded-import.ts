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

/** Plain text up to this size is read in the command line's own thread (see `workerFor`). */
export const IN_THREAD_TEXT_BYTES = 2 * 1024 * 1024;

/**
 * The worker a command-line job on this source needs, or none. A Word or PDF file is a container
 * whose parts unpack to any size: it is always read in a worker under the desk's heap, memory and
 * time limits. Plain text and Markdown of a report's size (a real one is tens of kilobytes) are read
 * in the command line's own thread, where the importers' own limits hold and the work is linear in
 * the text: a worker would cost more to start than the whole conversion (issue 13's speed beside
 * pandoc). Anything larger goes to the worker like a container.
 */
export function workerFor(
  source: { name: string; bytes: Uint8Array } | undefined,
  worker: URL | string | undefined,
): URL | string | undefined {
  if (!source) return undefined;
  const plain = /\.(txt|text|md|markdown)$/i.test(source.name);
  return plain && source.bytes.length <= IN_THREAD_TEXT_BYTES ? undefined : worker;
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
