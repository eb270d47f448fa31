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
 * the import runs in this thread, where the importer's own limits still hold. Given the file's
 * path, a Markdown report's pictures are read from its folder, and only from there.
 */
export async function importWithLimits(
  input: { name: string; bytes: Uint8Array; path?: string },
  worker: URL | string | undefined,
): Promise<Report> {
  if (!worker || !existsSync(typeof worker === 'string' ? worker : fileURLToPath(worker))) {
    const [{ importReport }, { folderSiblings }] = await Promise.all([
      import('../../content/import'),
      import('../sibling-files'),
    ]);
    const { name, bytes, path } = input;
    return importReport({ name, bytes, ...(path ? { siblings: folderSiblings(path) } : {}) });
  }
  const pool = new WorkerPool({ script: worker, size: 1, ...defaultWorkerLimits() });
  try {
    const { name, bytes, path } = input;
    const { encoded } = await pool.run({ kind: 'import', name, bytes, ...(path ? { path } : {}) });
    return decodeWireBytes(encoded) as Report;
  } finally {
    await pool.close();
  }
}
