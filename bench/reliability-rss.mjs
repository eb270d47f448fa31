// Preloaded into a process the reliability bench starts (`node --import`): at exit, its peak
// resident memory (worker threads included, they share the process) goes to $BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
