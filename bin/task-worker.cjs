// A worker thread of batch conversion (`briefing build a.docx b.txt …`): the bundle's worker,
// compiled with the same code cache as the command line.
'use strict';
const { join } = require('node:path');
const { installCompileCache } = require('./compile-cache.cjs');

const bundle = join(__dirname, '..', 'out', 'cli');
installCompileCache(bundle);
require(join(bundle, 'task-worker.cjs'));
