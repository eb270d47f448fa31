import { fileURLToPath } from 'node:url';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** Aliases shared by the app build and vitest, so `?raw` asset imports resolve the same way. */
export const aliases = {
  // reveal.js's package exports hide dist/reveal.js (the UMD build we inline into exported decks).
  'reveal-dist': here('./node_modules/reveal.js/dist'),
};
