import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../content/model/report';
import { decodeWireBytes } from '../../content/util/wire';
import { defaultWorkerLimits, WorkerPool } from './runner';

/**
 * An import for the command line, under the same limits as the desk's: in a worker thread of its
 * own, with the hosts' heap, memory and time limits, so that no file takes the command line past
 * them (a crafted file ends with one line saying which limit it met, never a crash of the whole
 * process). Without the built worker script (the command line run from its sources, as tests do),
 * the import runs in this thread, where the importer's own limits still hold.
 */
export async function importWithLimits(
  input: { name: string; bytes: Uint8Array },
  worker: URL | string | undefined,
): Promise<Report> {
  if (!worker || !existsSync(typeof worker === 'string' ? worker : fileURLToPath(worker))) {
    const { importReport } = await import('../../content/import');
    return importReport(input);
  }
  const pool = new WorkerPool({ script: worker, size: 1, ...defaultWorkerLimits() });
  try {
    const { encoded } = await pool.run({ kind: 'import', name: input.name, bytes: input.bytes });
    return decodeWireBytes(encoded) as Report;
  } finally {
    await pool.close();
  }
}
