#!/usr/bin/env node
// `npx briefing …`: the headless command line. Builds the app first if needed.
import { ensureBuild } from '../scripts/ensure-build.mjs';

try {
  ensureBuild({ quiet: true });
  const { main } = await import('../out/main/cli.js');
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`briefing: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
  process.exitCode = 1;
}
