import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { aliases } from './vite.shared.ts';
import { RENDERER_CSP } from './main/security';

/** Put the one CSP (main/security.ts) into the renderer's index.html. */
const cspMeta = (): Plugin => ({
  name: 'briefing-csp',
  transformIndexHtml: (html) => html.replace('%BRIEFING_CSP%', RENDERER_CSP),
});

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  main: {
    resolve: { alias: aliases },
    build: {
      // zod is some ninety small modules: bundled, the host loads its schemas from one chunk
      // instead of resolving, reading and compiling each file as it starts
      externalizeDeps: { exclude: ['zod'] },
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // the Electron main process
          index: here('./main/index.ts'),
          // the loopback browser-mode host: plain Node, never imports electron (the command line
          // is bundled on its own, vite.cli.config.ts)
          browser: here('./main/browser.ts'),
          // the worker thread both hosts run imports and export writing in (never imports electron)
          'task-worker': here('./main/task-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: here('./main/preload.ts') },
        // a sandboxed preload cannot be an ES module
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: here('./renderer'),
    resolve: { alias: aliases },
    plugins: [react(), cspMeta()],
    build: {
      outDir: here('./out/renderer'),
      // no inline data: scripts, nothing from a CDN; the CSP is 'self' only
      assetsInlineLimit: 0,
      // a third of the size to parse at start-up (the desk must show within 1.5 s of npm start)
      minify: true,
      rollupOptions: { input: { index: here('./renderer/index.html') } },
    },
  },
});
