// Writes the deck fixtures as HTML files for the Playwright deck specs: `node tests/e2e/deck-write.mjs DIR`.
// Vite's module runner loads the TypeScript sources with the app's aliases and ?raw imports, so
// the specs test the same code the app runs, with no build step and no global setup.
import { runnerImport } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node tests/e2e/deck-write.mjs DIR\n');
  process.exit(2);
}
const { module: shared } = await runnerImport(`${root}vite.shared.ts`, {
  configFile: false,
  logLevel: 'error',
});
const { module } = await runnerImport(`${root}tests/fixtures/deck/write-decks.ts`, {
  configFile: false,
  logLevel: 'error',
  root,
  resolve: { alias: shared.aliases },
});
const written = await module.writeDecks(dir);
process.stdout.write(`${written.length} decks written to ${dir}\n`);
