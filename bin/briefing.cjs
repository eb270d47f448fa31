#!/usr/bin/env node
// `npx briefing …`: the command line, one bundle in out/cli. A call checks the build with one
// stat of that bundle (made by the first npm start, npm test, npm run build, or this file), never
// a scan of the sources, and loads only the modules its command needs, compiled with the code V8
// kept from the last call (compile-cache.cjs). CommonJS, so Node starts it without its ES-module
// loader.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const bundle = join(__dirname, '..', 'out', 'cli');
const entry = join(bundle, 'briefing.cjs');

async function run() {
  if (!existsSync(entry)) {
    process.stderr.write('正在构建简报工坊… / building Briefing Studio…\n');
    const { build } = await import(pathToFileURL(join(__dirname, '..', 'scripts', 'ensure-build.mjs')).href);
    build({ quiet: true });
  }
  require('./compile-cache.cjs').installCompileCache(bundle);
  const { main } = require(entry);
  return main(process.argv.slice(2), { workerScript: join(__dirname, 'task-worker.cjs') });
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`briefing: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
    process.exitCode = 1;
  },
);
