#!/usr/bin/env node
// `npx briefing …`: the command line, one bundle in out/cli. A call checks the build with one
// stat of that bundle (made by the first npm start, npm test, npm run build, or this file), never
// a scan of the sources, and loads only the modules its command needs, compiled with the code V8
// kept from the last call (compile-cache.mjs).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { installCompileCache } from './compile-cache.mjs';

const require = createRequire(import.meta.url);
const bundle = fileURLToPath(new URL('../out/cli/', import.meta.url));
const entry = `${bundle}briefing.cjs`;

try {
  if (!existsSync(entry)) {
    process.stderr.write('正在构建简报工坊… / building Briefing Studio…\n');
    const { build } = await import('../scripts/ensure-build.mjs');
    build({ quiet: true });
  }
  installCompileCache(bundle);
  const { main } = require(entry);
  process.exitCode = await main(process.argv.slice(2), {
    workerScript: fileURLToPath(new URL('./task-worker.mjs', import.meta.url)),
  });
} catch (err) {
  process.stderr.write(`briefing: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
  process.exitCode = 1;
}
