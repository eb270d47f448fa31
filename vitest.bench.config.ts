import { defineConfig } from 'vitest/config';
import { aliases } from './vite.shared.ts';

/** `npm run bench`: the files in bench/ measure and print figures; they do not pass or fail on speed. */
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    // deck themes and reveal.js are imported as CSS text (?raw); without this vitest hands them over empty
    css: { include: [/\.css(\?raw)?$/] },
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
