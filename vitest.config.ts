import { defineConfig } from 'vitest/config';
import { aliases } from './vite.shared.ts';

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // deck themes and reveal.js are imported as CSS text (?raw); without this vitest hands them over empty
    css: { include: [/\.css(\?raw)?$/] },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
