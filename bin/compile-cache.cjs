// V8's compiled code for the command line's bundle (out/cli), kept between calls: each file is
// compiled through vm.Script with the code V8 produced for it last time, and where there was none
// (or V8 refused it: another Node), the code a call ends up with, lazily compiled functions
// included, is saved as it exits. What v8-compile-cache does for any CommonJS file, for ours only.
'use strict';
const Module = require('node:module');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { basename, dirname, join, sep } = require('node:path');
const { Script } = require('node:vm');

/**
 * Compile the CommonJS files under `dir` with a code cache kept in `dir/.v8-cache`. A rebuild
 * empties `dir`, caches included, so a cache is never older than its file; the file's length in
 * the cache's name, which V8 checks too, guards against a file edited in place.
 */
function installCompileCache(dir) {
  // BRIEFING_COMPILE_CACHE=0 compiles everything afresh (the bench measures what the cache saves)
  if (process.env.BRIEFING_COMPILE_CACHE === '0') return;
  const prefix = dir.endsWith(sep) ? dir : `${dir}${sep}`;
  const cacheDir = join(prefix, '.v8-cache');
  const toSave = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (!filename.startsWith(prefix) || !filename.endsWith('.cjs'))
      return compile.call(this, content, filename);
    const cacheFile = join(cacheDir, `${basename(filename)}.${content.length}.v8`);
    let cachedData;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // none yet
    }
    const script = new Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) toSave.push({ script, cacheFile });
    const wrapper = script.runInThisContext({ displayErrors: true });
    const require = Module.createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  process.once('exit', () => {
    if (toSave.length === 0) return;
    try {
      mkdirSync(cacheDir, { recursive: true });
      for (const { script, cacheFile } of toSave) {
        const temp = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      }
    } catch {
      // a folder the user cannot write to: the next call compiles again, nothing more
    }
  });
}

module.exports = { installCompileCache };
