import { defineConfig } from 'vitest/config';
import { aliases } from './vite.shared.ts';

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // without it vitest hands every .css import, `?raw` included, an empty string, so the
    // template CSS that ships with the app would be missing from tests
    css: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
