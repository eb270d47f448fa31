// A worker thread of batch conversion (`briefing build a.docx b.txt …`): the bundle's worker,
// compiled with the same code cache as the command line.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { installCompileCache } from './compile-cache.mjs';

const bundle = fileURLToPath(new URL('../out/cli/', import.meta.url));
installCompileCache(bundle);
createRequire(import.meta.url)(`${bundle}task-worker.cjs`);
