import { defineConfig } from '@playwright/test';

/** Debian's Chromium, offline: the flags keep it from reaching for the network at start-up. */
export const CHROMIUM = {
  executablePath: process.env.BRIEFING_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 180_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // one second try absorbs a desk test that lost a race on a loaded machine; `npm test` names
  // every test that needed it (scripts/test-totals.mjs), so flakiness is seen, not hidden
  retries: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: CHROMIUM,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    acceptDownloads: true,
    trace: 'off',
  },
});
